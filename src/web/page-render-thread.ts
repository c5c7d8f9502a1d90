import { parentPort } from 'node:worker_threads';
import { renderPage } from './document-pages.ts';
import type { RenderRequest, RenderResponse } from './page-images.ts';

/** A page-render thread: renders one page at a time, as the pool sends them, off the request thread. */
const port = parentPort;
if (!port) throw new Error('page-render-thread.ts runs only as a worker thread');

port.on('message', (request: RenderRequest) => {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  renderPage(bytes, request.format, request.page).then(
    (image) => {
      const png = image ? new Uint8Array(image.png) : null;
      port.postMessage(
        {
          id: request.id,
          image: image && png ? { png, width: image.width, height: image.height } : null,
        } satisfies RenderResponse,
        png ? [png.buffer] : [],
      );
    },
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies RenderResponse),
  );
});
port.postMessage({ id: 0, ready: true } satisfies RenderResponse);
