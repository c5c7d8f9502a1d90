/** pdf.js's legacy build (the one that runs in Node without a DOM). */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Untyped (the package ships no declarations for it): only handed on to pdf.js. */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<Pdfjs> | null = null;

/**
 * pdf.js, loaded on first use, with the engine's own `Array.prototype.push` put back: the legacy
 * build brings core-js, which replaces push (for a spec corner no reader needs) with a version about
 * 4x slower, in every thread that loads it. Its worker module, which pdf.js would import by itself
 * at the first document (and so replace push again), is loaded here too and handed to pdf.js as the
 * in-thread worker (`globalThis.pdfjsWorker`). Loaded lazily so push is taken before pdf.js runs,
 * whatever bundling does to static imports; a thread that loaded pdf.js some other way first keeps
 * the replaced push.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  return (loading ??= (async () => {
    const push = Array.prototype.push;
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import(WORKER_MODULE) as Promise<unknown>,
    ]);
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    if (Array.prototype.push !== push) Array.prototype.push = push;
    return pdfjs;
  })());
}
