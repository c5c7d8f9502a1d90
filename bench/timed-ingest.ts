import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { BUNDLED_REGISTER_PATH } from '../src/register/bundled-register.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');

export interface TimedIngest {
  /** Wall time as the bench saw it. */
  ms: number;
  /** User + system CPU of the child and what it waited for (GNU time). */
  cpuMs: number;
  maxRssKb: number;
}

/**
 * One `intake ingest ARCHIVE --out OUT` child as a user runs it: bin/intake.js, the embedded
 * database in `dataDir` (DATABASE_URL left out, so nothing but this process runs), the bundled
 * register unless INTAKE_MUNICIPALITIES names one; timed by GNU time into `timeFile`.
 */
export async function timedIngest(
  archive: string,
  paths: { out: string; dataDir: string; timeFile: string },
  env: Record<string, string> = {},
): Promise<TimedIngest> {
  const { DATABASE_URL: _, ...inherited } = process.env;
  const started = performance.now();
  await run(
    '/usr/bin/time',
    [
      '-f',
      '%U %S %M',
      '-o',
      paths.timeFile,
      process.execPath,
      join(ROOT, 'bin/intake.js'),
      'ingest',
      archive,
      '--out',
      paths.out,
    ],
    {
      cwd: ROOT,
      maxBuffer: 1 << 26,
      env: {
        ...inherited,
        INTAKE_DATA_DIR: paths.dataDir,
        INTAKE_MUNICIPALITIES: process.env.INTAKE_MUNICIPALITIES ?? BUNDLED_REGISTER_PATH,
        ...env,
      },
    },
  );
  const ms = performance.now() - started;
  // GNU time's figures are its last line (a failed command's notice comes before).
  const [user, system, maxRssKb] = (await readFile(paths.timeFile, 'utf8'))
    .trim()
    .split('\n')
    .pop()!
    .split(' ')
    .map(Number);
  return { ms, cpuMs: (user! + system!) * 1000, maxRssKb: maxRssKb! };
}
