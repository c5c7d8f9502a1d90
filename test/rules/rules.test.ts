import { describe, expect, it } from 'vitest';
import { duplicateDocument, lowConfidence, unreadableDocument } from '../../src/rules/document-rules.ts';
import { foldMissingFieldNotes, runRules } from '../../src/rules/index.ts';
import { checkNotMade, finding } from '../../src/rules/rule-context.ts';
import {
  ineligibleApplicant,
  ineligibleCost,
  invalidOrgNumber,
  lateSubmission,
  missingCooperationAgreement,
  missingField,
  overCap,
  sumMismatch,
  unknownScheme,
} from '../../src/rules/scheme-rules.ts';
import { budget, context, fields, readDoc, scheme, v } from '../support/rule-fixtures.ts';

const codes = (findings: Array<{ code: string; field: string | null }>) =>
  findings.map((f) => `${f.code}:${f.field}`);
const hf = {
  name: 'St. Olavs hospital HF',
  orgNumber: null,
  kind: 'helseforetak' as const,
  evidence: v('').evidence,
};

describe('the rules on a clean application', () => {
  it('raise nothing', () => {
    const rus = { scheme: scheme('kommunalt-rusarbeid'), score: 40, evidence: v('').evidence };
    const f = fields({ scheme: rus, priority: null, grantYear: null, submittedDate: v('2025-02-20') });
    expect(runRules(context(f))).toEqual([]);
  });
  it('raise nothing where the scheme file lists no deadline (a gap in the scheme, not the case)', () => {
    expect(runRules(context(fields()))).toEqual([]);
  });
});

describe('UNREADABLE_DOCUMENT', () => {
  it('names each file that could not be read, in Norwegian', () => {
    const bad = readDoc('avtale.pdf', { reason: 'encrypted', message: 'PDF-filen er kryptert.' });
    const out = unreadableDocument(
      context(fields(), [
        [readDoc(), 'application'],
        [bad, 'unreadable'],
      ]),
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.message).toContain('avtale.pdf');
    expect(out[0]!.severity).toBe('error');
  });
});

describe('DUPLICATE_DOCUMENT', () => {
  it('points at the earlier submission with the same bytes', () => {
    const ctx = context(fields());
    ctx.duplicateOf.set(0, '2024/bodo');
    expect(duplicateDocument(ctx)[0]!.message).toContain('2024/bodo');
  });
});

describe('UNKNOWN_SCHEME', () => {
  it('is raised when no scheme was recognised', () => {
    expect(codes(unknownScheme(context(fields({ scheme: null }))))).toEqual(['UNKNOWN_SCHEME:scheme']);
  });
  it('is not raised when no document could be read at all', () => {
    const bad = readDoc('x.pdf', { reason: 'empty', message: 'tom' });
    expect(unknownScheme(context(fields({ scheme: null }), [[bad, 'unreadable']]))).toEqual([]);
  });
});

describe('MISSING_FIELD', () => {
  it('names each missing field the scheme requires', () => {
    const f = fields({ positions: null, applicant: { ...fields().applicant, orgNumber: null } });
    expect(codes(missingField(context(f)))).toEqual([
      'MISSING_FIELD:applicant.orgNumber',
      'MISSING_FIELD:positions',
    ]);
  });
  it('does not ask for positions in a forprosjekt', () => {
    expect(missingField(context(fields({ positions: null, grantYear: v(0) })))).toEqual([]);
  });
  it('asks a report for granted and spent amounts', () => {
    const f = fields({ kind: 'report', requestedAmount: null, grantedAmount: v(500_000), spentAmount: null });
    expect(codes(missingField(context(f)))).toEqual(['MISSING_FIELD:spentAmount']);
  });
  it('asks overgang for positions only in 2023 and 2024', () => {
    const s = { scheme: scheme('kommunalt-rusarbeid-overgang'), score: 40, evidence: v('').evidence };
    expect(codes(missingField(context(fields({ scheme: s, positions: null, year: v(2023) }))))).toEqual([
      'MISSING_FIELD:positions',
    ]);
    expect(missingField(context(fields({ scheme: s, positions: null, year: v(2022) })))).toEqual([]);
  });
});

describe('INVALID_ORG_NUMBER', () => {
  it('flags an applicant org number with a wrong check digit', () => {
    const f = fields({ applicant: { ...fields().applicant, orgNumber: v('942110465') } });
    expect(codes(invalidOrgNumber(context(f)))).toEqual(['INVALID_ORG_NUMBER:applicant.orgNumber']);
  });
  it('flags a partner org number with a wrong check digit', () => {
    const f = fields({ partners: [{ ...hf, orgNumber: '883974831' }] });
    expect(codes(invalidOrgNumber(context(f)))).toEqual(['INVALID_ORG_NUMBER:partners']);
  });
});

describe('INELIGIBLE_APPLICANT', () => {
  it('flags an association applying to a municipalities-only scheme', () => {
    const f = fields({
      applicant: {
        name: v('Foreningen Rusfri Ungdom'),
        orgNumber: v('998765432'),
        municipalityNumber: null,
        municipality: null,
      },
    });
    expect(codes(ineligibleApplicant(context(f)))).toEqual(['INELIGIBLE_APPLICANT:applicant.name']);
  });
  it('accepts a municipality', () => {
    expect(ineligibleApplicant(context(fields()))).toEqual([]);
  });
});

describe('MISSING_COOPERATION_AGREEMENT', () => {
  it('is raised when a health trust is partner and no agreement is attached', () => {
    expect(codes(missingCooperationAgreement(context(fields({ partners: [hf] }))))).toEqual([
      'MISSING_COOPERATION_AGREEMENT:null',
    ]);
  });
  it('is not raised when the agreement is among the documents', () => {
    const ctx = context(fields({ partners: [hf] }), [
      [readDoc(), 'application'],
      [readDoc('avtale.pdf'), 'cooperation-agreement'],
    ]);
    expect(missingCooperationAgreement(ctx)).toEqual([]);
  });
  it('is not raised without a health-trust partner', () => {
    expect(missingCooperationAgreement(context(fields()))).toEqual([]);
  });
});

describe('OVER_CAP', () => {
  it('caps FACT-ung year 1 at 500 000 kr per position', () => {
    expect(overCap(context(fields({ positions: v(3), requestedAmount: v(1_500_000) })))).toEqual([]);
    const out = overCap(context(fields({ positions: v(3), requestedAmount: v(1_600_000) })));
    expect(codes(out)).toEqual(['OVER_CAP:requestedAmount']);
    expect(out[0]!.message).toContain('1 500 000 kr');
  });
  it('caps FACT-ung at 10 positions', () => {
    expect(codes(overCap(context(fields({ positions: v(12), requestedAmount: v(5_000_000) }))))).toEqual([
      'OVER_CAP:positions',
    ]);
  });
  it('caps a forprosjekt at 600 000 kr', () => {
    expect(
      codes(overCap(context(fields({ grantYear: v(0), positions: null, requestedAmount: v(700_000) })))),
    ).toEqual(['OVER_CAP:requestedAmount']);
  });
  it('caps Lavterskeltilbud at 5 positions and 2.5 million in years 1 and 2', () => {
    const f = fields({
      priority: v('Lavterskeltilbud'),
      grantYear: v(2),
      positions: v(6),
      requestedAmount: v(2_600_000),
    });
    expect(codes(overCap(context(f))).sort()).toEqual(['OVER_CAP:positions', 'OVER_CAP:requestedAmount']);
  });
  it('caps TryggEst at 400 000 kr', () => {
    const s = { scheme: scheme('tryggest'), score: 40, evidence: v('').evidence };
    expect(
      codes(overCap(context(fields({ scheme: s, priority: null, requestedAmount: v(450_000) })))),
    ).toEqual(['OVER_CAP:requestedAmount']);
  });
  it('caps overgang at 330 000 kr per position in 2023, not in 2022', () => {
    const s = { scheme: scheme('kommunalt-rusarbeid-overgang'), score: 40, evidence: v('').evidence };
    const f = (year: number) =>
      fields({ scheme: s, priority: null, year: v(year), positions: v(2), requestedAmount: v(700_000) });
    expect(codes(overCap(context(f(2023))))).toEqual(['OVER_CAP:requestedAmount']);
    expect(overCap(context(f(2022)))).toEqual([]);
  });
});

describe('INELIGIBLE_COST', () => {
  it('flags inventory and administration in kommunalt rusarbeid', () => {
    const s = { scheme: scheme('kommunalt-rusarbeid'), score: 40, evidence: v('').evidence };
    const b = budget([
      ['Lønn', 'lønn', 800_000],
      ['Møbler', 'inventar', 50_000],
      ['Administrasjon', 'administrasjon', 30_000],
    ]);
    expect(codes(ineligibleCost(context(fields({ scheme: s, budget: b }))))).toEqual([
      'INELIGIBLE_COST:budget',
      'INELIGIBLE_COST:budget',
    ]);
  });
  it('allows running costs in FACT-ung', () => {
    expect(ineligibleCost(context(fields({ budget: budget([['Drift', 'drift', 100_000]]) })))).toEqual([]);
  });
});

describe('LATE_SUBMISSION', () => {
  const rus = { scheme: scheme('kommunalt-rusarbeid'), score: 40, evidence: v('').evidence };
  it('flags an application dated after the deadline', () => {
    const out = lateSubmission(
      context(fields({ scheme: rus, year: v(2023), submittedDate: v('2023-03-06') })),
    );
    expect(codes(out)).toEqual(['LATE_SUBMISSION:submittedDate']);
    expect(out[0]!.message).toContain('5. mars 2023');
  });
  it('accepts one dated on the deadline day', () => {
    expect(
      lateSubmission(context(fields({ scheme: rus, year: v(2023), submittedDate: v('2023-03-05') }))),
    ).toEqual([]);
  });
  it('uses 1 March the following year for reports', () => {
    const f = (date: string) =>
      fields({ scheme: rus, kind: 'report', year: v(2023), submittedDate: v(date) });
    expect(codes(lateSubmission(context(f('2024-03-02'))))).toEqual(['LATE_SUBMISSION:submittedDate']);
    expect(lateSubmission(context(f('2024-02-28')))).toEqual([]);
  });
  it('says nothing for a year the scheme file lists no deadline for', () => {
    expect(
      lateSubmission(context(fields({ scheme: rus, year: v(2024), submittedDate: v('2024-12-01') }))),
    ).toEqual([]);
  });
});

describe('SUM_MISMATCH', () => {
  it('flags budget lines that do not add up to the stated total', () => {
    const b = budget(
      [
        ['Lønn', 'lønn', 1_000_000],
        ['Drift', 'drift', 200_000],
      ],
      1_250_000,
    );
    expect(codes(sumMismatch(context(fields({ budget: b }))))).toEqual(['SUM_MISMATCH:budget']);
  });
  it('flags a grant budget that differs from the requested amount', () => {
    const b = budget(
      [
        ['Lønn', 'lønn', 1_000_000],
        ['Drift', 'drift', 200_000],
      ],
      1_200_000,
    );
    expect(codes(sumMismatch(context(fields({ budget: b }))))).toEqual(['SUM_MISMATCH:requestedAmount']);
  });
  it('accepts a budget that matches', () => {
    const b = budget(
      [
        ['Lønn', 'lønn', 1_100_000],
        ['Drift', 'drift', 150_000],
      ],
      1_250_000,
    );
    expect(sumMismatch(context(fields({ budget: b })))).toEqual([]);
  });
  it('flags a report whose spent and unused do not make the granted amount', () => {
    const f = fields({
      kind: 'report',
      grantedAmount: v(500_000),
      spentAmount: v(400_000),
      unusedAmount: v(50_000),
    });
    expect(codes(sumMismatch(context(f)))).toEqual(['SUM_MISMATCH:spentAmount']);
  });
});

describe('notes on checks that could not be made', () => {
  const note = (field: string, message: string) => checkNotMade(message, null, field);
  const missing = (field: string) => finding('MISSING_FIELD', `Fant ikke ${field}.`, null, field);
  it('fold into the MISSING_FIELD already raised for their field', () => {
    const out = foldMissingFieldNotes([missing('year'), note('year', 'Fristen er ikke kontrollert.')]);
    expect(out).toHaveLength(1);
    expect(out[0]!.severity).toBe('warning');
    expect(out[0]!.message).toBe('Fant ikke year. Fristen er ikke kontrollert.');
  });
  it('stay findings of their own, one per field, when their field is not reported missing', () => {
    const out = foldMissingFieldNotes([
      missing('year'),
      note('submittedDate', 'A.'),
      finding('OVER_CAP', 'Over.', null, 'positions'),
      note('submittedDate', 'B.'),
    ]);
    expect(out.map((f) => `${f.code}:${f.field}:${f.severity}:${f.message}`)).toEqual([
      'MISSING_FIELD:year:warning:Fant ikke year.',
      'MISSING_FIELD:submittedDate:info:A. B.',
      'OVER_CAP:positions:error:Over.',
    ]);
  });
});

describe('LOW_CONFIDENCE', () => {
  it('flags a checked value read by OCR below the threshold', () => {
    expect(codes(lowConfidence(context(fields({ requestedAmount: v(1_250_000, 0.41) }))))).toEqual([
      'LOW_CONFIDENCE:requestedAmount',
    ]);
  });
  it('trusts OCR above the threshold', () => {
    expect(lowConfidence(context(fields({ requestedAmount: v(1_250_000, 0.93) })))).toEqual([]);
  });
});
