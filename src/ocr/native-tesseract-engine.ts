import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

import { encodePgm, type GreyImage } from './pgm.ts';
import { prepareTessdata, type Tessdata } from './language-data.ts';
import { OcrSetupError } from './ocr-error.ts';
import { PSM, type OcrEngine, type OcrRequest, type OcrResult, type Orientation } from './ocr-pool.ts';
import { PageSlots } from './page-slots.ts';
import { parseTesseractTsv } from './tsv.ts';

export interface NativeTesseractOptions {
  /** The command; default `tesseract` on PATH. */
  binary?: string;
  /**
   * Language data for the command; default: the same prepared models as tesseract.js
   * ({@link prepareTessdata}), so a page reads the same whichever engine reads it.
   */
  tessdata?: Tessdata;
  /** Pages read at once, one process each; default: the number of cores. */
  processes?: number;
  /** How long one page may take before its process is killed and the page is read by `fallback`. */
  pageTimeoutMs?: number;
  /**
   * Reads a page the command failed on, and judges orientation (OSD); started only when first
   * needed, so a run where the command never fails never loads tesseract.js.
   */
  fallback: () => OcrEngine & { terminate?(): Promise<void> };
  /** Told once per page the command failed on (the log). */
  onFallback?: (error: Error) => void;
}

/** A scanned A4 page takes the command 2-5 CPU seconds; a minute means it hangs. */
const DEFAULT_PAGE_TIMEOUT_MS = 60_000;

/**
 * The native `tesseract` command as an {@link OcrEngine}: one process per page, at most one per
 * core, each single-threaded (OMP_THREAD_LIMIT=1: OpenMP's threads on every process cost 85 % more
 * CPU for the same pages). The page goes in as PGM on stdin with its DPI; TSV comes out on stdout
 * and is parsed by the same {@link parseTesseractTsv} as tesseract.js's, so words, boxes and
 * confidences have one shape whichever engine read them. A page whose process fails, or runs past
 * the time limit, is read by the fallback engine (tesseract.js) instead: the page is never lost.
 */
export class NativeTesseractEngine implements OcrEngine {
  readonly size: number;
  readonly pageSlots: PageSlots;
  /** Pages read, by the command or (after it failed) by the fallback; the tests count these. */
  pagesRecognised = 0;
  /** Of those, the pages the command failed on. */
  pagesFallenBack = 0;
  private readonly binary: string;
  private readonly pageTimeoutMs: number;
  private readonly running = new Set<ReturnType<typeof spawn>>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private fallbackEngine: (OcrEngine & { terminate?(): Promise<void> }) | undefined;
  private terminated = false;

  constructor(private readonly options: NativeTesseractOptions) {
    this.size = Math.max(1, Math.floor(options.processes ?? availableParallelism()));
    this.pageSlots = new PageSlots(2 * this.size);
    this.binary = options.binary ?? 'tesseract';
    this.pageTimeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  }

  async recognize(request: OcrRequest): Promise<OcrResult> {
    if (this.terminated) throw new OcrSetupError('OCR-motoren er allerede stoppet.');
    await this.turn();
    let tsv: string;
    try {
      tsv = await this.run(request);
    } catch (error) {
      if (this.terminated) throw new OcrSetupError('OCR-motoren er allerede stoppet.');
      this.pagesFallenBack++;
      this.options.onFallback?.(error as Error);
      const result = await this.fallback().recognize(request);
      this.pagesRecognised++;
      return result;
    } finally {
      this.done();
    }
    this.pagesRecognised++;
    return { words: parseTesseractTsv(tsv), meanConfidence: meanWordConfidence(tsv) };
  }

  /** OSD is tesseract.js's (one worker of the legacy engine): asked only of doubtful pages. */
  async detectOrientation(request: { image: GreyImage; dpi: number }): Promise<Orientation | null> {
    return (await this.fallback().detectOrientation?.(request)) ?? null;
  }

  /** Kills running processes and stops the fallback; safe to call more than once. */
  async terminate(): Promise<void> {
    this.terminated = true;
    for (const child of this.running) child.kill('SIGKILL');
    for (const wake of this.waiting.splice(0)) wake();
    await this.fallbackEngine?.terminate?.();
  }

  private fallback(): OcrEngine {
    this.fallbackEngine ??= this.options.fallback();
    return this.fallbackEngine;
  }

  private async turn(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((wake) => this.waiting.push(wake));
    this.active++;
  }

  private done(): void {
    this.active--;
    this.waiting.shift()?.();
  }

  /** One process over one page: PGM in, TSV out. Rejects on a failure, a signal or the time limit. */
  private run(request: OcrRequest): Promise<string> {
    this.options.tessdata ??= prepareTessdata();
    const { tessdata } = this.options;
    const args = [
      'stdin',
      'stdout',
      '--tessdata-dir',
      tessdata.dir,
      '-l',
      tessdata.languages.join('+'),
      '--oem',
      '1',
      '--psm',
      PSM[request.segmentation],
      '--dpi',
      String(Math.round(request.dpi)),
      // The engine's chatter ("Detected 13 diacritics") would land in the CLI's output.
      '-c',
      'debug_file=/dev/null',
      '-c',
      'tessedit_create_tsv=1',
      ...Object.entries(request.parameters ?? {}).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, args, {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      this.running.add(child);
      const stdout: Buffer[] = [];
      let stderr = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(new Error(`tesseract svarte ikke innen ${Math.round(this.pageTimeoutMs / 1000)} sekunder`));
      }, this.pageTimeoutMs);
      let settled = false;
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(child);
        if (error) reject(error);
        else resolve(Buffer.concat(stdout).toString('utf8'));
      };
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.on('error', (error) => finish(error));
      child.on('close', (code, signal) => {
        if (code === 0) return finish(null);
        const why = signal ? `signal ${signal}` : `kode ${code}`;
        finish(new Error(`tesseract avsluttet med ${why}: ${stderr.trim().split('\n').at(-1) ?? ''}`));
      });
      // A process that dies before reading its page closes stdin under us: 'close' reports it.
      child.stdin.on('error', () => undefined);
      child.stdin.end(Buffer.from(encodePgm(request.image)));
    });
  }
}

/**
 * Tesseract's mean text confidence (what tesseract.js reports as `confidence`): the mean of the
 * word confidences, rounded down, 0 for a page without words.
 */
export function meanWordConfidence(tsv: string): number {
  let sum = 0;
  let count = 0;
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const confidence = Number(cells[10]);
    if (!(confidence >= 0)) continue;
    sum += confidence;
    count++;
  }
  return count === 0 ? 0 : Math.floor(sum / count);
}
