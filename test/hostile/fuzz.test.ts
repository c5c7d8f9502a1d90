import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { ReadDocument } from '../../src/domain/document.ts';
import { ReaderPool, type ReadOutcome } from '../../src/read/reader-pool.ts';
import { PACKAGE_ROOT } from '../../src/config/settings.ts';
import {
  dotnetPrefixedXlsx,
  hiddenFilterButtonXlsx,
  odsFile,
  odtFile,
  pptxFile,
  rtfFile,
  xlsbFile,
} from '../../scripts/hostile/wild-files.ts';
import { SeededRandom, mutateBytes, mutateWorkbookPart } from './mutator.ts';

/** Small by default so the suite stays quick; raise it for a longer run (INTAKE_FUZZ_ITERATIONS=2000). */
const ITERATIONS = Number(process.env.INTAKE_FUZZ_ITERATIONS ?? 60);
const SEED = Number(process.env.INTAKE_FUZZ_SEED ?? 20_250_601);
/** A mutant of a sample that takes longer than this to read is a hang. */
const TIMEOUT_MS = 20_000;

const REASONS = ['empty', 'corrupt', 'encrypted', 'unsupported', 'too-large', 'timeout'];

function sampleFiles(): string[] {
  const root = join(PACKAGE_ROOT, 'samples');
  const files = (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => /\.(pdf|xlsx)$/i.test(name))
    .sort();
  return files.map((name) => join(root, name));
}

/** Why a read's result breaks the reader's promise, or null when it keeps it. */
function brokenPromise(outcome: ReadOutcome): string | null {
  if (outcome.kind !== 'read')
    return `${outcome.kind}${outcome.kind === 'crash' ? `: ${outcome.message}` : ''}`;
  const document: ReadDocument = outcome.document;
  if (document.failure === null) return null;
  if (!REASONS.includes(document.failure.reason)) return `unknown reason ${document.failure.reason}`;
  if (document.failure.reason === 'timeout') return 'timeout';
  if (document.pages.length > 0 || document.sheets.length > 0) return 'a failure that also carries content';
  if (document.failure.message.trim() === '') return 'a failure without a message';
  return null;
}

describe(`fuzz: ${ITERATIONS} mutants of the sample PDFs and workbooks (seed ${SEED})`, () => {
  const pool = new ReaderPool({ threads: 2 });
  afterAll(() => pool.close());

  it('reads every mutant to a document or a read failure: no exception, crash or hang', async () => {
    const samples = sampleFiles();
    expect(samples.length).toBeGreaterThan(0);
    const random = new SeededRandom(SEED);
    const runs: Array<Promise<string | null>> = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const file = random.pick(samples);
      const original = readFileSync(file);
      const isWorkbook = file.endsWith('.xlsx');
      const mutant =
        isWorkbook && random.next() < 0.5
          ? await mutateWorkbookPart(original, random)
          : mutateBytes(original, random);
      const label = `#${i} ${relative(PACKAGE_ROOT, file)} (${mutant.mutation})`;
      runs.push(
        pool.run(mutant.bytes, `fuzz/${i}`, { timeoutMs: TIMEOUT_MS }).then((outcome) => {
          const broken = brokenPromise(outcome);
          return broken ? `${label}: ${broken}` : null;
        }),
      );
    }
    const problems = (await Promise.all(runs)).filter((problem) => problem !== null);
    expect(problems).toEqual([]);
  }, 600_000);

  it('does the same for the formats from the wild: ods, odt, pptx, xlsb, rtf, .NET and table workbooks', async () => {
    const inputs: Array<[string, Buffer]> = [
      ['budsjett.ods', odsFile()],
      ['soknad.odt', odtFile()],
      ['presentasjon.pptx', pptxFile()],
      ['budsjett.xlsb', xlsbFile()],
      ['dotnet.xlsx', dotnetPrefixedXlsx()],
      ['tabell.xlsx', hiddenFilterButtonXlsx(false)],
      ['brev.rtf', rtfFile()],
    ];
    const random = new SeededRandom(SEED + 1);
    const runs: Array<Promise<string | null>> = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const [name, original] = random.pick(inputs);
      const zipped = !name.endsWith('.rtf');
      const mutant =
        zipped && random.next() < 0.7
          ? await mutateWorkbookPart(original, random)
          : mutateBytes(original, random);
      const label = `#${i} ${name} (${mutant.mutation})`;
      runs.push(
        pool.run(mutant.bytes, `fuzz/${i}-${name}`, { timeoutMs: TIMEOUT_MS }).then((outcome) => {
          const broken = brokenPromise(outcome);
          return broken ? `${label}: ${broken}` : null;
        }),
      );
    }
    const problems = (await Promise.all(runs)).filter((problem) => problem !== null);
    expect(problems).toEqual([]);
  }, 600_000);
});
