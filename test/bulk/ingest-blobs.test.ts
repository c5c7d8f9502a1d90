import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../src/blobs/blob-store.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { hashPassword } from '../../src/review/passwords.ts';
import { ReviewService } from '../../src/review/review-service.ts';
import { ReviewStore } from '../../src/review/review-store.ts';
import { Store } from '../../src/store/store.ts';
import { buildServer } from '../../src/web/server.ts';
import { dropSchema, requirePostgres, uniqueName } from '../queue/support/services.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { PASSWORD, signIn, type Session } from '../web/web-fixture.ts';
import { intake, intakeEnv, sampleArchive } from './cli.ts';

/** A PDF application, and a zip lying as a submission whose members (a PDF, a workbook) are its documents. */
const FOLDERS = ['2023/narvik-overgang-over-cap', '2024/vadso-rus-report-zip.zip'];

describe('page images after `intake ingest`', () => {
  const schema = uniqueName('ingest_blobs');
  let dataDir: string;
  let archive: string;
  let env: NodeJS.ProcessEnv;
  let store: Store;
  let app: FastifyInstance;
  let alice: Session;
  beforeAll(async () => {
    await requirePostgres();
    dataDir = await mkdtemp(join(tmpdir(), 'intake-ingest-blobs-'));
    archive = await sampleArchive(FOLDERS);
    env = intakeEnv(schema, { INTAKE_DATA_DIR: dataDir, INTAKE_CONCURRENCY: '2' });
    await intake(['ingest', archive, '--out', join(dataDir, 'out')], env);

    // The app as `intake serve` opens it with the same settings.
    const settings = loadSettings(env, dataDir);
    store = await Store.open({ databaseUrl: settings.databaseUrl, dataDir, schema, poolSize: 2 });
    const reviews = new ReviewStore(store.sql);
    await reviews.createUser(
      { username: 'alice', displayName: 'Alice Aas', role: 'reviewer' },
      await hashPassword(PASSWORD),
    );
    const ctx = { schemes, register, lowConfidenceThreshold: 0.6 };
    app = await buildServer(
      {
        store,
        reviews,
        service: new ReviewService(store, reviews, ctx),
        blobs: new FileBlobStore(settings.blobDir),
        schemes: schemes.map((s) => ({ id: s.id, name: s.name })),
      },
      { secureCookies: false, sessionHours: 1, loginAttemptsPerMinute: 50 },
    );
    alice = await signIn(app, 'alice');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await dropSchema(schema);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (archive) await rm(join(archive, '..'), { recursive: true, force: true });
  });

  const documents = async () =>
    store.sql.query<{ id: string; source: string; position: number; path: string; sha256: string }>(
      `SELECT s.id, s.source, d.position, d.path, d.sha256
       FROM submissions s JOIN documents d ON d.submission_id = s.id ORDER BY s.source, d.position`,
    );

  it('keeps every loaded file, zip members too, in the blob store under INTAKE_DATA_DIR', async () => {
    const rows = await documents();
    expect(rows.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/soknad\.pdf$/),
        expect.stringMatching(/vadso-rus-report-zip\.zip\/rapport\.pdf$/),
        expect.stringMatching(/vadso-rus-report-zip\.zip\/egenerklaering\.xlsx$/),
      ]),
    );
    const blobs = new FileBlobStore(join(dataDir, 'blobs'));
    for (const row of rows) expect(await blobs.has(row.sha256), row.path).toBe(true);
  });

  it('serves the page image of a bulk-loaded PDF and of a PDF inside a zip, as for an upload', async () => {
    const rows = await documents();
    for (const pdf of rows.filter((r) => r.path.endsWith('.pdf'))) {
      const res = await app.inject({
        method: 'GET',
        url: `/submissions/${pdf.id}/documents/${pdf.position}/pages/1`,
        cookies: { intake_session: alice.cookie },
      });
      expect(res.statusCode, pdf.path).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    }
    // The case page shows page images for it, not only a text dump.
    const narvik = rows.find((r) => r.source.includes('narvik'))!;
    const page = await app.inject({
      method: 'GET',
      url: `/submissions/${narvik.id}`,
      cookies: { intake_session: alice.cookie },
    });
    expect(page.body).toContain(`/submissions/${narvik.id}/documents/0/pages/1`);
  }, 60_000);

  it('does not write a file again that is stored already (a second run over the archive)', async () => {
    const rows = await documents();
    const blobs = new FileBlobStore(join(dataDir, 'blobs'));
    const before = await Promise.all(rows.map(async (r) => (await stat(blobs.pathOf(r.sha256))).mtimeMs));
    await intake(['ingest', archive, '--out', join(dataDir, 'out-2')], env);
    const after = await Promise.all(rows.map(async (r) => (await stat(blobs.pathOf(r.sha256))).mtimeMs));
    expect(after).toEqual(before);
  }, 120_000);
});
