import type { ReadDocument, ReadFailure } from '../domain/document.ts';
import type { ReadLimits } from '../read/limits.ts';
import { failureFromError } from '../read/read-error.ts';
import { failedDocument } from '../read/read-result.ts';
import { runDocumentStages, type OcrStage } from './document-stages.ts';
import type { InputFile } from './submission-input.ts';

export type { OcrStage } from './document-stages.ts';

/**
 * The document stages: load the bytes, read them by what they are, then OCR the pages without a
 * usable text layer (only those: a page with good text is never OCR'd). Never throws for a bad
 * file: a file that cannot be loaded or read becomes a document with a failure, for the reviewer.
 * Throws only when OCR cannot run at all (OcrSetupError), which stops the run.
 */
export async function processDocument(
  file: InputFile,
  limits: Partial<ReadLimits>,
  ocr?: OcrStage,
): Promise<ReadDocument> {
  let bytes: Buffer;
  try {
    bytes = await file.load();
  } catch (err) {
    return unloadableDocument(file.path, failureFromError(err));
  }
  // The stages (read, OCR) are one list that the queue workers run too: document-stages.ts.
  return (await runDocumentStages(bytes, file.path, { limits, ocr })).read;
}

/** A file whose bytes could not be loaded at all: a document carrying the failure (both drivers). */
export function unloadableDocument(path: string, failure: ReadFailure): ReadDocument {
  return failedDocument(Buffer.alloc(0), path, 'unknown', failure);
}
