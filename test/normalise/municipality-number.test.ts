import { describe, expect, it } from 'vitest';
import { normaliseMunicipalityNumber } from '../../src/normalise/municipality-number.ts';

describe('normaliseMunicipalityNumber', () => {
  it('reads "5001" as 5001', () => {
    expect(normaliseMunicipalityNumber('5001')).toBe('5001');
  });

  it('reads "kommunenr. 5001" as 5001', () => {
    expect(normaliseMunicipalityNumber('kommunenr. 5001')).toBe('5001');
  });

  it('reads "Kommunenummer: 5001" as 5001', () => {
    expect(normaliseMunicipalityNumber('Kommunenummer: 5001')).toBe('5001');
  });

  it('reads "K-5001" as 5001', () => {
    expect(normaliseMunicipalityNumber('K-5001')).toBe('5001');
  });

  it('keeps the leading zero of "0301"', () => {
    expect(normaliseMunicipalityNumber('0301')).toBe('0301');
  });

  it('restores the dropped leading zero of the old form "301" as 0301', () => {
    expect(normaliseMunicipalityNumber('301')).toBe('0301');
  });

  it('reads the number beside the municipality name, "5001 Trondheim"', () => {
    expect(normaliseMunicipalityNumber('5001 Trondheim')).toBe('5001');
  });

  it('gives null for five digits', () => {
    expect(normaliseMunicipalityNumber('50011')).toBeNull();
  });

  it('gives null for two digits', () => {
    expect(normaliseMunicipalityNumber('50')).toBeNull();
  });

  it('gives null for letters only', () => {
    expect(normaliseMunicipalityNumber('Trondheim')).toBeNull();
    expect(normaliseMunicipalityNumber('')).toBeNull();
  });

  it('gives null for two different numbers, an old and a new one', () => {
    expect(normaliseMunicipalityNumber('5001 (tidligere 1601)')).toBeNull();
  });

  it('gives null when the county part would be 00', () => {
    expect(normaliseMunicipalityNumber('0001')).toBeNull();
    expect(normaliseMunicipalityNumber('001')).toBeNull();
  });

  it('gives null for the digits of an organisation number', () => {
    expect(normaliseMunicipalityNumber('942110464')).toBeNull();
  });
});
