import { describe, expect, it } from 'vitest';
import { foldForMatch, foldSpaces, normaliseMinus, unifyForScan } from '../../src/normalise/text.ts';

describe('foldSpaces', () => {
  it('turns a no-break space (U+00A0) into a space', () => {
    expect(foldSpaces('1\u00A0200')).toBe('1 200');
  });

  it('turns a narrow no-break space (U+202F) into a space', () => {
    expect(foldSpaces('1\u202F200')).toBe('1 200');
  });

  it('turns a thin space (U+2009) into a space', () => {
    expect(foldSpaces('1\u2009200')).toBe('1 200');
  });

  it('turns a figure space (U+2007) into a space', () => {
    expect(foldSpaces('1\u2007200')).toBe('1 200');
  });

  it('turns a tab into a space', () => {
    expect(foldSpaces('Søker\tTrondheim')).toBe('Søker Trondheim');
  });

  it('collapses a run of mixed spaces into one', () => {
    expect(foldSpaces('kr \u00A0\t 300\u2009\u2009000')).toBe('kr 300 000');
  });

  it('keeps line breaks and does not trim', () => {
    expect(foldSpaces(' a\nb ')).toBe(' a\nb ');
  });

  it('leaves ordinary text alone', () => {
    expect(foldSpaces('Trondheim kommune')).toBe('Trondheim kommune');
  });
});

describe('normaliseMinus', () => {
  it('turns the minus sign U+2212 into "-"', () => {
    expect(normaliseMinus('\u221212 000')).toBe('-12 000');
  });

  it('turns an en dash directly before digits into "-"', () => {
    expect(normaliseMinus('kr \u2013500')).toBe('kr -500');
  });

  it('keeps an en dash between numbers, where it is a range', () => {
    expect(normaliseMinus('2023\u20132024')).toBe('2023\u20132024');
  });

  it('keeps the en dash of the whole-kroner mark ",–"', () => {
    expect(normaliseMinus('12 000,\u2013')).toBe('12 000,\u2013');
  });

  it('keeps a spaced en dash used as a dash in prose', () => {
    expect(normaliseMinus('Trondheim \u2013 søknad')).toBe('Trondheim \u2013 søknad');
  });
});

describe('unifyForScan', () => {
  it('keeps tabs, which separate table cells', () => {
    expect(unifyForScan('Lønn\t1\u00A0200')).toBe('Lønn\t1 200');
  });

  it('replaces spaces and minus signs one for one, so offsets stay valid', () => {
    const text = 'kr\u00A0\u00A0\u22121\u202F200';
    const unified = unifyForScan(text);
    expect(unified).toBe('kr  -1 200');
    expect(unified).toHaveLength(text.length);
  });
});

describe('foldForMatch', () => {
  it('lower-cases and trims', () => {
    expect(foldForMatch('  Søknadsbeløp ')).toBe('søknadsbeløp');
  });

  it('keeps æ, ø and å, also when written in capitals', () => {
    expect(foldForMatch('ÆRE ØKONOMI ÅRSVERK')).toBe('ære økonomi årsverk');
  });

  it('composes a decomposed å before folding, so it stays å', () => {
    expect(foldForMatch('a\u030Arsverk')).toBe('årsverk');
  });

  it('strips other diacritics (é, ö, ä, á)', () => {
    expect(foldForMatch('Café Köln Märket Tråante Divtasvuodna Gáivuotna')).toBe(
      'cafe koln market tråante divtasvuodna gaivuotna',
    );
  });

  it('spells out the ligatures ﬁ and ﬂ that OCR and PDF text layers emit', () => {
    expect(foldForMatch('Egenﬁnansiering ﬂyt')).toBe('egenfinansiering flyt');
  });

  it('folds typographic spaces, tabs and line breaks into single spaces', () => {
    expect(foldForMatch('Beløp\u00A0det\tsøkes\n om')).toBe('beløp det søkes om');
  });

  it('drops soft hyphens and zero-width spaces that split words invisibly', () => {
    expect(foldForMatch('søknads\u00ADbeløp til\u200Bskudd')).toBe('søknadsbeløp tilskudd');
  });
});
