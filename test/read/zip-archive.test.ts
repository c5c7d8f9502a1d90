import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ReadError } from '../../src/read/read-error.ts';
import {
  listZipEntries,
  openZipArchive,
  readZipEntry,
  zipProblemToFailure,
} from '../../src/read/zip-archive.ts';
import { makeZip } from '../support/document-fixtures.ts';

const MB = 1024 * 1024;

describe('listZipEntries', () => {
  it('lists file entries with their sizes and skips directories and macOS clutter', async () => {
    const zip = await makeZip([
      { name: 'Trondheim/soknad.pdf', data: 'pdf' },
      { name: '__MACOSX/Trondheim/._soknad.pdf', data: 'resource fork' },
      { name: 'Trondheim/.DS_Store', data: 'finder' },
      { name: 'Trondheim/budsjett.xlsx', data: 'xlsx', compress: false },
    ]);
    const entries = await listZipEntries(zip);
    expect(entries).toEqual([
      {
        name: 'Trondheim/soknad.pdf',
        uncompressedSize: 3,
        compressedSize: expect.any(Number),
        problem: null,
      },
      { name: 'Trondheim/budsjett.xlsx', uncompressedSize: 4, compressedSize: 4, problem: null },
    ]);
  });

  it('lists an entry whose path climbs out with ".." as unsafe and refuses to read it', async () => {
    const zip = await makeZip([
      { name: 'ok.txt', data: 'fint' },
      { name: 'xx/evil.txt', rawName: Buffer.from('../evil.txt'), data: 'ondt' },
      { name: 'xetc/passwd', rawName: Buffer.from('/etc/passwd'), data: 'root' },
    ]);
    const archive = await openZipArchive(zip);
    try {
      expect(archive.entries.map((entry) => [entry.name, entry.problem?.reason ?? null])).toEqual([
        ['ok.txt', null],
        ['../evil.txt', 'unsafe-path'],
        ['/etc/passwd', 'unsafe-path'],
      ]);
      await expect(archive.read('../evil.txt')).rejects.toMatchObject({
        name: 'ReadError',
        code: 'unsupported',
      });
      expect((await archive.read('ok.txt')).toString()).toBe('fint');
    } finally {
      archive.close();
    }
  });

  it('refuses a highly compressible 50 MB entry (a zip bomb) without unpacking it', async () => {
    const zip = await makeZip([
      { name: 'bombe.bin', data: Buffer.alloc(50 * MB) },
      { name: 'liten.txt', data: 'hei' },
    ]);
    expect(zip.length).toBeLessThan(1 * MB);
    const entries = await listZipEntries(zip, { maxEntryBytes: 10 * MB });
    expect(entries[0]?.problem?.reason).toBe('too-large');
    expect(entries[1]?.problem).toBeNull();
    const byRatio = await listZipEntries(zip);
    expect(byRatio[0]?.problem?.reason).toBe('compression-ratio');
    expect(byRatio[0]?.problem?.message).toMatch(/zip-bombe/);
    await expect(readZipEntry(zip, 'bombe.bin')).rejects.toBeInstanceOf(ReadError);
  });

  it('stops listing entries as readable once their total would pass the total limit', async () => {
    const zip = await makeZip([
      { name: 'a.txt', data: 'x'.repeat(600) },
      { name: 'b.txt', data: 'y'.repeat(600) },
    ]);
    const entries = await listZipEntries(zip, { maxTotalBytes: 1000 });
    expect(entries.map((entry) => entry.problem?.reason ?? null)).toEqual([null, 'total-too-large']);
  });

  it('refuses an archive with more entries than the limit', async () => {
    const zip = await makeZip([1, 2, 3].map((n) => ({ name: `${n}.txt`, data: String(n) })));
    await expect(listZipEntries(zip, { maxEntries: 2 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('decodes names without the UTF-8 flag as UTF-8 when valid, else as code page 850', async () => {
    const zip = await makeZip(
      [
        { name: 'søknad.pdf', data: 'a' },
        {
          name: 'sXknad.txt',
          rawName: Buffer.from([0x73, 0x9b, 0x6b, 0x6e, 0x61, 0x64, 0x2e, 0x74, 0x78, 0x74]),
          data: 'b',
        },
      ],
      { clearUtf8Flag: true },
    );
    expect((await listZipEntries(zip)).map((entry) => entry.name)).toEqual(['søknad.pdf', 'søknad.txt']);
  });

  it('fails bytes that are not a zip archive as corrupt', async () => {
    await expect(listZipEntries(Buffer.from('PK\u0003\u0004 not really'))).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^Filen er skadet og kan ikke leses: /),
    });
  });
});

describe('readZipEntry', () => {
  it('reads one entry by name from bytes or from a file path', async () => {
    const zip = await makeZip([
      { name: 'mappe/soknad.txt', data: 'Søknad om tilskudd' },
      { name: 'mappe/annet.txt', data: 'Annet' },
    ]);
    expect((await readZipEntry(zip, 'mappe/soknad.txt')).toString('utf8')).toBe('Søknad om tilskudd');
    const dir = await mkdtemp(join(tmpdir(), 'intake-zip-'));
    try {
      const file = join(dir, 'arkiv.zip');
      await writeFile(file, zip);
      expect((await readZipEntry(file, 'mappe/annet.txt')).toString('utf8')).toBe('Annet');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a name that is not in the archive', async () => {
    const zip = await makeZip([{ name: 'a.txt', data: 'a' }]);
    await expect(readZipEntry(zip, 'b.txt')).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('zipProblemToFailure', () => {
  it('maps entry problems to document failures', () => {
    expect(zipProblemToFailure({ reason: 'compression-ratio', message: 'm' })).toEqual({
      reason: 'too-large',
      message: 'm',
    });
    expect(zipProblemToFailure({ reason: 'unsafe-path', message: 'm' }).reason).toBe('unsupported');
    expect(zipProblemToFailure({ reason: 'encrypted', message: 'm' }).reason).toBe('encrypted');
  });
});
