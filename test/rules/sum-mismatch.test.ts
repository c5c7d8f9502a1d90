import { describe, expect, it } from 'vitest';
import { implausibleAmount, sumMismatch } from '../../src/rules/scheme-rules.ts';
import { budget, context, fields, v } from '../support/rule-fixtures.ts';

const codes = (findings: Array<{ code: string; field: string | null; severity: string }>) =>
  findings.map((f) => `${f.code}:${f.field}:${f.severity}`);
const lines = budget([
  ['Lønn', 'lønn', 800_000],
  ['Drift', 'drift', 100_000],
]);
const report = (granted: number, spent: number, unused: number | null) =>
  fields({
    kind: 'report',
    requestedAmount: null,
    grantedAmount: v(granted),
    spentAmount: v(spent),
    unusedAmount: unused === null ? null : v(unused),
  });

describe('implausible amounts', () => {
  it('are years, thousandths and thousandfolds beside the others', () => {
    expect(implausibleAmount(2024, 900_000)).toBe('det ligner et årstall');
    expect(implausibleAmount(9_000, 450_000)).not.toBeNull();
    expect(implausibleAmount(12_000, 12_000_000)).not.toBeNull();
    expect(implausibleAmount(900_000_000_000, 900_000)).not.toBeNull();
  });
  it('are not ordinary differences', () => {
    expect(implausibleAmount(850_000, 900_000)).toBeNull();
    expect(implausibleAmount(40_000, 900_000)).toBeNull();
    expect(implausibleAmount(12_000_000, 12_000)).toBeNull();
  });
});

describe('SUM_MISMATCH doubting a misread value', () => {
  it('doubts a requested amount that is a year', () => {
    const out = sumMismatch(context(fields({ requestedAmount: v(2024), budget: lines })));
    expect(codes(out)).toEqual(['SUM_MISMATCH:requestedAmount:warning']);
    expect(out[0]!.message).toBe(
      'Søknadsbeløpet 2 024 kr ser ut til å være feillest (budsjettet summerer til 900 000 kr); det ligner et årstall. Kontroller beløpet.',
    );
  });

  it('doubts a requested amount under 10 000 kr beside a budget of hundreds of thousands', () => {
    const out = sumMismatch(context(fields({ requestedAmount: v(9_000), budget: lines })));
    expect(out[0]!.message).toContain('Søknadsbeløpet 9 000 kr ser ut til å være feillest');
  });

  it('doubts a requested amount a thousand times the budget', () => {
    const out = sumMismatch(context(fields({ requestedAmount: v(900_000_000_000), budget: lines })));
    expect(out[0]!.message).toContain('ser ut til å være feillest');
  });

  it('doubts a stated budget total that is a year', () => {
    const b = budget(
      [
        ['Lønn', 'lønn', 800_000],
        ['Drift', 'drift', 100_000],
      ],
      2025,
    );
    const out = sumMismatch(context(fields({ requestedAmount: v(900_000), budget: b })));
    expect(codes(out)).toEqual(['SUM_MISMATCH:budget:warning']);
    expect(out[0]!.message).toContain('Oppgitt budsjettsum 2 025 kr ser ut til å være feillest');
  });

  it('doubts a budget line that is a year when the others make the stated total', () => {
    const b = budget(
      [
        ['Lønn', 'lønn', 1_250_000],
        ['Budsjett', 'annet', 2024],
      ],
      1_250_000,
    );
    const out = sumMismatch(context(fields({ budget: b })));
    expect(codes(out)).toEqual(['SUM_MISMATCH:budget:warning']);
    expect(out[0]!.message).toContain('Budsjettposten «Budsjett» (2 024 kr) ser ut til å være feillest');
  });

  it('reports a plain mismatch when real amounts differ', () => {
    const out = sumMismatch(context(fields({ requestedAmount: v(850_000), budget: lines })));
    expect(out[0]!.message).toBe('Budsjettet summerer til 900 000 kr, men søknadsbeløpet er 850 000 kr.');
  });

  it('reports a plain mismatch when it cannot tell which of two values is misread', () => {
    const b = budget([['Lønn', 'lønn', 1_250_000_000]]);
    const out = sumMismatch(context(fields({ requestedAmount: v(1_250), budget: b })));
    expect(out[0]!.message).toBe('Budsjettet summerer til 1 250 000 000 kr, men søknadsbeløpet er 1 250 kr.');
  });
});

describe('SUM_MISMATCH tolerance', () => {
  it('allows 1 kr of rounding per budget line', () => {
    const three = (total: number) =>
      budget(
        [
          ['Lønn', 'lønn', 833_333],
          ['Drift', 'drift', 333_333],
          ['Kurs', 'drift', 83_333],
        ],
        total,
      );
    expect(sumMismatch(context(fields({ budget: three(1_250_001), requestedAmount: v(1_250_001) })))).toEqual(
      [],
    );
    expect(
      codes(sumMismatch(context(fields({ budget: three(1_250_003), requestedAmount: v(1_250_003) })))),
    ).toEqual(['SUM_MISMATCH:budget:warning']);
  });
});

describe('SUM_MISMATCH in reports', () => {
  it('doubts a granted amount that is a year', () => {
    const out = sumMismatch(context(report(2024, 900_000, 0)));
    expect(codes(out)).toEqual(['SUM_MISMATCH:grantedAmount:warning']);
    expect(out[0]!.message).toContain('Tildelt beløp 2 024 kr ser ut til å være feillest');
  });

  it('doubts unused money that is a year when spent equals granted', () => {
    const out = sumMismatch(context(report(900_000, 900_000, 2024)));
    expect(out[0]!.message).toContain('Ubrukte midler 2 024 kr ser ut til å være feillest');
  });

  it('flags spending clearly above the grant when unused money is not stated', () => {
    const out = sumMismatch(context(report(1_000_000, 1_100_000, null)));
    expect(codes(out)).toEqual(['SUM_MISMATCH:spentAmount:warning']);
    expect(out[0]!.message).toContain('Forbrukt beløp 1 100 000 kr er høyere enn tildelt beløp 1 000 000 kr');
  });

  it('accepts spending within 1 % of the grant, or below it, without unused money', () => {
    expect(sumMismatch(context(report(1_000_000, 1_010_000, null)))).toEqual([]);
    expect(sumMismatch(context(report(1_000_000, 940_000, null)))).toEqual([]);
  });

  it('doubts the grant rather than call a year-shaped grant overspent', () => {
    const out = sumMismatch(context(report(2025, 900_000, null)));
    expect(codes(out)).toEqual(['SUM_MISMATCH:grantedAmount:warning']);
    expect(out[0]!.message).toContain('ser ut til å være feillest');
  });
});
