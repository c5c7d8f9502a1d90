import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FileBlobStore } from '../../src/blobs/blob-store.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { startWorkers, type RunningWorkers } from '../../src/queue/start-workers.ts';
import { hashPassword } from '../../src/review/passwords.ts';
import { ReviewService } from '../../src/review/review-service.ts';
import { ReviewStore } from '../../src/review/review-store.ts';
import { Store } from '../../src/store/store.ts';
import { buildServer, type WebOptions } from '../../src/web/server.ts';
import { openWebQueues, type WebQueues } from '../../src/web/web-queues.ts';
import {
  DATABASE_URL,
  REDIS_URL,
  deletePrefix,
  requirePostgres,
  requireRedis,
} from '../queue/support/services.ts';
import { register, schemes } from '../support/rule-fixtures.ts';

export { DATABASE_URL, REDIS_URL };
export const PASSWORD = 'et-langt-passord-1';
const SAMPLES = join(import.meta.dirname, '../../samples');

/** A sample whose extracted text is markup and script: it must show as text, never run. */
export const XSS_SOURCE = 'xss-kommune';
const XSS_TEXT = [
  'Søknad om tilskudd til kommunalt rusarbeid 2025',
  'Søker: <script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> kommune',
  'Organisasjonsnummer: 123 456 789',
  'Søknadsbeløp: kr 500 000',
  'Antall årsverk: 1',
].join('\n');

export interface WebFixture {
  app: FastifyInstance;
  store: Store;
  reviews: ReviewStore;
  service: ReviewService;
  /** Submission ids by source folder name. */
  ids: Map<string, string>;
  /** The queues under this fixture's own Redis prefix (with `queues`). */
  queues: WebQueues | null;
  /** Data folder of this fixture (blobs, uploads). */
  dir: string;
  /** This fixture's Redis key prefix. */
  prefix: string;
  close(): Promise<void>;
}

export interface FixtureOptions extends Partial<WebOptions> {
  /** Uploads and the queue dashboard, on the real Redis under a key prefix of this fixture's own. */
  queues?: boolean;
  /** Queue workers in this process too, so uploads get processed. */
  workers?: boolean;
}

/**
 * A web app over a store of its own (a fresh PostgreSQL schema) holding the given sample
 * submissions and the script sample, read by the in-process pipeline, with their files in a blob
 * store; users alice and bob (reviewers) and ada (admin).
 */
export async function startWebFixture(
  samples: string[],
  { queues: withQueues = false, workers: withWorkers = false, ...options }: FixtureOptions = {},
): Promise<WebFixture> {
  await requirePostgres();
  if (withQueues) await requireRedis();
  const schema = `web_test_${randomBytes(6).toString('hex')}`;
  const dir = await mkdtemp(join(tmpdir(), 'intake-web-'));
  const root = join(dir, 'in');
  await mkdir(join(root, XSS_SOURCE), { recursive: true });
  await writeFile(join(root, XSS_SOURCE, 'soknad.txt'), XSS_TEXT);
  for (const sample of samples)
    await cp(join(SAMPLES, sample), join(root, sample.split('/').pop()!), { recursive: true });

  const store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: dir, schema, poolSize: 4 });
  const ctx = { schemes, register, lowConfidenceThreshold: 0.6 };
  const blobs = new FileBlobStore(join(dir, 'blobs'));
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) await blobs.put(await readFile(join(entry.parentPath, entry.name)));
  }
  const ids = new Map<string, string>();
  await ingest({
    paths: [root],
    outDir: join(dir, 'out'),
    ctx,
    limits: {},
    concurrency: 2,
    sink: {
      claimDocuments: (id, source, shas) => store.claimDocuments(id, source, shas),
      save: async (result) => {
        ids.set(result.record.source, result.record.id);
        await store.saveProcessed(result, { withReads: true, actor: 'ingest' });
      },
    },
  });

  const reviews = new ReviewStore(store.sql);
  const hash = await hashPassword(PASSWORD);
  await reviews.createUser({ username: 'alice', displayName: 'Alice Aas', role: 'reviewer' }, hash);
  await reviews.createUser({ username: 'bob', displayName: 'Bob Berg', role: 'reviewer' }, hash);
  await reviews.createUser({ username: 'ada', displayName: 'Ada Admin', role: 'admin' }, hash);
  const service = new ReviewService(store, reviews, ctx);
  const prefix = `web-${schema.slice(-12)}`;
  // The settings `intake serve` and `intake worker` would have, pointed at this fixture's schema,
  // data folder and Redis prefix.
  const settings = loadSettings(
    {
      DATABASE_URL,
      REDIS_URL,
      INTAKE_DB_SCHEMA: schema,
      INTAKE_QUEUE_PREFIX: prefix,
      INTAKE_DATA_DIR: dir,
      INTAKE_WORKER_CONCURRENCY: '2',
      INTAKE_OCR_CONCURRENCY: '1',
    },
    dir,
  );
  const queues = withQueues ? openWebQueues(settings, store, blobs) : null;
  let workers: RunningWorkers | null = null;
  if (withWorkers) workers = await startWorkers(settings, ctx);
  const app = await buildServer(
    {
      store,
      reviews,
      service,
      blobs,
      schemes,
      uploads: queues?.uploads,
      registerAdmin: queues?.registerAdmin,
    },
    { secureCookies: false, sessionHours: 1, loginAttemptsPerMinute: 50, ...options },
  );
  return {
    app,
    store,
    reviews,
    service,
    ids,
    queues,
    dir,
    prefix,
    async close() {
      await app.close();
      await workers?.close();
      await queues?.close();
      if (withQueues) await deletePrefix(prefix);
      await store.sql.exec(`DROP SCHEMA ${schema} CASCADE`);
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in through the login form (with its double-submit token) and returns the session. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const form = await app.inject({ method: 'GET', url: '/login' });
  const loginCsrf = form.cookies.find((c) => c.name === 'intake_login_csrf')!.value;
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: { intake_login_csrf: loginCsrf },
    payload: { username, password, _csrf: loginCsrf },
  });
  if (res.statusCode !== 303) throw new Error(`sign-in as ${username} failed: ${res.statusCode}`);
  const cookie = res.cookies.find((c) => c.name === 'intake_session')!.value;
  const me = await app.inject({ method: 'GET', url: '/api/me', cookies: { intake_session: cookie } });
  return { cookie, csrf: me.json<{ csrfToken: string }>().csrfToken };
}
