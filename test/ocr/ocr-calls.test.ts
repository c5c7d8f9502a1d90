import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import type { ReadDocument } from '../../src/domain/document.ts';
import { DEFAULT_OCR_DPI } from '../../src/ocr/ocr-defaults.ts';
import { processDocument } from '../../src/pipeline/process-document.ts';
import type { ReadLimits } from '../../src/read/limits.ts';
import { testEngines } from './ocr-engines.ts';

/**
 * Which pages the pipeline sends to OCR, counted on each real engine: it counts every page it
 * recognises. One worker keeps the test light on a shared machine; the count does not depend on it.
 */
const samples = join(import.meta.dirname, '../../samples');

const methods = (read: ReadDocument) => read.pages.map((p) => [p.page, p.method]);

describe.each(testEngines())('OCR runs on exactly the pages that need it ($name)', ({ create }) => {
  const engine = create(1);
  afterAll(() => engine.terminate());

  /** Runs the document stages on a sample file; returns the document and the pages OCR'd for it. */
  async function readSample(
    path: string,
    limits: Partial<ReadLimits> = {},
  ): Promise<{ read: ReadDocument; ocrCalls: number }> {
    const before = engine.pagesRecognised;
    const read = await processDocument(
      { path, load: async () => readFileSync(join(samples, path)) },
      limits,
      { engine, dpi: DEFAULT_OCR_DPI },
    );
    return { read, ocrCalls: engine.pagesRecognised - before };
  }

  it('never OCRs a document with a text layer', async () => {
    const { read, ocrCalls } = await readSample('2021/orland-voksne-act-clean/soknad.pdf');
    expect(ocrCalls).toBe(0);
    expect(read.method).toBe('text');
    expect(methods(read)).toEqual([
      [1, 'text'],
      [2, 'text'],
    ]);
  });

  it('OCRs an image-only PDF page', async () => {
    const { read, ocrCalls } = await readSample(
      '2025/hamar-tryggest-clean-skannet/Søknad-TryggEst-2025-Hamar-kommune.pdf',
    );
    expect(ocrCalls).toBe(1);
    expect(read.method).toBe('ocr');
    expect(read.pages[0]!.text).toMatch(/TryggEst/);
  });

  it('OCRs a scanned page whose only text layer is a stamped page number', async () => {
    const { read, ocrCalls } = await readSample(
      '2025/tromso-voksne-fact-clean-skannet/Samarbeidsavtale_UNN-Tromsø_kommune.pdf',
    );
    expect(ocrCalls).toBe(1);
    expect(methods(read)).toEqual([[1, 'ocr']]);
    expect(read.pages[0]!.text).toMatch(/samarbeidsavtale/i);
  });

  it('OCRs only the scanned signature page of a typed application', async () => {
    const { read, ocrCalls } = await readSample('2025/tromso-voksne-fact-clean-skannet/soknad.pdf');
    expect(ocrCalls).toBe(1);
    expect(methods(read)).toEqual([
      [1, 'text'],
      [2, 'ocr'],
    ]);
    expect(read.pages[1]!.words.length).toBeGreaterThan(10);
  });

  it('OCRs an image file', async () => {
    const { read, ocrCalls } = await readSample(
      '2023/harstad-rus-clean-skannet/soknad_kommunalt_rusarbeid_2023.png',
    );
    expect(ocrCalls).toBe(1);
    expect(read.format).toBe('png');
    expect(methods(read)).toEqual([[1, 'ocr']]);
    expect(read.pages[0]!.confidence).toBeGreaterThan(0.5);
  });

  it('stops at the OCR time limit and flags the document instead of cutting it short quietly', async () => {
    const { read, ocrCalls } = await readSample('2024/ostre-toten-invalid-orgnr-skannet/soknad.pdf', {
      ocrTimeoutMs: 0,
    });
    expect(ocrCalls).toBe(0);
    expect(read.failure).toMatchObject({ reason: 'timeout' });
    expect(read.failure!.message).toMatch(
      /grensen for OCR per dokument.*2 av 2 skannede sider ble ikke lest/,
    );
  });
});
