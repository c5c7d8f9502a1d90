import { describe, expect, it } from 'vitest';
import { conflictingAmounts } from '../../src/rules/doubt-rules.ts';
import { context, fields, v } from '../support/rule-fixtures.ts';

const doubt = (field: string, chosen: number, other: number) => ({
  field,
  chosen: {
    value: chosen,
    evidence: { path: 'soknad.pdf', page: 1, text: `Søknadsbeløp: ${chosen}` },
    confidence: null,
  },
  other: {
    value: other,
    evidence: { path: 'soknad.pdf', page: 2, text: `Omsøkt beløp: ${other}` },
    confidence: null,
  },
});

describe('two readings of an amount that disagree', () => {
  it('raise a SUM_MISMATCH warning that names both, with the chosen one as evidence', () => {
    const out = conflictingAmounts(
      context(fields({ requestedAmount: v(900_000), doubts: [doubt('requestedAmount', 900_000, 950_000)] })),
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ code: 'SUM_MISMATCH', severity: 'warning', field: 'requestedAmount' });
    expect(out[0]!.message).toContain('900 000 kr');
    expect(out[0]!.message).toContain('950 000 kr');
    expect(out[0]!.evidence?.text).toBe('Søknadsbeløp: 900000');
  });
  it('leave doubts about other fields to the record', () => {
    expect(conflictingAmounts(context(fields({ doubts: [doubt('positions', 2, 3)] })))).toEqual([]);
    expect(conflictingAmounts(context(fields()))).toEqual([]);
  });
});
