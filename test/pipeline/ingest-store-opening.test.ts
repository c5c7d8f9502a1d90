import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestSink, type RunLedger } from '../../src/pipeline/ingest.ts';
import { register, schemes } from '../support/rule-fixtures.ts';

/** Issue 15, item 1: `ingest` starts reading while the store is still opening. */
describe('an ingest run whose store opens after the run has started', () => {
  let root: string;
  let archive: string;
  const ctx = { schemes, register, lowConfidenceThreshold: 0.6 };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'intake-store-opening-'));
    archive = join(root, 'arkiv');
    for (let i = 1; i <= 3; i++) {
      await mkdir(join(archive, `kommune-${i}`), { recursive: true });
      await writeFile(join(archive, `kommune-${i}`, 'soknad.txt'), `Søknad nummer ${i}`);
    }
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('reads and writes every submission once the store is there, and the report names its run', async () => {
    const calls: string[] = [];
    let openStore: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (openStore = resolve));
    const sink: IngestSink = {
      claimDocuments: async (id) => (calls.push(`claim ${id.slice(0, 8)}`), new Map()),
      save: async ({ record }) => void calls.push(`save ${record.source}`),
    };
    const ledger: RunLedger = {
      run: { id: 'kjoring-1', resumed: false },
      doneRecord: async () => null,
      recorded: async (id) => void calls.push(`recorded ${id.slice(0, 8)}`),
      finish: async () => void calls.push('finish'),
    };
    const result = await ingest({
      paths: [archive],
      outDir: join(root, 'out'),
      ctx,
      limits: {},
      concurrency: 2,
      // The store opens only once discovery has found every submission.
      onTotal: (_total, final) => (final ? openStore() : undefined),
      sink: opened.then(() => sink),
      ledger: opened.then(() => ledger),
    });
    expect(result.records).toBe(3);
    expect(result.report.runId).toBe('kjoring-1');
    expect(calls.filter((c) => c.startsWith('save')).sort()).toEqual([
      'save kommune-1',
      'save kommune-2',
      'save kommune-3',
    ]);
    expect(calls.filter((c) => c.startsWith('recorded'))).toHaveLength(3);
    expect(calls.at(-1)).toBe('finish');
    const lines = (await readFile(result.outFile, 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { source: string }).source)).toEqual([
      'kommune-1',
      'kommune-2',
      'kommune-3',
    ]);
  });

  it('fails with the store error and leaves the last run’s submissions.jsonl as it was', async () => {
    const out = join(root, 'out-earlier');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'submissions.jsonl'), '{"id":"fra-forrige-kjoring"}\n');
    const busy = Promise.reject(new Error('den innebygde databasen er i bruk'));
    busy.catch(() => undefined);
    await expect(
      ingest({
        paths: [archive],
        outDir: out,
        ctx,
        limits: {},
        concurrency: 2,
        sink: busy as Promise<IngestSink>,
        ledger: busy as Promise<RunLedger>,
      }),
    ).rejects.toThrow('den innebygde databasen er i bruk');
    expect(await readFile(join(out, 'submissions.jsonl'), 'utf8')).toBe('{"id":"fra-forrige-kjoring"}\n');
  });
});
