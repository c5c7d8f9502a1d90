/**
 * Generates fresh held-out corpora, runs the pipeline on them as a user would, and scores them.
 *
 *   tsx bench/accuracy/run.ts [--set both|known|independent] [--count 120] [--seed 1] [--show 25]
 *       [--keep] [--self-test] [--municipalities PATH] [--json FILE]
 *
 * Two sets, each `--count` submissions: `known` (the extractor's own words: it measures whether
 * the extractor recognises them) and `independent` (wording and layouts written without the
 * extractor, bokmål and nynorsk: the figure that counts). Runs `node bin/intake.js ingest CORPUS
 * --out OUT` once per set in a child process with INTAKE_MUNICIPALITIES set and a fresh store
 * (INTAKE_DATA_DIR in the run's folder); --self-test skips the pipeline and scores the truth
 * against itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_MUNICIPALITIES,
  SETS,
  generateCorpus,
  printSummary,
  type CorpusSet,
} from './generate-corpus.ts';
import {
  FIELDS,
  GOALS,
  printReport,
  readRecords,
  readTruth,
  recordFromTruth,
  score,
  type ScoreReport,
} from './score.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const HEADINGS: Record<CorpusSet, string> = {
  known:
    "KNOWN set: the extractor's own label words and the original layouts.\n" +
    'It measures whether the extractor recognises its own words; this is not the figure that counts.',
  independent:
    'INDEPENDENT set: wording and layouts written without the extractor, bokmål and nynorsk.\n' +
    'THIS IS THE FIGURE THAT COUNTS.',
};

/**
 * Runs ingest with a store of its own (a fresh embedded database under the run's folder):
 * with the default `data/` store, documents from earlier runs, anyone's, count as already
 * received (DUPLICATE_DOCUMENT), and DATABASE_URL would send the bench's records to a real server.
 */
function runPipeline(
  corpus: string,
  out: string,
  municipalities: string,
  dataDir: string,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INTAKE_MUNICIPALITIES: municipalities,
    INTAKE_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  delete env.INTAKE_BLOB_DIR;
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/intake.js'), 'ingest', corpus, '--out', out], {
      cwd: REPO,
      env,
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

interface SetResult {
  set: CorpusSet;
  report: ScoreReport;
  pipelineSeconds: number | null;
  pipelineExit: number | null;
}

async function runSet(
  set: CorpusSet,
  work: string,
  opts: { count: number; seed: string; municipalities: string; selfTest: boolean; show: number },
): Promise<SetResult> {
  const dir = join(work, set);
  const corpus = join(dir, 'corpus');
  const truthFile = join(dir, 'truth.jsonl');
  const out = join(dir, 'out');
  console.log(`\n=== ${set} set: generating ${opts.count} submissions (seed ${opts.seed}) …`);
  const summary = await generateCorpus({
    out: corpus,
    set,
    count: opts.count,
    seed: opts.seed,
    truth: truthFile,
    municipalities: opts.municipalities,
    clean: false,
    quiet: true,
  });
  printSummary(summary, corpus, truthFile);
  const truth = readTruth(truthFile);
  let records;
  let unparsable = 0;
  let pipelineSeconds: number | null = null;
  let pipelineExit: number | null = null;
  if (opts.selfTest) {
    console.log('\nself-test: scoring the truth against itself (expect 100 %)');
    records = truth.map(recordFromTruth);
  } else {
    console.log(`\nRunning: node bin/intake.js ingest ${corpus} --out ${out}`);
    const run = await runPipeline(corpus, out, opts.municipalities, join(dir, 'data'));
    pipelineSeconds = run.ms / 1000;
    pipelineExit = run.code;
    console.log(`Pipeline exited with ${run.code} after ${pipelineSeconds.toFixed(1)} s`);
    if (run.code !== 0) {
      console.log('Last output of the pipeline:');
      console.log(run.output.split('\n').slice(-30).join('\n'));
    }
    ({ records, unparsable } = readRecords(join(out, 'submissions.jsonl')));
  }
  const report = score(truth, records, unparsable);
  console.log('');
  printReport(
    report,
    opts.show,
    `${HEADINGS[set]}\n${report.submissions} held-out submissions, seed ${opts.seed}`,
  );
  return { set, report, pipelineSeconds, pipelineExit };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

function printComparison(results: SetResult[], seed: string): void {
  const line = '═'.repeat(78);
  const cols = results.map((r) => (r.set === 'independent' ? 'INDEPENDENT (counts)' : 'known'));
  const langs = [
    ...new Set(results.flatMap((r) => (r.set === 'independent' ? Object.keys(r.report.byLanguage) : []))),
  ];
  const ind = results.find((r) => r.set === 'independent');
  const head = [...cols, ...langs.map((l) => (l === 'nn' ? '  └ nynorsk' : '  └ bokmål'))];
  const w = 22;
  console.log(`\n${line}`);
  console.log(`Summary, seed ${seed}`);
  console.log(line);
  console.log(`  ${''.padEnd(30)}${head.map((h) => h.padStart(w)).join('')}`);
  const row = (label: string, f: (r: ScoreReport) => string, g?: (l: string) => string): void => {
    const values = results.map((r) => f(r.report));
    if (g) values.push(...langs.map(g));
    else values.push(...langs.map(() => ''));
    console.log(`  ${label.padEnd(30)}${values.map((v) => v.padStart(w)).join('')}`);
  };
  const lang = (l: string): NonNullable<ScoreReport['byLanguage'][string]> =>
    (ind as SetResult).report.byLanguage[l] as NonNullable<ScoreReport['byLanguage'][string]>;
  row(
    'submissions',
    (r) => String(r.submissions),
    (l) => String(lang(l).submissions),
  );
  row(
    `fields right (goal ≥ ${pct(GOALS.fieldAccuracy)})`,
    (r) => pct(r.fieldAccuracy),
    (l) => pct(lang(l).fieldAccuracy),
  );
  for (const f of FIELDS) {
    row(
      `  ${f}`,
      (r) => pct(r.fields[f].total ? r.fields[f].correct / r.fields[f].total : 0),
      (l) => pct(lang(l).fields[f]),
    );
  }
  row(
    `findings recall (goal ≥ ${pct(GOALS.findingsRecall)})`,
    (r) => `${pct(r.findings.recall)} (${r.findings.hit}/${r.findings.expected})`,
    (l) => pct(lang(l).recall),
  );
  const codes = [...new Set(results.flatMap((r) => Object.keys(r.report.codes)))].sort();
  for (const c of codes) {
    if (!results.some((r) => (r.report.codes[c]?.expected ?? 0) > 0)) continue;
    row(`  ${c}`, (r) => {
      const s = r.codes[c];
      return s && s.expected > 0 ? `${pct(s.hit / s.expected)} (${s.hit}/${s.expected})` : '–';
    });
  }
  row(
    `false-alarm rate (goal ≤ ${pct(GOALS.falseAlarmRate)})`,
    (r) => `${pct(r.findings.falseAlarmRate)} (${r.findings.falseAlarms}/${r.findings.raised})`,
    (l) => pct(lang(l).falseAlarmRate),
  );
  row(
    'submissions with ≥ 1 false alarm',
    (r) => `${pct(r.falseAlarmSubmissionShare)} (${r.submissionsWithFalseAlarm}/${r.submissions})`,
    (l) => `${pct(lang(l).falseAlarmSubmissionShare)} (${lang(l).submissionsWithFalseAlarm})`,
  );
  console.log(line);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'both' },
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
  const sets: CorpusSet[] =
    values.set === 'both' ? ['known', 'independent'] : SETS.filter((s) => s === values.set);
  if (sets.length === 0) {
    console.error(`--set must be both, known or independent, got ${values.set}`);
    return 2;
  }
  const municipalities = resolve(values.municipalities);
  const work = mkdtempSync(join(tmpdir(), 'intake-accuracy-'));
  const started = Date.now();
  try {
    const results: SetResult[] = [];
    for (const set of sets) {
      results.push(
        await runSet(set, work, {
          count,
          seed: values.seed,
          municipalities,
          selfTest: values['self-test'],
          show: Number(values.show) || 0,
        }),
      );
    }
    printComparison(results, values.seed);
    console.log(`Total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (values.json) {
      const json = {
        seed: values.seed,
        count,
        selfTest: values['self-test'],
        sets: Object.fromEntries(
          results.map((r) => [
            r.set,
            { pipelineSeconds: r.pipelineSeconds, pipelineExit: r.pipelineExit, ...r.report },
          ]),
        ),
      };
      writeFileSync(resolve(values.json), JSON.stringify(json, null, 2));
      console.log(`Saved the full report to ${resolve(values.json)}`);
    }
    return 0;
  } finally {
    if (values.keep)
      console.log(`Kept corpora, truth and output in ${work} (${sets.map((s) => `${s}/`).join(', ')})`);
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
