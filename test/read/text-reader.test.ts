import { describe, expect, it } from 'vitest';

import { decodeText, readText } from '../../src/read/text-reader.ts';

describe('readText', () => {
  it('reads a UTF-8 text file as one page', async () => {
    const result = await readText(
      Buffer.from('\uFEFFSøknad om tilskudd\r\nBeløp:\t1 250 000  \r\n', 'utf8'),
      'notat.txt',
    );
    expect(result).toMatchObject({
      format: 'text',
      method: 'text',
      pageCount: null,
      failure: null,
      pagesNeedingOcr: [],
    });
    expect(result.pages).toEqual([
      { page: 1, text: 'Søknad om tilskudd\nBeløp:\t1 250 000', method: 'text', confidence: null, words: [] },
    ]);
  });
});

describe('decodeText', () => {
  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    expect(decodeText(Buffer.from('Blåbær og økonomi', 'latin1'))).toBe('Blåbær og økonomi');
    expect(decodeText(Buffer.from([0x80, 0x20, 0x31, 0x30]))).toBe('€ 10');
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Søker: Bodø kommune', 'utf16le')]);
    expect(decodeText(le)).toBe('Søker: Bodø kommune');
  });

  it('composes decomposed letters (å written as a + ring)', () => {
    expect(decodeText(Buffer.from('a\u030Ar', 'utf8'))).toBe('år');
  });
});
