import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { STAGES, type RunReport } from '../../src/pipeline/run-report.ts';
import { timedIngest } from '../timed-ingest.ts';
import { generateTextPdfs } from './generate-pdfs.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const GOAL = 0.5;

/**
 * `npm run bench:text [-- --count 1500 --rounds 1]`: born-digital PDFs, one submission each
 * (generated once into a cache folder under the system's temp folder), read by `pdftotext` with as
 * many processes as intake has cores, and by `intake ingest` spawned as a user runs it (bin/intake.js,
 * a new data folder, the embedded database) — in the same process, one after the other, so the
 * ratio pdftotext / intake holds on a loaded machine where the seconds do not. Goal: ≥ 0.5.
 * `--threads N` sets intake's reader threads, to see whether another one pays.
 */
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1500' },
    rounds: { type: 'string', default: '1' },
    /** Reader threads for intake (INTAKE_READ_THREADS); default: intake's own (one per core). */
    threads: { type: 'string' },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
const processes = availableParallelism();

const cache = join(tmpdir(), 'intake-bench-text', `v1-${count}`);
const started = performance.now();
const pdfs = await generateTextPdfs(cache, count);
console.log(
  `Arkiv: ${pdfs.length} PDF-er med tekstlag, én per innsending, i ${cache}` +
    ` (${((performance.now() - started) / 1000).toFixed(1)} s å lage eller finne)`,
);

// An installed intake runs a build made at `npm ci` (bin/build.mjs, where there is one); making it
// is not part of a run, so it is made before the clock starts.
if (existsSync(join(ROOT, 'bin/build.mjs'))) await run(process.execPath, [join(ROOT, 'bin/build.mjs')]);

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
// Each run's folders (data folder with its database, blobs, output: thousands of files) are removed
// after the last round, not between rounds: ext4 makes a new file skip every inode freed in the last
// minute (`recently_deleted`), and a round right after another's removal spent 2-3 CPU s more in the
// kernel creating its files than the same run on a quiet disk.
const leftovers: string[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const reference = await pdftotext(pdfs, processes);
    const intake = await ingestChild(cache);
    const report = intake.report;
    const stageTotal = STAGES.reduce((sum, stage) => sum + report.stageMs[stage], 0);
    const ratio = reference.ms / intake.ms;
    console.log(
      `
Runde ${round}:
  pdftotext -layout, ${processes} prosesser: ${s(reference.ms)}, CPU ${s(reference.cpuMs)}
  intake ingest (ny datamappe, innebygd database): ${s(intake.ms)}, CPU ${s(intake.cpuMs)}, ` +
        `høyeste minne ${(intake.maxRssKb / 1024).toFixed(0)} MB
  første dokument lest: ${
    report.firstDocumentReadSeconds === null ? 'ikke målt' : `${report.firstDocumentReadSeconds} s`
  } etter start
  tid per steg (sum over dokumenter, andel): ${STAGES.map(
    (stage) =>
      `${stage} ${s(report.stageMs[stage])} (${((100 * report.stageMs[stage]) / (stageTotal || 1)).toFixed(0)} %)`,
  ).join(', ')}
  forhold pdftotext / intake: ${ratio.toFixed(2)} i tid (mål ≥ ${GOAL}: ${ratio >= GOAL ? 'nådd' : 'ikke nådd'}), ` +
        `${(reference.cpuMs / intake.cpuMs).toFixed(2)} i CPU`,
    );
  }
} finally {
  await Promise.all(leftovers.map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * pdftotext over every file, `processes` at a time (xargs -P), under GNU time: wall and CPU
 * milliseconds, the CPU of every pdftotext process included.
 */
async function pdftotext(files: string[], processes: number): Promise<{ ms: number; cpuMs: number }> {
  const work = await mkdtemp(join(tmpdir(), 'intake-bench-text-pdftotext-'));
  try {
    const list = join(work, 'files');
    await writeFile(list, files.join('\0'));
    const timeFile = join(work, 'time');
    await run('/usr/bin/time', [
      '-f',
      '%e %U %S',
      '-o',
      timeFile,
      'sh',
      '-c',
      `xargs -0 -P ${processes} -I{} pdftotext -layout {} - < '${list}' > /dev/null`,
    ]);
    const [wall, user, system] = lastLine(await readFile(timeFile, 'utf8'))
      .split(' ')
      .map(Number);
    return { ms: wall! * 1000, cpuMs: (user! + system!) * 1000 };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** `intake ingest` in a child with a data folder of its own; wall time, CPU and peak RSS (GNU time). */
async function ingestChild(archive: string) {
  const work = await mkdtemp(join(tmpdir(), 'intake-bench-text-run-'));
  leftovers.push(work);
  const out = join(work, 'out');
  const timed = await timedIngest(
    archive,
    { out, dataDir: join(work, 'data'), timeFile: join(work, 'time') },
    values.threads ? { INTAKE_READ_THREADS: values.threads } : {},
  );
  const report = JSON.parse(await readFile(join(out, 'run-report.json'), 'utf8')) as RunReport;
  return { ...timed, report };
}

/** GNU time's figures: its last line (a failed command's notice comes before). */
function lastLine(text: string): string {
  return text.trim().split('\n').pop()!;
}
