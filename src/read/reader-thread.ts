import { parentPort } from 'node:worker_threads';

import type { ReadDocument } from '../domain/document.ts';
import { readDocumentInProcess } from './read-in-process.ts';
import type { ReaderRequest, ReaderResponse } from './reader-pool.ts';
import { documentTextChars, tooMuchTextMessage } from './text-budget.ts';

/**
 * A reader thread: reads one document at a time, as the pool sends them. Anything that escapes
 * readDocumentInProcess (which never throws for bad input) is a reader bug and is reported as such.
 */
const port = parentPort;
if (!port) throw new Error('reader-thread.ts runs only as a worker thread');

port.on('message', (request: ReaderRequest) => {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  readDocumentInProcess(bytes, request.path, { limits: request.limits }).then(
    (document) =>
      port.postMessage({
        type: 'done',
        id: request.id,
        document: bounded(document, request.limits.maxTextChars),
      } satisfies ReaderResponse),
    (error: unknown) =>
      port.postMessage({
        type: 'crash',
        id: request.id,
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      } satisfies ReaderResponse),
  );
});
port.postMessage({ type: 'ready' } satisfies ReaderResponse);

/**
 * The result as it may leave the thread: the copy to the main thread expands every string shared by
 * reference here, so a result over the text limit would grow the main process, not this thread.
 */
function bounded(document: ReadDocument, maxTextChars: number): ReadDocument {
  if (documentTextChars(document) <= maxTextChars) return document;
  return {
    ...document,
    method: 'none',
    pages: [],
    sheets: [],
    pagesNeedingOcr: [],
    failure: { reason: 'too-large', message: tooMuchTextMessage(maxTextChars) },
  };
}
