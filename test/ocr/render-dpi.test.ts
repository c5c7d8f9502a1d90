import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
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

/**
 * A one-page PDF drawing one 8-bit grey image of `width` × `height` pixels over a page of the size
 * that makes it `dpi`; `pageExtra` goes into the page dictionary (a /Rotate, say).
 */
function greyScanPdf(pixels: Uint8Array, width: number, height: number, dpi: number, pageExtra = '') {
  const w = (width * 72) / dpi;
  const h = (height * 72) / dpi;
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const image = deflateSync(pixels);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R ${pageExtra}>>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    null,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const chunk =
      body === null
        ? Buffer.concat([
            Buffer.from(
              `${i + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} ` +
                `/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
            ),
            image,
            Buffer.from('\nendstream\nendobj\n'),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

describe('which scanned pages skip pdf.js', () => {
  const width = 400;
  const height = 500;
  const pixels = Uint8Array.from({ length: width * height }, (_, i) => (i * 7) % 256);

  async function first(bytes: Buffer) {
    const renderer = await openPdfRenderer(bytes);
    try {
      return await renderer.renderForOcr(1, (scan) => renderDpi(scan, 200));
    } finally {
      await renderer.close();
    }
  }

  it('takes raw grey pixels as they are, at the resolution the page gives them', async () => {
    const page = await first(greyScanPdf(pixels, width, height, 250));
    expect(page.via).toBe('scan-image');
    expect(page.dpi).toBe(250);
    expect([page.image.width, page.image.height]).toEqual([width, height]);
    expect(Buffer.from(page.image.data).equals(Buffer.from(pixels))).toBe(true);
  });

  it('scales a scan outside 200-300 DPI to the bound, still without pdf.js', async () => {
    const page = await first(greyScanPdf(pixels, width, height, 600));
    expect(page).toMatchObject({ via: 'scan-image', dpi: 300 });
    expect([page.image.width, page.image.height]).toEqual([200, 250]);
  });

  it('leaves a turned page and a page with annotations to pdf.js', async () => {
    expect((await first(greyScanPdf(pixels, width, height, 250, '/Rotate 90 '))).via).toBe('pdf.js');
    const annotated = '/Annots [<< /Type /Annot /Subtype /Square /Rect [0 0 10 10] >>] ';
    expect((await first(greyScanPdf(pixels, width, height, 250, annotated))).via).toBe('pdf.js');
  });
});
