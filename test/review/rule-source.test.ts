import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/record.ts';
import { ruleSources, withRuleSources, type RuleRecordValues } from '../../src/review/rule-source.ts';
import { scheme, schemes } from '../support/rule-fixtures.ts';

const GOLDEN = join(import.meta.dirname, '../golden');

/** The golden records: what each sample is expected to hold and which findings it raises. */
const goldens = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, ...JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')) })) as Array<{
  file: string;
  expected: RuleRecordValues & { scheme: string | null };
  findings: Array<Pick<Finding, 'code' | 'field'>>;
}>;

const values = (over: Partial<RuleRecordValues> = {}): RuleRecordValues => ({
  kind: 'application',
  year: 2023,
  priority: null,
  grantYear: null,
  positions: null,
  requestedAmount: null,
  ...over,
});

/** The rules a scheme file cites: every finding from one of these comes with a quote. */
const SCHEME_RULES = new Set([
  'OVER_CAP',
  'INELIGIBLE_COST',
  'INELIGIBLE_APPLICANT',
  'MISSING_COOPERATION_AGREEMENT',
  'LATE_SUBMISSION',
]);

describe('the rule behind a finding, resolved from the scheme file', () => {
  it("quotes the scheme's cap for Narvik's OVER_CAP: 330 000 per position in 2023-2024", () => {
    const finding = { code: 'OVER_CAP', field: 'requestedAmount', message: '' } as const;
    const sources = ruleSources(
      finding,
      values({ positions: 2, requestedAmount: 760_000, grantYear: 2 }),
      scheme('kommunalt-rusarbeid-overgang'),
    );
    expect(sources).toEqual([
      expect.objectContaining({
        kind: 'quote',
        quote: '2023 – 2024 → 330 000 pr. stilling',
        schemeName: 'Kommunalt rusarbeid, overgangsordning',
      }),
    ]);
  });

  it('gives every scheme-rule finding of the golden records a quote that stands in its scheme file', () => {
    let checked = 0;
    for (const g of goldens) {
      const s = schemes.find((x) => x.id === g.expected.scheme);
      const text = s ? JSON.stringify(s) : '';
      for (const f of g.findings.filter((x) => SCHEME_RULES.has(x.code))) {
        const sources = ruleSources({ ...f, message: '' }, g.expected, s);
        expect(sources.length, `${g.file} ${f.code}`).toBeGreaterThan(0);
        for (const src of sources) {
          expect(src.kind, `${g.file} ${f.code}`).toBe('quote');
          if (src.kind === 'quote') expect(text).toContain(JSON.stringify(src.quote));
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('picks the public announcement for a late application in a year the scheme cites publicly', () => {
    const sources = ruleSources(
      { code: 'LATE_SUBMISSION', field: 'submittedDate', message: '' },
      values({ year: 2024 }),
      scheme('kommunalt-rusarbeid-overgang'),
    );
    expect(sources).toEqual([
      expect.objectContaining({
        quote: 'Søknadsfrist 1. februar 2024',
        public: 'Statsforvalteren, kunngjøring av overgangsordningen for kommunalt rusarbeid 2024',
        seed: null,
        url: null,
      }),
    ]);
  });

  it('reads the year a late finding assumed from its message when the record has none', () => {
    const sources = ruleSources(
      {
        code: 'LATE_SUBMISSION',
        field: 'submittedDate',
        message:
          'Tilskuddsåret er ikke oppgitt; nærmeste søknadsfrist var 1. februar 2023 (tilskuddsår 2023), …',
      },
      values({ year: null }),
      scheme('kommunalt-rusarbeid-overgang'),
    );
    expect(sources.map((s) => s.kind === 'quote' && s.quote)).toEqual(['Søknadsfrist 1. februar 2023']);
  });

  it("explains the check's own rule where the scheme has none, and gives nothing without a scheme rule or a check", () => {
    const org = ruleSources(
      { code: 'INVALID_ORG_NUMBER', field: 'applicant.orgNumber', message: '' },
      values(),
      null,
    );
    expect(org).toEqual([{ kind: 'check', text: expect.stringContaining('kontrollsiffer') }]);
    // Without a scheme, an OVER_CAP has no source to show.
    expect(ruleSources({ code: 'OVER_CAP', field: 'requestedAmount', message: '' }, values(), null)).toEqual(
      [],
    );
  });

  it('resolves nothing from scheme entries that are only names', () => {
    const [f] = withRuleSources(
      [{ code: 'OVER_CAP', field: 'requestedAmount', message: '' }] as const,
      { ...values({ positions: 2, requestedAmount: 760_000 }), scheme: 'kommunalt-rusarbeid-overgang' },
      [{ id: 'kommunalt-rusarbeid-overgang', name: 'Kommunalt rusarbeid, overgangsordning' }],
    );
    expect(f!.ruleSources).toEqual([]);
    const [full] = withRuleSources(
      [{ code: 'OVER_CAP', field: 'requestedAmount', message: '' }] as const,
      { ...values({ positions: 2, requestedAmount: 760_000 }), scheme: 'kommunalt-rusarbeid-overgang' },
      schemes,
    );
    expect(full!.ruleSources).toHaveLength(1);
  });
});
