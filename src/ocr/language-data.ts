import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { OcrSetupError } from './ocr-error.ts';

/** Norwegian first; English catches the English words municipal forms are full of (FACT, Housing First). */
export const DEFAULT_LANGUAGES = ['nor', 'eng'] as const;

/**
 * The model variant inside the @tesseract.js-data packages: "best" LSTM models converted to integer
 * arithmetic, what tesseract.js itself uses for its LSTM engine. The other folder ("4.0.0") carries the
 * legacy engine's data as well, which the LSTM-only build cannot use. tesseract.js reads with these;
 * the native command with the system's own (choose-engine.ts). No npm package carries tessdata_fast
 * Norwegian, so the embedded engine cannot have the faster models without shipping them here.
 */
export const MODEL_VARIANT = '4.0.0_best_int';

/** Where one language's model comes from. */
export interface LanguageModel {
  language: string;
  /** The gzipped traineddata file as installed by npm. */
  file: string;
}

/** Language models ready for both engines: one folder of plain `<lang>.traineddata` files. */
export interface Tessdata {
  languages: string[];
  /** Folder with `<lang>.traineddata` (uncompressed), usable as tesseract's --tessdata-dir too. */
  dir: string;
  /** What was loaded, for logs and the bench ("nor+eng, @tesseract.js-data 4.0.0_best_int"). */
  description: string;
}

const require = createRequire(import.meta.url);

/** Finds the installed model of each language; a missing package is a setup error naming the fix. */
export function locateLanguageModels(languages: readonly string[] = DEFAULT_LANGUAGES): LanguageModel[] {
  return languages.map((language) => {
    const pkg = `@tesseract.js-data/${language}`;
    let dir: string;
    try {
      dir = dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      throw new OcrSetupError(
        `OCR-språkdata for «${language}» mangler: pakken ${pkg} er ikke installert (kjør npm ci).`,
      );
    }
    const file = join(dir, MODEL_VARIANT, `${language}.traineddata.gz`);
    if (!existsSync(file)) {
      throw new OcrSetupError(`OCR-språkdata for «${language}» mangler: fant ikke ${file} (kjør npm ci).`);
    }
    return { language, file };
  });
}

/**
 * Unpacks the installed models once into a cache folder keyed by their content, so every worker (and
 * the native engine in the bench) reads the same plain files and no worker spends its start inflating
 * them. Nothing is fetched: a missing or broken model is an {@link OcrSetupError}.
 */
export function prepareTessdata(
  languages: readonly string[] = DEFAULT_LANGUAGES,
  cacheRoot = join(tmpdir(), 'intake-tessdata'),
): Tessdata {
  const models = locateLanguageModels(languages);
  const packed = models.map((m) => readFileSync(m.file));
  const key = createHash('sha256');
  for (const bytes of packed) key.update(bytes);
  const dir = join(cacheRoot, `${MODEL_VARIANT}-${key.digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  models.forEach((model, i) => {
    const target = join(dir, `${model.language}.traineddata`);
    if (existsSync(target)) return;
    let plain: Buffer;
    try {
      plain = gunzipSync(packed[i]!);
    } catch (error) {
      throw new OcrSetupError(`OCR-språkdata for «${model.language}» er skadet (${model.file}).`, {
        cause: error,
      });
    }
    // Written under a temporary name and renamed, so a parallel run never reads half a file.
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, plain);
    renameSync(partial, target);
  });
  return {
    languages: [...languages],
    dir,
    description: `${languages.join('+')}, @tesseract.js-data ${MODEL_VARIANT}`,
  };
}
