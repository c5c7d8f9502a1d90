import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ProcessedRecord } from '../../../src/pipeline/process-submission.ts';
import { BUNDLED_REGISTER_PATH } from '../../../src/register/bundled-register.ts';
import { DATABASE_URL, REDIS_URL, deletePrefix, dropSchema, uniqueName } from './services.ts';

const run = promisify(execFile);
export const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'bin/intake.js');

/** A test run's own PostgreSQL schema, Redis key prefix and data folder, as environment variables. */
export interface QueueEnv {
  schema: string;
  prefix: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function queueEnv(kind: string, extra: Record<string, string> = {}): Promise<QueueEnv> {
  const schema = uniqueName(kind);
  const prefix = schema.replaceAll('_', '-');
  const dataDir = await mkdtemp(join(tmpdir(), `intake-${kind}-`));
  return {
    schema,
    prefix,
    env: {
      DATABASE_URL,
      REDIS_URL,
      INTAKE_DB_SCHEMA: schema,
      INTAKE_QUEUE_PREFIX: prefix,
      INTAKE_DATA_DIR: dataDir,
      INTAKE_MUNICIPALITIES: BUNDLED_REGISTER_PATH,
      // Two cores shared by everything: one OCR engine per worker process keeps the tests frugal.
      INTAKE_OCR_WORKERS: '1',
      INTAKE_WORKER_CONCURRENCY: '2',
      ...extra,
    },
    cleanup: async () => {
      await deletePrefix(prefix);
      await dropSchema(schema);
    },
  };
}

/** Runs `intake ARGS…` to the end; fails with its output when it exits non-zero. */
export async function intake(args: string[], env: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    throw new Error(`intake ${args.join(' ')} exited ${e.code}:\n${e.stdout}\n${e.stderr}`);
  }
}

/**
 * Runs `intake ARGS…` and waits for it to exit by itself (SIGTERM after `limitMs`): its exit code
 * and output, for commands that are meant to refuse.
 */
export async function exitOf(
  args: string[],
  env: Record<string, string>,
  limitMs = 90_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(root, 'bin/intake.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGTERM'), limitMs);
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  clearTimeout(timer);
  return { code, output };
}

export interface WorkerProcess {
  child: ChildProcess;
  log(): string;
  /** SIGTERM, then waits for the process to drain and exit; returns its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `intake worker` and waits until it says it is ready. */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [bin, 'worker'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await new Promise<void>((ready, fail) => {
    const check = () => {
      if (/klar/.test(output)) ready();
      else if (child.exitCode !== null) fail(new Error(`intake worker exited at start:\n${output}`));
      else setTimeout(check, 100);
    };
    check();
  });
  return {
    child,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Copies sample submissions ("2023/harstad-rus-clean-skannet", …) into a fresh archive folder. */
export async function sampleArchive(samples: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'intake-archive-'));
  for (const sample of samples) {
    await cp(join(root, 'samples', sample), join(dir, sample), { recursive: true });
  }
  return dir;
}

/** Copies a sample to another name in an archive (the same bytes as another submission). */
export async function copyInto(archive: string, sample: string, as: string): Promise<void> {
  await cp(join(root, 'samples', sample), join(archive, as), { recursive: true });
}

/** The lines of a submissions.jsonl, by source, with the text of each line. */
export async function readRecords(
  file: string,
): Promise<Map<string, { record: ProcessedRecord; line: string }>> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
  return new Map(
    lines.map((line) => {
      const record = JSON.parse(line) as ProcessedRecord;
      return [record.source, { record, line }];
    }),
  );
}

/** Polls `check` until it returns a value other than undefined; fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 300_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
