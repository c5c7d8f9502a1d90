import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChain, verifyChain } from '../../src/review/audit-chain.ts';
import { ReviewStore } from '../../src/review/review-store.ts';
import { readFile as readText } from 'node:fs/promises';
import { migrate } from '../../src/store/migrate.ts';
import { connectPostgres } from '../../src/store/sql-client.ts';
import { Store } from '../../src/store/store.ts';
import { DATABASE_URL, dropSchema, requirePostgres, uniqueName } from '../queue/support/services.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

/** `intake audit verify` as a separate process against the test schema: its exit code and output. */
async function auditVerify(schema: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/intake.js', 'audit', 'verify', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL, INTAKE_DB_SCHEMA: schema },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

/** Changes the audit log as someone with rights over the database could: past its triggers. */
async function byHand(store: Store, sql: string): Promise<void> {
  await store.sql.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await tx.query(sql);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  });
}

async function writeRows(store: Store, n: number, concurrently = false): Promise<void> {
  const reviews = new ReviewStore(store.sql);
  const one = (i: number) =>
    reviews.transaction((tx) =>
      reviews.audit(tx, `bruker-${i}`, 'test', null, { i, tekst: 'Beløp «9 000 000 kr» – æøå\u0001' }),
    );
  if (concurrently) await Promise.all(Array.from({ length: n }, (_, i) => one(i)));
  else for (let i = 0; i < n; i++) await one(i);
}

describe('the audit log as a hash chain', () => {
  describe('on the PostgreSQL server, checked by `intake audit verify`', () => {
    let store: Store;
    const schema = uniqueName('audit');
    beforeAll(async () => {
      await requirePostgres();
      store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: tmpdir(), schema });
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await dropSchema(schema);
    });

    it('chains rows written at the same time in the order they commit, and says the log is whole', async () => {
      await writeRows(store, 5);
      await writeRows(store, 20, true);
      const report = verifyChain(await readChain(store.sql));
      expect(report).toMatchObject({ rows: 25, breaks: [] });
      const verified = await auditVerify(schema);
      expect(verified.code, verified.output).toBe(0);
      expect(verified.output).toContain('Revisjonsloggen er hel: 25 rader');
      expect(verified.output).toContain(report.head);
    }, 60_000);

    it('finds a row altered by hand, and one removed by hand', async () => {
      const head = verifyChain(await readChain(store.sql)).head;
      const [row] = await store.sql.query<{ id: string }>(
        'SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 3',
      );
      await byHand(store, `UPDATE audit_log SET actor = 'mallory' WHERE id = ${row!.id}`);
      let verified = await auditVerify(schema);
      expect(verified.code).toBe(1);
      expect(verified.output).toContain(`Rad ${row!.id}: innholdet stemmer ikke med hashen`);

      const [gone] = await store.sql.query<{ id: string }>(
        'SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 10',
      );
      await byHand(store, `DELETE FROM audit_log WHERE id = ${gone!.id}`);
      const report = verifyChain(await readChain(store.sql));
      expect(report.breaks.map((b) => b.problem)).toEqual(['altered', 'missing-before']);
      verified = await auditVerify(schema);
      expect(verified.code).toBe(1);
      expect(verified.output).toMatch(/raden før den mangler eller er endret/);

      // Rows removed from the end leave a whole chain: the head noted earlier shows it.
      const [last] = await store.sql.query<{ id: string }>(
        'SELECT id FROM audit_log ORDER BY id DESC LIMIT 1',
      );
      await byHand(store, `DELETE FROM audit_log WHERE id = ${last!.id}`);
      verified = await auditVerify(schema, '--head', head);
      expect(verified.code).toBe(1);
      expect(verified.output).toContain('finnes ikke lenger');
    }, 60_000);

    it('refuses changes and deletes of decisions, as of the audit log', async () => {
      for (const table of [
        'reviews',
        'finding_resolutions',
        'field_corrections',
        'document_requests',
        'resolution_lapses',
      ]) {
        await expect(store.sql.query(`DELETE FROM ${table}`), table).rejects.toThrow(/kan ikke endres/);
        await expect(store.sql.query(`TRUNCATE ${table} CASCADE`), table).rejects.toThrow(/kan ikke endres/);
      }
    });
  });

  it('chains the rows an installation wrote before the chain existed, when it migrates', async () => {
    await requirePostgres();
    const schema = uniqueName('audit_old');
    const db = connectPostgres(DATABASE_URL, schema, 2);
    try {
      // The tables as migrations 001-003 left them, with audit rows (and a double "done") in them.
      await db.exec(`CREATE SCHEMA ${schema}`);
      await db.exec(
        'CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      for (const name of ['001-initial.sql', '002-review.sql', '003-bulk-runs.sql']) {
        await db.exec(await readText(join(root, 'src/store/migrations', name), 'utf8'));
        await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      }
      await db.query("INSERT INTO submissions (id, source, state) VALUES ('s1', 'kilde', 'done')");
      for (let i = 0; i < 3; i++) {
        await db.query(
          "INSERT INTO audit_log (actor, action, submission_id, details) VALUES ('ola', 'marked-done', 's1', $1::jsonb)",
          [JSON.stringify({ i })],
        );
        await db.query(
          "INSERT INTO reviews (submission_id, reviewer, decision) VALUES ('s1', 'ola', 'done')",
        );
      }
      // Every migration after the third runs, in order (004 makes the chain; later ones add to it).
      const later = (await readdir(join(root, 'src/store/migrations')))
        .filter((name) => name.endsWith('.sql') && name > '003-bulk-runs.sql')
        .sort();
      expect(later.slice(0, 3)).toEqual([
        '004-review-integrity.sql',
        '005-correction-approvals.sql',
        '006-case-work.sql',
      ]);
      expect(await migrate(db, schema)).toEqual(later);
      expect(verifyChain(await readChain(db))).toMatchObject({ rows: 3, breaks: [] });
      const reviews = new ReviewStore(db);
      await reviews.transaction((tx) => reviews.audit(tx, 'kari', 'test', null, {}));
      expect(verifyChain(await readChain(db))).toMatchObject({ rows: 4, breaks: [] });
    } finally {
      await db.close();
      await dropSchema(schema);
    }
  }, 60_000);

  describe('on the embedded PGlite', () => {
    let store: Store;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'intake-audit-'));
      store = await Store.open({ databaseUrl: null, dataDir, schema: 'public' });
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('hashes the same way, so the same check holds', async () => {
      await writeRows(store, 4);
      expect(verifyChain(await readChain(store.sql))).toMatchObject({ rows: 4, breaks: [] });
      await byHand(store, 'UPDATE audit_log SET details = \'{"i": 99}\' WHERE id = 2');
      expect(verifyChain(await readChain(store.sql)).breaks).toMatchObject([{ id: '2', problem: 'altered' }]);
    });
  });
});
