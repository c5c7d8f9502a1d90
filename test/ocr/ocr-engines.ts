import { findNativeTesseract } from '../../src/ocr/choose-engine.ts';
import { NativeTesseractEngine } from '../../src/ocr/native-tesseract-engine.ts';
import { OcrPool, type OcrEngine } from '../../src/ocr/ocr-pool.ts';

/** An engine as the tests use it: counts the pages it read, and stops. */
export type TestEngine = OcrEngine & { pagesRecognised: number; terminate(): Promise<void> };

/**
 * The engines the OCR tests run on: tesseract.js always, and the native command unless
 * INTAKE_TEST_NATIVE_OCR=0 says it is not installed on purpose. Where it is missing without that,
 * the native tests fail with the reason (CI installs tesseract-ocr-nor), never skip quietly.
 */
export function testEngines(): Array<{ name: string; create(workers: number): TestEngine }> {
  const engines: Array<{ name: string; create(workers: number): TestEngine }> = [
    { name: 'tesseract.js', create: (workers) => new OcrPool({ workers }) },
  ];
  if (process.env['INTAKE_TEST_NATIVE_OCR'] === '0') return engines;
  engines.push({
    name: 'native tesseract',
    create: (workers) => {
      const native = findNativeTesseract();
      if (!native.ok) {
        throw new Error(
          `native tesseract: ${native.reason} (install tesseract-ocr-nor, or set INTAKE_TEST_NATIVE_OCR=0)`,
        );
      }
      return new NativeTesseractEngine({
        // The system's models, as createOcrEngine gives the command.
        tessdata: native.tessdata,
        processes: workers,
        fallback: () => new OcrPool({ workers }),
        // A page that falls back here would hide a broken native engine behind tesseract.js.
        onFallback: (error) => {
          throw error;
        },
      });
    },
  });
  return engines;
}
