import { orgNumberValid } from './formats.ts';
import type { BudgetCategory, ExpectedFinding, ExpectedRecord } from '../truth.ts';

/**
 * The scheme rules this corpus is built on, written independently of the pipeline's scheme
 * files from /work/shared/DOMAIN.md (caps, deadlines) and docs/checks.md (how they apply).
 *
 * Where DOMAIN.md leaves a rule open (a deadline nobody wrote down, whether a cap holds in
 * every year, whether drift is excluded for salary-only schemes), the generator keeps its
 * documents out of the open zone rather than guessing: dates well before any plausible
 * deadline, amounts under every cap, excluded costs only of kinds every reading excludes.
 * `capYears` and the deadline tables list only the cases that are certain enough to test.
 */

export type SchemeId =
  | 'kommunalt-rusarbeid'
  | 'kommunalt-rusarbeid-overgang'
  | 'voksne-langvarig-sammensatt'
  | 'barn-unge-langvarig-sammensatt'
  | 'tryggest'
  | 'nav-sosiale-tjenester'
  | 'smittevern-oppfolging';

export type RequiredField =
  | 'applicant.name'
  | 'applicant.orgNumber'
  | 'year'
  | 'requestedAmount'
  | 'positions'
  | 'priority'
  | 'grantYear'
  | 'grantedAmount'
  | 'spentAmount';

export interface PriorityRule {
  /** The name records carry (docs/checks.md). */
  name: string;
  number: number;
  grantYears: number[];
  /** Calendar years the priority exists in; all scheme years when absent. */
  years?: number[];
}

export interface Cap {
  maxAmount: number | null;
  maxPositions: number | null;
}

export interface SchemeRule {
  id: SchemeId;
  applicationYears: number[];
  reportYears: number[];
  /** Application deadlines stated in the seeds or public pages (date part; 23:59 is the same day). */
  applicationDeadlines: Record<number, string>;
  /** Report deadline for a report year, when known. */
  reportDeadline: (year: number) => string | null;
  priorities: PriorityRule[];
  /** Grant years for schemes with a grant period but without priorities (written in every document). */
  grantYears: ((year: number) => number[]) | null;
  /** required: MISSING_FIELD when absent; written: always in the documents, not required; never: not written. */
  positions: 'required' | 'written' | 'never';
  excludedCosts: BudgetCategory[];
  /** Categories ordinary budgets of this scheme use (all clearly eligible). */
  budgetCategories: BudgetCategory[];
  /** Calendar years in which OVER_CAP is asserted; in other years amounts stay under the cap anyway. */
  capYears: number[];
  cap: (year: number, priority: string | null, grantYear: number | null, positions: number | null) => Cap;
  /** A cooperation agreement is required when a helseforetak is a partner (applications). */
  agreementWhenHealthTrust: boolean;
}

const noCap = (): Cap => ({ maxAmount: null, maxPositions: null });
const perPosition = (rate: number, positions: number | null): number | null =>
  positions === null ? null : Math.round(rate * positions);

const VOKSNE_RATE: Record<number, number> = { 1: 300_000, 2: 300_000, 3: 250_000, 4: 200_000 };
const FACT_UNG_RATE: Record<number, number> = { 1: 500_000, 2: 500_000, 3: 300_000, 4: 200_000 };
const FORPROSJEKT = 600_000;

export const SCHEMES: Record<SchemeId, SchemeRule> = {
  'kommunalt-rusarbeid': {
    id: 'kommunalt-rusarbeid',
    applicationYears: [2022, 2023, 2024, 2025],
    reportYears: [2022, 2023, 2024],
    // seeds 000, 001, 003
    applicationDeadlines: { 2022: '2022-09-15', 2023: '2023-03-05', 2025: '2025-03-01' },
    // seeds 000 and 003: report due 1 March the year after
    reportDeadline: (y) => `${y + 1}-03-01`,
    priorities: [],
    // one year at a time up to four years, new from 2022
    grantYears: (y) => [1, 2, 3, 4].filter((g) => g <= y - 2021),
    positions: 'written',
    excludedCosts: ['investering', 'inventar', 'administrasjon'],
    budgetCategories: ['lønn', 'drift', 'annet'],
    capYears: [],
    cap: noCap,
    agreementWhenHealthTrust: false,
  },
  'kommunalt-rusarbeid-overgang': {
    id: 'kommunalt-rusarbeid-overgang',
    applicationYears: [2022, 2023, 2024],
    reportYears: [2022, 2023, 2024],
    applicationDeadlines: { 2022: '2022-02-15', 2023: '2023-02-01', 2024: '2024-02-01' },
    reportDeadline: () => null,
    priorities: [],
    grantYears: null,
    positions: 'required',
    // salaries only: investments, inventory and administration are excluded under every reading
    excludedCosts: ['investering', 'inventar', 'administrasjon'],
    budgetCategories: ['lønn'],
    capYears: [2023, 2024],
    cap: (y, _p, _g, positions) =>
      y >= 2023 ? { maxAmount: perPosition(330_000, positions), maxPositions: null } : noCap(),
    agreementWhenHealthTrust: false,
  },
  'voksne-langvarig-sammensatt': {
    id: 'voksne-langvarig-sammensatt',
    applicationYears: [2020, 2021, 2022, 2023, 2024, 2025],
    reportYears: [2020, 2021, 2022, 2023, 2024],
    applicationDeadlines: { 2023: '2023-03-31' },
    reportDeadline: () => null,
    priorities: [
      { name: 'ACT/FACT', number: 1, grantYears: [0, 1, 2, 3, 4] },
      { name: 'MO-senter', number: 2, grantYears: [0, 1, 2, 3, 4] },
      { name: 'LASSO', number: 2, grantYears: [0, 1, 2, 3, 4] },
      { name: 'Behandlingsforberedende tiltak', number: 2, grantYears: [0, 1, 2, 3, 4] },
      { name: 'Housing First', number: 2, grantYears: [0, 1, 2, 3, 4] },
      { name: 'Nye metoder', number: 3, grantYears: [0, 1, 2], years: [2022] },
    ],
    grantYears: null,
    positions: 'required',
    excludedCosts: [],
    budgetCategories: ['lønn', 'drift'],
    capYears: [2022, 2023, 2024, 2025],
    cap: (_y, _p, gy, positions) => {
      if (gy === 0) return { maxAmount: FORPROSJEKT, maxPositions: null };
      if (gy === null) return noCap();
      return { maxAmount: perPosition(VOKSNE_RATE[gy] as number, positions), maxPositions: null };
    },
    agreementWhenHealthTrust: true,
  },
  'barn-unge-langvarig-sammensatt': {
    id: 'barn-unge-langvarig-sammensatt',
    applicationYears: [2020, 2021, 2022, 2023, 2024, 2025],
    reportYears: [2020, 2021, 2022, 2023, 2024],
    applicationDeadlines: {},
    reportDeadline: () => null,
    priorities: [
      { name: 'FACT-ung', number: 1, grantYears: [0, 1, 2, 3, 4] },
      { name: 'Lavterskeltilbud', number: 2, grantYears: [0, 1, 2] },
    ],
    grantYears: null,
    positions: 'required',
    excludedCosts: [],
    budgetCategories: ['lønn', 'drift'],
    capYears: [2022, 2023, 2024, 2025],
    cap: (_y, priority, gy, positions) => {
      if (gy === 0) return { maxAmount: FORPROSJEKT, maxPositions: null };
      if (gy === null || priority === null) return noCap();
      if (priority === 'FACT-ung') {
        return { maxAmount: perPosition(FACT_UNG_RATE[gy] as number, positions), maxPositions: 10 };
      }
      return gy <= 2 ? { maxAmount: 2_500_000, maxPositions: 5 } : noCap();
    },
    agreementWhenHealthTrust: true,
  },
  tryggest: {
    id: 'tryggest',
    applicationYears: [2023, 2024, 2025],
    reportYears: [2023, 2024],
    applicationDeadlines: { 2025: '2025-03-31' },
    reportDeadline: () => null,
    priorities: [],
    grantYears: null,
    positions: 'never',
    excludedCosts: [],
    budgetCategories: ['drift'],
    capYears: [2025],
    cap: () => ({ maxAmount: 400_000, maxPositions: null }),
    agreementWhenHealthTrust: false,
  },
  'nav-sosiale-tjenester': {
    id: 'nav-sosiale-tjenester',
    applicationYears: [2020, 2021, 2022, 2023, 2024, 2025],
    reportYears: [2020, 2021, 2022, 2023, 2024],
    applicationDeadlines: { 2022: '2022-02-01' },
    reportDeadline: () => null,
    priorities: [],
    grantYears: () => [1, 2, 3],
    positions: 'required',
    excludedCosts: [],
    budgetCategories: ['lønn'],
    capYears: [2024, 2025],
    cap: (_y, _p, _g, positions) => ({ maxAmount: perPosition(610_000, positions), maxPositions: null }),
    agreementWhenHealthTrust: false,
  },
  'smittevern-oppfolging': {
    id: 'smittevern-oppfolging',
    applicationYears: [2020],
    reportYears: [2020],
    applicationDeadlines: {},
    reportDeadline: () => null,
    priorities: [],
    grantYears: null,
    positions: 'never',
    excludedCosts: [],
    budgetCategories: ['lønn', 'drift'],
    capYears: [],
    cap: noCap,
    agreementWhenHealthTrust: false,
  },
};

export const SCHEME_IDS = Object.keys(SCHEMES) as SchemeId[];

export function requiredFields(rule: SchemeRule, kind: 'application' | 'report'): RequiredField[] {
  const base: RequiredField[] = ['applicant.name', 'applicant.orgNumber', 'year'];
  if (kind === 'report') return [...base, 'grantedAmount', 'spentAmount'];
  const fields: RequiredField[] = [...base, 'requestedAmount'];
  if (rule.positions === 'required') fields.push('positions');
  if (rule.priorities.length > 0) fields.push('priority', 'grantYear');
  return fields;
}

/** What a document set shows beyond the record fields, that the checks look at. */
export interface CheckFacts {
  /** The total written under the budget or spending lines, if one is written. */
  budgetStatedTotal: number | null;
  /** "Ubrukte midler" in a report, if written. */
  unusedStated: number | null;
  hasCooperationAgreement: boolean;
  /** Organisation numbers written for partners (digits). */
  partnerOrgNumbers: string[];
  registerOrgNumbers: Set<string>;
}

const getField = (r: ExpectedRecord, f: RequiredField): unknown => {
  if (f === 'applicant.name') return r.applicant.name;
  if (f === 'applicant.orgNumber') return r.applicant.orgNumber;
  return r[f];
};

/** The findings docs/checks.md requires for a record, computed from the rules above. */
export function expectedFindings(r: ExpectedRecord, facts: CheckFacts): ExpectedFinding[] {
  const out: ExpectedFinding[] = [];
  const add = (code: string, field: string | null = null): void => {
    if (!out.some((f) => f.code === code && f.field === field)) out.push({ code, field });
  };

  if (r.applicant.orgNumber !== null && !orgNumberValid(r.applicant.orgNumber)) {
    add('INVALID_ORG_NUMBER', 'applicant.orgNumber');
  }
  if (facts.partnerOrgNumbers.some((n) => !orgNumberValid(n))) add('INVALID_ORG_NUMBER', 'partners');

  // Totals (independent of the scheme).
  const lineSum = r.budget.reduce((s, l) => s + l.amount, 0);
  if (r.budget.length > 0) {
    if (facts.budgetStatedTotal !== null && facts.budgetStatedTotal !== lineSum) add('SUM_MISMATCH');
    const total = facts.budgetStatedTotal ?? lineSum;
    if (r.kind === 'application' && r.requestedAmount !== null && total !== r.requestedAmount)
      add('SUM_MISMATCH');
    if (
      r.kind === 'report' &&
      facts.budgetStatedTotal === null &&
      r.spentAmount !== null &&
      lineSum !== r.spentAmount
    ) {
      add('SUM_MISMATCH');
    }
  }
  if (
    r.kind === 'report' &&
    r.grantedAmount !== null &&
    r.spentAmount !== null &&
    facts.unusedStated !== null &&
    r.spentAmount + facts.unusedStated !== r.grantedAmount
  ) {
    add('SUM_MISMATCH');
  }

  if (r.scheme === null) {
    add('UNKNOWN_SCHEME');
    return out;
  }
  const rule = SCHEMES[r.scheme as SchemeId];
  if (!rule) throw new Error(`unknown scheme id ${r.scheme}`);
  const kind = r.kind ?? 'application';

  for (const f of requiredFields(rule, kind)) if (getField(r, f) === null) add('MISSING_FIELD', f);

  const name = r.applicant.name ?? '';
  const orgKnown = r.applicant.orgNumber !== null && facts.registerOrgNumbers.has(r.applicant.orgNumber);
  if (!/\bkommune$/i.test(name.trim()) && !orgKnown) add('INELIGIBLE_APPLICANT');

  if (
    kind === 'application' &&
    rule.agreementWhenHealthTrust &&
    r.partners.some((p) => p.kind === 'helseforetak') &&
    !facts.hasCooperationAgreement
  ) {
    add('MISSING_COOPERATION_AGREEMENT');
  }

  if (kind === 'application' && r.year !== null && rule.capYears.includes(r.year)) {
    const cap = rule.cap(r.year, r.priority, r.grantYear, r.positions);
    if (cap.maxAmount !== null && r.requestedAmount !== null && r.requestedAmount > cap.maxAmount)
      add('OVER_CAP');
    if (cap.maxPositions !== null && r.positions !== null && r.positions > cap.maxPositions) add('OVER_CAP');
  }

  if (r.budget.some((l) => l.amount > 0 && rule.excludedCosts.includes(l.category))) add('INELIGIBLE_COST');

  if (r.submittedDate !== null && r.year !== null) {
    const deadline = kind === 'application' ? rule.applicationDeadlines[r.year] : rule.reportDeadline(r.year);
    if (deadline && r.submittedDate > deadline) add('LATE_SUBMISSION');
  }
  return out;
}
