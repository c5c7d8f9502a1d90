import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { characterCounts, isUsableTextLayer } from '../../src/read/text-quality.ts';

describe('isUsableTextLayer', () => {
  it('accepts an ordinary Norwegian page of text', () => {
    expect(
      isUsableTextLayer(
        'Søknad om tilskudd for 2025\nSøker\tTrondheim kommune\nKommunen søker om midler til å styrke arbeidet.',
      ),
    ).toBe(true);
  });

  it('accepts a budget page that is mostly amounts', () => {
    expect(isUsableTextLayer('Lønn\t1 100 000\nDrift\t150 000\nSum\t1 250 000\n2025\t2026')).toBe(true);
  });

  it('accepts a form whose fill-in lines are long runs of dots and underscores', () => {
    const form = `Navn på søker ${'.'.repeat(60)} Trondheim kommune\nDato ${'_'.repeat(40)} 03.03.2025`;
    expect(isUsableTextLayer(form)).toBe(true);
  });

  it('rejects an empty or whitespace-only text layer', () => {
    expect(isUsableTextLayer('')).toBe(false);
    expect(isUsableTextLayer(' \n\t \n')).toBe(false);
  });

  it('rejects a text layer with fewer than 20 letters and digits, like a stamped page number', () => {
    expect(isUsableTextLayer('Side 3 av 12')).toBe(false);
    expect(isUsableTextLayer('Mottatt 03.03.2025')).toBe(false);
  });

  it('rejects a text layer that is mostly symbols and punctuation', () => {
    expect(
      isUsableTextLayer(
        '~~ ,.;\' |!| {}[] ~~ a1 ,.;\' |!| {}[] b2 <>?: "" ++ c3 ** && d4 %% e5 ## f6 @@ g7 h8 i9 j0',
      ),
    ).toBe(false);
  });

  it('rejects control and private-use characters from a font without a Unicode map', () => {
    const junk = '\uE001\uE002\uE003\uE004 \uE010\uE011\uE012 '.repeat(10) + 'abc def ghi jkl mno pqr';
    expect(isUsableTextLayer(junk)).toBe(false);
  });

  it("rejects letter soup without words, as a scanner's invisible junk layer looks", () => {
    expect(isUsableTextLayer('l I i j l1 I l I ! j i l I | l i I j l 1 I l i j I l')).toBe(false);
    expect(isUsableTextLayer('xkcd qrst vwxz bcdf ghjk lmnp qrst vwxz bcdf ghjk lmnp')).toBe(false);
  });

  it('rejects text decoded into another script by a broken font map', () => {
    expect(isUsableTextLayer('敮摲慧 湩敫 瑥敲 扡摲慧 湩敫 瑥敲 敮摲慧 湩敫 瑥敲 扡摲慧')).toBe(false);
  });
});

/** The character classes as the check counted them before its fast path: three regexes a character. */
function countsByRegex(compact: string) {
  let letters = 0;
  let latin = 0;
  let digits = 0;
  let junk = 0;
  for (const char of compact) {
    if (/\p{L}/u.test(char)) {
      letters++;
      if (/\p{Script=Latin}/u.test(char)) latin++;
    } else if (/\p{N}/u.test(char)) digits++;
    else if (/[\p{Cc}\p{Co}\p{Cs}\p{Cn}\uFFFD]/u.test(char)) junk++;
  }
  return { letters, latin, digits, junk, total: [...compact].length };
}

/** Text as pages have it: Norwegian words, amounts and punctuation, with any character mixed in. */
const pageLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Søknad',
        'tilskudd',
        'kommune',
        'Ærlig',
        'øy',
        'Å',
        '2025',
        '1 250 000',
        '.',
        ',',
        ' ',
        '\n',
      ),
      fc.constantFrom(
        'µ',
        'ª',
        'º',
        '×',
        '÷',
        'ÿ',
        'À',
        '\u00ad',
        '\u0000',
        '\u007f',
        '\ufffd',
        '\ue000',
        'ω',
        'Ж',
      ),
      fc.constantFrom('\ud800', '\udfff', '😀', 'ﬁ', 'e\u0301', 'Ω', '٣', 'Ⅻ', '\u2028', '\u00a0'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

describe('the fast path of the text-quality check (ASCII and Latin-1 letters)', () => {
  it('counts every character as the Unicode property regexes do', () => {
    fc.assert(
      fc.property(fc.oneof(pageLike, fc.string({ unit: 'binary' })), (text) => {
        expect(characterCounts(text)).toEqual(countsByRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts all of Latin-1 and the surrogates as the regexes do', () => {
    const all =
      Array.from({ length: 0x100 }, (_, i) => String.fromCharCode(i)).join('') + '\ud800\udc00\udbff';
    expect(characterCounts(all)).toEqual(countsByRegex(all));
  });
});
