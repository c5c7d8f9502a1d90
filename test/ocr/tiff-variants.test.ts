import { describe, expect, it } from 'vitest';

import type { GreyImage } from '../../src/ocr/grey-image.ts';
import { decodeTiffPage } from '../../src/ocr/grey-image.ts';
import { ocrDocument } from '../../src/ocr/ocr-document.ts';
import type { OcrEngine } from '../../src/ocr/ocr-pool.ts';
import { readDocumentInProcess } from '../../src/read/read-document.ts';
import { cmykTiff } from '../../scripts/hostile/wild-files.ts';

/** A white page with a dark bar and a grey bar, like a line of text and a stamp. */
function page(): GreyImage {
  const width = 120;
  const height = 40;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 10; y < 20; y++) for (let x = 10; x < 60; x++) data[y * width + x] = 0;
  for (let y = 25; y < 30; y++) for (let x = 10; x < 100; x++) data[y * width + x] = 128;
  return { width, height, data };
}

/** An engine that reads one word on every page it is given, and counts the pages. */
function stubEngine(): OcrEngine & { pages: GreyImage[] } {
  const pages: GreyImage[] = [];
  return {
    pages,
    recognize: async ({ image }) => {
      pages.push(image);
      const box = { x: 10, y: 10, width: 50, height: 10 };
      return {
        words: [{ text: 'Søknad', confidence: 95, box, line: '1.1.1', lineBox: box }],
        meanConfidence: 95,
      };
    },
  };
}

describe('TIFF variants', () => {
  it('decodes a CMYK TIFF (black in the K ink) to the grey page it was made from', () => {
    const original = page();
    const decoded = decodeTiffPage(cmykTiff(original), 1);
    expect(decoded.width).toBe(original.width);
    expect(decoded.height).toBe(original.height);
    const worst = Math.max(...decoded.data.map((v, i) => Math.abs(v - original.data[i]!)));
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('reads and OCRs a CMYK TIFF like any scan', async () => {
    const bytes = cmykTiff(page());
    const read = await readDocumentInProcess(bytes, 'skann.tif');
    expect(read).toMatchObject({ format: 'tiff', failure: null, pagesNeedingOcr: [1] });
    const engine = stubEngine();
    const done = await ocrDocument(read, bytes, engine);
    expect(done.failure).toBeNull();
    expect(done.pages[0]?.text).toBe('Søknad');
    expect(engine.pages).toHaveLength(1);
  });

  it('says in Norwegian that a scan could not be decoded, the decoder’s words kept as detail only', async () => {
    const bytes = cmykTiff(page());
    bytes.writeUInt16LE(4, bytes.readUInt32LE(8 + 2 + 2 * 12 + 8)); // 4 bits per ink: not decodable
    const read = await readDocumentInProcess(bytes, 'skann.tif');
    const done = await ocrDocument(read, bytes, stubEngine());
    expect(done.failure?.message).toBe(
      'Dokumentet er skannet, men sidene kunne ikke gjøres om til bilder for OCR.',
    );
    expect(done.failure?.detail).toBeTruthy();
  });

  it('says a BigTIFF is a variant that is not supported', async () => {
    const bigTiff = Buffer.from([0x49, 0x49, 0x2b, 0x00, 0x08, 0x00, 0x00, 0x00, ...new Array(32).fill(0)]);
    const read = await readDocumentInProcess(bigTiff, 'skann.tif');
    expect(read.failure).toMatchObject({
      reason: 'unsupported',
      message: expect.stringContaining('BigTIFF'),
    });
  });
});
