// The OCR queue's sandboxed processor: BullMQ runs this file in a worker thread of its own, so
// rendering and OCR never hold up the lock renewal of the process's other jobs. Under the compiled
// program (bin/intake.js sets INTAKE_BUILD) it loads the same build as the main thread; otherwise a
// new thread has no TypeScript loader, so it registers tsx before importing the processor.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const build = process.env.INTAKE_BUILD;
let processor;
if (build) {
  ({ sandboxedOcrProcessor: processor } = await import(
    pathToFileURL(join(build, 'ocr-document.sandbox.mjs')).href
  ));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ sandboxedOcrProcessor: processor } = await import('./ocr-document.worker.ts'));
}

export default processor;
