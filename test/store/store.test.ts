import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../src/domain/document.ts';
import { submissionId } from '../../src/pipeline/build-record.ts';
import { checkSubmission } from '../../src/pipeline/process-submission.ts';
import { readDocument } from '../../src/read/read-document.ts';
import { Store } from '../../src/store/store.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { DATABASE_URL, dropSchema, requirePostgres, uniqueName } from '../queue/support/services.ts';

const root = join(import.meta.dirname, '../..');
const ctx = { schemes, register, lowConfidenceThreshold: 0.6 };

/** A sample submission read from disk, as the document stages leave it. */
async function readSample(
  folder: string,
  source = folder,
): Promise<{ source: string; reads: ReadDocument[] }> {
  const dir = join(root, 'samples', folder);
  const names = (await readdir(dir)).sort();
  const reads = await Promise.all(
    names.map(async (name) => readDocument(await readFile(join(dir, name)), `${source}/${name}`)),
  );
  return { source, reads };
}

/** The same tests on both backends: the embedded PGlite and the PostgreSQL server. */
const backends: Array<{ name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> }> }> =
  [
    {
      name: 'PostgreSQL server',
      open: async () => {
        await requirePostgres();
        const schema = uniqueName('store');
        const store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: tmpdir(), schema });
        return { store, cleanup: async () => (await store.close(), await dropSchema(schema)) };
      },
    },
    {
      name: 'embedded PGlite',
      open: async () => {
        const dataDir = await mkdtemp(join(tmpdir(), 'intake-store-'));
        const store = await Store.open({ databaseUrl: null, dataDir, schema: 'public' });
        return { store, cleanup: async () => (await store.close(), await rm(dataDir, { recursive: true })) };
      },
    },
  ];

describe.each(backends)('the store on the $name', ({ open }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ store, cleanup } = await open()), 120_000);
  afterAll(() => cleanup?.());

  it('keeps a checked submission once, however often it is saved, with its fields and findings', async () => {
    const { source, reads } = await readSample('2023/alesund-voksne-late');
    const checked = checkSubmission(source, reads, new Map(), ctx);
    await store.saveProcessed({ ...checked, reads }, { withReads: true, actor: 'test' });
    await store.saveProcessed({ ...checked, reads }, { withReads: true, actor: 'test' });

    const records = (await store.records()).filter((r) => r.source === source);
    expect(records).toHaveLength(1);
    // Byte for byte what ingest writes: the same keys in the same order.
    expect(JSON.stringify(records[0])).toBe(JSON.stringify(checked.record));
    expect((await store.validationCounts()).get(checked.record.id)).toBe(2);
    const docs = await store.documents(checked.record.id);
    expect(docs.map((d) => d.state)).toEqual(reads.map(() => 'done'));
  });

  it('gives back a read result exactly, spreadsheet dates included', async () => {
    const { source, reads } = await readSample('2023/gjovik-voksne-forprosjekt-clean', 'gjovik');
    const id = submissionId(source, reads);
    const batch = await store.createBatch(['gjovik']);
    const documents = reads.map((r, position) => ({
      position,
      path: r.path,
      sha256: r.sha256,
      loadFailure: null,
    }));
    expect(await store.registerSubmission(batch, 0, { id, source, documents })).toBe('pending');
    for (const [position, read] of reads.entries()) await store.saveRead(id, position, read, 'done');
    const back = (await store.documents(id)).map((d) => d.read);
    expect(back).toEqual(reads);
    const progress = (await store.batches()).find((b) => b.id === batch)!;
    expect(progress).toMatchObject({ done: 0, pending: 1, failed: 0 });
  });

  it('gives the same bytes to the first submission that brought them and flags later copies', async () => {
    const { reads } = await readSample('2023/bodo-rus-late');
    const shas = reads.map((r) => r.sha256);
    const first = submissionId('first', reads);
    const second = submissionId('second', reads);
    expect(await store.claimDocuments(first, 'first', shas)).toEqual(new Map());
    expect(await store.claimDocuments(second, 'second', shas)).toEqual(new Map([[0, 'first']]));
    // The owner itself, checked again, is no copy of itself.
    expect(await store.claimDocuments(first, 'first', shas)).toEqual(new Map());
  });

  it('registers a submission enqueued twice once, and resets a failed one to pending', async () => {
    const { source, reads } = await readSample('2023/bodo-rus-late', 'bodo-twice');
    const id = submissionId(source, reads);
    const documents = reads.map((r, position) => ({
      position,
      path: r.path,
      sha256: r.sha256,
      loadFailure: null,
    }));
    const batch = await store.createBatch(['x']);
    await store.registerSubmission(batch, 0, { id, source, documents });
    await store.markFailed(id, 'Redis borte');
    expect(await store.submissionState(id)).toBe('failed');
    expect(await store.registerSubmission(batch, 0, { id, source, documents })).toBe('pending');
    expect([...(await store.validationCounts()).keys()].filter((k) => k === id)).toHaveLength(1);
  });
});

describe('the store on a PostgreSQL server', () => {
  it('applies each migration once, also when several processes open it at the same moment', async () => {
    await requirePostgres();
    const schema = uniqueName('migrate');
    try {
      const stores = await Promise.all(
        [1, 2, 3].map(() => Store.open({ databaseUrl: DATABASE_URL, dataDir: tmpdir(), schema })),
      );
      await Promise.all(stores.map((s) => s.close()));
      const again = await Store.open({ databaseUrl: DATABASE_URL, dataDir: tmpdir(), schema });
      expect(await again.records()).toEqual([]);
      await again.close();
    } finally {
      await dropSchema(schema);
    }
  });

  it('says how to start PostgreSQL when the server does not answer', async () => {
    const open = Store.open({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/test',
      dataDir: tmpdir(),
      schema: 'x',
    });
    await expect(open).rejects.toThrow(/Start PostgreSQL/);
  });
});
