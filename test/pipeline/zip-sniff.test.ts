import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomAccess } from '../../src/pipeline/discover.ts';
import { identifyZipFile, sniffFormat } from '../../src/read/sniff.ts';
import { odsFile, withCommentQuirk } from '../../scripts/hostile/wild-files.ts';
import { makeXlsx, makeZip, randomBytes } from '../support/document-fixtures.ts';

const MB = 1024 * 1024;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'intake-zip-sniff-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Identifies a file on disk through a reader that counts the bytes it hands out. */
async function identifyCounting(name: string, bytes: Buffer) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const handle = await open(path, 'r');
  try {
    const file = randomAccess(handle, bytes.length);
    let read = 0;
    const info = await identifyZipFile({
      size: file.size,
      read: async (position, length) => {
        const got = await file.read(position, length);
        read += got.length;
        return got;
      },
    });
    return { info, read };
  } finally {
    await handle.close();
  }
}

/** Issue 14, item 5: a zip on disk is told from xlsx/docx/ODF by its central directory, not loaded. */
describe('telling a zip on disk from a zip-based document', () => {
  it('reads only the end and the directory of a 40 MB archive, and calls it an archive', async () => {
    const zip = await makeZip([
      { name: 'fyll.bin', data: randomBytes(40 * MB), compress: false },
      { name: 'soknad.txt', data: 'Søknad om tilskudd' },
    ]);
    const { info, read } = await identifyCounting('arkiv.zip', zip);
    expect(info?.format).toBe('zip');
    // The end record's window (64 kB at most), the directory and one local header: not the 40 MB.
    expect(read).toBeLessThan(70 * 1024);
  });

  it('knows a workbook padded to 40 MB as a workbook from its directory alone', async () => {
    const book = await makeXlsx((workbook) => workbook.addWorksheet('Ark1').addRow(['Søknadsbeløp', 100]));
    const padded = await makeZip([
      { name: '[Content_Types].xml', data: 'x' },
      { name: 'xl/workbook.xml', data: book },
      { name: 'xl/media/bilde.bin', data: randomBytes(40 * MB), compress: false },
    ]);
    const { info, read } = await identifyCounting('regneark.xlsx', padded);
    expect(info?.format).toBe('xlsx');
    expect(read).toBeLessThan(70 * 1024);
  });

  it('gives the same answer as sniffing the bytes whole, for documents and archives', async () => {
    const samples: Array<[string, Buffer]> = [
      ['ods', odsFile()],
      ['xlsx', await makeXlsx((workbook) => workbook.addWorksheet('Ark1').addRow(['a', 1]))],
      ['zip', await makeZip([{ name: 'a/b.txt', data: 'b' }])],
      ['empty zip', await makeZip([])],
      ['comment quirk', withCommentQuirk(await makeZip([{ name: 'c.txt', data: 'c' }]))],
    ];
    for (const [name, bytes] of samples) {
      const { info } = await identifyCounting(`${name}.bin`, bytes);
      expect({ name, format: info?.format }).toEqual({ name, format: sniffFormat(bytes) });
    }
  });

  it('gives up on a cut zip (no directory), for the caller to judge from its bytes', async () => {
    const zip = await makeZip([{ name: 'soknad.txt', data: randomBytes(200_000) }]);
    const { info } = await identifyCounting('kuttet.zip', zip.subarray(0, zip.length - 100));
    expect(info).toBeNull();
  });
});
