import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DEFAULT_LANGUAGES, MODEL_VARIANT, type Tessdata } from './language-data.ts';
import type { EngineChoice } from './ocr-defaults.ts';
import { NativeTesseractEngine } from './native-tesseract-engine.ts';
import { OcrSetupError } from './ocr-error.ts';
import { OcrPool, type OcrEngine } from './ocr-pool.ts';

export { ENGINE_CHOICES, type EngineChoice } from './ocr-defaults.ts';

/** The native command and the language data it has, or why it cannot run. */
export type NativeSetup = { ok: true; binary: string; tessdata: Tessdata } | { ok: false; reason: string };

/**
 * Looks for the native `tesseract` and its Norwegian model: `tesseract --list-langs` names its
 * tessdata folder (TESSDATA_PREFIX moves it) and the languages there. An installation with
 * Norwegian (Debian: tesseract-ocr-nor) is what INTAKE_OCR_ENGINE=auto takes as a working one; the
 * engine itself is given the same models as tesseract.js (see {@link createOcrEngine}).
 */
export function findNativeTesseract(binary = 'tesseract', env: NodeJS.ProcessEnv = process.env): NativeSetup {
  const run = spawnSync(binary, ['--list-langs'], { encoding: 'utf8', env, timeout: 10_000 });
  if (run.error || run.status !== 0) return { ok: false, reason: `kommandoen ${binary} finnes ikke` };
  const output = `${run.stdout}\n${run.stderr}`;
  // The command names the folder with a trailing slash; resolve() gives it as paths are written.
  const listedDir = /languages in "([^"]+)"/.exec(output)?.[1];
  const dir = listedDir === undefined ? undefined : resolve(listedDir);
  const listed = new Set(
    output
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[a-z_]+$/i.test(l)),
  );
  const languages = DEFAULT_LANGUAGES.filter(
    (language) => listed.has(language) && dir && existsSync(join(dir, `${language}.traineddata`)),
  );
  if (!dir || !languages.includes('nor')) {
    return { ok: false, reason: `norsk språkdata (nor.traineddata) mangler for ${binary}` };
  }
  return {
    ok: true,
    binary,
    tessdata: { languages, dir, description: `${languages.join('+')}, ${dir}` },
  };
}

export interface ChosenEngine {
  engine: OcrEngine & { terminate(): Promise<void> };
  /** Which engine runs and why, in Norwegian, for the log at start. */
  description: string;
}

export interface CreateEngineOptions {
  choice: EngineChoice;
  /** Threads (tesseract.js) or processes (native) reading pages at once. */
  workers?: number;
  /** The native command; default `tesseract` on PATH. */
  binary?: string;
  env?: NodeJS.ProcessEnv;
  /** Where a page the native command failed on is told (the log). */
  onFallback?: (error: Error) => void;
}

/**
 * The engine for `choice`: 'tesseractjs' is the embedded default that works after `npm ci` alone;
 * 'native' requires the command with Norwegian data (an {@link OcrSetupError} otherwise); 'auto'
 * takes native when it is there, else tesseract.js. The native engine falls back to tesseract.js
 * page by page.
 *
 * Each engine reads with its own models: tesseract.js with the npm packages' best_int, the command
 * with the system's own (Debian's tesseract-ocr-nor/-eng are tessdata_fast). Measured with
 * `npm run bench:ocr` (README "OCR"): the fast models take about 40 % less recognition CPU at the
 * same character accuracy on the scanned samples, and every golden record reads the same with them.
 * So a scanned page may read differently under the two engines, as it may under two versions of
 * tesseract; the log says at start which engine and models a run reads with.
 */
export function createOcrEngine(options: CreateEngineOptions): ChosenEngine {
  const pool = () => new OcrPool({ workers: options.workers });
  // tesseract.js reads with the npm packages' models (language-data.ts); said without unpacking them.
  const models = `${DEFAULT_LANGUAGES.join('+')}, ${MODEL_VARIANT}`;
  if (options.choice === 'tesseractjs') {
    return { engine: pool(), description: `OCR med tesseract.js (innebygd; språkdata ${models})` };
  }
  const native = findNativeTesseract(options.binary, options.env);
  if (!native.ok) {
    if (options.choice === 'native') {
      throw new OcrSetupError(`INTAKE_OCR_ENGINE=native, men ${native.reason}.`);
    }
    return {
      engine: pool(),
      description: `OCR med tesseract.js (innebygd; språkdata ${models}; ${native.reason})`,
    };
  }
  const engine = new NativeTesseractEngine({
    binary: native.binary,
    tessdata: native.tessdata,
    processes: options.workers,
    fallback: pool,
    onFallback: options.onFallback,
  });
  return {
    engine,
    description:
      `OCR med tesseract (${native.binary}; språkdata ${native.tessdata.languages.join('+')} fra ${native.tessdata.dir}); ` +
      `tesseract.js (${models}) tar sider den ikke klarer`,
  };
}
