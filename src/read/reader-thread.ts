import { parentPort } from 'node:worker_threads';

import { readDocumentInProcess } from './read-in-process.ts';
import type { ReaderRequest, ReaderResponse } from './reader-pool.ts';

/**
 * A reader thread: reads one document at a time, as the pool sends them. Anything that escapes
 * readDocumentInProcess (which never throws for bad input) is a reader bug and is reported as such.
 */
const port = parentPort;
if (!port) throw new Error('reader-thread.ts runs only as a worker thread');

port.on('message', (request: ReaderRequest) => {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  readDocumentInProcess(bytes, request.path, { limits: request.limits }).then(
    (document) => port.postMessage({ type: 'done', id: request.id, document } satisfies ReaderResponse),
    (error: unknown) =>
      port.postMessage({
        type: 'crash',
        id: request.id,
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      } satisfies ReaderResponse),
  );
});
port.postMessage({ type: 'ready' } satisfies ReaderResponse);
