import { availableParallelism } from 'node:os';
import type { Worker as ThreadWorker } from 'node:worker_threads';

import Tesseract from 'tesseract.js';

import { encodePgm, type GreyImage } from './pgm.ts';
import { DEFAULT_LANGUAGES, prepareTessdata, type Tessdata } from './language-data.ts';
import { OcrSetupError } from './ocr-error.ts';
import { PageSlots } from './page-slots.ts';
import type { QuarterTurn } from './quarter-turn.ts';
import { parseTesseractTsv, type EngineWord } from './tsv.ts';

/**
 * How the engine finds text on a page (tesseract's page segmentation modes). 'auto' (PSM 3) finds
 * columns and blocks itself; 'single-block' (PSM 6) reads the page as one block of lines.
 */
export type PageSegmentation = 'auto' | 'single-block';

export const PSM: Record<PageSegmentation, string> = { auto: '3', 'single-block': '6' };

/** One page to read. */
export interface OcrRequest {
  image: GreyImage;
  /** The image's resolution; tesseract scales its expectations of text size by it. */
  dpi: number;
  segmentation: PageSegmentation;
  /** Further tesseract parameters for this page only. */
  parameters?: Record<string, string>;
}

/** What the engine read on one page. */
export interface OcrResult {
  words: EngineWord[];
  /** Tesseract's mean text confidence for the page, 0-100. */
  meanConfidence: number;
}

/** How a page is turned, as tesseract's orientation and script detection (OSD) judges it. */
export interface Orientation {
  /** The clockwise turn that puts the page's text upright. */
  degrees: QuarterTurn;
  /** OSD's confidence in that turn over the others (tesseract trusts 7 and more; clear pages reach 15-20). */
  confidence: number;
}

/** Anything that reads page images: the worker pool, or a stand-in in tests. */
export interface OcrEngine {
  recognize(request: OcrRequest): Promise<OcrResult>;
  /**
   * The page's orientation, or null when the page has too little text to judge. Engines without it
   * read every page as it lies.
   */
  detectOrientation?(request: { image: GreyImage; dpi: number }): Promise<Orientation | null>;
  /** Decoded pages waiting for this engine, shared by all its documents (unset: no bound). */
  readonly pageSlots?: PageSlots;
}

export interface OcrPoolOptions {
  /** Number of engine workers (threads); default: the number of cores. */
  workers?: number;
  languages?: readonly string[];
  /** How long one worker may take to start before the setup counts as broken. */
  startTimeoutMs?: number;
  /** Prepared language data; default: {@link prepareTessdata} on `languages`. */
  tessdata?: Tessdata;
}

/** Recognition workers per orientation (OSD) worker. */
const OSD_WORKER_SHARE = 4;

/** A worker loads about 15 MB of models and the engine; far longer than this means it never will. */
const DEFAULT_START_TIMEOUT_MS = 60_000;

/**
 * Measured resident memory of one idle worker (engine, nor+eng models) and its peak while reading an
 * A4 page at 300 DPI; pages are capped at MAX_OCR_PIXELS, which bounds the peak. See README "OCR".
 */
export const WORKER_MEMORY_MB = { idle: 60, peak: 190 } as const;

/**
 * A pool of tesseract.js workers behind one scheduler, shared by every document of a run: the
 * engine and its models are loaded once per worker, not once per page. Workers start on the first
 * page, so a run without scans never pays for them. Language data comes from the installed npm
 * packages only; a missing or broken model, or a worker that does not start within the time limit,
 * is an {@link OcrSetupError} instead of the hang tesseract.js gives.
 */
export class OcrPool implements OcrEngine {
  readonly size: number;
  readonly pageSlots: PageSlots;
  private readonly languages: readonly string[];
  private readonly startTimeoutMs: number;
  private tessdata: Tessdata | undefined;
  private starting: Promise<Tesseract.Scheduler> | undefined;
  /** One orientation worker (the legacy engine, which OSD needs), started on the first page. */
  private orienting: Promise<Tesseract.Scheduler> | undefined;
  private readonly threads: ThreadWorker[] = [];
  private terminated = false;
  /** Pages recognised so far (the tests count these). */
  pagesRecognised = 0;

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    // One page being read and one ready per worker keeps every worker busy.
    this.pageSlots = new PageSlots(2 * this.size);
    this.languages = options.languages ?? DEFAULT_LANGUAGES;
    this.startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.tessdata = options.tessdata;
  }

  /** Starts the workers now (otherwise the first page does); rejects with an OcrSetupError. */
  start(): Promise<Tesseract.Scheduler> {
    if (this.terminated) return Promise.reject(new OcrSetupError('OCR-motoren er allerede stoppet.'));
    this.starting ??= this.startWorkers();
    return this.starting;
  }

  async recognize(request: OcrRequest): Promise<OcrResult> {
    const scheduler = await this.start();
    const { data } = await scheduler.addJob(
      'recognize',
      Buffer.from(encodePgm(request.image)),
      {
        tessedit_pageseg_mode: PSM[request.segmentation],
        user_defined_dpi: String(Math.round(request.dpi)),
        // The engine's own chatter ("Detected 13 diacritics") would land in the CLI's output.
        debug_file: '/dev/null',
        ...request.parameters,
      } as Partial<Tesseract.RecognizeOptions>,
      { text: false, blocks: false, tsv: true },
    );
    this.pagesRecognised++;
    return { words: parseTesseractTsv(data.tsv ?? ''), meanConfidence: data.confidence };
  }

  /**
   * Tesseract's orientation and script detection on the page. OSD needs the legacy engine, which the
   * LSTM workers do not load, so one worker of its own does it for the whole pool: about half a
   * second per A4 page at 200 DPI.
   */
  async detectOrientation(request: { image: GreyImage; dpi: number }): Promise<Orientation | null> {
    if (this.terminated) throw new OcrSetupError('OCR-motoren er allerede stoppet.');
    this.orienting ??= this.startOrientationWorker();
    const scheduler = await this.orienting;
    const { data } = await scheduler.addJob('detect', Buffer.from(encodePgm(request.image)));
    const degrees = data.orientation_degrees;
    if (degrees === null || ![0, 90, 180, 270].includes(degrees)) return null;
    return { degrees: degrees as QuarterTurn, confidence: data.orientation_confidence ?? 0 };
  }

  /** Stops every worker; safe to call more than once, and when the pool never started. */
  async terminate(): Promise<void> {
    this.terminated = true;
    const starting = this.starting;
    const orienting = this.orienting;
    this.starting = undefined;
    this.orienting = undefined;
    const scheduler = await starting?.catch(() => undefined);
    await scheduler?.terminate().catch(() => undefined);
    const osd = await orienting?.catch(() => undefined);
    await osd?.terminate().catch(() => undefined);
    await Promise.all(this.threads.splice(0).map((thread) => thread.terminate().catch(() => 0)));
  }

  private async startWorkers(): Promise<Tesseract.Scheduler> {
    this.tessdata ??= prepareTessdata(this.languages);
    const tessdata = this.tessdata;
    const scheduler = Tesseract.createScheduler();
    try {
      const workers: Array<Promise<Tesseract.Worker>> = [];
      // Spawned one at a time so each thread can be told apart and stopped if its start fails; they
      // then load their models in parallel.
      for (let i = 0; i < this.size; i++) {
        const { ready } = await this.spawnWorker(tessdata);
        ready.catch(() => undefined);
        workers.push(ready);
      }
      for (const worker of await Promise.all(workers)) scheduler.addWorker(worker);
      return scheduler;
    } catch (error) {
      await scheduler.terminate().catch(() => undefined);
      await Promise.all(this.threads.splice(0).map((thread) => thread.terminate().catch(() => 0)));
      throw error;
    }
  }

  private async startOrientationWorker(): Promise<Tesseract.Scheduler> {
    const osd = prepareTessdata(['osd']);
    const scheduler = Tesseract.createScheduler();
    try {
      // OSD takes about a fifth of a page's recognition: one of its workers keeps up with four.
      for (let i = 0; i < Math.ceil(this.size / OSD_WORKER_SHARE); i++) {
        const { ready } = await this.spawnWorker(osd, Tesseract.OEM.TESSERACT_ONLY);
        const worker = await ready;
        // OSD gets no resolution with a PGM; tesseract would warn on every page.
        await worker.setParameters({
          user_defined_dpi: '200',
          debug_file: '/dev/null',
        } as Partial<Tesseract.WorkerParams>);
        scheduler.addWorker(worker);
      }
      return scheduler;
    } catch (error) {
      await scheduler.terminate().catch(() => undefined);
      throw error;
    }
  }

  /** Spawns one worker; resolves once its thread is up, with a promise for the ready worker. */
  private async spawnWorker(
    tessdata: Tessdata,
    engine: Tesseract.OEM = Tesseract.OEM.LSTM_ONLY,
  ): Promise<{ ready: Promise<Tesseract.Worker> }> {
    let fail: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined);
    const setupError = (detail: string) =>
      new OcrSetupError(
        `OCR-motoren (tesseract.js) kunne ikke starte med språkdata ${tessdata.description}: ${detail}`,
      );

    // tesseract.js hides its thread; Node announces every new thread, which lets a stuck one be stopped.
    let thread: ThreadWorker | undefined;
    const online = new Promise<void>((resolve) => {
      const listener = (spawned: ThreadWorker) => {
        thread = spawned;
        this.threads.push(spawned);
        process.off('worker', listener);
        resolve();
      };
      process.on('worker', listener);
      setTimeout(() => {
        process.off('worker', listener);
        resolve();
      }, this.startTimeoutMs).unref();
    });
    const ready = Tesseract.createWorker([...tessdata.languages], engine, {
      langPath: tessdata.dir,
      gzip: false,
      cacheMethod: 'none',
      // Without a handler, tesseract.js throws a failed start from its message listener (a crash).
      errorHandler: (error: unknown) => fail(setupError(String(error))),
    });
    await Promise.race([online, failed]);
    if (!thread) throw setupError('tråden startet ikke.');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(setupError(`ikke klar etter ${Math.round(this.startTimeoutMs / 1000)} sekunder.`)),
        this.startTimeoutMs,
      );
    });
    return { ready: Promise.race([ready, failed, timeout]).finally(() => clearTimeout(timer)) };
  }
}
