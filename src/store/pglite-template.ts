import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { copyFile, cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = join(HERE, 'migrations');
/** Where templates are kept by default: a cache folder that `npm ci` starts afresh. */
export const TEMPLATE_CACHE_DIR = join(HERE, '../../node_modules/.cache/intake');

/**
 * The template's name: PGlite's version (its on-disk format), the schema the migrations ran in and
 * the migrations' content, so a template made before a migration was added or changed is never
 * copied: a new one is made beside it.
 */
export async function templateKey(schema: string, migrationsDir = MIGRATIONS_DIR): Promise<string> {
  const hash = createHash('sha256').update(`${pgliteVersion()}\0${schema}\0`);
  for (const file of (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort()) {
    hash
      .update(`${file}\0`)
      .update(await readFile(join(migrationsDir, file)))
      .update('\0');
  }
  return `pglite-template-${pgliteVersion()}-${schema}-${hash.digest('hex').slice(0, 16)}`;
}

/**
 * The folder of a database template named `key` in `cacheDir`, made by `create` the first time.
 * `create` builds in a folder of its own that is renamed into place when complete, so a process
 * killed half-way leaves no template, and two processes making it at once both end up with one
 * whole template (the second rename loses and its folder is removed).
 */
export async function ensureTemplate(
  cacheDir: string,
  key: string,
  create: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = join(cacheDir, key);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  await mkdir(cacheDir, { recursive: true });
  const building = join(cacheDir, `.${key}.${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await create(building);
    await rename(building, dir).catch((error: NodeJS.ErrnoException) => {
      // Another process renamed its template into place first: theirs is as good as ours.
      if (!existsSync(join(dir, 'PG_VERSION'))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return dir;
}

/**
 * Copies a template into `dir` (which may exist and hold the lock file). PG_VERSION goes last: a
 * copy cut short leaves a folder without it, which the next open takes for new and fills again.
 * The system's `cp` copies the thousand-odd small files about twice as fast as fs.cp does.
 */
export async function copyTemplate(template: string, dir: string): Promise<void> {
  const entries = (await readdir(template)).filter((name) => name !== 'PG_VERSION' && name !== 'intake.lock');
  try {
    await promisify(execFile)('cp', ['-R', ...entries.map((name) => join(template, name)), `${dir}/`]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // No `cp` (not a POSIX system): Node's own copy.
    for (const name of entries) await cp(join(template, name), join(dir, name), { recursive: true });
  }
  await copyFile(join(template, 'PG_VERSION'), join(dir, 'PG_VERSION'));
}

let version: string | undefined;

function pgliteVersion(): string {
  if (version) return version;
  // The package does not export its package.json; find it above the module's entry.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return (version = pkg.version);
    }
    if (dirname(dir) === dir) throw new Error('found no package.json of @electric-sql/pglite');
    dir = dirname(dir);
  }
}
