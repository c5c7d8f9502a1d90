import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/domain/record.ts';
import { CASE_STATUSES } from '../../src/review/case-status.ts';
import { CORRECTABLE_FIELDS, parseCorrection, type CorrectableField } from '../../src/review/corrections.ts';
import {
  correctionProblem,
  displayValue,
  editableValue,
  fieldHint,
} from '../../src/web/pages/fields-form.ts';
import {
  CASE_STATUS_WORD,
  NBSP,
  actionWord,
  countWord,
  documentTypeWord,
  findingTitle,
  formatAmount,
  formatDate,
  formatDateTime,
  formatPositions,
  kindWord,
  resolutionWord,
  schemeWord,
} from '../../src/web/words.ts';

const n = (s: string) => s.replaceAll(' ', NBSP);

describe('words: Norwegian for codes, statuses and actions', () => {
  it('gives every finding code a Norwegian title that is not the code', () => {
    for (const code of FINDING_CODES) {
      expect(findingTitle(code)).not.toBe(code);
      expect(findingTitle(code)).toMatch(/^[A-ZÆØÅ][a-zæøå]/);
    }
    expect(findingTitle('OVER_CAP')).toBe('Over tilskuddsgrensen');
    expect(findingTitle('MISSING_COOPERATION_AGREEMENT')).toBe('Mangler samarbeidsavtale');
    // A code a newer record brings shows as itself rather than as nothing.
    expect(findingTitle('NEW_CODE')).toBe('NEW_CODE');
  });

  it('names every case status, document type, kind and decision', () => {
    for (const status of CASE_STATUSES) expect(CASE_STATUS_WORD[status]).toBeTruthy();
    expect(CASE_STATUS_WORD['awaiting-municipality']).toBe('Venter på kommunen');
    expect(documentTypeWord('cooperation-agreement')).toBe('Samarbeidsavtale');
    expect(documentTypeWord('financial-report')).toBe('Regnskap');
    expect(kindWord('application')).toBe('søknad');
    expect(kindWord('report')).toBe('rapport');
    expect(resolutionWord('waived')).toBe('frafalt');
    expect(resolutionWord('accepted', true)).toBe('Godtatt');
    expect(actionWord('field-corrected')).toBe('Felt rettet');
    expect(actionWord('signed-in')).toBe('Logget inn');
    expect(actionWord('something-new')).toBe('something-new');
  });

  it('shows a scheme by its name, an unknown id as itself and none as "Ukjent ordning"', () => {
    const schemes = [{ id: 'tryggest', name: 'TryggEst' }];
    expect(schemeWord('tryggest', schemes)).toBe('TryggEst');
    expect(schemeWord('annen', schemes)).toBe('annen');
    expect(schemeWord(null, schemes)).toBe('Ukjent ordning');
  });
});

describe('words: one format for numbers and dates', () => {
  it('writes amounts as "1 600 000 kr" with no-break spaces, rounded to whole kroner', () => {
    expect(formatAmount(1_600_000)).toBe(n('1 600 000 kr'));
    expect(formatAmount(999)).toBe(n('999 kr'));
    expect(formatAmount(0)).toBe(n('0 kr'));
    expect(formatAmount(1234.5)).toBe(n('1 235 kr'));
    expect(formatAmount(-12_000)).toBe(n('\u221212 000 kr'));
    expect(formatAmount(null)).toBe('–');
    expect(formatAmount(Number.NaN)).toBe('–');
  });

  it('writes positions with a decimal comma and no trailing zeros', () => {
    expect(formatPositions(2.5)).toBe('2,5');
    expect(formatPositions(3)).toBe('3');
    expect(formatPositions(0.75)).toBe('0,75');
    expect(formatPositions(1.2)).toBe('1,2');
    expect(formatPositions(null)).toBe('–');
  });

  it('uses the singular for exactly one only', () => {
    expect(countWord(1, 'innsending', 'innsendinger')).toBe('1 innsending');
    expect(countWord(0, 'innsending', 'innsendinger')).toBe('0 innsendinger');
    expect(countWord(3, 'innsending', 'innsendinger')).toBe('3 innsendinger');
    expect(countWord(5000, 'innsending', 'innsendinger')).toBe(`5${NBSP}000 innsendinger`);
  });

  it('writes dates dd.mm.åååå as the day is in Oslo, whatever the server time zone', () => {
    // 23:30 UTC on New Year's Eve is already 1 January in Oslo (UTC+1 in winter).
    expect(formatDate(new Date('2023-12-31T23:30:00Z'))).toBe('01.01.2024');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (UTC+2 in summer).
    expect(formatDate(new Date('2023-06-30T22:30:00Z'))).toBe('01.07.2023');
    expect(formatDate(new Date('2023-06-30T21:30:00Z'))).toBe('30.06.2023');
    expect(formatDate('2023-03-05T12:00:00+01:00')).toBe('05.03.2023');
  });

  it('keeps a calendar date without a time as that day, never shifted by a zone', () => {
    expect(formatDate('2023-01-27')).toBe('27.01.2023');
    expect(formatDate('2024-12-31')).toBe('31.12.2024');
    expect(formatDate(null)).toBe('–');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('writes a moment as dd.mm.åååå kl. tt:mm in Oslo time, across the summer-time change', () => {
    expect(formatDateTime(new Date('2024-03-31T00:30:00Z'))).toBe('31.03.2024 kl. 01:30');
    expect(formatDateTime(new Date('2024-03-31T01:30:00Z'))).toBe('31.03.2024 kl. 03:30');
    expect(formatDateTime(new Date('2024-10-27T00:30:00Z'))).toBe('27.10.2024 kl. 02:30');
    expect(formatDateTime(new Date('2024-10-27T01:30:00Z'))).toBe('27.10.2024 kl. 02:30');
    expect(formatDateTime('2024-05-17')).toBe('17.05.2024');
  });
});

describe('the correction form: hints, values and messages', () => {
  const fields = Object.keys(CORRECTABLE_FIELDS) as CorrectableField[];

  it('has a format hint for every correctable field', () => {
    for (const field of fields) expect(fieldHint(field).length).toBeGreaterThan(3);
    expect(fieldHint('requestedAmount')).toBe('Beløp i hele kroner, f.eks. 1 250 000');
    expect(fieldHint('applicant.orgNumber')).toContain('9 siffer');
    expect(fieldHint('year')).toContain('åååå');
    expect(fieldHint('submittedDate')).toContain('dd.mm.åååå');
  });

  it('puts a value into the form so that it reads back as the same value', () => {
    const values: Array<[CorrectableField, string | number]> = [
      ['requestedAmount', 1_250_000],
      ['positions', 2.5],
      ['submittedDate', '2023-01-27'],
      ['grantYear', 0],
      ['grantYear', 3],
      ['year', 2024],
      ['applicant.orgNumber', '959469059'],
      ['applicant.municipalityNumber', '1806'],
    ];
    for (const [field, value] of values)
      expect(parseCorrection(field, editableValue(field, value))).toBe(value);
  });

  it('shows values in the page format', () => {
    expect(displayValue('requestedAmount', 760_000)).toBe(n('760 000 kr'));
    expect(displayValue('positions', 2.5)).toBe('2,5');
    expect(displayValue('submittedDate', '2023-01-27')).toBe('27.01.2023');
    expect(displayValue('grantYear', 0)).toBe('forprosjekt');
    expect(displayValue('scheme', 'tryggest', [{ id: 'tryggest', name: 'TryggEst' }])).toBe('TryggEst');
    expect(displayValue('priority', null)).toBe('–');
  });

  it('names the field and the expected format when a value cannot be read', () => {
    expect(correctionProblem('requestedAmount', 'mye')).toBe(
      'Søknadsbeløp: «mye» kan ikke leses som et beløp. Beløp i hele kroner, f.eks. 1 250 000.',
    );
    expect(correctionProblem('applicant.orgNumber', '12345')).toContain('9 siffer');
    expect(correctionProblem('positions', '')).toMatch(/^Antall stillinger \(årsverk\) mangler\./);
    expect(correctionProblem('requestedAmount', '1 250 000')).toBeNull();
    // An unknown field is the review service's to refuse.
    expect(correctionProblem('status', 'x')).toBeNull();
  });
});
