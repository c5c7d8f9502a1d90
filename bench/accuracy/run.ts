/**
 * Generates a fresh held-out corpus, runs the pipeline on it as a user would, and scores it.
 *
 *   tsx bench/accuracy/run.ts [--count 120] [--seed 1] [--show 25] [--keep] [--self-test]
 *       [--municipalities PATH] [--json FILE]
 *
 * Runs `node bin/intake.js ingest CORPUS --out OUT` in a child process with
 * INTAKE_MUNICIPALITIES set; --self-test skips the pipeline and scores the truth against itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MUNICIPALITIES, generateCorpus, printSummary } from './generate-corpus.ts';
import { printReport, readRecords, readTruth, recordFromTruth, score } from './score.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function runPipeline(
  corpus: string,
  out: string,
  municipalities: string,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/intake.js'), 'ingest', corpus, '--out', out], {
      cwd: REPO,
      env: { ...process.env, INTAKE_MUNICIPALITIES: municipalities },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (c: Buffer): void => {
      output = (output + c.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) =>
      res({ code: -1, output: `${output}\n${err.message}`, ms: Date.now() - started }),
    );
    child.on('close', (code) => res({ code, output, ms: Date.now() - started }));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '120' },
      seed: { type: 'string', default: '1' },
      show: { type: 'string', default: '25' },
      keep: { type: 'boolean', default: false },
      'self-test': { type: 'boolean', default: false },
      municipalities: { type: 'string', default: DEFAULT_MUNICIPALITIES },
      json: { type: 'string' },
    },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) {
    console.error(`--count must be a positive integer, got ${values.count}`);
    return 2;
  }
  const municipalities = resolve(values.municipalities);
  const work = mkdtempSync(join(tmpdir(), 'intake-accuracy-'));
  const corpus = join(work, 'corpus');
  const truthFile = join(work, 'truth.jsonl');
  const out = join(work, 'out');
  try {
    console.log(`Generating ${count} submissions (seed ${values.seed}) …`);
    const summary = await generateCorpus({
      out: corpus,
      count,
      seed: values.seed,
      truth: truthFile,
      municipalities,
      clean: false,
      quiet: true,
    });
    printSummary(summary, corpus, truthFile);
    const truth = readTruth(truthFile);

    let records;
    let unparsable = 0;
    if (values['self-test']) {
      console.log('\nself-test: scoring the truth against itself (expect 100 %)');
      records = truth.map(recordFromTruth);
    } else {
      console.log(`\nRunning: node bin/intake.js ingest ${corpus} --out ${out}`);
      const run = await runPipeline(corpus, out, municipalities);
      console.log(`Pipeline exited with ${run.code} after ${(run.ms / 1000).toFixed(1)} s`);
      if (run.code !== 0) {
        console.log('Last output of the pipeline:');
        console.log(run.output.split('\n').slice(-30).join('\n'));
      }
      ({ records, unparsable } = readRecords(join(out, 'submissions.jsonl')));
    }
    const report = score(truth, records, unparsable);
    printReport(report, Number(values.show) || 0);
    if (values.json) writeFileSync(resolve(values.json), JSON.stringify(report, null, 2));
    return 0;
  } finally {
    if (values.keep) console.log(`Kept corpus, truth and output in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    console.error(`bench:accuracy: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  });
