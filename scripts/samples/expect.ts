/**
 * Golden records (the truth of what each sample's documents state) and the generator's own
 * consistency check: the findings a sample declares must be exactly those that docs/checks.md
 * implies for the stated values, so a sample never carries an accidental finding.
 */
import type { BudgetLine, DocumentType, FindingCode, PartnerKind } from '../../src/domain/record.ts';
import type { Case, Sample } from './model.ts';
import { mod11Valid, type Register } from './register.ts';
import {
  capFor,
  categoriesOf,
  deadlineFor,
  excludedCategories,
  presumedDeadline,
  requiredFields,
  requiresAgreementWithHf,
  SCHEMES,
} from './schemes.ts';

export interface GoldenExpected {
  kind: 'application' | 'report';
  scheme: string | null;
  year: number;
  applicant: { name: string; orgNumber: string | null; municipalityNumber: string | null };
  partners: Array<{ name: string; orgNumber: string | null; kind: PartnerKind }>;
  priority: string | null;
  grantYear: number | null;
  positions: number | null;
  requestedAmount: number | null;
  grantedAmount: number | null;
  spentAmount: number | null;
  submittedDate: string;
  budget: BudgetLine[];
}

export interface Golden {
  source: string;
  expected: GoldenExpected;
  documents: Array<{ path: string; type: DocumentType }>;
  findings: Array<{ code: FindingCode; field: string | null }>;
  notes: string;
}

export function sourceOf(s: Sample): string {
  return `${s.folderYear}/${s.slug}${s.zip ? '.zip' : ''}`;
}

/** One line per category, summed, in order of first appearance. */
export function budgetOf(c: Case): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const row of c.budget) {
    const existing = lines.find((l) => l.category === row.category);
    if (existing) existing.amount += row.amount;
    else lines.push({ category: row.category, amount: row.amount });
  }
  return lines;
}

export function expectedOf(c: Case): GoldenExpected {
  return {
    kind: c.kind,
    scheme: c.scheme,
    year: c.year,
    applicant: {
      name: c.applicant.name,
      orgNumber: c.applicant.orgNumber,
      municipalityNumber: c.applicant.municipalityNumber,
    },
    partners: c.partners.map((p) => ({ name: p.name, orgNumber: p.orgNumber, kind: p.kind })),
    priority: c.priority,
    grantYear: c.grantYear,
    positions: c.positions,
    requestedAmount: c.kind === 'application' ? c.requested : null,
    grantedAmount: c.kind === 'report' ? c.granted : null,
    spentAmount: c.kind === 'report' ? c.spent : null,
    submittedDate: c.date,
    budget: budgetOf(c),
  };
}

const key = (code: FindingCode, field: string | null): string => `${code}|${field ?? ''}`;

export function sortFindings(
  f: Array<[FindingCode, string | null]>,
): Array<{ code: FindingCode; field: string | null }> {
  return [...f]
    .sort((a, b) => key(a[0], a[1]).localeCompare(key(b[0], b[1])))
    .map(([code, field]) => ({ code, field }));
}

export function golden(s: Sample): Golden {
  const source = sourceOf(s);
  return {
    source,
    expected: expectedOf(s.case),
    documents: [...s.files]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((f) => ({ path: `${source}/${f.name}`, type: f.type })),
    findings: sortFindings(s.findings),
    notes: s.notes,
  };
}

/** The findings docs/checks.md implies for a sample (duplicates are passed in, computed from bytes). */
export function impliedFindings(s: Sample, reg: Register, duplicate: boolean): Set<string> {
  const c = s.case;
  const e = expectedOf(c);
  const found = new Set<string>();
  if (s.files.some((f) => f.type === 'unreadable')) found.add(key('UNREADABLE_DOCUMENT', null));
  if (duplicate) found.add(key('DUPLICATE_DOCUMENT', null));
  if (c.scheme === null) found.add(key('UNKNOWN_SCHEME', null));

  const values: Record<string, unknown> = {
    'applicant.name': e.applicant.name,
    'applicant.orgNumber': e.applicant.orgNumber,
    year: e.year,
    requestedAmount: e.requestedAmount,
    grantedAmount: e.grantedAmount,
    spentAmount: e.spentAmount,
    positions: e.positions,
    priority: e.priority,
    grantYear: e.grantYear,
  };
  for (const field of requiredFields(c.scheme, c.kind, c.year)) {
    if (values[field] === null || values[field] === undefined) found.add(key('MISSING_FIELD', field));
  }

  if (e.applicant.orgNumber !== null && !mod11Valid(e.applicant.orgNumber)) {
    found.add(key('INVALID_ORG_NUMBER', 'applicant.orgNumber'));
  }
  if (e.partners.some((p) => p.orgNumber !== null && !mod11Valid(p.orgNumber))) {
    found.add(key('INVALID_ORG_NUMBER', 'partners'));
  }

  if (c.scheme === null) return found;

  const isMunicipality =
    e.applicant.name.endsWith(' kommune') ||
    (e.applicant.orgNumber !== null && reg.orgNumbers.has(e.applicant.orgNumber));
  if (!isMunicipality) found.add(key('INELIGIBLE_APPLICANT', null));

  if (
    c.kind === 'application' &&
    requiresAgreementWithHf(c.scheme) &&
    c.partners.some((p) => p.kind === 'helseforetak') &&
    !s.files.some((f) => f.type === 'cooperation-agreement')
  ) {
    found.add(key('MISSING_COOPERATION_AGREEMENT', null));
  }

  if (c.kind === 'application' && c.requested !== null) {
    const cap = capFor(c.scheme, c.year, c.priority, c.grantYear, c.positions);
    const overAmount = cap.amountCap !== null && c.requested > cap.amountCap;
    const overPositions = cap.maxPositions !== null && c.positions !== null && c.positions > cap.maxPositions;
    if (overAmount || overPositions) found.add(key('OVER_CAP', null));
  }

  const excluded = excludedCategories(c.scheme);
  if (c.budget.some((r) => r.amount > 0 && excluded.includes(r.category)))
    found.add(key('INELIGIBLE_COST', null));

  const deadline = deadlineFor(c.scheme, c.kind, c.year);
  if (deadline && c.date > deadline) found.add(key('LATE_SUBMISSION', null));

  const lineSum = c.budget.reduce((sum, r) => sum + r.amount, 0);
  if (c.kind === 'application') {
    const stated = c.statedBudgetTotal ?? lineSum;
    if (c.budget.length > 0 && (stated !== lineSum || (c.requested !== null && stated !== c.requested))) {
      found.add(key('SUM_MISMATCH', null));
    }
  } else {
    if (c.spent + c.unused !== c.granted) found.add(key('SUM_MISMATCH', null));
    if (c.budget.length > 0 && lineSum !== c.spent) found.add(key('SUM_MISMATCH', null));
  }
  return found;
}

/** Problems with a sample's construction (not findings): ambiguous wording, risky dates, inconsistencies. */
export function constructionProblems(s: Sample): string[] {
  const c = s.case;
  const problems: string[] = [];
  for (const row of c.budget) {
    const cats = categoriesOf(row.label);
    if (cats.length !== 1 || cats[0] !== row.category) {
      problems.push(`budget line "${row.label}" reads as ${cats.join('+')}, declared ${row.category}`);
    }
  }
  if (c.kind === 'application') {
    const own = c.budget.reduce((sum, r) => sum + (r.own ?? 0), 0);
    if (own > 0 && c.ownFunding !== own) problems.push(`own funding ${c.ownFunding} ≠ own column ${own}`);
  }
  const declaresLate = s.findings.some(([code]) => code === 'LATE_SUBMISSION');
  if (c.scheme && !declaresLate && c.date > presumedDeadline(c.scheme, c.kind, c.year)) {
    problems.push(
      `dated ${c.date}, after the presumed deadline ${presumedDeadline(c.scheme, c.kind, c.year)}`,
    );
  }
  if (c.partners.some((p) => p.name === c.applicant.name))
    problems.push('applicant listed as its own partner');
  if (c.priority !== null && (c.scheme === null || SCHEMES[c.scheme].priorities.length === 0)) {
    problems.push('priority on a scheme without priorities');
  }
  return problems;
}

export function findingKeys(s: Sample): Set<string> {
  return new Set(s.findings.map(([code, field]) => key(code, field)));
}
