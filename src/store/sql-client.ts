import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { migrate } from './migrate.ts';
import { copyTemplate, ensureTemplate, TEMPLATE_CACHE_DIR, templateKey } from './pglite-template.ts';
import { StoreError } from './store-error.ts';

/** What the store's SQL runs on: a PostgreSQL server (node-postgres) or the embedded PGlite. */
export interface SqlExecutor {
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly description: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name before it goes into SQL text (identifiers cannot be parameters). */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new StoreError(`ugyldig skjemanavn: ${schema}`, 'STORE_CONFIG');
  return schema;
}

// node-postgres (CommonJS) is loaded when a server is used, not by every start of the program.
const requireCjs = createRequire(import.meta.url);

/** A pool of connections to a PostgreSQL server; every connection uses `schema`. */
export function connectPostgres(url: string, schema: string, max = 10): SqlClient {
  const pg = requireCjs('pg') as typeof import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: `-c search_path=${checkSchemaName(schema)}`,
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const host = new URL(url).host;
  return {
    description: `PostgreSQL ${host} (skjema ${schema})`,
    async query<R extends object>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as R[];
    },
    exec: async (sql: string) => void (await pool.query(sql)),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <R extends object>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as R[],
          exec: async (sql: string) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export interface EmbeddedOptions {
  /** How long to wait for another process using the folder. */
  waitMs?: number;
  /**
   * Where migrated templates are kept (see pglite-template.ts); null: a new folder is made with
   * initdb itself, not copied.
   */
  templates?: string | null;
}

/**
 * The embedded database (PGlite, PostgreSQL compiled to WebAssembly) in `dir`. It serves one
 * process at a time, so a lock file keeps a second process out; it waits for the first to finish
 * for up to `waitMs`. A new folder is a copy of a template made once per set of migrations (a
 * fraction of a second, where initdb takes several); the template itself is made with initdb in a
 * child process, since what initdb grows a process by would otherwise stay in it for good.
 */
export async function openEmbedded(
  dir: string,
  schema: string,
  { waitMs = 60_000, templates = TEMPLATE_CACHE_DIR }: EmbeddedOptions = {},
): Promise<SqlClient> {
  await mkdir(dir, { recursive: true });
  const release = await lockFolder(join(dir, 'intake.lock'), waitMs);
  try {
    if (!existsSync(join(dir, 'PG_VERSION'))) await newEmbedded(dir, schema, templates);
    const { PGlite } = await import('@electric-sql/pglite');
    // PostgreSQL's default 128 MB of shared buffers is resident in the process for good; the
    // operating system caches the files as well, so a small pool costs little and saves ~100 MB.
    const db: PGlite = await PGlite.create(dir, {
      postgresqlconf: `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`,
    });
    const name = checkSchemaName(schema);
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${name}; SET search_path TO ${name};`);
    let queue: Promise<unknown> = Promise.resolve();
    // PGlite has one connection: a transaction must not interleave with other queries.
    const serial = <T>(fn: () => Promise<T>): Promise<T> => {
      const next = queue.then(fn, fn);
      queue = next.catch(() => undefined);
      return next;
    };
    return {
      description: `innebygd database i ${dir}`,
      query: <R extends object>(sql: string, params?: unknown[]) =>
        serial(async () => (await db.query<R>(sql, params)).rows),
      exec: (sql: string) => serial(async () => void (await db.exec(sql))),
      transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) =>
        serial(() =>
          db.transaction((tx: Transaction) =>
            fn({
              query: async <R extends object>(sql: string, params?: unknown[]) =>
                (await tx.query<R>(sql, params)).rows,
              exec: async (sql: string) => void (await tx.exec(sql)),
            }),
          ),
        ),
      async close() {
        await queue;
        // Without it, the next open replays the WAL, which grows that process by hundreds of MB.
        await db.exec('CHECKPOINT').catch(() => undefined);
        await db.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** An exclusive lock file holding our pid; a lock left by a dead process is taken over. */
async function lockFolder(path: string, waitMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.write(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline || !existsSync(path)) {
      throw new StoreError(
        `den innebygde databasen i ${path.replace(/\/intake\.lock$/, '')} er i bruk av prosess ${holder}; ` +
          'den kan bare brukes av én prosess om gangen. Sett DATABASE_URL for å dele en PostgreSQL-server.',
        'STORE_BUSY',
      );
    }
    await sleep(200);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const EMBEDDED_SHARED_BUFFERS = '32MB';

/**
 * Fills a new database folder: a copy of the migrated template for this schema, made first if
 * need be. Where no template can be kept (a read-only installation), the folder is made in place.
 */
async function newEmbedded(dir: string, schema: string, templates: string | null): Promise<void> {
  let template: string | null = null;
  if (templates !== null) {
    template = await ensureTemplate(templates, await templateKey(schema), async (building) => {
      await createEmbedded(building);
      const db = await openEmbedded(building, schema, { templates: null });
      try {
        await migrate(db, schema);
      } finally {
        await db.close();
      }
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EACCES' || error.code === 'EROFS' || error.code === 'EPERM') return null;
      throw error;
    });
  }
  if (template) await copyTemplate(template, dir);
  else await createEmbedded(dir);
}

/** Creates the database folder in a short-lived child process (see pglite-create.mjs). */
async function createEmbedded(dir: string): Promise<void> {
  const script = fileURLToPath(new URL('./pglite-create.mjs', import.meta.url));
  try {
    await promisify(execFile)(process.execPath, [script, dir], { maxBuffer: 1 << 24 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`could not create the embedded database in ${dir}: ${stderr.trim() || String(error)}`, {
      cause: error,
    });
  }
}
