import { describe, expect, it } from 'vitest';
import { findMoney, parseMoney } from '../../src/normalise/money.ts';

/** "1250000" → "1 250 000", for test names that read like the documents. */
const kroner = (n: number) => n.toLocaleString('nb-NO').replace(/\s/g, ' ').replace('\u2212', '-');

describe('parseMoney', () => {
  const forms: Array<[string, number]> = [
    ['kr 1 200 000,-', 1_200_000],
    ['1.200.000', 1_200_000],
    ['1 200 000 kr', 1_200_000],
    ['kr 300 000', 300_000],
    ['kr. 600.000', 600_000],
    ['kr. 600.000.', 600_000],
    ['Kr 500.000,-', 500_000],
    ['KR 500 000', 500_000],
    ['kroner 400 000,-', 400_000],
    ['400 000 kroner', 400_000],
    ['NOK 1 250 000', 1_250_000],
    ['1 250 000 NOK', 1_250_000],
    ['1 250 000,00', 1_250_000],
    ['1.250.000,00', 1_250_000],
    ['1 234,50', 1_235],
    ['1 234,49', 1_234],
    ['12,50', 13],
    ['12,49', 12],
    ['2,5 mill.', 2_500_000],
    ['2.5 mill', 2_500_000],
    ['1,5 mill', 1_500_000],
    ['kr 2,5 mill.', 2_500_000],
    ['7,7 mill. kroner', 7_700_000],
    ['2,5 mill kr', 2_500_000],
    ['1 million', 1_000_000],
    ['124 millioner', 124_000_000],
    ['124 millioner kroner', 124_000_000],
    ['3 mln.', 3_000_000],
    ['1,2 MNOK', 1_200_000],
    ['1,2 mnok', 1_200_000],
    ['MNOK 1,2', 1_200_000],
    ['1,2 mkr', 1_200_000],
    ['2 mrd', 2_000_000_000],
    ['2 mrd.', 2_000_000_000],
    ['1,5 milliarder', 1_500_000_000],
    ['300 tusen kroner', 300_000],
    ["300'", 300_000],
    ['300\u2019', 300_000],
    ["1 200'", 1_200_000],
    ["1'200'000", 1_200_000],
    ['300 000', 300_000],
    ['12 000,-', 12_000],
    ['12 000,\u2013', 12_000],
    ['12 000,\u2014', 12_000],
    ['12 000,--', 12_000],
    ['12 000,- kr', 12_000],
    ['1250000', 1_250_000],
    ['1 250 000.-', 1_250_000],
    ['1.200', 1_200],
    ['1,200,000', 1_200_000],
    ['1,200,000.50', 1_200_001],
    ['1 250 000.50', 1_250_001],
    ['1.250 mill.', 1_250_000],
    ['0,5 mill.', 500_000],
    ['300000kr', 300_000],
    ['kr300 000', 300_000],
    ['Kr 35 100 000', 35_100_000],
    ['Til sammen kr 61 967 948,-', 61_967_948],
    ['0', 0],
    ['kr 0,-', 0],
  ];
  for (const [text, amount] of forms) {
    it(`reads "${text}" as ${kroner(amount)} kroner`, () => {
      expect(parseMoney(text)).toBe(amount);
    });
  }

  describe('with typographic spaces as thousands separators', () => {
    it('reads no-break spaces (U+00A0), "1 200 000"', () => {
      expect(parseMoney('1\u00A0200\u00A0000')).toBe(1_200_000);
    });

    it('reads narrow no-break spaces (U+202F), "1 200 000"', () => {
      expect(parseMoney('kr\u202F1\u202F200\u202F000,-')).toBe(1_200_000);
    });

    it('reads thin spaces (U+2009), "1 200 000"', () => {
      expect(parseMoney('1\u2009200\u2009000 kr')).toBe(1_200_000);
    });

    it('reads figure spaces (U+2007), "1 200 000"', () => {
      expect(parseMoney('1\u2007200\u2007000')).toBe(1_200_000);
    });

    it('reads "7,7 mill. kroner" with a no-break space before "mill."', () => {
      expect(parseMoney('7,7\u00A0mill.\u00A0kroner')).toBe(7_700_000);
    });
  });

  describe('negative amounts', () => {
    it('reads "-12 000" as -12 000 kroner', () => {
      expect(parseMoney('-12 000')).toBe(-12_000);
    });

    it('reads the minus sign U+2212, "−12 000", as -12 000 kroner', () => {
      expect(parseMoney('\u221212 000')).toBe(-12_000);
    });

    it('reads U+2212 followed by a space, "− 12 000", as -12 000 kroner', () => {
      expect(parseMoney('\u2212 12 000')).toBe(-12_000);
    });

    it('reads an en dash before the digits, "–12 000", as -12 000 kroner', () => {
      expect(parseMoney('\u201312 000')).toBe(-12_000);
    });

    it('reads "kr -500" as -500 kroner', () => {
      expect(parseMoney('kr -500')).toBe(-500);
    });

    it('reads "-kr 500" as -500 kroner', () => {
      expect(parseMoney('-kr 500')).toBe(-500);
    });

    it('reads the accounting form "(12 000)" as -12 000 kroner', () => {
      expect(parseMoney('(12 000)')).toBe(-12_000);
    });

    it('reads "(kr 12 000,-)" as -12 000 kroner', () => {
      expect(parseMoney('(kr 12 000,-)')).toBe(-12_000);
    });

    it('reads "-1 234,50" as -1 235 kroner, rounding half away from zero', () => {
      expect(parseMoney('-1 234,50')).toBe(-1_235);
    });

    it('reads "-0" as 0, not -0', () => {
      expect(parseMoney('-0')).toBe(0);
    });

    it('reads a dash and a space, "- 500", as a list dash and not a minus', () => {
      expect(parseMoney('- 500')).toBe(500);
    });
  });

  describe('in a short value with other words', () => {
    it('reads "Søknadsbeløp: kr 1 250 000,-"', () => {
      expect(parseMoney('Søknadsbeløp: kr 1 250 000,-')).toBe(1_250_000);
    });

    it('prefers the marked amount over a bare year, "kr 300 000 for 2025"', () => {
      expect(parseMoney('kr 300 000 for 2025')).toBe(300_000);
    });

    it('prefers the grouped amount over a bare year, "2025: 300 000"', () => {
      expect(parseMoney('2025: 300 000')).toBe(300_000);
    });

    it('accepts the same amount said twice, "kr 1 200 000 (1,2 mill.)"', () => {
      expect(parseMoney('kr 1 200 000 (1,2 mill.)')).toBe(1_200_000);
    });

    it('ignores a percentage beside the amount, "kr 300 000 (10 %)"', () => {
      expect(parseMoney('kr 300 000 (10 %)')).toBe(300_000);
    });

    it('ignores a date beside the amount, "05.03.2023: kr 300 000"', () => {
      expect(parseMoney('05.03.2023: kr 300 000')).toBe(300_000);
    });

    it('reads a quoted number as itself, not as thousands, "\'300\'"', () => {
      expect(parseMoney("'300'")).toBe(300);
    });

    it('reads lower-case "nok" after a number as a word, not the currency', () => {
      expect(parseMoney('300 nok')).toBe(300);
      expect(findMoney('300 nok')).toEqual([]);
    });
  });

  describe('gives null', () => {
    const none: Array<[string, string]> = [
      ['', 'empty text'],
      ['   ', 'only spaces'],
      ['Trondheim kommune', 'text without digits'],
      ['kr', 'a currency word alone'],
      ['100 %', 'a percentage'],
      ['50%', 'a percentage without a space'],
      ['12,5 %', 'a decimal percentage'],
      ['80 prosent', 'a percentage in words'],
      ['100 000 / 200 000', 'two different amounts'],
      ['kr 1 200 000,- og kr 300 000,-', 'two different marked amounts'],
      ['2 3', 'two different bare numbers'],
      ['2 stillinger', 'a count of positions'],
      ['2,5 årsverk', 'a count of full-time equivalents'],
      ['3 x 100 %', 'a factor and a percentage'],
      ['05.03.2023', 'a date'],
      ['31.02.2023', 'an impossible date'],
      ['5/3-2023', 'a date with slash and hyphen'],
      ['2023-03-05', 'an ISO date'],
      ['1. mars 2025', 'a written date'],
      ['12:30', 'a time of day'],
      ['1.2.3', 'a version number'],
      ['1,2,3', 'a list of digits'],
    ];
    for (const [text, what] of none) {
      it(`for ${what}, "${text}"`, () => {
        expect(parseMoney(text)).toBeNull();
      });
    }
  });

  it('reads what it is given: an organisation number passed as money is a number', () => {
    expect(parseMoney('942 110 464')).toBe(942_110_464);
  });

  it('reads a bare year passed as money as that number', () => {
    expect(parseMoney('2025')).toBe(2025);
  });
});

describe('findMoney', () => {
  it('finds "kr 1 250 000,-" and not "2,5 årsverk" in an application sentence', () => {
    const text = 'Trondheim kommune søker med dette om kr 1 250 000,- til 2,5 årsverk i FACT-ung.';
    const hits = findMoney(text);
    expect(hits).toEqual([{ amount: 1_250_000, start: 37, end: 51, raw: 'kr 1 250 000,-' }]);
    expect(text.slice(37, 51)).toBe('kr 1 250 000,-');
  });

  it('gives offsets into the original text when it holds no-break spaces', () => {
    const text = 'Beløp:\u00A0\u00A0kr\u00A01\u00A0200\u00A0000';
    const [hit] = findMoney(text);
    expect(hit?.amount).toBe(1_200_000);
    expect(hit?.raw).toBe('kr\u00A01\u00A0200\u00A0000');
    expect(text.slice(hit?.start, hit?.end)).toBe(hit?.raw);
  });

  it('finds every amount in a row of scheme rates', () => {
    const text =
      'Forprosjekt 1 år kr. 600.000. År 1: Kr 300 000 pr 100% stilling. Maksimalt 2.5 mill per år.';
    expect(findMoney(text).map((h) => h.amount)).toEqual([600_000, 300_000, 2_500_000]);
  });

  it('includes the currency words and the whole-kroner mark in the raw text', () => {
    expect(findMoney('Til sammen kr 61 967 948,-').map((h) => h.raw)).toEqual(['kr 61 967 948,-']);
    expect(findMoney('Det er avsatt 7,7 mill. kroner til tiltak').map((h) => h.raw)).toEqual([
      '7,7 mill. kroner',
    ]);
  });

  describe('counts as money', () => {
    const money: Array<[string, number, string]> = [
      ['søker om kr 300 000 til', 300_000, 'a "kr" before it'],
      ['søker om kr. 300 000 til', 300_000, 'a "kr." before it'],
      ['søker om 300 kr til', 300, 'a "kr" after a small number'],
      ['søker om 300 kroner til', 300, 'a "kroner" after a small number'],
      ['søker om NOK 300 til', 300, 'a "NOK" before a small number'],
      ['søker om 300,- til', 300, 'the whole-kroner mark ",-" on a small number'],
      ['avsatt 7,7 mill. til', 7_700_000, 'a "mill." suffix'],
      ['avsatt 124 millioner til', 124_000_000, 'a "millioner" suffix'],
      ['ramme på 1,2 MNOK i år', 1_200_000, 'an "MNOK" suffix'],
      ['budsjett på 2 mrd i år', 2_000_000_000, 'an "mrd" suffix'],
      ['330 000 pr. stilling', 330_000, 'thousands grouping with spaces'],
      ['tildelt 330.000 i fjor', 330_000, 'thousands grouping with dots'],
      ['tildelt 1,330,000 i fjor', 1_330_000, 'thousands grouping with commas'],
      ['tildelt 1\u00A0330\u00A0000 i fjor', 1_330_000, 'thousands grouping with no-break spaces'],
      ['resultat -12 000 i fjor', -12_000, 'a minus before grouped digits'],
      ['resultat \u221212 000 i fjor', -12_000, 'a U+2212 minus before grouped digits'],
      ['ramme (kr 300 000) i år', 300_000, 'a "kr" inside parentheses, which stay positive in prose'],
      ['org.nr. 942 110 464 kr', 942_110_464, 'nine digits grouped 3-3-3 with a currency word'],
      ['i 2025 kr 300 000', 300_000, 'a currency word after a year'],
    ];
    for (const [text, amount, why] of money) {
      it(`finds ${kroner(amount)} kroner in "${text}" (${why})`, () => {
        expect(findMoney(text).map((h) => h.amount)).toEqual([amount]);
      });
    }
  });

  describe('does not count as money', () => {
    const notMoney: Array<[string, string]> = [
      ['til 2,5 årsverk', 'a bare decimal'],
      ['for 2025 og 2026', 'years'],
      ['i perioden 2015-2016', 'a range of years'],
      ['100 % stilling', 'a percentage'],
      ['1 000 % økning', 'a grouped percentage'],
      ['frist 05.03.2023', 'a numeric date'],
      ['frist 31.02.2023', 'an impossible numeric date'],
      ['frist 5/3-2023', 'a date with slash and hyphen'],
      ['innsendt 2023-03-05', 'an ISO date'],
      ['frist 15. september 2022 23.59', 'a written date with a time'],
      ['kl. 12:30', 'a time of day'],
      ['org.nr. 942 110 464', 'nine digits grouped 3-3-3 (an organisation number)'],
      ['org.nr. 942.110.464', 'nine digits grouped 3-3-3 with dots'],
      ['NO 942 110 464 MVA', 'the VAT register form of an organisation number'],
      ['org.nr. 942110464', 'nine bare digits'],
      ['søker om 1250000 til', 'bare digits without grouping or currency'],
      ['postboks 2300, 7004 Trondheim', 'a post box and a postcode'],
      ['tlf. 735 42 000', 'a telephone number whose tail looks grouped'],
      ['konto 8601.11.12345', 'an account number'],
      ['3 x 100 % stillinger', 'a factor'],
      ['det er nok 300 igjen', 'the word "nok"'],
      ['Prop. 15 S (2015-2016)', 'a document number'],
      ["prosjektet 'Tiltak 2025'", 'a year in quotes'],
    ];
    for (const [text, what] of notMoney) {
      it(`finds nothing in "${text}" (${what})`, () => {
        expect(findMoney(text)).toEqual([]);
      });
    }
  });

  it('keeps amounts in table cells apart when a tab separates them', () => {
    expect(findMoney('Lønn\t1 200 000\t300 000').map((h) => h.amount)).toEqual([1_200_000, 300_000]);
  });

  it('does not read a closing quote after an amount as thousands, "‘kr 300 000’"', () => {
    expect(findMoney('beløpet ‘kr 300 000’ er søkt').map((h) => h.amount)).toEqual([300_000]);
  });

  it('finds both ends of a range of amounts', () => {
    expect(findMoney('300 000\u2013400 000 kr').map((h) => h.amount)).toEqual([300_000, 400_000]);
  });

  it('finds nothing in empty text', () => {
    expect(findMoney('')).toEqual([]);
  });
});
