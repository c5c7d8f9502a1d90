import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUNDLED_REGISTER_PATH } from '../../src/register/bundled-register.ts';
import { DATABASE_URL } from '../queue/support/services.ts';

const run = promisify(execFile);
export const root = join(import.meta.dirname, '../..');

/** The environment of an `intake` child on a PostgreSQL schema of the test's own. */
export function intakeEnv(schema: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL,
    INTAKE_DB_SCHEMA: schema,
    INTAKE_MUNICIPALITIES: BUNDLED_REGISTER_PATH,
    ...extra,
  };
}

/** Runs `intake ARGS` to the end; rejects (with its output) when it fails. */
export async function intake(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [join(root, 'bin/intake.js'), ...args], {
    cwd: root,
    env,
    maxBuffer: 1 << 24,
  });
}

/** Starts `intake ARGS` as a child the test can kill. */
export function spawnIntake(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(root, 'bin/intake.js'), ...args], { cwd: root, env, stdio: 'pipe' });
}

/** An archive folder of copies of sample submissions: `copies` of each, under names of their own. */
export async function sampleArchive(folders: string[], copies = 1): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'intake-bulk-'));
  for (let i = 0; i < copies; i++) {
    for (const folder of folders) {
      const name = copies === 1 ? folder : `${folder}-${String(i).padStart(2, '0')}`;
      await cp(join(root, 'samples', folder), join(dir, 'arkiv', name), { recursive: true });
    }
  }
  return join(dir, 'arkiv');
}
