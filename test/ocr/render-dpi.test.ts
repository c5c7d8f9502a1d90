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
