import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

/**
 * bin/intake.js in a copy of the program (its own src/, so editing a source here does not touch
 * the work tree other tests run from; node_modules linked).
 */
describe('bin/intake.js runs compiled JavaScript, never an old build', () => {
  let copy: string;
  const intake = (...args: string[]) =>
    run(process.execPath, [join(copy, 'bin/intake.js'), ...args], { cwd: copy, env: { ...process.env } });
  const sourceHash = async () =>
    (
      await run(process.execPath, [
        '--input-type=module',
        '-e',
        `console.log((await import(${JSON.stringify(join(copy, 'bin/build.mjs'))})).sourceHash())`,
      ])
    ).stdout.trim();
  const builds = async () =>
    (await readdir(join(copy, 'dist')).catch(() => [])).filter((n) => !n.startsWith('.'));

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'intake-bin-'));
    for (const path of ['bin', 'src', 'workers', 'package.json', 'tsconfig.json']) {
      await cp(join(root, path), join(copy, path), { recursive: true });
    }
    await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it('builds the sources on first start and runs the build', async () => {
    const { stdout } = await intake('--help');
    expect(stdout).toContain('Leser, kontrollerer og sorterer');
    expect(await builds()).toEqual([await sourceHash()]);
  }, 120_000);

  it('runs an edited source as edited: the old build is not used', async () => {
    const main = join(copy, 'src/cli/main.ts');
    const before = await builds();
    await writeFile(
      main,
      (await readFile(main, 'utf8')).replace('Leser, kontrollerer og sorterer', 'Endret beskrivelse:'),
    );
    const { stdout } = await intake('--help');
    expect(stdout).toContain('Endret beskrivelse:');
    expect(stdout).not.toContain('Leser, kontrollerer og sorterer');
    const after = await builds();
    expect(after).toContain(await sourceHash());
    expect(after.length).toBe(before.length + 1);
  }, 120_000);

  it('builds again for a change in a file that only a thread loads', async () => {
    const thread = join(copy, 'src/read/reader-thread.ts');
    const before = await sourceHash();
    await writeFile(thread, `${await readFile(thread, 'utf8')}\n// edited\n`);
    expect(await sourceHash()).not.toBe(before);
    await intake('--help');
    expect(await builds()).toContain(await sourceHash());
  }, 120_000);
});
