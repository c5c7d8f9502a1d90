import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, dropSchema, requirePostgres, uniqueName } from '../queue/support/services.ts';
import { intake, intakeEnv, sampleArchive, spawnIntake } from './cli.ts';

/** Text-only samples (no OCR): copied eight times, 48 submissions. */
const FOLDERS = [
  '2022/fredrikstad-nav-clean',
  '2022/stavanger-rus-clean',
  '2023/alta-overgang-clean',
  '2023/harstad-rus-clean',
  '2025/hamar-tryggest-clean',
  '2025/sola-tryggest-over-cap',
];
const COPIES = 8;
const TOTAL = FOLDERS.length * COPIES;

describe('an interrupted bulk run', () => {
  const schema = uniqueName('resume');
  const db = new pg.Client({ connectionString: DATABASE_URL });
  let archive: string;
  beforeAll(async () => {
    await requirePostgres();
    await db.connect();
    archive = await sampleArchive(FOLDERS, COPIES);
  });
  afterAll(async () => {
    await db.end();
    await dropSchema(schema);
  });

  const recorded = async (): Promise<number> => {
    try {
      const [row] = (
        await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.run_submissions`)
      ).rows;
      return row!.n;
    } catch {
      return 0; // the schema is not migrated yet
    }
  };

  it('resumes where it was killed and records every submission exactly once', async () => {
    const out = join(archive, '..', 'out');
    // One record per transaction, so the store fills as the run goes and the kill lands mid-run
    // (in batches of 50, a run this size writes everything in its last second).
    const env = intakeEnv(schema, { INTAKE_CONCURRENCY: '1', INTAKE_RECORD_BATCH: '1' });
    const child = spawnIntake(['ingest', archive, '--out', out], env);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit');
    while ((await recorded()) < 4 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    const [, signal] = (await exited) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');
    const before = await recorded();
    expect(before).toBeGreaterThanOrEqual(4);
    expect(before).toBeLessThan(TOTAL);
    // The killed run's submissions.jsonl keeps the records it wrote before the kill.
    const kept = (await readFile(join(out, 'submissions.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(kept.length).toBeGreaterThanOrEqual(before - 1);
    const runId = /starter kjøring (\S+)/.exec(stderr)![1];

    const resumed = await intake(['ingest', archive, '--out', out], env);
    expect(resumed.stderr).toContain(`fortsetter kjøring ${runId}`);
    expect(resumed.stdout).toMatch(new RegExp(`${TOTAL} innsendinger \\(\\d+ uendret fra før\\)`));

    // submissions.jsonl has every submission once, skipped ones re-emitted from the store.
    const lines = (await readFile(join(out, 'submissions.jsonl'), 'utf8')).trim().split('\n');
    const sources = lines.map((l) => (JSON.parse(l) as { source: string }).source);
    expect(sources).toHaveLength(TOTAL);
    expect(new Set(sources).size).toBe(TOTAL);

    // The store: each submission checked exactly once, all recorded by the one run.
    const counts = (await db.query<{ validations: number }>(`SELECT validations FROM ${schema}.submissions`))
      .rows;
    expect(counts).toHaveLength(TOTAL);
    expect(counts.every((c) => c.validations === 1)).toBe(true);
    expect(await recorded()).toBe(TOTAL);
    const [run] = (
      await db.query<{ id: string; finished: boolean }>(
        `SELECT id, finished_at IS NOT NULL AS finished FROM ${schema}.runs`,
      )
    ).rows;
    expect(run).toEqual({ id: runId, finished: true });

    // A third run of the unchanged archive reads nothing: every submission is skipped.
    const again = await intake(['ingest', archive, '--out', out], env);
    expect(again.stderr).toMatch(/starter kjøring/);
    expect(again.stdout).toContain(`${TOTAL} innsendinger (${TOTAL} uendret fra før)`);
    const report = JSON.parse(await readFile(join(out, 'run-report.json'), 'utf8')) as { skipped: number };
    expect(report.skipped).toBe(TOTAL);
  }, 600_000);
});
