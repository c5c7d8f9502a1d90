import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { RunReport } from '../../src/pipeline/run-report.ts';

const exec = promisify(execFile);

/**
 * `npm run bench:startup [-- --runs N --root DIR]`: the time from spawning `npx intake ingest` on
 * one small born-digital submission to its first document read (the run report's
 * firstDocumentReadAt), with a new data folder and with one used before, against the start of a
 * bare `node -e ''` and a `pdftotext` of the same PDF timed the same way in this process. `--root`
 * times another checkout of the program (an older commit, for a before/after figure).
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, root: { type: 'string' } },
});
const runs = Math.max(1, Number(values.runs));
const root = values.root ?? join(import.meta.dirname, '../..');
const SAMPLE = join(import.meta.dirname, '../../samples/2024/bergen-voksne-report-clean');
const PDF = 'Rapport_FACT_2023.pdf';

const work = await mkdtemp(join(tmpdir(), 'intake-bench-startup-'));
try {
  // Each run gets a submission of its own (its folder name is part of its id), so a data folder used
  // before still has a document to read rather than a record to skip.
  let n = 0;
  const submission = async () => {
    const dir = join(work, `in-${++n}`, `bench-${n}`);
    await mkdir(dir, { recursive: true });
    await cp(join(SAMPLE, PDF), join(dir, PDF));
    return dirname(dir);
  };
  const env = (dataDir: string) => ({ ...process.env, INTAKE_DATA_DIR: dataDir, INTAKE_CONCURRENCY: '1' });

  /**
   * Builds the program if its sources changed (others may be editing them): a build is a one-off
   * after an edit, not part of a start, so it is made before the clock starts.
   */
  const build = async () => {
    if (!existsSync(join(root, 'bin/build.mjs'))) return; // a checkout from before the compiled bin
    const script = `(await import(${JSON.stringify(join(root, 'bin/build.mjs'))})).currentBuild()`;
    await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  };

  /** Spawns `npx intake ingest`; the seconds from the spawn to the first document read, and to exit. */
  const ingest = async (dataDir: string) => {
    const input = await submission();
    await build();
    const out = join(work, `out-${n}`);
    const spawned = Date.now();
    await exec('npx', ['intake', 'ingest', input, '--out', out], { cwd: root, env: env(dataDir) });
    const exited = Date.now();
    const report = JSON.parse(await readFile(join(out, 'run-report.json'), 'utf8')) as RunReport;
    if (!report.firstDocumentReadAt) throw new Error(`the run read no document (${out})`);
    return {
      firstRead: (Date.parse(report.firstDocumentReadAt) - spawned) / 1000,
      inProcess: report.firstDocumentReadSeconds ?? NaN,
      exit: (exited - spawned) / 1000,
    };
  };
  /** Seconds from spawn to exit of a plain command, the same way. */
  const timed = async (file: string, args: string[]) => {
    const started = Date.now();
    await new Promise<void>((resolve, reject) =>
      spawn(file, args, { stdio: 'ignore' })
        .on('error', reject)
        .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${file} ${code}`)))),
    );
    return (Date.now() - started) / 1000;
  };

  // Warm-up: the build (bin builds it if the sources changed) and the database template exist before
  // the first timed run; the one-time costs are said apart.
  const once = await ingest(join(work, 'data-warm-up'));
  console.log(`Oppvarming (bygg og databasemal om de manglet): ${once.exit.toFixed(1)} s`);

  const fresh: number[] = [];
  const freshInProcess: number[] = [];
  const reused: number[] = [];
  const node: number[] = [];
  const pdftotext: number[] = [];
  const existing = join(work, 'data-existing');
  await ingest(existing);
  for (let i = 0; i < runs; i++) {
    node.push(await timed(process.execPath, ['-e', '']));
    const f = await ingest(join(work, `data-new-${i}`));
    fresh.push(f.firstRead);
    freshInProcess.push(f.inProcess);
    reused.push((await ingest(existing)).firstRead);
    pdftotext.push(await timed('pdftotext', [join(SAMPLE, PDF), join(work, 'out.txt')]));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const s = (x: number) => `${x.toFixed(2)} s`;
  const lines = [
    `Oppstart: fra \`npx intake ingest\` startes til første dokument er lest (median av ${runs}, ${root})`,
    `  ny datamappe:          ${s(median(fresh))} (i intake-prosessen: ${s(median(freshInProcess))}; ${fresh.map((x) => x.toFixed(2)).join(', ')})`,
    `  datamappe fra før:     ${s(median(reused))} (${reused.map((x) => x.toFixed(2)).join(', ')})`,
    `  referanse node -e '':  ${s(median(node))}; forhold ny datamappe / node: ${(median(fresh) / median(node)).toFixed(1)}`,
    `  referanse pdftotext:   ${s(median(pdftotext))} for samme PDF; forhold: ${(median(fresh) / median(pdftotext)).toFixed(1)}`,
    `  mål: ≤ 2 s — ${median(fresh) <= 2 && median(reused) <= 2 ? 'nådd' : 'ikke nådd'} på denne maskinen nå`,
  ];
  console.log(lines.join('\n'));
} finally {
  await rm(work, { recursive: true, force: true });
}
