import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../src/normalise/dates.ts';

describe('parseDate', () => {
  const forms: Array<[string, string, string | null]> = [
    ['15. september 2022 23.59', '2022-09-15', '23:59'],
    ['15. september 2022 kl. 23:59', '2022-09-15', '23:59'],
    ['15. september 2022 kl 23.59', '2022-09-15', '23:59'],
    ['15. september 2022, kl. 23.59', '2022-09-15', '23:59'],
    ['1. mars 2025 klokken 12', '2025-03-01', '12:00'],
    ['1. mars 2025 kl. 9.30', '2025-03-01', '09:30'],
    ['1. mars 2025', '2025-03-01', null],
    ['1 mars 2025', '2025-03-01', null],
    ['1.mars 2025', '2025-03-01', null],
    ['05.03.2023', '2023-03-05', null],
    ['5.3.2023', '2023-03-05', null],
    ['05.03.23', '2023-03-05', null],
    ['31.3.22', '2022-03-31', null],
    ['05.03.2023 10.00', '2023-03-05', '10:00'],
    ['2023-03-05', '2023-03-05', null],
    ['2023-3-5', '2023-03-05', null],
    ['2023-03-05T10:00', '2023-03-05', '10:00'],
    ['5/3-2023', '2023-03-05', null],
    ['5/3-23', '2023-03-05', null],
    ['05/03/2023', '2023-03-05', null],
    ['05-03-2023', '2023-03-05', null],
    ['Trondheim, 3. mars 2025', '2025-03-03', null],
    ['Trondheim,3. mars 2025', '2025-03-03', null],
    ['Dato: 03.03.2025', '2025-03-03', null],
    ['Innsendt 2025-03-03', '2025-03-03', null],
    ['Søknadsfrist: 5. mars 2023', '2023-03-05', null],
    ['29.02.2024', '2024-02-29', null],
    ['3. sept. 2025', '2025-09-03', null],
    ['3. sep. 2025', '2025-09-03', null],
    ['3. okt 2025', '2025-10-03', null],
    ['3. okt. 2025', '2025-10-03', null],
    ['3. jan. 2025', '2025-01-03', null],
    ['3. feb. 2025', '2025-02-03', null],
    ['3. mar. 2025', '2025-03-03', null],
    ['3. apr. 2025', '2025-04-03', null],
    ['3. jun. 2025', '2025-06-03', null],
    ['3. jul. 2025', '2025-07-03', null],
    ['3. aug. 2025', '2025-08-03', null],
    ['3. nov. 2025', '2025-11-03', null],
    ['3. des. 2025', '2025-12-03', null],
    ['3. Desember 2025', '2025-12-03', null],
    ['3. MARS 2025', '2025-03-03', null],
    ['05.03.2023 og 5. mars 2023', '2023-03-05', null],
  ];
  for (const [text, date, time] of forms) {
    it(`reads "${text}" as ${date}${time ? ` ${time}` : ''}`, () => {
      expect(parseDate(text)).toEqual({ date, time });
    });
  }

  describe('reads every month name, bokmål and nynorsk alike', () => {
    const months = [
      'januar',
      'februar',
      'mars',
      'april',
      'mai',
      'juni',
      'juli',
      'august',
      'september',
      'oktober',
      'november',
      'desember',
    ];
    months.forEach((month, i) => {
      it(`reads "1. ${month} 2025" as month ${i + 1}`, () => {
        expect(parseDate(`1. ${month} 2025`)?.date).toBe(`2025-${String(i + 1).padStart(2, '0')}-01`);
      });
    });
  });

  it('reads a date written with no-break spaces, "1. mars 2025"', () => {
    expect(parseDate('1.\u00A0mars\u00A02025')).toEqual({ date: '2025-03-01', time: null });
  });

  describe('gives null', () => {
    const none: Array<[string, string]> = [
      ['', 'empty text'],
      ['Trondheim', 'text without a date'],
      ['31.02.2023', 'an impossible day, 31 February'],
      ['29.02.2023', '29 February in a year that is not a leap year'],
      ['32.01.2023', 'day 32'],
      ['00.01.2023', 'day 0'],
      ['05.13.2023', 'month 13'],
      ['31. april 2025', '31 April'],
      ['15. februar', 'a date without a year'],
      ['mars 2025', 'a month without a day'],
      ['1.200.000', 'an amount with dots'],
      ['1. mars 1850', 'a year outside 1900-2099'],
      ['05.03.2023 - 06.03.2023', 'two different dates'],
      ['2025', 'a bare year'],
    ];
    for (const [text, what] of none) {
      it(`for ${what}, "${text}"`, () => {
        expect(parseDate(text)).toBeNull();
      });
    }
  });

  it('leaves an impossible clock unread, "kl. 24.00", and keeps the date', () => {
    expect(parseDate('1. mars 2025 kl. 24.00')).toEqual({ date: '2025-03-01', time: null });
  });

  it('does not read a following amount as a time, "05.03.2023 12.500"', () => {
    expect(parseDate('05.03.2023 12.500')).toEqual({ date: '2023-03-05', time: null });
  });

  it('reads a two-digit year as 20xx', () => {
    expect(parseDate('01.01.99')?.date).toBe('2099-01-01');
  });
});

describe('findDates', () => {
  it('finds every date in a text, in order, with offsets and raw text', () => {
    const text = 'Publisert 06.05.2022. Frist 15. september 2022 23.59, deretter 5. mars 2023.';
    expect(findDates(text)).toEqual([
      { date: '2022-05-06', time: null, start: 10, end: 20, raw: '06.05.2022' },
      { date: '2022-09-15', time: '23:59', start: 28, end: 52, raw: '15. september 2022 23.59' },
      { date: '2023-03-05', time: null, start: 63, end: 75, raw: '5. mars 2023' },
    ]);
  });

  it('gives offsets into the original text when it holds no-break spaces', () => {
    const text = 'Dato:\u00A0\u00A01.\u00A0mars\u00A02025';
    const [hit] = findDates(text);
    expect(hit?.raw).toBe('1.\u00A0mars\u00A02025');
    expect(text.slice(hit?.start, hit?.end)).toBe(hit?.raw);
  });

  it('skips impossible dates and keeps the valid ones', () => {
    expect(findDates('31.02.2023 og 28.02.2023').map((h) => h.date)).toEqual(['2023-02-28']);
  });

  it('finds nothing in amounts, versions and bare numbers', () => {
    expect(findDates('kr 1.200.000, versjon 1.2.3, 2025, 100 %')).toEqual([]);
  });
});
