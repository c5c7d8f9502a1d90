import { IntakeError } from '../errors.ts';

/**
 * OCR cannot run at all (language data missing or broken, engine not starting): a fault of the
 * installation, not of a document, so it stops the run with a message naming the fix (the CLI exits 2).
 */
export class OcrSetupError extends IntakeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'OCR_SETUP');
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
