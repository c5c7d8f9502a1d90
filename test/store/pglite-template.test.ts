import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTemplate, templateKey } from '../../src/store/pglite-template.ts';
import { openEmbedded } from '../../src/store/sql-client.ts';

const MIGRATIONS = join(import.meta.dirname, '../../src/store/migrations');
const migrationFiles = async () => (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();

/** The migrations a database folder has applied, as migrate() lists them. */
async function appliedMigrations(dir: string, templates: string): Promise<string[]> {
  const db = await openEmbedded(dir, 'public', { templates });
  try {
    return (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map(
      (r) => r.name,
    );
  } finally {
    await db.close();
  }
}

describe('new embedded database folders copied from a migrated template', () => {
  let work: string;
  let templates: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'intake-template-'));
    templates = join(work, 'templates');
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('makes the template once and gives a new folder every migration', async () => {
    const first = await appliedMigrations(join(work, 'a'), templates);
    expect(first).toEqual(await migrationFiles());
    const made = await readdir(templates);
    expect(made).toEqual([await templateKey('public')]);
    // A second folder is a copy of the same template: no second template, the same migrations.
    expect(await appliedMigrations(join(work, 'b'), templates)).toEqual(first);
    expect(await readdir(templates)).toEqual(made);
  }, 300_000);

  it('does not copy a template made before a migration was added', async () => {
    const older = join(work, 'older-migrations');
    await mkdir(older);
    const files = await migrationFiles();
    for (const file of files.slice(0, -1)) await cp(join(MIGRATIONS, file), join(older, file));
    const olderKey = await templateKey('public', older);
    expect(olderKey).not.toBe(await templateKey('public'));

    // A template under the older key that would show itself if it were copied.
    const current = join(templates, await templateKey('public'));
    const stale = join(work, 'stale-templates');
    await cp(current, join(stale, olderKey), { recursive: true });
    const marked = await openEmbedded(join(stale, olderKey), 'public', { templates: null });
    await marked.exec('CREATE TABLE stale_template_marker (id int)');
    await marked.close();

    const fresh = join(work, 'c');
    expect(await appliedMigrations(fresh, stale)).toEqual(files);
    const db = await openEmbedded(fresh, 'public', { templates: stale });
    try {
      const marker = await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'stale_template_marker'");
      expect(marker).toEqual([]);
    } finally {
      await db.close();
    }
    expect((await readdir(stale)).sort()).toEqual([olderKey, await templateKey('public')].sort());
  }, 300_000);

  it('ends with one whole template when two processes make it at once', async () => {
    const cache = join(work, 'race');
    const create = async (dir: string) => {
      await mkdir(dir, { recursive: true });
      for (let i = 0; i < 20; i++) await writeFile(join(dir, `file-${i}`), String(i));
      await writeFile(join(dir, 'PG_VERSION'), '17\n');
    };
    const [a, b] = await Promise.all([
      ensureTemplate(cache, 'key', create),
      ensureTemplate(cache, 'key', create),
    ]);
    expect(a).toBe(join(cache, 'key'));
    expect(b).toBe(a);
    // No half-built folder is left beside it, and the template has every file.
    expect(await readdir(cache)).toEqual(['key']);
    expect((await readdir(a)).length).toBe(21);
    expect(existsSync(join(a, 'PG_VERSION'))).toBe(true);
  });

  it('makes no template when making it fails, and leaves no half-built folder', async () => {
    const cache = join(work, 'failing');
    const failing = async (dir: string) => {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'half'), '');
      throw new Error('initdb failed');
    };
    await expect(ensureTemplate(cache, 'key', failing)).rejects.toThrow('initdb failed');
    expect(await readdir(cache)).toEqual([]);
  });
});
