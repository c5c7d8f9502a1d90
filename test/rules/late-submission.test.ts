import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/index.ts';
import { lateSubmission } from '../../src/rules/scheme-rules.ts';
import { context, fields, scheme, v } from '../support/rule-fixtures.ts';

const rus = { scheme: scheme('kommunalt-rusarbeid'), score: 40, evidence: v('').evidence };
const barnUnge = { scheme: scheme('barn-unge-langvarig-sammensatt'), score: 40, evidence: v('').evidence };
/** A kommunalt rusarbeid application (deadlines 15 Sept 2022, 5 March 2023, 1 March 2025). */
const rusApplication = (year: number | null, date: string | null) =>
  fields({
    scheme: rus,
    priority: null,
    grantYear: null,
    year: year === null ? null : v(year),
    submittedDate: date === null ? null : v(date),
  });
const codes = (findings: Array<{ code: string; field: string | null; severity: string }>) =>
  findings.map((f) => `${f.code}:${f.field}:${f.severity}`);

describe('LATE_SUBMISSION with the year unknown', () => {
  it('takes the deadline just before the sending date and names the year it assumed', () => {
    const out = lateSubmission(context(rusApplication(null, '2023-03-08')));
    expect(codes(out)).toEqual(['LATE_SUBMISSION:submittedDate:error']);
    expect(out[0]!.message).toBe(
      'Tilskuddsåret er ikke oppgitt; nærmeste søknadsfrist var 5. mars 2023 (tilskuddsår 2023), men innsendingen er datert 8. mars 2023.',
    );
  });

  it('is late for the last listed year within six months after its deadline', () => {
    const out = lateSubmission(context(rusApplication(null, '2025-04-01')));
    expect(codes(out)).toEqual(['LATE_SUBMISSION:submittedDate:error']);
    expect(out[0]!.message).toContain('1. mars 2025 (tilskuddsår 2025)');
  });

  it('takes a submission before a deadline as on time', () => {
    expect(lateSubmission(context(rusApplication(null, '2023-02-20')))).toEqual([]);
  });

  it('never calls a submission late while a deadline lies ahead of it', () => {
    // Five days after the 2022 deadline, but the 2023 deadline is still ahead: it may be on time.
    expect(lateSubmission(context(rusApplication(null, '2022-09-20')))).toEqual([]);
  });

  it('says the check could not be made when no deadline lies within six months of the date', () => {
    for (const date of ['2023-10-08', '2026-01-10', '2021-01-10']) {
      const out = lateSubmission(context(rusApplication(null, date)));
      expect(codes(out), date).toEqual(['MISSING_FIELD:year:info']);
      expect(out[0]!.message, date).toContain(
        'Søknadsfristen er ikke kontrollert fordi tilskuddsåret ikke er oppgitt',
      );
    }
  });

  it('folds that into the MISSING_FIELD for the year instead of a second finding', () => {
    const out = runRules(context(rusApplication(null, '2023-10-08'))).filter((f) => f.field === 'year');
    expect(codes(out)).toEqual(['MISSING_FIELD:year:warning']);
    expect(out[0]!.message).toMatch(
      /^Fant ikke tilskuddsår i innsendingen\..*Søknadsfristen er ikke kontrollert/,
    );
  });

  it('judges a report by the report deadline the year after', () => {
    const report = (date: string) =>
      fields({
        scheme: rus,
        kind: 'report',
        year: null,
        priority: null,
        grantYear: null,
        submittedDate: v(date),
      });
    const late = lateSubmission(context(report('2024-03-12')));
    expect(codes(late)).toEqual(['LATE_SUBMISSION:submittedDate:error']);
    expect(late[0]!.message).toBe(
      'Rapporteringsåret er ikke oppgitt; nærmeste rapporteringsfrist var 1. mars 2024 (rapport for 2023), men innsendingen er datert 12. mars 2024.',
    );
    expect(lateSubmission(context(report('2024-02-20')))).toEqual([]);
  });
});

describe('LATE_SUBMISSION that cannot be checked', () => {
  it('says so when the sending date is unknown', () => {
    const out = lateSubmission(context(rusApplication(2023, null)));
    expect(codes(out)).toEqual(['MISSING_FIELD:submittedDate:info']);
    expect(out[0]!.message).toBe(
      'Fant ikke dato for innsending, så det er ikke kontrollert om søknaden kom innen søknadsfristen for 2023, 5. mars 2023.',
    );
  });

  it('says so when both the year and the sending date are unknown', () => {
    const out = lateSubmission(context(rusApplication(null, null)));
    expect(codes(out)).toEqual(['MISSING_FIELD:submittedDate:info']);
    expect(out[0]!.message).toContain('tilskuddsåret er ikke oppgitt');
  });

  it('says nothing where the scheme file lists no deadline for the year, or none at all', () => {
    expect(lateSubmission(context(rusApplication(2024, '2024-12-01')))).toEqual([]);
    expect(lateSubmission(context(fields({ scheme: barnUnge })))).toEqual([]);
    expect(lateSubmission(context(fields({ scheme: barnUnge, year: null })))).toEqual([]);
  });

  it('puts none of these in the review queue by itself', () => {
    const notes = [
      ...lateSubmission(context(rusApplication(2023, null))),
      ...lateSubmission(context(fields({ scheme: rus, year: null, submittedDate: null }))),
    ];
    expect(notes.map((f) => f.severity)).toEqual(['info', 'info']);
  });
});
