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
  // The contract check of this output runs in .ci/run:
  // the tests read nothing outside the repository.
  it('writes submissions.jsonl for the samples with the bundled register, with a summary per scheme', async () => {
    const out = await mkdtemp(join(tmpdir(), 'intake-cli-'));
    const result = await intake(['ingest', 'samples', '--out', out], {
      INTAKE_MUNICIPALITIES: undefined,
      INTAKE_DATA_DIR: join(out, 'data'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/kommunalt-rusarbeid: \d+ innsendinger/);
    expect(result.stderr).not.toMatch(/kommuneoppslag er slått av/);
    const records = (await readFile(join(out, 'submissions.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { applicant?: { municipalityNumber?: string | null } | null });
    expect(records.length).toBeGreaterThanOrEqual(25);
    // Without INTAKE_MUNICIPALITIES the register shipped in src/register/ resolves municipality numbers.
    expect(records.filter((r) => r.applicant?.municipalityNumber).length).toBeGreaterThan(records.length / 2);
    // The start-up figure the benches print: from the process's start to the first document read.
    const report = JSON.parse(await readFile(join(out, 'run-report.json'), 'utf8')) as {
      firstDocumentReadSeconds: number | null;
    };
    expect(report.firstDocumentReadSeconds).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/Første dokument lest [\d.]+ s etter at prosessen startet/);
  }, 900_000); // every sample, scans included, OCR'd in a child process

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
