import { describe, expect, it } from 'vitest';

import { identifyFormat, isValidUtf8, sniffFormat } from '../../src/read/sniff.ts';
import {
  PNG_1X1,
  makeDocx,
  makePdf,
  makeXlsx,
  makeZip,
  para,
  randomBytes,
} from '../support/document-fixtures.ts';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('sniffFormat', () => {
  it('recognises a PDF by its header, also after up to 1024 bytes of leading junk', async () => {
    const pdf = await makePdf((doc) => doc.text('Hei'));
    expect(sniffFormat(pdf)).toBe('pdf');
    expect(sniffFormat(Buffer.concat([Buffer.alloc(1000, 0x20), pdf]))).toBe('pdf');
    expect(sniffFormat(Buffer.concat([randomBytes(2000), pdf]))).not.toBe('pdf');
  });

  it('tells xlsx and docx from other zip archives by the parts inside', async () => {
    expect(sniffFormat(await makeXlsx((workbook) => workbook.addWorksheet('Ark1')))).toBe('xlsx');
    expect(sniffFormat(await makeDocx(para('Hei')))).toBe('docx');
    expect(sniffFormat(await makeZip([{ name: 'soknad.pdf', data: 'x' }]))).toBe('zip');
  });

  it('still recognises an xlsx whose end (and central directory) was cut off', async () => {
    const xlsx = await makeXlsx((workbook) => workbook.addWorksheet('Ark1').addRow(['Lønn', 1000]));
    expect(sniffFormat(xlsx.subarray(0, Math.floor(xlsx.length * 0.9)))).toBe('xlsx');
  });

  it('recognises PNG, JPEG and both byte orders of TIFF', () => {
    expect(sniffFormat(PNG_1X1)).toBe('png');
    expect(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(sniffFormat(Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]))).toBe('tiff');
    expect(sniffFormat(Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]))).toBe('tiff');
  });

  it('calls old Office files unknown and describes them, recognising encrypted Office files', () => {
    const doc = Buffer.concat([OLE2, Buffer.alloc(100), Buffer.from('WordDocument', 'utf16le')]);
    expect(sniffFormat(doc)).toBe('unknown');
    expect(identifyFormat(doc).description).toContain('.doc');
    const encrypted = Buffer.concat([OLE2, Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(identifyFormat(encrypted)).toMatchObject({ format: 'unknown', encrypted: true });
  });

  it('recognises UTF-8 and Latin-1 text, and UTF-16 with a byte order mark', () => {
    expect(sniffFormat(Buffer.from('Søknad om tilskudd\r\nBeløp: 1000\n', 'utf8'))).toBe('text');
    expect(sniffFormat(Buffer.from('Søknad om tilskudd for år 2025', 'latin1'))).toBe('text');
    expect(sniffFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hei', 'utf16le')]))).toBe(
      'text',
    );
  });

  it('calls empty files, random bytes and text with NULs unknown', () => {
    expect(sniffFormat(Buffer.alloc(0))).toBe('unknown');
    expect(sniffFormat(randomBytes(4096))).toBe('unknown');
    expect(sniffFormat(Buffer.from('tekst\u0000med\u0000nuller'))).toBe('unknown');
  });

  it('never looks at a name: the same bytes give the same format whatever they are called', async () => {
    const xlsx = await makeXlsx((workbook) => workbook.addWorksheet('Ark1'));
    expect(sniffFormat(xlsx)).toBe('xlsx');
    expect(sniffFormat.length).toBe(1);
  });
});

describe('isValidUtf8', () => {
  it('accepts UTF-8 and rejects Latin-1, overlong forms and surrogates', () => {
    expect(isValidUtf8(Buffer.from('æøå ÆØÅ €', 'utf8'))).toBe(true);
    expect(isValidUtf8(Buffer.from('æøå', 'latin1'))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false);
  });

  it('accepts a sequence cut by the end of a sample only when told to', () => {
    const cut = Buffer.from('blåbær', 'utf8').subarray(0, 6);
    expect(isValidUtf8(cut)).toBe(false);
    expect(isValidUtf8(cut, true)).toBe(true);
  });
});
