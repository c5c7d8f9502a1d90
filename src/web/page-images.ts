import { Worker } from 'node:worker_threads';
import type { FileFormat } from '../domain/document.ts';
import type { Store } from '../store/store.ts';
import type { PageImage } from './document-pages.ts';

/** A page to render, sent to a render thread (the bytes are a copy the thread owns). */
export interface RenderRequest {
  id: number;
  bytes: Uint8Array;
  format: FileFormat;
  page: number;
}

export type RenderResponse =
  | { id: number; ready: true }
  | { id: number; image: { png: Uint8Array; width: number; height: number } | null }
  | { id: number; error: string };

/** Too many pages waiting to be drawn: the caller answers 503 and the browser may try again. */
export class RenderBusyError extends Error {
  constructor() {
    super('Mange sider tegnes akkurat nå. Prøv igjen om litt.');
    this.name = this.constructor.name;
  }
}

export interface PageImageOptions {
  /** Render threads: pages are drawn off the request thread, at most this many at once. */
  threads?: number;
  /** Pages waiting for a thread beyond which new requests are refused (RenderBusyError). */
  maxWaiting?: number;
  /** Bytes of PNG kept in memory, least recently used dropped first. */
  cacheBytes?: number;
  /** A page that takes longer is given up (its thread is replaced). */
  timeoutMs?: number;
}

interface Job {
  request: RenderRequest;
  resolve(image: PageImage | null): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer?: NodeJS.Timeout;
  /** The thread has ended (crashed, or was terminated). */
  exited?: boolean;
}

const THREAD_ENTRY = new URL('./page-render-thread.mjs', import.meta.url);

/**
 * How long a browser keeps a page image: the URL names a submission's document, whose bytes never
 * change (the submission's id is derived from them), so the image cannot go stale. Private: it is
 * shown only behind a sign-in and never kept by a shared cache.
 */
export const PAGE_IMAGE_CACHE = 'private, max-age=86400, immutable';

/** The file behind a document of a submission, as the page-image route needs it. */
export interface PageFile {
  sha256: string;
  format: FileFormat;
  pageCount: number | null;
}

/**
 * Finds the file of a submission's document for the page-image route, remembering it: a case page
 * asks for many pages of the same documents, and the store's rows carry every page's text (OCR
 * words too), which need not be read again for each image.
 */
export class PageFiles {
  private readonly known = new Map<string, PageFile>();

  constructor(
    private readonly store: Pick<Store, 'documents'>,
    private readonly max = 2000,
  ) {}

  async find(submissionId: string, position: number): Promise<PageFile | null> {
    const key = `${submissionId}/${position}`;
    const hit = this.known.get(key);
    if (hit) return hit;
    const docs = await this.store.documents(submissionId);
    let found: PageFile | null = null;
    for (const doc of docs) {
      // Only documents read already: one still in the queue gets its read (and format) later.
      if (!doc.read) continue;
      const file = { sha256: doc.sha256, format: doc.read.format, pageCount: doc.read.pageCount };
      this.known.set(`${submissionId}/${doc.position}`, file);
      if (doc.position === position) found = file;
    }
    for (const oldest of this.known.keys()) {
      if (this.known.size <= this.max) break;
      this.known.delete(oldest);
    }
    return found;
  }
}

/**
 * Page images for the submission page: each page (by the file's content hash and page number) is
 * rendered once, by a small pool of threads, and kept in a bounded cache. Six people opening
 * scans at once wait for the pool; they no longer take the event loop from everyone else.
 */
export class PageImages {
  private readonly cache = new Map<string, PageImage>();
  private cachedBytes = 0;
  private readonly inFlight = new Map<string, Promise<PageImage | null>>();
  private readonly waiting: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  private readonly threads: number;
  private readonly maxWaiting: number;
  private readonly cacheBytes: number;
  private readonly timeoutMs: number;

  constructor(options: PageImageOptions = {}) {
    this.threads = options.threads ?? 1;
    this.maxWaiting = options.maxWaiting ?? 16;
    this.cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /**
   * The page as PNG, from the cache or rendered once (simultaneous requests for one page share
   * the rendering); `load` gives the file's bytes and is called only when the page must be drawn.
   */
  async page(
    sha256: string,
    format: FileFormat,
    page: number,
    load: () => Promise<Buffer>,
  ): Promise<PageImage | null> {
    const key = `${sha256}:${page}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // most recently used goes last
      this.cache.set(key, cached);
      return cached;
    }
    const running = this.inFlight.get(key);
    if (running) return running;
    // Pages being loaded, waiting or drawn: past the threads and the waiting room, refuse.
    if (this.inFlight.size >= this.threads + this.maxWaiting) throw new RenderBusyError();
    const rendering = load()
      .then((bytes) => this.render(bytes, format, page))
      .then((image) => {
        if (image) this.remember(key, image);
        return image;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, rendering);
    return rendering;
  }

  /** Starts the render threads now, so the first page shown does not wait for a thread to start. */
  warm(): void {
    if (!this.closed) while (this.slots.length < this.threads) this.spawn();
  }

  /** Pages in the cache (for tests and the log). */
  get cachedPages(): number {
    return this.cache.size;
  }

  /**
   * Stops the threads between pages, not inside one: a thread terminated while it starts or draws
   * is inside native code (pdf.js's canvas), and ending it there can take the process down. A
   * thread still busy after `graceMs` is terminated anyway.
   */
  async close(graceMs = 5_000): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('page renderer closed'));
    const slots = this.slots.splice(0);
    const until = Date.now() + graceMs;
    await Promise.all(
      slots.map(async (slot) => {
        while ((!slot.ready || slot.job) && Date.now() < until && !slot.exited)
          await new Promise((r) => setTimeout(r, 20));
        clearTimeout(slot.timer);
        slot.job?.reject(new Error('page renderer closed'));
        await slot.worker.terminate();
      }),
    );
  }

  private remember(key: string, image: PageImage): void {
    if (image.png.length > this.cacheBytes) return;
    this.cache.set(key, image);
    this.cachedBytes += image.png.length;
    for (const [oldest, old] of this.cache) {
      if (this.cachedBytes <= this.cacheBytes) break;
      this.cache.delete(oldest);
      this.cachedBytes -= old.png.length;
    }
  }

  private render(bytes: Buffer, format: FileFormat, page: number): Promise<PageImage | null> {
    if (this.closed) return Promise.reject(new Error('page renderer closed'));
    return new Promise((resolve, reject) => {
      const request: RenderRequest = { id: this.nextId++, bytes: new Uint8Array(bytes), format, page };
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.slots.length < this.threads) this.spawn();
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.waiting.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(
        () => this.replace(slot, new Error('siden tok for lang tid å tegne')),
        this.timeoutMs,
      );
      slot.worker.postMessage(job.request, [job.request.bytes.buffer as ArrayBuffer]);
    }
  }

  private spawn(): void {
    const worker = new Worker(THREAD_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    const slot: Slot = { worker, ready: false, job: null };
    this.slots.push(slot);
    worker.on('message', (message: RenderResponse) => {
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const job = slot.job;
      clearTimeout(slot.timer);
      slot.job = null;
      if (job && job.request.id === message.id) {
        if ('error' in message) job.reject(new Error(message.error));
        else
          job.resolve(
            message.image
              ? {
                  png: Buffer.from(message.image.png),
                  width: message.image.width,
                  height: message.image.height,
                }
              : null,
          );
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(slot, error));
    worker.on('exit', () => {
      slot.exited = true;
      if (this.slots.includes(slot)) this.replace(slot, new Error('tegnetråden stoppet'));
    });
    worker.unref();
  }

  /** Gives up the slot's page with `error` and starts a new thread in its place. */
  private replace(slot: Slot, error: Error): void {
    clearTimeout(slot.timer);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.job?.reject(error);
    slot.job = null;
    void slot.worker.terminate();
    if (!this.closed && this.waiting.length > 0) this.dispatch();
  }
}
