import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const intake = (args: string[], env: Record<string, string | undefined> = {}) =>
  run(process.execPath, [join(root, 'bin/intake.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

describe('intake ingest on the command line', () => {
  it('writes submissions.jsonl for the samples that passes the contract check, with a summary per scheme', async () => {
    const out = await mkdtemp(join(tmpdir(), 'intake-cli-'));
    const result = await intake(['ingest', 'samples', '--out', out], {
      INTAKE_MUNICIPALITIES: join(root, '../shared/data/kommuner.json'),
      INTAKE_DATA_DIR: join(out, 'data'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/kommunalt-rusarbeid: \d+ innsendinger/);
    const check = await run(process.execPath, [
      join(root, '../shared/tools/check-contract.mjs'),
      join(out, 'submissions.jsonl'),
    ]);
    expect(check.stdout).toMatch(/ 0 violations/);
    const lines = (await readFile(join(out, 'submissions.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(25);
  }, 900_000); // every sample, scans included, OCR'd in a child process

  it('says once that municipality lookups are off without a register', async () => {
    const out = await mkdtemp(join(tmpdir(), 'intake-cli-'));
    const result = await intake(['ingest', 'samples/2025', '--out', out], {
      INTAKE_MUNICIPALITIES: undefined,
      INTAKE_DATA_DIR: join(out, 'data'),
    });
    expect(result.code).toBe(0);
    expect(result.stderr.match(/INTAKE_MUNICIPALITIES er ikke satt/g)).toHaveLength(1);
  }, 600_000);

  it('stops with a message naming a bad configuration value', async () => {
    const result = await intake(['ingest', 'samples'], { INTAKE_LOW_CONFIDENCE: 'høy' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('INTAKE_LOW_CONFIDENCE');
  });

  it('fails with a clear message for a path that does not exist', async () => {
    const result = await intake(['ingest', 'finnes-ikke'], {});
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/finnes-ikke/);
  });
});
