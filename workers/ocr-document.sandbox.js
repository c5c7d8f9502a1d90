// The OCR queue's sandboxed processor: BullMQ runs this file in a worker thread of its own, so
// rendering and OCR never hold up the lock renewal of the process's other jobs. A new thread has
// no TypeScript loader, so it registers tsx before importing the processor.
import { register } from 'tsx/esm/api';

register();
const { sandboxedOcrProcessor } = await import('./ocr-document.worker.ts');

export default sandboxedOcrProcessor;
