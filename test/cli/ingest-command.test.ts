import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
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

/**
 * One of each kind the command must carry through a child process: text PDFs of several schemes,
 * a scan (OCR), a zip, a workbook named .pdf, an encrypted file. Every sample's record is checked
 * in-process by the golden test, and `.ci/run` ingests all of `samples/` and checks the contract.
 */
const SAMPLES = [
  '2023/bodo-rus-late',
  '2023/alesund-voksne-late',
  '2024/drammen-fact-ung-12-positions',
  '2025/baerum-tryggest-late',
  '2022/fredrikstad-nav-clean',
  '2025/hamar-tryggest-clean-skannet',
  '2024/vadso-rus-report-zip.zip',
  '2025/ullensaker-rus-xlsx-as-pdf',
  '2023/rana-rus-unreadable-encrypted',
];

describe('intake ingest on the command line', () => {
  it('writes submissions.jsonl with the bundled register, with a summary per scheme', async () => {
    const out = await mkdtemp(join(tmpdir(), 'intake-cli-'));
    const archive = join(out, 'arkiv');
    for (const sample of SAMPLES)
      await cp(join(root, 'samples', sample), join(archive, sample), { recursive: true });
    const result = await intake(['ingest', archive, '--out', out], {
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
    expect(records.length).toBe(SAMPLES.length);
    // Without INTAKE_MUNICIPALITIES the register shipped in src/register/ resolves municipality numbers.
    expect(records.filter((r) => r.applicant?.municipalityNumber).length).toBeGreaterThan(records.length / 2);
    // The start-up figure the benches print: from the process's start to the first document read.
    const report = JSON.parse(await readFile(join(out, 'run-report.json'), 'utf8')) as {
      firstDocumentReadSeconds: number | null;
    };
    expect(report.firstDocumentReadSeconds).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/Første dokument lest [\d.]+ s etter at prosessen startet/);
  }, 600_000); // a scan OCR'd in a child process on shared cores

  it('stops with a message naming a bad configuration value', async () => {
    const result = await intake(['ingest', 'samples'], { INTAKE_LOW_CONFIDENCE: 'høy' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('INTAKE_LOW_CONFIDENCE');
  });

  it('fails with a clear message for a path that does not exist', async () => {
    const result = await intake(['ingest', 'finnes-ikke'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fant ikke finnes-ikke');
    // Said before anything starts: no run, no stack trace.
    expect(result.stderr).not.toMatch(/kjøring|Error:| {4}at /);
  });
});
