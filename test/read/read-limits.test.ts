import { describe, expect, it } from 'vitest';

import { buildXlsx, buildZip, sheetXml } from '../../scripts/hostile/raw-zip.ts';
import { declaredImageSizes } from '../../src/read/image-dimensions.ts';
import { readImage, tiffChainLoops } from '../../src/read/image-reader.ts';
import { formatCount, formatSeconds, resolveLimits } from '../../src/read/limits.ts';
import { failureFromError, technicalDetail } from '../../src/read/read-error.ts';
import { readPdf } from '../../src/read/pdf-reader.ts';
import { countCells, readXlsx } from '../../src/read/xlsx-reader.ts';
import { listZipEntries, zipProblemToFailure } from '../../src/read/zip-archive.ts';
import { PNG_1X1 } from '../support/document-fixtures.ts';

function png(width: number, height: number): Buffer {
  const bytes = Buffer.from(PNG_1X1);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

function jpeg(width: number, height: number): Buffer {
  // SOI, an APP0 segment to step over, then a baseline start-of-frame.
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

/** A big-endian TIFF with one directory holding width (SHORT) and height (LONG); `next` links onwards. */
function tiff(width: number, height: number, next = 0): Buffer {
  const bytes = Buffer.alloc(8 + 2 + 24 + 4);
  bytes.write('MM', 0, 'latin1');
  bytes.writeUInt16BE(42, 2);
  bytes.writeUInt32BE(8, 4);
  bytes.writeUInt16BE(2, 8);
  bytes.writeUInt16BE(256, 10);
  bytes.writeUInt16BE(3, 12);
  bytes.writeUInt32BE(1, 14);
  bytes.writeUInt16BE(width, 18);
  bytes.writeUInt16BE(257, 22);
  bytes.writeUInt16BE(4, 24);
  bytes.writeUInt32BE(1, 26);
  bytes.writeUInt32BE(height, 30);
  bytes.writeUInt32BE(next, 34);
  return bytes;
}

describe('declared image sizes', () => {
  it('reads the size from a PNG header, a JPEG frame and each TIFF directory', () => {
    expect(declaredImageSizes(png(2480, 3508), 'png')).toEqual([{ width: 2480, height: 3508 }]);
    expect(declaredImageSizes(jpeg(1240, 1754), 'jpeg')).toEqual([{ width: 1240, height: 1754 }]);
    expect(declaredImageSizes(tiff(1728, 2200), 'tiff')).toEqual([{ width: 1728, height: 2200 }]);
  });

  it('refuses an image whose header declares more pixels than the limit, naming it, before decoding', async () => {
    const result = await readImage(png(100_000, 100_000), 'skann.png', 'png');
    expect(result.failure).toEqual({
      reason: 'too-large',
      message: 'Bildet er for stort (100 000 × 100 000 piksler); grensen er 100 000 000 piksler per side.',
    });
    const small = await readImage(png(3000, 3000), 'skann.png', 'png', {
      limits: { maxPagePixels: 8_000_000 },
    });
    expect(small.failure?.reason).toBe('too-large');
    expect((await readImage(png(2000, 3000), 'skann.png', 'png')).failure).toBeNull();
  });

  it('refuses a TIFF whose chain of directories loops back on itself', async () => {
    const looping = tiff(10, 10, 8);
    expect(tiffChainLoops(looping)).toBe(true);
    expect(tiffChainLoops(tiff(10, 10))).toBe(false);
    expect((await readImage(looping, 'faks.tif', 'tiff')).failure).toEqual({
      reason: 'corrupt',
      message: 'Filen er skadet og kan ikke leses: TIFF-filens kjede av sider går i ring.',
    });
  });
});

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
function column(index: number): string {
  return index < 26
    ? String.fromCharCode(65 + index)
    : column(Math.floor(index / 26) - 1) + column(index % 26);
}

describe('workbook limits', () => {
  it('counts cells in sheet XML with or without a namespace prefix', () => {
    expect(
      countCells(Buffer.from('<row><c r="A1"><v>1</v></c><c/><x:c>2</x:c><col/><cols></cols></row>')),
    ).toBe(3);
  });

  it('refuses a workbook with more cells than the limit before parsing it', async () => {
    const row = (r: number) =>
      `<row r="${r}">${Array.from({ length: 50 }, (_, i) => `<c r="${column(i)}${r}"><v>${i}</v></c>`).join('')}</row>`;
    const xlsx = buildXlsx(sheetXml(row(1) + row(2)));
    expect((await readXlsx(xlsx, 'b.xlsx', { limits: { maxCells: 100 } })).failure).toBeNull();
    expect((await readXlsx(xlsx, 'b.xlsx', { limits: { maxCells: 99 } })).failure).toEqual({
      reason: 'too-large',
      message: 'Regnearket har for mange celler (over 99); grensen er 99 celler.',
    });
  });

  it('refuses XML entity declarations in any part of a workbook (billion laughs)', async () => {
    const shared =
      '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' +
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>';
    const xlsx = buildXlsx(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared);
    const result = await readXlsx(xlsx, 'b.xlsx');
    expect(result.failure?.reason).toBe('corrupt');
    expect(result.failure?.message).toMatch(/DOCTYPE\/ENTITY/);
  });

  it('refuses a part whose data unpacks beyond the size its header declares', async () => {
    const sheet = sheetXml(
      `<row r="1">${Array.from({ length: 600 }, (_, i) => `<c r="${column(i)}1"><v>1</v></c>`).join('')}</row>`,
    );
    const honest = buildXlsx(sheet);
    expect((await readXlsx(honest, 'b.xlsx')).failure).toBeNull();
    // The same workbook with the sheet's declared size cut to 100 bytes in both headers.
    const lying = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 100 }]);
    const entries = await listZipEntries(lying);
    expect(entries[0]?.uncompressedSize).toBe(100);
    expect((await readXlsx(lying, 'b.xlsx')).failure).toMatchObject({ reason: 'corrupt' });
  });
});

describe('zip entries that are symbolic links', () => {
  it('are listed with a problem and never read', async () => {
    const zip = buildZip([
      { name: 'lenke', data: '/etc/passwd', deflate: false, unixMode: 0o120777 },
      { name: 'soknad.txt', data: 'Søknad', unixMode: 0o100644 },
    ]);
    const [link, file] = await listZipEntries(zip);
    expect(link?.problem?.reason).toBe('symlink');
    expect(zipProblemToFailure(link!.problem!)).toEqual({
      reason: 'unsupported',
      message: '«lenke» i zip-arkivet er en symbolsk lenke og ble ikke fulgt.',
    });
    expect(file?.problem).toBeNull();
  });
});

describe('PDF structure', () => {
  it('refuses a PDF whose content stream inflates beyond the limit (a flate bomb), but not its images', async () => {
    const { buildPdf, stream } = await import('../../scripts/hostile/raw-pdf.ts');
    const { deflateSync } = await import('node:zlib');
    const spaces = deflateSync(Buffer.alloc(4 * 1024 * 1024, 0x20));
    const pdf = (dict: string) =>
      buildPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
        stream(spaces, dict),
      ]);
    const limits = { maxEntryBytes: 1024 * 1024 };
    expect((await readPdf(pdf('/Filter /FlateDecode '), 'bombe.pdf', { limits })).failure).toEqual({
      reason: 'too-large',
      message:
        'PDF-filen har en strøm som pakker ut til mer enn 1,0 MB (mulig komprimeringsbombe) og ble ikke lest.',
    });
    expect((await readPdf(pdf('/Filter /FlateDecode '), 'stor.pdf')).failure).toBeNull();
    const image = await readPdf(pdf('/Subtype /Image /Filter /FlateDecode '), 'bilde.pdf', { limits });
    expect(image.failure).toBeNull();
  });

  it('fails a PDF nested deeper than the parser can follow as corrupt, saying so', async () => {
    const { buildPdf } = await import('../../scripts/hostile/raw-pdf.ts');
    const depth = 100_000;
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /X ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
    ]);
    const result = await readPdf(pdf, 'dyp.pdf');
    expect(result.failure).toEqual({
      reason: 'corrupt',
      message: 'Filen er skadet og kan ikke leses: PDF-filen har objekter som er nestet for dypt.',
    });
  });
});

describe('limit helpers', () => {
  it('fills in defaults and ignores keys that are not limits', () => {
    const limits = resolveLimits({ maxPages: 5, ...({ bogus: 1 } as object) });
    expect(limits.maxPages).toBe(5);
    expect(limits.maxCells).toBe(1_000_000);
    expect('bogus' in limits).toBe(false);
  });

  it('formats counts and durations in Norwegian', () => {
    expect(formatCount(100_000_000)).toBe('100 000 000');
    expect(formatSeconds(120_000)).toBe('120 sekunder');
    expect(formatSeconds(1000)).toBe('1 sekund');
    expect(formatSeconds(500)).toBe('0,5 sekunder');
  });
});

describe('failure messages', () => {
  it('never carry what a parser quoted from the document, and stay short', () => {
    expect(technicalDetail(new Error('Invalid number: ê (charCode 234)'))).toBe(
      'Invalid number: ? (charCode 234)',
    );
    expect(
      technicalDetail(new Error(`unmatched closing tag: ${'Ola Nordmann, fødselsnr '.repeat(20)}`)),
    ).toHaveLength(100);
    // The library's words are detail for the log; the message is Norwegian only.
    expect(failureFromError(new Error('Bad\nthing: «Søker»'))).toEqual({
      reason: 'corrupt',
      message: 'Filen er skadet og kan ikke leses.',
      detail: 'Bad thing: ?S?ker?',
    });
  });
});
