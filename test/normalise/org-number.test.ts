import { describe, expect, it } from 'vitest';
import { isValidOrgNumber, normaliseOrgNumber } from '../../src/normalise/org-number.ts';

describe('normaliseOrgNumber', () => {
  const forms: Array<[string, string]> = [
    ['942 110 464', 'grouped 3-3-3 with spaces'],
    ['942110464', 'nine bare digits'],
    ['NO 942 110 464 MVA', 'the VAT register form'],
    ['org.nr. 942 110 464', 'a label before it'],
    ['Organisasjonsnummer: 942110464', 'a long label before it'],
    ['942.110.464', 'grouped with dots'],
    ['942-110-464', 'grouped with hyphens'],
    ['942 11 0464', 'grouped unevenly'],
    ['942\u00A0110\u00A0464', 'grouped with no-break spaces'],
    ['942\u202F110\u202F464', 'grouped with narrow no-break spaces'],
  ];
  for (const [text, how] of forms) {
    it(`reads "${text}" (${how}) as 942110464`, () => {
      expect(normaliseOrgNumber(text)).toBe('942110464');
    });
  }

  it('finds the nine digits beside a date in the same text', () => {
    expect(normaliseOrgNumber('Dato 03.03.2025, org.nr 942110464')).toBe('942110464');
  });

  it('keeps a number whose check digit fails, for the check to report', () => {
    expect(normaliseOrgNumber('942 110 465')).toBe('942110465');
  });

  it('gives null for eight digits', () => {
    expect(normaliseOrgNumber('94 211 046')).toBeNull();
  });

  it('gives null for ten digits', () => {
    expect(normaliseOrgNumber('9421104640')).toBeNull();
  });

  it('gives null when the digits run on into another number', () => {
    expect(normaliseOrgNumber('942 110 464 2025')).toBeNull();
  });

  it('gives null for two different organisation numbers', () => {
    expect(normaliseOrgNumber('942110464 / 958935420')).toBeNull();
  });

  it('gives null for text without digits', () => {
    expect(normaliseOrgNumber('Trondheim kommune')).toBeNull();
    expect(normaliseOrgNumber('')).toBeNull();
  });
});

describe('isValidOrgNumber', () => {
  it('accepts Trondheim kommune, 942110464', () => {
    expect(isValidOrgNumber('942110464')).toBe(true);
  });

  it('accepts Oslo kommune, 958935420', () => {
    expect(isValidOrgNumber('958935420')).toBe(true);
  });

  it('rejects 942110465, whose check digit is wrong', () => {
    expect(isValidOrgNumber('942110465')).toBe(false);
  });

  it('accepts check digit 0 when the weighted sum leaves remainder 0', () => {
    // 1*3 + 1*2 + 1*7 + 1*6 + 1*5 + 1*4 + 1*3 + 7*2 = 44 = 4 * 11
    expect(isValidOrgNumber('111111170')).toBe(true);
    expect(isValidOrgNumber('111111171')).toBe(false);
  });

  it('rejects every check digit when the computed one would be 10', () => {
    // 1*3 + 3*3 = 12, remainder 1, so 11 - 1 = 10: no digit can match.
    for (let last = 0; last <= 9; last++) expect(isValidOrgNumber(`10000030${last}`)).toBe(false);
  });

  it('rejects text that is not exactly nine digits', () => {
    expect(isValidOrgNumber('942 110 464')).toBe(false);
    expect(isValidOrgNumber('94211046')).toBe(false);
    expect(isValidOrgNumber('9421104640')).toBe(false);
    expect(isValidOrgNumber('')).toBe(false);
  });
});
