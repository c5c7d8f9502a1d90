import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSubmissions } from '../../src/pipeline/discover.ts';
import type { SubmissionInput } from '../../src/pipeline/submission-input.ts';
import { makeXlsx, makeZip, randomBytes } from '../support/document-fixtures.ts';
import {
  dotnetPrefixedXlsx,
  hiddenFilterButtonXlsx,
  odsFile,
  odtFile,
  pptxFile,
  withCommentQuirk,
  xlsbFile,
} from '../../scripts/hostile/wild-files.ts';

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
    // A file, so the folder is a leaf: the zip of files beside it holds its attachments.
    expect((await all(root)).map((s) => [s.source, s.files.map((f) => f.path)])).toEqual([
      ['large-zip', ['arkiv.zip/fyll.bin', 'arkiv.zip/soknad.txt', 'regneark.zip']],
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

/** `zip` with the first byte of `name`'s deflated data set to 0xFF: a block type that does not exist. */
function damageEntryData(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  const localHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let at = out.indexOf(localHeader); at !== -1; at = out.indexOf(localHeader, at + 4)) {
    const nameLength = out.readUInt16LE(at + 26);
    if (out.toString('utf8', at + 30, at + 30 + nameLength) !== name) continue;
    out[at + 30 + nameLength + out.readUInt16LE(at + 28)] = 0xff;
    return out;
  }
  throw new Error(`no entry ${name}`);
}

/** Sources and file paths, the shape of what discovery found. */
const shape = (found: SubmissionInput[]) => found.map((s) => [s.source, s.files.map((f) => f.path)]);
const text = async (input: SubmissionInput, path: string) =>
  (await input.files.find((f) => f.path === path)!.load()).toString();

/** A zip of files as portals and e-mail pack an application's attachments. */
const attachments = () =>
  makeZip([
    { name: 'samarbeidsavtale.txt', data: 'Samarbeidsavtale' },
    { name: 'budsjett.txt', data: 'Budsjett' },
  ]);
/** A zip of two submissions, each in a folder of its own. */
const archive = () =>
  makeZip([
    { name: 'a/soknad.txt', data: 'A' },
    { name: 'b/soknad.txt', data: 'B' },
  ]);

describe('discoverSubmissions: zips beside files (CONTRACT.md "What makes a submission")', () => {
  it('takes a zip of files beside other files in as attachments of that submission, in sorted order', async () => {
    const root = join(dir, 'attach');
    const molde = join(root, '2025', 'Molde');
    await mkdir(molde, { recursive: true });
    await writeFile(join(molde, 'følgebrev.txt'), 'Følgebrev');
    await writeFile(join(molde, 'soknad.txt'), 'Søknad');
    await writeFile(join(molde, 'vedlegg.zip'), await attachments());
    await writeFile(join(molde, 'ø-signatur.txt'), 'Signatur');
    const found = await all(root); // the walk is over, its archives closed: loads open them again
    expect(shape(found)).toEqual([
      [
        '2025/Molde',
        [
          '2025/Molde/følgebrev.txt',
          '2025/Molde/soknad.txt',
          '2025/Molde/vedlegg.zip/budsjett.txt',
          '2025/Molde/vedlegg.zip/samarbeidsavtale.txt',
          '2025/Molde/ø-signatur.txt',
        ],
      ],
    ]);
    expect(await text(found[0]!, '2025/Molde/vedlegg.zip/budsjett.txt')).toBe('Budsjett');
    expect(await text(found[0]!, '2025/Molde/soknad.txt')).toBe('Søknad');

    // Given as the leaf folder itself (paths then start inside it), or beside more zips of files: the same.
    await writeFile(
      join(molde, 'flere.zip'),
      await makeZip([{ name: 'kvittering.txt', data: 'Kvittering' }]),
    );
    expect(shape(await all(molde))).toEqual([
      [
        'Molde',
        [
          'flere.zip/kvittering.txt',
          'følgebrev.txt',
          'soknad.txt',
          'vedlegg.zip/budsjett.txt',
          'vedlegg.zip/samarbeidsavtale.txt',
          'ø-signatur.txt',
        ],
      ],
    ]);
  });

  it('keeps a zip of folders beside files an archive, and the loose files submissions of their own', async () => {
    const root = join(dir, 'archive-beside');
    await mkdir(root);
    await writeFile(join(root, 'soknad.txt'), 'Løs søknad');
    await writeFile(join(root, 'arkiv.zip'), await archive());
    await writeFile(join(root, 'vedlegg.zip'), await attachments());
    // One zip of folders makes the folder an archive: the zip of files is then a folder too.
    expect(shape(await all(root))).toEqual([
      ['soknad.txt', ['soknad.txt']],
      ['arkiv.zip/a', ['arkiv.zip/a/soknad.txt']],
      ['arkiv.zip/b', ['arkiv.zip/b/soknad.txt']],
      ['vedlegg.zip', ['vedlegg.zip/budsjett.txt', 'vedlegg.zip/samarbeidsavtale.txt']],
    ]);

    // Beside a sub-folder, files are submissions of their own, and so is a zip of files.
    const mixed = join(dir, 'folder-beside');
    await mkdir(join(mixed, 'Alta'), { recursive: true });
    await writeFile(join(mixed, 'Alta', 'soknad.txt'), 'Alta');
    await writeFile(join(mixed, 'soknad.txt'), 'Løs søknad');
    await writeFile(join(mixed, 'vedlegg.zip'), await attachments());
    expect(shape(await all(mixed))).toEqual([
      ['soknad.txt', ['soknad.txt']],
      ['Alta', ['Alta/soknad.txt']],
      ['vedlegg.zip', ['vedlegg.zip/budsjett.txt', 'vedlegg.zip/samarbeidsavtale.txt']],
    ]);
  });

  it('reads a folder of only zips as an archive: each zip a submission of its own', async () => {
    const root = join(dir, 'innsendinger');
    await mkdir(root);
    await writeFile(
      join(root, 'molde.zip'),
      await makeZip([
        { name: 'soknad.txt', data: 'Molde' },
        { name: 'budsjett.txt', data: 'Budsjett' },
      ]),
    );
    await writeFile(join(root, 'alta.zip'), await makeZip([{ name: 'soknad.txt', data: 'Alta' }]));
    const found = await all(root);
    expect(shape(found)).toEqual([
      ['alta.zip', ['alta.zip/soknad.txt']],
      ['molde.zip', ['molde.zip/budsjett.txt', 'molde.zip/soknad.txt']],
    ]);
    expect(await text(found[1]!, 'molde.zip/soknad.txt')).toBe('Molde');
  });

  it('applies the same rule inside a zip, to zips of files in zips of files, within the nesting limit', async () => {
    const root = join(dir, 'inside');
    await mkdir(root);
    const bilag = await makeZip([{ name: 'kvittering.txt', data: 'Kvittering' }]);
    await writeFile(
      join(root, 'innsendinger.zip'),
      await makeZip([
        { name: 'Alta/soknad.txt', data: 'Alta' },
        { name: 'Molde/soknad.txt', data: 'Molde' },
        {
          name: 'Molde/vedlegg.zip',
          data: await makeZip([
            { name: 'budsjett.txt', data: 'Budsjett' },
            { name: 'bilag.zip', data: bilag },
          ]),
        },
        // Inside a zip too, a folder holding only zips is an archive.
        { name: 'Tana/a.zip', data: await makeZip([{ name: 'soknad.txt', data: 'Tana A' }]) },
        { name: 'Tana/b.zip', data: await makeZip([{ name: 'soknad.txt', data: 'Tana B' }]) },
      ]),
    );
    const found = await all(root);
    expect(shape(found)).toEqual([
      ['innsendinger.zip/Alta', ['innsendinger.zip/Alta/soknad.txt']],
      [
        'innsendinger.zip/Molde',
        [
          'innsendinger.zip/Molde/soknad.txt',
          'innsendinger.zip/Molde/vedlegg.zip/bilag.zip/kvittering.txt',
          'innsendinger.zip/Molde/vedlegg.zip/budsjett.txt',
        ],
      ],
      ['innsendinger.zip/Tana/a.zip', ['innsendinger.zip/Tana/a.zip/soknad.txt']],
      ['innsendinger.zip/Tana/b.zip', ['innsendinger.zip/Tana/b.zip/soknad.txt']],
    ]);
    const molde = found[1]!;
    expect(await text(molde, 'innsendinger.zip/Molde/vedlegg.zip/bilag.zip/kvittering.txt')).toBe(
      'Kvittering',
    );
    expect(await text(molde, 'innsendinger.zip/Molde/vedlegg.zip/budsjett.txt')).toBe('Budsjett');

    // A limit of 2 levels: the zip that would be the third is a file that fails.
    const [limited] = (await all(root, { maxArchiveDepth: 2 })).filter((s) => s.source.endsWith('Molde'));
    const tooDeep = limited!.files.find((f) => f.path === 'innsendinger.zip/Molde/vedlegg.zip/bilag.zip')!;
    expect(limited!.files.map((f) => f.path)).toContain('innsendinger.zip/Molde/vedlegg.zip/budsjett.txt');
    await expect(tooDeep.load()).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringContaining('grensen er 2 nivåer'),
    });
  });

  it('makes a zip of files holding a zip of folders an archive (it holds folders after all)', async () => {
    const root = join(dir, 'nested-archive');
    await mkdir(root);
    await writeFile(join(root, 'soknad.txt'), 'Søknad');
    await writeFile(join(root, 'pakke.zip'), await makeZip([{ name: 'arkiv.zip', data: await archive() }]));
    expect(shape(await all(root))).toEqual([
      ['soknad.txt', ['soknad.txt']],
      ['pakke.zip/arkiv.zip/a', ['pakke.zip/arkiv.zip/a/soknad.txt']],
      ['pakke.zip/arkiv.zip/b', ['pakke.zip/arkiv.zip/b/soknad.txt']],
    ]);
  });

  it('keeps a zip beside files that cannot be opened or unpacked as a file of the submission that fails', async () => {
    const root = join(dir, 'broken-beside');
    await mkdir(root);
    await writeFile(join(root, 'soknad.txt'), 'Søknad');
    const zip = await attachments();
    await writeFile(join(root, 'skadet.zip'), zip.subarray(0, zip.length - 30)); // no end of central directory
    await writeFile(join(root, 'vedlegg.zip'), zip);
    const found = await all(root, { maxEntries: 2 });
    expect(shape(found)).toEqual([
      [
        'broken-beside',
        ['skadet.zip', 'soknad.txt', 'vedlegg.zip/budsjett.txt', 'vedlegg.zip/samarbeidsavtale.txt'],
      ],
    ]);
    await expect(found[0]!.files[0]!.load()).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('ugyldig zip-arkiv'),
    });

    // Over the entry limit: still a file of the submission, which names the limit.
    const [limited] = await all(root, { maxEntries: 1 });
    const vedlegg = limited!.files.find((f) => f.path === 'vedlegg.zip')!;
    await expect(vedlegg.load()).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringContaining('grensen er 1'),
    });

    // Inside a zip: a nested zip whose entry is refused (here for its size) is a file that fails.
    const inner = join(dir, 'broken-inside');
    await mkdir(inner);
    await writeFile(
      join(inner, 'innsending.zip'),
      await makeZip([
        { name: 'soknad.txt', data: 'Søknad' },
        { name: 'vedlegg.zip', data: randomBytes(4096), compress: false },
        { name: 'skadet.zip', data: zip.subarray(0, zip.length - 30) },
      ]),
    );
    const [nested] = await all(inner, { maxEntryBytes: 2048 });
    expect(shape([nested!])).toEqual([
      [
        'innsending.zip',
        ['innsending.zip/skadet.zip', 'innsending.zip/soknad.txt', 'innsending.zip/vedlegg.zip'],
      ],
    ]);
    await expect(nested!.files[0]!.load()).rejects.toMatchObject({ code: 'corrupt' });
    await expect(nested!.files[2]!.load()).rejects.toMatchObject({ code: 'too-large' });

    // A nested zip whose compressed data is damaged: unpacking it fails, and says so when loaded.
    const damaged = join(dir, 'damaged-inside');
    await mkdir(damaged);
    const outer = await makeZip([
      { name: 'soknad.txt', data: 'Søknad' },
      { name: 'vedlegg.zip', data: zip },
    ]);
    await writeFile(join(damaged, 'innsending.zip'), damageEntryData(outer, 'vedlegg.zip'));
    const [withDamage] = await all(damaged);
    expect(shape([withDamage!])).toEqual([
      ['innsending.zip', ['innsending.zip/soknad.txt', 'innsending.zip/vedlegg.zip']],
    ]);
    await expect(withDamage!.files[1]!.load()).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('kan ikke pakke ut'),
    });
  });

  it('says so of an empty zip, beside files or alone, instead of dropping it', async () => {
    const root = join(dir, 'empty');
    await mkdir(join(root, 'Molde'), { recursive: true });
    await mkdir(join(root, 'Alta'));
    await writeFile(join(root, 'Molde', 'soknad.txt'), 'Søknad');
    await writeFile(join(root, 'Molde', 'tom.zip'), await makeZip([]));
    // Only what archivers add (__MACOSX, .DS_Store) is no file either.
    await writeFile(
      join(root, 'Alta', 'tom.zip'),
      await makeZip([
        { name: '__MACOSX/._soknad.txt', data: 'x' },
        { name: '.DS_Store', data: 'x' },
      ]),
    );
    const found = await all(root);
    expect(shape(found)).toEqual([
      ['Alta/tom.zip', ['Alta/tom.zip']],
      ['Molde', ['Molde/soknad.txt', 'Molde/tom.zip']],
    ]);
    for (const path of ['Alta/tom.zip', 'Molde/tom.zip']) {
      const file = found.flatMap((s) => s.files).find((f) => f.path === path)!;
      await expect(file.load()).rejects.toMatchObject({ code: 'empty', message: 'Zip-arkivet er tomt.' });
    }
    // Given alone on the command line, too.
    const alone = await all(join(root, 'Alta', 'tom.zip'));
    expect(shape(alone)).toEqual([['tom.zip', ['tom.zip']]]);
  });

  it('keeps every zip-based document format one file, beside an application or alone, never a folder', async () => {
    const root = join(dir, 'containers');
    await mkdir(join(root, 'Molde'), { recursive: true });
    await writeFile(join(root, 'Molde', 'soknad.txt'), 'Søknad');
    await writeFile(join(root, 'Molde', 'presentasjon.pptx'), pptxFile());
    await writeFile(join(root, 'Molde', 'regneark.ods'), odsFile());
    await writeFile(join(root, 'Molde', 'tekst.odt'), odtFile());
    await writeFile(join(root, 'Molde', 'binaert.xlsb'), xlsbFile());
    await writeFile(join(root, 'Molde', 'dotnet.xlsx'), dotnetPrefixedXlsx());
    await writeFile(join(root, 'Molde', 'skraastrek.xlsx'), hiddenFilterButtonXlsx());
    expect(shape(await all(root))).toEqual([
      [
        'Molde',
        [
          'Molde/binaert.xlsb',
          'Molde/dotnet.xlsx',
          'Molde/presentasjon.pptx',
          'Molde/regneark.ods',
          'Molde/skraastrek.xlsx',
          'Molde/soknad.txt',
          'Molde/tekst.odt',
        ],
      ],
    ]);
    expect(shape(await all(join(root, 'Molde', 'regneark.ods')))).toEqual([
      ['regneark.ods', ['regneark.ods']],
    ]);
  });

  it('opens a zip on disk whose comment length is off, as Python zipfile does', async () => {
    const root = join(dir, 'quirk');
    await mkdir(join(root, 'Bodø'), { recursive: true });
    await writeFile(
      join(root, 'Bodø', 'innsending.zip'),
      withCommentQuirk(await makeZip([{ name: 'soknad.txt', data: 'Søknad' }])),
    );
    const found = await all(root);
    expect(shape(found)).toEqual([['Bodø/innsending.zip', ['Bodø/innsending.zip/soknad.txt']]]);
    expect((await found[0]!.files[0]!.load()).toString()).toBe('Søknad');
  });
});
