/**
 * The main thread's share of a text run, alone: extraction and the scheme's rules
 * (`processSubmission`) over born-digital PDFs read beforehand, timed per submission over a few
 * rounds (the first is JIT warm-up). The PDFs are bench:text's (generated once into the same cache).
 *
 *   npx tsx bench/text/extract-only.ts [--count 300] [--rounds 4]
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { processSubmission } from '../../src/pipeline/process-submission.ts';
import { readDocument } from '../../src/read/read-document.ts';
import { BUNDLED_REGISTER_PATH } from '../../src/register/bundled-register.ts';
import { loadRegister } from '../../src/register/municipality-register.ts';
import { loadSchemes } from '../../src/schemes/load-schemes.ts';
import { generateTextPdfs } from './generate-pdfs.ts';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '300' }, rounds: { type: 'string', default: '4' } },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
const ROOT = join(import.meta.dirname, '../..');
const ctx = {
  schemes: loadSchemes(join(ROOT, 'schemes')),
  register: loadRegister(BUNDLED_REGISTER_PATH),
  lowConfidenceThreshold: 0.6,
};
const pdfs = await generateTextPdfs(join(tmpdir(), 'intake-bench-text', `v1-${count}`), count);
const reads = await Promise.all(pdfs.map(async (path) => readDocument(await readFile(path), path)));
for (let round = 1; round <= rounds; round++) {
  const started = performance.now();
  reads.forEach((read, i) => processSubmission(pdfs[i]!, [read], new Map(), ctx));
  const ms = (performance.now() - started) / reads.length;
  console.log(
    `round ${round}: ${ms.toFixed(2)} ms per submission (extract + check)${round === 1 ? ', warm-up' : ''}`,
  );
}
