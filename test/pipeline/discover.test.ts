import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSubmissions } from '../../src/pipeline/discover.ts';
import type { SubmissionInput } from '../../src/pipeline/submission-input.ts';
import { makeXlsx, makeZip, randomBytes } from '../support/document-fixtures.ts';

const MB = 1024 * 1024;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'intake-discover-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function all(root: string, limits?: Parameters<typeof discoverSubmissions>[1]) {
  const found: SubmissionInput[] = [];
  for await (const input of discoverSubmissions(root, limits)) found.push(input);
  return found;
}

/** A zip holding `inner` under the name `name`, `levels` times over. */
async function nest(inner: Buffer, name: string, levels: number): Promise<Buffer> {
  let bytes = inner;
  for (let i = 0; i < levels; i++) bytes = await makeZip([{ name, data: bytes }]);
  return bytes;
}

describe('discoverSubmissions', () => {
  it('applies the leaf-folder rule to folders and to zips inside them', async () => {
    const root = join(dir, 'leaf');
    await mkdir(join(root, 'Bodø'), { recursive: true });
    await writeFile(join(root, 'Bodø', 'soknad.txt'), 'Søknad');
    await writeFile(join(root, 'Bodø', 'budsjett.txt'), 'Budsjett');
    await writeFile(join(root, 'løs.txt'), 'Løs fil');
    await writeFile(
      join(root, 'Tromsø.zip'),
      await makeZip([
        { name: 'a/soknad.txt', data: 'A' },
        { name: 'b/soknad.txt', data: 'B' },
      ]),
    );
    const found = await all(root);
    expect(found.map((s) => [s.source, s.files.map((f) => f.path)])).toEqual([
      ['løs.txt', ['løs.txt']],
      ['Bodø', ['Bodø/budsjett.txt', 'Bodø/soknad.txt']],
      ['Tromsø.zip/a', ['Tromsø.zip/a/soknad.txt']],
      ['Tromsø.zip/b', ['Tromsø.zip/b/soknad.txt']],
    ]);
    expect((await found[3]!.files[0]!.load()).toString()).toBe('B');
  });

  it('refuses a file over the size limit when loading it, without reading it', async () => {
    const root = join(dir, 'big');
    await mkdir(root);
    const big = join(root, 'stor.pdf');
    await writeFile(big, '');
    await truncate(big, 3 * MB); // sparse: no bytes to read, only a size
    const [input] = await all(root, { maxBytes: 1 * MB });
    await expect(input!.files[0]!.load()).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringContaining('største tillatte størrelse er 1,0 MB'),
    });
  });

  it('stops opening zips nested deeper than the limit, so a zip holding itself ends', async () => {
    const innermost = await makeZip([{ name: 'soknad.txt', data: 'Søknad' }]);
    const root = join(dir, 'deep');
    await mkdir(root);
    await writeFile(join(root, 'ytre.zip'), await nest(innermost, 'indre.zip', 6));
    const found = await all(root, { maxArchiveDepth: 3 });
    expect(found).toHaveLength(1);
    const [input] = found;
    expect(input!.source).toBe('ytre.zip/indre.zip/indre.zip');
    expect(input!.files.map((f) => f.path)).toEqual(['ytre.zip/indre.zip/indre.zip/indre.zip']);
    await expect(input!.files[0]!.load()).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringContaining('grensen er 3 nivåer'),
    });
  });

  it('reads a zip on disk too big to load for a look by its entry names', async () => {
    const root = join(dir, 'large-zip');
    await mkdir(root);
    // Stored, not deflated: 70 MB on disk, over the size up to which a zip is sniffed from its bytes.
    const zip = await makeZip([
      { name: 'fyll.bin', data: randomBytes(70 * MB), compress: false },
      { name: 'soknad.txt', data: 'Søknad om tilskudd' },
    ]);
    await writeFile(join(root, 'arkiv.zip'), zip);
    const [input] = await all(root);
    expect(input!.source).toBe('arkiv.zip');
    const text = input!.files.find((f) => f.path === 'arkiv.zip/soknad.txt')!;
    expect((await text.load()).toString()).toBe('Søknad om tilskudd');

    // A workbook that big is one document (refused for its size later), not a folder of XML parts.
    const book = await makeXlsx((workbook) => workbook.addWorksheet('Ark1').addRow(['Søknadsbeløp', 100]));
    const padded = await makeZip([
      { name: '[Content_Types].xml', data: 'x' },
      { name: 'xl/workbook.xml', data: book },
      { name: 'xl/media/bilde.bin', data: randomBytes(70 * MB), compress: false },
    ]);
    await writeFile(join(root, 'regneark.zip'), padded);
    const found = await all(root);
    expect(found.map((s) => s.source)).toContain('regneark.zip');
    expect(found.find((s) => s.source === 'regneark.zip')!.files.map((f) => f.path)).toEqual([
      'regneark.zip',
    ]);
  });

  it('loads entries of a zip after the walk has moved past it', async () => {
    const root = join(dir, 'late');
    await mkdir(root);
    await writeFile(
      join(root, 'arkiv.zip'),
      await makeZip([
        { name: 'a/soknad.txt', data: 'A' },
        { name: 'b/soknad.txt', data: 'B' },
      ]),
    );
    const found = await all(root); // the walk is over: the archive was closed
    expect((await found[0]!.files[0]!.load()).toString()).toBe('A');
    expect((await found[1]!.files[0]!.load()).toString()).toBe('B');
  });
});
