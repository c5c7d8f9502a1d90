import { describe, expect, it } from 'vitest';
import { findPositions, parsePositions } from '../../src/normalise/positions.ts';

describe('parsePositions', () => {
  const forms: Array<[string, number]> = [
    ['2 stillinger', 2],
    ['1 stilling', 1],
    ['2,5 årsverk', 2.5],
    ['2.5 årsverk', 2.5],
    ['1,0 årsverk', 1],
    ['250 % stilling', 2.5],
    ['250%', 2.5],
    ['250 %', 2.5],
    ['80 prosent stilling', 0.8],
    ['50 % stilling', 0.5],
    ['50%-stilling', 0.5],
    ['50 %-stilling', 0.5],
    ['150 % stillingsressurs', 1.5],
    ['stillingsressurs 150 %', 1.5],
    ['stillingsressurs på 150 %', 1.5],
    ['Stillingsprosent: 80 %', 0.8],
    ['3 x 100 %', 3],
    ['2 x 50 %', 1],
    ['3 × 100%', 3],
    ['3x100%', 3],
    ['3 X 100 % stilling', 3],
    ['5 x 100 % stillingsressurser', 5],
    ['100 % + 50 %', 1.5],
    ['2 x 100 % og 1 x 50 %', 2.5],
    ['2 stillinger à 50 %', 1],
    ['2 stillinger á 50 %', 1],
    ['en stilling på 50 %', 0.5],
    ['2 stillinger på til sammen 150 %', 1.5],
    ['to 50 % stillinger', 1],
    ['to stillinger', 2],
    ['to hele stillinger', 2],
    ['ti stillinger', 10],
    ['Ett årsverk', 1],
    ['én stilling', 1],
    ['ein stilling', 1],
    ['tre årsverk', 3],
    ['fire stillinger', 4],
    ['fem årsverk', 5],
    ['seks stillinger', 6],
    ['sju stillinger', 7],
    ['syv stillinger', 7],
    ['åtte stillinger', 8],
    ['ni stillinger', 9],
    ['to stillingar', 2],
    ['en halv stilling', 0.5],
    ['halv stilling', 0.5],
    ['et halvt årsverk', 0.5],
    ['halvannen stilling', 1.5],
    ['halvannet årsverk', 1.5],
    ['to og en halv stilling', 2.5],
    ['2 fulltidsstillinger', 2],
    ['2,5', 2.5],
    ['2', 2],
    ['to', 2],
    ['0,33 årsverk', 0.33],
    ['33,333 % stilling', 0.33],
    ['2 stillinger (200 %)', 2],
    ['Vi søker om 2,5 årsverk til teamet', 2.5],
  ];
  for (const [text, positions] of forms) {
    it(`reads "${text}" as ${positions} positions`, () => {
      expect(parsePositions(text)).toBe(positions);
    });
  }

  it('reads a no-break space in "250\u00A0% stilling" as 2.5 positions', () => {
    expect(parsePositions('250\u00A0%\u00A0stilling')).toBe(2.5);
  });

  it('rounds to two decimals', () => {
    expect(parsePositions('1 x 66,666 %')).toBe(0.67);
  });

  describe('gives null', () => {
    const none: Array<[string, string]> = [
      ['', 'empty text'],
      ['stilling', 'a unit without a number'],
      ['Trondheim kommune', 'text without a number'],
      ['2 stillinger / 3 stillinger', 'two different readings'],
      ['til stillinger', 'a word that only starts like a number word ("til")'],
      ['kr 300 000', 'an amount'],
    ];
    for (const [text, what] of none) {
      it(`for ${what}, "${text}"`, () => {
        expect(parsePositions(text)).toBeNull();
      });
    }
  });
});

describe('findPositions', () => {
  it('finds "2,5 årsverk" in an application sentence, with offsets', () => {
    const text = 'Kommunen søker om kr 1 250 000,- til 2,5 årsverk.';
    const hits = findPositions(text);
    expect(hits).toEqual([{ value: 2.5, start: 37, end: 48, raw: '2,5 årsverk' }]);
    expect(text.slice(37, 48)).toBe('2,5 årsverk');
  });

  it('finds "5 x 100 % stillingsressurser" whole, not the "100 %" inside it', () => {
    expect(findPositions('inntil 5 x 100 % stillingsressurser de to første årene')).toEqual([
      { value: 5, start: 7, end: 35, raw: '5 x 100 % stillingsressurser' },
    ]);
  });

  it('finds every phrase in a longer text, in order', () => {
    const text = 'Teamet har 2 stillinger og en halv stilling, og søker nå 250 % stilling i tillegg.';
    expect(findPositions(text).map((h) => h.value)).toEqual([2, 0.5, 2.5]);
  });

  it('finds "stillingsressurs 150 %"', () => {
    expect(findPositions('Samlet stillingsressurs 150 % fra 1. mars').map((h) => h.value)).toEqual([1.5]);
  });

  it('finds "3 x 100 %" without a unit word after it', () => {
    expect(findPositions('Vi ønsker 3 x 100 % fra høsten').map((h) => h.value)).toEqual([3]);
  });

  it('finds "to stillinger" written in words', () => {
    expect(findPositions('Det opprettes to stillinger i teamet').map((h) => h.value)).toEqual([2]);
  });

  describe('does not count as positions', () => {
    const none: Array<[string, string]> = [
      ['100 % finansiering i 2025', 'a bare percentage'],
      ['2,5 mill. til tiltaket', 'an amount'],
      ['tiltaket varer 2 år', 'a bare number'],
      ['stillingen lyses ut', 'a unit word without a number'],
      ['omstilling av 3 tjenester', 'a word that contains "stilling"'],
    ];
    for (const [text, what] of none) {
      it(`finds nothing in "${text}" (${what})`, () => {
        expect(findPositions(text)).toEqual([]);
      });
    }
  });
});
