import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { ReadError, readDocument } from '../../src/read/read-document.ts';
import {
  PNG_1X1,
  drawFormTable,
  makeDocx,
  makePdf,
  makeXlsx,
  makeZip,
  para,
  randomBytes,
  table,
} from '../support/document-fixtures.ts';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('readDocument', () => {
  it('fails an empty file with reason empty, and still reports its hash and path', async () => {
    const result = await readDocument(Buffer.alloc(0), '2025/Bodø/tom.pdf');
    expect(result).toEqual({
      path: '2025/Bodø/tom.pdf',
      sha256: createHash('sha256').update('').digest('hex'),
      format: 'unknown',
      method: 'none',
      pageCount: null,
      pages: [],
      sheets: [],
      pagesNeedingOcr: [],
      failure: { reason: 'empty', message: 'Filen er tom (0 byte).' },
    });
  });

  it('fails random bytes as unsupported with a Norwegian message', async () => {
    const result = await readDocument(randomBytes(4096), 'data.pdf');
    expect(result.format).toBe('unknown');
    expect(result.method).toBe('none');
    expect(result.failure).toEqual({
      reason: 'unsupported',
      message: 'Filtypen støttes ikke: filen er en ukjent filtype.',
    });
  });

  it('reads an xlsx named .pdf as a spreadsheet', async () => {
    const xlsx = await makeXlsx((workbook) => workbook.addWorksheet('Budsjett').addRow(['Lønn', 1_100_000]));
    const result = await readDocument(xlsx, 'soknad.pdf');
    expect(result).toMatchObject({
      format: 'xlsx',
      method: 'spreadsheet',
      failure: null,
      path: 'soknad.pdf',
    });
    expect(result.sheets[0]?.cells.map((cell) => cell.value)).toEqual(['Lønn', 1_100_000]);
  });

  it('reads a PDF named .xlsx as a PDF', async () => {
    const pdf = await makePdf((doc) => drawFormTable(doc, [['Tildelt beløp', 'kr 800 000']]));
    const result = await readDocument(pdf, 'regnskap.xlsx');
    expect(result).toMatchObject({ format: 'pdf', method: 'text', pageCount: 1, failure: null });
    expect(result.pages[0]?.text).toBe('Tildelt beløp\tkr 800 000');
  });

  it('reads a PDF that has junk before its header, as mail gateways sometimes add', async () => {
    const pdf = await makePdf((doc) => doc.text('Søknad om tilskudd for 2025'));
    const result = await readDocument(
      Buffer.concat([Buffer.from('X-Gateway: skannet\r\n\r\n'), pdf]),
      'a.pdf',
    );
    expect(result).toMatchObject({
      format: 'pdf',
      failure: null,
      pages: [{ text: 'Søknad om tilskudd for 2025' }],
    });
  });

  it('reads a docx and a text file as one text page each', async () => {
    const docx = await readDocument(
      await makeDocx(para('Samarbeidsavtale') + table([['Part', 'St. Olavs hospital HF']])),
      'a.docx',
    );
    expect(docx).toMatchObject({ format: 'docx', method: 'text', failure: null });
    expect(docx.pages[0]?.text).toBe('Samarbeidsavtale\nPart\tSt. Olavs hospital HF');
    const text = await readDocument(Buffer.from('Rapport for 2024', 'latin1'), 'rapport.txt');
    expect(text).toMatchObject({
      format: 'text',
      method: 'text',
      pages: [{ page: 1, text: 'Rapport for 2024' }],
    });
  });

  it('reads an image as one page waiting for OCR, with no text yet', async () => {
    const result = await readDocument(PNG_1X1, 'skann.png');
    expect(result).toMatchObject({
      format: 'png',
      method: 'none',
      pageCount: 1,
      pages: [],
      pagesNeedingOcr: [1],
      failure: null,
    });
  });

  it('counts the pages of a multi-page TIFF', async () => {
    // Little-endian TIFF with two empty image file directories chained together.
    const tiff = Buffer.alloc(32);
    tiff.write('II', 0, 'latin1');
    tiff.writeUInt16LE(42, 2);
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(0, 8);
    tiff.writeUInt32LE(16, 10);
    tiff.writeUInt16LE(0, 16);
    tiff.writeUInt32LE(0, 18);
    const result = await readDocument(tiff, 'faks.tif');
    expect(result).toMatchObject({ format: 'tiff', pageCount: 2, pagesNeedingOcr: [1, 2] });
  });

  it('fails an old .doc/.xls file as unsupported, naming what it is', async () => {
    const xls = Buffer.concat([OLE2, Buffer.alloc(200), Buffer.from('Workbook', 'utf16le')]);
    const result = await readDocument(xls, 'budsjett.xlsx');
    expect(result.failure).toEqual({
      reason: 'unsupported',
      message: 'Filtypen støttes ikke: filen er et eldre Excel-regneark (.xls).',
    });
  });

  it('fails a password-protected Office file as encrypted', async () => {
    const encrypted = Buffer.concat([OLE2, Buffer.alloc(200), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect((await readDocument(encrypted, 'avtale.docx')).failure?.reason).toBe('encrypted');
  });

  it('fails a zip archive given as a document as unsupported', async () => {
    const zip = await makeZip([{ name: 'soknad.pdf', data: 'x' }]);
    const result = await readDocument(zip, 'vedlegg.pdf');
    expect(result.format).toBe('zip');
    expect(result.failure).toEqual({
      reason: 'unsupported',
      message: 'Filen er et zip-arkiv, ikke et dokument som kan leses.',
    });
  });

  it('fails a file over the size limit as too-large without reading it', async () => {
    const pdf = await makePdf((doc) => doc.text('Søknad'));
    const result = await readDocument(pdf, 'stor.pdf', { limits: { maxBytes: 100 } });
    expect(result).toMatchObject({ format: 'pdf', method: 'none', pages: [] });
    expect(result.failure?.reason).toBe('too-large');
    expect(result.failure?.message).toMatch(/^Filen er for stor/);
  });

  it('fails an encrypted PDF and a truncated PDF with their reasons', async () => {
    const encrypted = await makePdf((doc) => doc.text('Hemmelig'), { userPassword: 'x' });
    expect((await readDocument(encrypted, 'k.pdf')).failure).toEqual({
      reason: 'encrypted',
      message: 'PDF-filen er kryptert eller passordbeskyttet og kan ikke leses.',
    });
    const pdf = await makePdf((doc) => doc.text('Søknad om tilskudd'));
    const truncated = await readDocument(pdf.subarray(0, pdf.length >> 1), 't.pdf');
    expect(truncated.failure?.reason).toBe('corrupt');
    expect(truncated.format).toBe('pdf');
  });

  it('fails a read that takes longer than the time limit with reason timeout', async () => {
    const pdf = await makePdf((doc) => {
      for (let n = 0; n < 30; n++) doc.addPage().text(`Side ${n} `.repeat(200));
    });
    const result = await readDocument(pdf, 'treg.pdf', { limits: { timeoutMs: 1 } });
    expect(result.failure?.reason).toBe('timeout');
    expect(result.failure?.message).toMatch(/tok for lang tid/);
  });
});

describe('ReadError', () => {
  it('carries a code and its own class name', () => {
    const error = new ReadError('corrupt', 'Filen er skadet og kan ikke leses.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ReadError');
    expect(error.code).toBe('corrupt');
  });
});
