import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { SCAN_DPI_RANGE } from '../../src/ocr/ocr-defaults.ts';
import { renderDpi } from '../../src/ocr/ocr-document.ts';
import { openPdfRenderer } from '../../src/ocr/render-pdf-page.ts';

const samples = join(import.meta.dirname, '../../samples');

async function imageDpis(path: string): Promise<Array<number | null>> {
  const renderer = await openPdfRenderer(readFileSync(join(samples, path)));
  try {
    const out: Array<number | null> = [];
    for (let page = 1; page <= renderer.pageCount; page++) out.push(await renderer.imageDpi(page));
    return out;
  } finally {
    await renderer.close();
  }
}

describe('scanned PDF pages are rendered at the scan’s own resolution', () => {
  it('finds the resolution of the scan drawn on each page', async () => {
    expect(await imageDpis('2024/ostre-toten-invalid-orgnr-skannet/soknad.pdf')).toEqual([300, 300]);
    expect(
      await imageDpis('2025/hamar-tryggest-clean-skannet/Søknad-TryggEst-2025-Hamar-kommune.pdf'),
    ).toEqual([200]);
  });

  it('finds none on typed pages, and the scan on the scanned page of a mixed document', async () => {
    expect(await imageDpis('2024/ostre-toten-invalid-orgnr/soknad.pdf')).toEqual([null, null]);
    expect(await imageDpis('2025/tromso-voksne-fact-clean-skannet/soknad.pdf')).toEqual([null, 200]);
  });

  it('keeps the render resolution within bounds, and uses the fallback for pages without a scan', () => {
    expect(renderDpi(300, 200)).toBe(300);
    expect(renderDpi(600, 200)).toBe(SCAN_DPI_RANGE.max);
    expect(renderDpi(96, 200)).toBe(SCAN_DPI_RANGE.min);
    expect(renderDpi(null, 250)).toBe(250);
  });
});

describe('a scanned PDF page is decoded once, from its own image', () => {
  async function routes(path: string) {
    const renderer = await openPdfRenderer(readFileSync(join(samples, path)));
    try {
      const out: Array<{ via: string; dpi: number; width: number; height: number }> = [];
      for (let page = 1; page <= renderer.pageCount; page++) {
        const { via, dpi, image } = await renderer.renderForOcr(page, (scan) => renderDpi(scan, 200));
        out.push({ via, dpi, width: image.width, height: image.height });
      }
      return out;
    } finally {
      await renderer.close();
    }
  }

  it('takes a page that is one JPEG from the JPEG, at the resolution its size on the page gives', async () => {
    expect(await routes('2024/ostre-toten-invalid-orgnr-skannet/soknad.pdf')).toEqual([
      { via: 'scan-image', dpi: 300, width: 2480, height: 3507 },
      { via: 'scan-image', dpi: 300, width: 2480, height: 3507 },
    ]);
  });

  it('leaves pages that also draw text, and typed pages, to pdf.js', async () => {
    expect(await routes('2025/tromso-voksne-fact-clean-skannet/soknad.pdf')).toEqual([
      { via: 'pdf.js', dpi: 200, width: 1653, height: 2338 },
      { via: 'scan-image', dpi: 200, width: 1653, height: 2338 },
    ]);
    expect((await routes('2024/ostre-toten-invalid-orgnr/soknad.pdf')).map((r) => r.via)).toEqual([
      'pdf.js',
      'pdf.js',
    ]);
  });

  it('gives the same picture as pdf.js’s rendering of the page, up to JPEG decoding', async () => {
    const renderer = await openPdfRenderer(
      readFileSync(join(samples, '2025/hamar-tryggest-clean-skannet/Søknad-TryggEst-2025-Hamar-kommune.pdf')),
    );
    try {
      const { image } = await renderer.renderForOcr(1, (scan) => renderDpi(scan, 200));
      const rendered = await renderer.render(1, 200);
      expect([image.width, image.height]).toEqual([rendered.width, rendered.height]);
      let difference = 0;
      for (let i = 0; i < image.data.length; i++) difference += Math.abs(image.data[i]! - rendered.data[i]!);
      // Two JPEG decoders differ by a few grey levels on edges; a shifted or flipped page by far more.
      expect(difference / image.data.length).toBeLessThan(8);
    } finally {
      await renderer.close();
    }
  });
});
