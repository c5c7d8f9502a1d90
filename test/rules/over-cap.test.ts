import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/index.ts';
import { overCap } from '../../src/rules/scheme-rules.ts';
import type { Scheme } from '../../src/schemes/scheme-schema.ts';
import { context, fields, scheme, v } from '../support/rule-fixtures.ts';

const codes = (findings: Array<{ code: string; field: string | null; severity: string }>) =>
  findings.map((f) => `${f.code}:${f.field}:${f.severity}`);
const match = (s: Scheme) => ({ scheme: s, score: 40, evidence: v('').evidence });
const overgang = match(scheme('kommunalt-rusarbeid-overgang'));
/** Overgang with its per-position cap stretched over every listed year (2022-2024). */
const overgangEveryYear = match({
  ...scheme('kommunalt-rusarbeid-overgang'),
  caps: scheme('kommunalt-rusarbeid-overgang').caps.map((c) => ({ ...c, years: [2022, 2023, 2024] })),
});

describe('OVER_CAP with the grant year unknown', () => {
  // FACT-ung per position: forprosjekt 600 000 flat, year 1-2 500 000, year 3 300 000, year 4 200 000.
  const factUng = (requested: number) =>
    fields({ grantYear: null, positions: v(2.5), requestedAmount: v(requested) });

  it('is raised when even the most generous grant year is exceeded', () => {
    const out = overCap(context(factUng(1_300_000)));
    expect(codes(out)).toEqual(['OVER_CAP:requestedAmount:error']);
    expect(out[0]!.message).toBe(
      'Søknadsbeløpet 1 300 000 kr er over grensen uansett år i tilskuddsperioden, som ikke er oppgitt: selv den høyeste grensen, 1 250 000 kr (500 000 kr per 100 % stilling × 2,5 stillinger) for år 1 og år 2, er lavere.',
    );
  });

  it('is a note, not OVER_CAP, when only the lower grant years are exceeded', () => {
    const out = overCap(context(factUng(1_000_000)));
    expect(codes(out)).toEqual(['MISSING_FIELD:grantYear:info']);
    expect(out[0]!.message).toContain('over grensen på 500 000 kr');
    expect(out[0]!.message).toContain('innenfor grensen på 1 250 000 kr');
  });

  it('folds the note into the MISSING_FIELD for the grant year', () => {
    const out = runRules(context(factUng(1_000_000))).filter(
      (f) => f.code !== 'MISSING_FIELD' || f.field !== 'deadline',
    );
    expect(codes(out)).toEqual(['MISSING_FIELD:grantYear:warning']);
    expect(out[0]!.message).toContain('Om taket er overskredet, avhenger av år i tilskuddsperioden');
  });

  it('says nothing when every grant year allows the request', () => {
    expect(overCap(context(factUng(450_000)))).toEqual([]);
  });
});

describe('OVER_CAP with the year unknown', () => {
  const application = (s: typeof overgang) =>
    fields({
      scheme: s,
      priority: null,
      grantYear: null,
      year: null,
      positions: v(2),
      requestedAmount: v(700_000),
    });

  it('is a note when a year without the cap is possible', () => {
    const out = overCap(context(application(overgang)));
    expect(codes(out)).toEqual(['MISSING_FIELD:year:info']);
    expect(out[0]!.message).toBe(
      'Søknadsbeløpet 700 000 kr er over grensen på 660 000 kr (330 000 kr per 100 % stilling × 2 stillinger) for 2023 og 2024, men ordningen har ingen slik grense for 2022. Om taket er overskredet, avhenger av tilskuddsår, som ikke er oppgitt.',
    );
  });

  it('is OVER_CAP when the cap binds every year the scheme lists', () => {
    const out = overCap(context(application(overgangEveryYear)));
    expect(codes(out)).toEqual(['OVER_CAP:requestedAmount:error']);
    expect(out[0]!.message).toContain('uansett tilskuddsår, som ikke er oppgitt');
  });
});

describe('OVER_CAP with the priority unknown', () => {
  it('is raised when every priority caps lower', () => {
    const out = overCap(
      context(fields({ priority: null, grantYear: v(1), positions: v(12), requestedAmount: v(2_000_000) })),
    );
    expect(codes(out)).toEqual(['OVER_CAP:positions:error']);
    expect(out[0]!.message).toContain('selv den høyeste grensen, 10 stillinger for FACT-ung');
  });

  it('is a note when one priority allows it', () => {
    const out = overCap(
      context(fields({ priority: null, grantYear: v(1), positions: v(7), requestedAmount: v(2_000_000) })),
    );
    expect(codes(out)).toEqual(['MISSING_FIELD:priority:info']);
    expect(out[0]!.message).toContain('over grensen på 5 stillinger for Lavterskeltilbud');
  });
});

describe('OVER_CAP with the positions unknown', () => {
  it('notes that a per-position cap could not be checked', () => {
    const nav = match(scheme('nav-sosiale-tjenester'));
    const f = fields({ scheme: nav, priority: null, grantYear: null, year: v(2022), positions: null });
    const out = overCap(context(f));
    expect(codes(out)).toEqual(['MISSING_FIELD:positions:info']);
    expect(out[0]!.message).toContain('610 000 kr per 100 % stilling');
    const folded = runRules(context(f)).filter((g) => g.field === 'positions');
    expect(codes(folded)).toEqual(['MISSING_FIELD:positions:warning']);
  });
});
