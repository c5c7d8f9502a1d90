import { Worker } from 'node:worker_threads';

import type { ReadDocument } from '../domain/document.ts';
import { resolveLimits, type ReadLimits } from './limits.ts';
import { technicalDetail } from './read-error.ts';
import { failedDocument, sha256Hex } from './read-result.ts';
import { sniffFormat } from './sniff.ts';

/** A document sent to a reader thread (its bytes are a copy the thread owns). */
export interface ReaderRequest {
  id: number;
  bytes: Uint8Array;
  path: string;
  limits: ReadLimits;
}

/** What a reader thread says back. */
export type ReaderResponse =
  | { type: 'ready' }
  | { type: 'done'; id: number; document: ReadDocument }
  | { type: 'crash'; id: number; message: string };

/** How an isolated read ended; {@link ReaderPool.read} turns every kind into a ReadDocument. */
export type ReadOutcome =
  | { kind: 'read'; document: ReadDocument }
  /** The thread was still busy at the hard deadline (a synchronous parse that never yields) and was stopped. */
  | { kind: 'timeout' }
  /** The read needed more heap than the thread has; the thread died, the process did not. */
  | { kind: 'out-of-memory' }
  /** An exception escaped the reader, or the thread exited: a reader bug, never a property of the file. */
  | { kind: 'crash'; message: string };

export interface ReaderPoolOptions {
  /** Reader threads; default: DEFAULT_READ_LIMITS.readerThreads. */
  threads?: number;
  /** Heap (MB) of each thread; default: DEFAULT_READ_LIMITS.maxHeapMb. */
  heapMb?: number;
  /**
   * How long past a document's time limit the thread gets to answer before it is stopped. Readers that
   * yield stop themselves at the limit; only a thread stuck in synchronous code is stopped from outside.
   */
  graceMs?: number;
}

/** The reader threads could not start at all (a broken install): the run cannot go on. */
export class ReaderSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
  }
}

interface Task {
  request: ReaderRequest;
  settle(outcome: ReadOutcome): void;
  fail(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | undefined;
}

const THREAD_ENTRY = new URL('./reader-thread.mjs', import.meta.url);

/**
 * The readers themselves (exceljs, pdf.js, …) load in the reader threads; the main thread loads
 * them only for the few files read without a thread, so a run does not wait for them at start.
 */
const inProcess = () => import('./read-in-process.ts');
const DEFAULT_GRACE_MS = 2_000;

/**
 * Reads documents in worker threads that can be stopped: a parser stuck in synchronous code (a
 * deeply nested PDF, a giant sheet) cannot be interrupted by a timer on its own thread, but its thread
 * can be terminated. Each thread also has a heap limit, so a read that balloons kills its thread,
 * not the run. Threads start on the first document, are reused, replaced when stopped, and do not
 * keep the process alive while idle.
 */
export class ReaderPool {
  readonly threads: number;
  readonly heapMb: number;
  private readonly graceMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private setupError: ReaderSetupError | null = null;

  constructor(options: ReaderPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? resolveLimits().readerThreads));
    this.heapMb = options.heapMb ?? resolveLimits().maxHeapMb;
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  }

  /**
   * Reads one document; never rejects for a bad file (a timeout, running out of memory or a reader
   * crash become failures). Rejects only with a ReaderSetupError when no reader thread can start.
   */
  async read(bytes: Buffer, path: string, limits?: Partial<ReadLimits>): Promise<ReadDocument> {
    const resolved = resolveLimits(limits);
    // Nothing to parse: these fail at once, without copying the bytes to a thread.
    if (bytes.length === 0 || bytes.length > resolved.maxBytes) {
      return (await inProcess()).readDocumentInProcess(bytes, path, { limits: resolved });
    }
    const outcome = await this.run(bytes, path, resolved);
    if (outcome.kind === 'read') return outcome.document;
    const fail = (
      reason: 'timeout' | 'too-large' | 'corrupt',
      message: string,
      detail?: string,
    ): ReadDocument =>
      failedDocument(
        bytes,
        path,
        sniffFormat(bytes),
        detail === undefined ? { reason, message } : { reason, message, detail },
        { sha256: sha256Hex(bytes) },
      );
    switch (outcome.kind) {
      case 'timeout':
        return fail('timeout', (await inProcess()).timeoutMessage(resolved.timeoutMs));
      case 'out-of-memory':
        return fail(
          'too-large',
          `Lesingen av filen trengte mer minne enn grensen (${this.heapMb} MB per dokument) og ble stoppet.`,
        );
      case 'crash':
        // What the thread said is for the log, not the reviewer.
        return fail(
          'corrupt',
          'Filen er skadet og kan ikke leses (leseren stoppet uventet).',
          technicalDetail(outcome.message),
        );
    }
  }

  /** Reads one document and says how it ended (tests and the fuzz run look at the kind). */
  run(bytes: Buffer, path: string, limits?: Partial<ReadLimits>): Promise<ReadOutcome> {
    if (this.closed) return Promise.reject(new ReaderSetupError('Lesetrådene er allerede stoppet.'));
    if (this.setupError) return Promise.reject(this.setupError);
    // An exact copy, transferred: cloning a Buffer would copy its whole backing store (often a slab).
    const copy = new Uint8Array(bytes);
    return new Promise<ReadOutcome>((resolve, reject) => {
      this.queue.push({
        request: { id: this.nextId++, bytes: copy, path, limits: resolveLimits(limits) },
        settle: resolve,
        fail: reject,
      });
      this.dispatch();
    });
  }

  /**
   * Starts the threads now instead of at the first document, so they load their readers while the
   * caller does other start-up work (`intake ingest` opens the store meanwhile).
   */
  warm(): void {
    if (this.closed || this.setupError) return;
    while (this.slots.length < this.threads) this.spawn();
  }

  /** Stops every thread; queued reads are rejected. Safe to call more than once. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new ReaderSetupError('Lesetrådene ble stoppet.');
    for (const task of this.queue.splice(0)) task.fail(error);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      clearTimeout(slot.timer);
      slot.task?.fail(error);
      slot.task = null;
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => 0)));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.task) this.assign(slot, this.queue.shift()!);
    }
    // Threads still starting will take queued reads when ready; start more only for the rest.
    let starting = this.slots.filter((slot) => !slot.ready).length;
    while (this.queue.length > starting && this.slots.length < this.threads) {
      this.spawn();
      starting++;
    }
  }

  private assign(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref();
    slot.timer = setTimeout(
      () => this.stop(slot, { kind: 'timeout' }),
      task.request.limits.timeoutMs + this.graceMs,
    );
    slot.worker.postMessage(task.request, [task.request.bytes.buffer as ArrayBuffer]);
  }

  private spawn(): void {
    const worker = new Worker(THREAD_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const slot: Slot = { worker, ready: false, task: null, timer: undefined };
    this.slots.push(slot);
    worker.on('message', (message: ReaderResponse) => {
      if (message.type === 'ready') {
        slot.ready = true;
        worker.unref();
        this.dispatch();
        return;
      }
      const task = slot.task;
      if (!task || task.request.id !== message.id) return;
      clearTimeout(slot.timer);
      slot.task = null;
      worker.unref();
      task.settle(
        message.type === 'done'
          ? { kind: 'read', document: message.document }
          : { kind: 'crash', message: message.message },
      );
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!slot.ready && !slot.task) {
        this.broken(new ReaderSetupError(`Lesetråden kunne ikke starte: ${error.message}`, { cause: error }));
        return;
      }
      this.stop(
        slot,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out-of-memory' }
          : { kind: 'crash', message: `${error.name}: ${error.message}` },
      );
    });
    worker.on('exit', (code) => {
      if (!slot.ready && this.slots.includes(slot)) {
        this.broken(new ReaderSetupError(`Lesetråden avsluttet under oppstart (kode ${code}).`));
      } else this.stop(slot, { kind: 'crash', message: `the reader thread exited (code ${code})` });
    });
  }

  /** Ends the slot's task with `outcome`, stops its thread, and starts another for waiting reads. */
  private stop(slot: Slot, outcome: ReadOutcome): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    void slot.worker.terminate().catch(() => 0);
    task?.settle(outcome);
    if (!this.closed) this.dispatch();
  }

  private broken(error: ReaderSetupError): void {
    this.setupError = error;
    for (const task of this.queue.splice(0)) task.fail(error);
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.timer);
      slot.task?.fail(error);
      void slot.worker.terminate().catch(() => 0);
    }
  }
}

const shared = new Map<string, ReaderPool>();

/** The process's reader threads for a heap limit and thread count, started on first use. */
export function sharedReaderPool(heapMb: number, threads: number): ReaderPool {
  const key = `${heapMb}/${threads}`;
  let pool = shared.get(key);
  if (!pool) shared.set(key, (pool = new ReaderPool({ heapMb, threads })));
  return pool;
}

/** Stops the shared reader threads (they never keep the process alive, but a clean exit is tidier). */
export async function closeReaderThreads(): Promise<void> {
  const pools = [...shared.values()];
  shared.clear();
  await Promise.all(pools.map((pool) => pool.close()));
}
