import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { createOcrEngine, findNativeTesseract } from '../../src/ocr/choose-engine.ts';
import { NativeTesseractEngine } from '../../src/ocr/native-tesseract-engine.ts';
import { ocrDocument } from '../../src/ocr/ocr-document.ts';
import { OcrPool } from '../../src/ocr/ocr-pool.ts';
import { OcrSetupError } from '../../src/ocr/ocr-error.ts';
import { readDocument } from '../../src/read/read-document.ts';
import { testEngines } from './ocr-engines.ts';

/**
 * The native `tesseract` engine (INTAKE_OCR_ENGINE): which engine `auto` takes, and that a page the
 * command fails on or hangs on is read by tesseract.js instead. Runs against the installed command
 * (CI installs tesseract-ocr-nor); INTAKE_TEST_NATIVE_OCR=0 leaves it out on a machine without it.
 */
const native = process.env['INTAKE_TEST_NATIVE_OCR'] === '0' ? describe.skip : describe;
const samples = join(import.meta.dirname, '../../samples');
const scratch = mkdtempSync(join(tmpdir(), 'intake-native-ocr-'));

/** The installed command's tessdata folder. */
function systemTessdata(): string {
  const found = findNativeTesseract();
  if (!found.ok) throw new Error(`native tesseract: ${found.reason}`);
  return found.tessdata.dir;
}

/** A tessdata folder holding only the given languages of the installed ones. */
function tessdataWith(...languages: string[]): string {
  const dir = mkdtempSync(join(scratch, 'tessdata-'));
  for (const language of languages) {
    symlinkSync(join(systemTessdata(), `${language}.traineddata`), join(dir, `${language}.traineddata`));
  }
  return dir;
}

/** A real script on disk standing in for the command: `body` runs before the real tesseract. */
function wrapper(name: string, body: string): string {
  const path = join(scratch, name);
  writeFileSync(path, `#!/bin/bash\n${body}\nexec tesseract "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}

native('INTAKE_OCR_ENGINE=auto', () => {
  it('takes the native command when it has Norwegian data', async () => {
    const env = { ...process.env, TESSDATA_PREFIX: tessdataWith('nor', 'eng') };
    const { engine, description } = createOcrEngine({ choice: 'auto', workers: 1, env });
    expect(engine).toBeInstanceOf(NativeTesseractEngine);
    // The command reads with its own models (the system's), where TESSDATA_PREFIX says they are.
    expect(description).toBe(
      `OCR med tesseract (tesseract; språkdata nor+eng fra ${env.TESSDATA_PREFIX}); ` +
        'tesseract.js (nor+eng, 4.0.0_best_int) tar sider den ikke klarer',
    );
    await engine.terminate();
  });

  it('takes tesseract.js, and says why, when the command has no Norwegian data', async () => {
    const env = { ...process.env, TESSDATA_PREFIX: tessdataWith('eng') };
    const { engine, description } = createOcrEngine({ choice: 'auto', workers: 1, env });
    expect(engine).toBeInstanceOf(OcrPool);
    expect(description).toBe(
      'OCR med tesseract.js (innebygd; språkdata nor+eng, 4.0.0_best_int; norsk språkdata (nor.traineddata) mangler for tesseract)',
    );
    await engine.terminate();
  });

  it('takes tesseract.js when there is no command', async () => {
    const { engine, description } = createOcrEngine({
      choice: 'auto',
      workers: 1,
      binary: join(scratch, 'no-such-tesseract'),
    });
    expect(engine).toBeInstanceOf(OcrPool);
    expect(description).toMatch(/kommandoen .*no-such-tesseract finnes ikke/);
    await engine.terminate();
  });

  it('refuses INTAKE_OCR_ENGINE=native without Norwegian data, instead of reading with another engine', () => {
    const env = { ...process.env, TESSDATA_PREFIX: tessdataWith('eng') };
    expect(() => createOcrEngine({ choice: 'native', workers: 1, env })).toThrow(OcrSetupError);
  });
});

native('the native engine falls back to tesseract.js page by page', () => {
  const path = join(samples, '2024/ostre-toten-invalid-orgnr-skannet/soknad.pdf');
  const engines: Array<{ terminate(): Promise<void> }> = [];
  afterAll(() => Promise.all(engines.map((e) => e.terminate())));

  /** The two-page scan read by the command `binary`, the fallback counted. */
  async function readWith(binary: string, pageTimeoutMs?: number) {
    const found = findNativeTesseract();
    if (!found.ok) throw new Error(found.reason);
    const failures: string[] = [];
    const engine = new NativeTesseractEngine({
      binary,
      processes: 1,
      pageTimeoutMs,
      fallback: () => new OcrPool({ workers: 1 }),
      onFallback: (error) => failures.push(error.message),
    });
    engines.push(engine);
    const bytes = readFileSync(path);
    const done = await ocrDocument(await readDocument(bytes, path), bytes, engine);
    return { done, engine, failures };
  }

  it('reads a page the command exits 1 on with tesseract.js, and the other page natively', async () => {
    const counter = join(scratch, 'calls-exit');
    const binary = wrapper(
      'tesseract-fails-once',
      `n=$(cat ${counter} 2>/dev/null || echo 0); echo $((n + 1)) > ${counter}\n` +
        `if [ "$n" = 0 ]; then echo 'simulert feil' >&2; exit 1; fi`,
    );
    const { done, engine, failures } = await readWith(binary);
    expect(engine.pagesRecognised).toBe(2);
    expect(engine.pagesFallenBack).toBe(1);
    expect(failures).toEqual(['tesseract avsluttet med kode 1: simulert feil']);
    expect(done.failure).toBeNull();
    expect(done.pages.map((p) => p.method)).toEqual(['ocr', 'ocr']);
    for (const page of done.pages) expect(page.words.length).toBeGreaterThan(50);
  }, 240_000);

  it('kills a page the command hangs on at the time limit and reads it with tesseract.js', async () => {
    const counter = join(scratch, 'calls-hang');
    const binary = wrapper(
      'tesseract-hangs-once',
      `n=$(cat ${counter} 2>/dev/null || echo 0); echo $((n + 1)) > ${counter}\n` +
        `if [ "$n" = 1 ]; then exec sleep 600; fi`,
    );
    // Long enough for the other page's real OCR on two busy cores, short enough not to idle the suite.
    const { done, engine, failures } = await readWith(binary, 20_000);
    expect(engine.pagesFallenBack).toBe(1);
    expect(failures).toEqual(['tesseract svarte ikke innen 20 sekunder']);
    expect(done.pages.map((p) => p.method)).toEqual(['ocr', 'ocr']);
    for (const page of done.pages) expect(page.words.length).toBeGreaterThan(50);
  }, 240_000);
});

describe('both engines give words of one shape', () => {
  it('reads the same scanned page to the same words, boxes and confidences, within what engines differ by', async () => {
    const path = join(samples, '2025/hamar-tryggest-clean-skannet/Søknad-TryggEst-2025-Hamar-kommune.pdf');
    const bytes = readFileSync(path);
    const pages = [];
    for (const { create } of testEngines()) {
      const engine = create(1);
      try {
        pages.push((await ocrDocument(await readDocument(bytes, path), bytes, engine)).pages[0]!);
      } finally {
        await engine.terminate();
      }
    }
    for (const page of pages) {
      expect(page.method).toBe('ocr');
      expect(page.text).toMatch(/TryggEst/);
      expect(Object.keys(page.words[0]!).sort()).toEqual(['box', 'confidence', 'text']);
      expect(page.confidence).toBeGreaterThan(0.8);
    }
    if (pages.length < 2) return;
    // The same word, found by both, sits in the same place on the page (points) give or take a pixel.
    const [a, b] = pages;
    const word = a!.words.find((w) => w.text === 'TryggEst')!;
    const same = b!.words.find((w) => w.text === 'TryggEst')!;
    expect(Math.abs(word.box.x - same.box.x)).toBeLessThan(2);
    expect(Math.abs(word.box.y - same.box.y)).toBeLessThan(2);
  }, 240_000);
});
