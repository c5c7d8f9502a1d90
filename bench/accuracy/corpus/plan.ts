import { addDays, corruptOrgNumber, orgNumberValid, randomOrgNumber } from './formats.ts';
import { Rng as SeededRng } from './rng.ts';
import type { Municipality, Register } from './register.ts';
import type { Rng } from './rng.ts';
import { SCHEMES, expectedFindings, type SchemeId, type SchemeRule } from './rules.ts';
import {
  BUDGET_LINES,
  HEALTH_TRUSTS,
  HEALTH_TRUSTS_BY_COUNTY,
  MAIN_BUDGET_LINES,
  NON_MUNICIPAL_APPLICANTS,
  ORGANISATIONS,
  OTHER_GRANTS,
  OTHER_PARTNERS,
  TRYGGEST_LINES,
  partnerKindOf,
} from './vocabulary-known.ts';
import type { BudgetCategory, ExpectedFinding, ExpectedRecord, PartnerKind } from '../truth.ts';

/** What one submission says, decided before any document is drawn; the truth is read off it. */

/** Written standard of a submission: bokmål or nynorsk. */
export type Language = 'nb' | 'nn';

/** The words a plan draws on (budget lines, partner and applicant names); the rest is the composer's. */
export interface PlanVocabulary {
  budgetLines: Record<BudgetCategory, readonly string[]>;
  /** Wordings for the first, largest line of a budget. */
  mainBudgetLines: Partial<Record<BudgetCategory, readonly string[]>>;
  /** TryggEst spending lines (all drift). */
  tryggestLines: readonly string[];
  healthTrustsByCounty: Record<string, readonly string[]>;
  healthTrusts: readonly string[];
  /** Associations and foundations whose names say so. */
  organisations: readonly string[];
  /** Partners of kind annet. */
  otherPartners: readonly string[];
  nonMunicipalApplicants: readonly string[];
  /** Grants that are none of the seven schemes. */
  otherGrants: readonly string[];
  partnerKindOf: (name: string) => PartnerKind;
}

/** The known set's plan words (vocabulary-known.ts). */
export const KNOWN_PLAN_VOCABULARY: PlanVocabulary = {
  budgetLines: BUDGET_LINES,
  mainBudgetLines: MAIN_BUDGET_LINES,
  tryggestLines: TRYGGEST_LINES,
  healthTrustsByCounty: HEALTH_TRUSTS_BY_COUNTY,
  healthTrusts: HEALTH_TRUSTS,
  organisations: ORGANISATIONS,
  otherPartners: OTHER_PARTNERS,
  nonMunicipalApplicants: NON_MUNICIPAL_APPLICANTS,
  otherGrants: OTHER_GRANTS,
  partnerKindOf,
};

export type Defect =
  | 'over-cap'
  | 'over-cap-positions'
  | 'ineligible-cost'
  | 'late'
  | 'invalid-org-applicant'
  | 'invalid-org-partner'
  | 'sum-budget-total'
  | 'sum-requested'
  | 'sum-report'
  | 'missing-requested'
  | 'missing-positions'
  | 'missing-priority'
  | 'missing-grantYear'
  | 'missing-orgNumber'
  | 'missing-year'
  | 'missing-granted'
  | 'missing-spent'
  | 'ineligible-applicant'
  | 'unknown-scheme'
  | 'missing-agreement';

export interface PlannedPartner {
  name: string;
  kind: PartnerKind;
  /** Digits as written in the documents, or null when not written. */
  orgNumber: string | null;
}

export interface PlannedLine {
  label: string;
  category: BudgetCategory;
  /** From the grant (applications) or spent of it (reports). */
  amount: number;
  /** Own funding beside it, or the planned budget beside a report's spending; never truth. */
  other: number | null;
}

export interface Plan {
  index: number;
  /** Bokmål or nynorsk; the known set is all bokmål. */
  language: Language;
  source: string;
  folderYear: number;
  slug: string;
  zip: boolean;
  kind: 'application' | 'report';
  scheme: SchemeId | null;
  /** For unknown-scheme submissions: what the money is for instead. */
  otherGrant: string | null;
  /** The scheme year (the generator always knows it; `yearWritten` says whether documents show it). */
  year: number;
  yearWritten: boolean;
  applicant: {
    name: string;
    municipality: Municipality | null;
    /** Digits as written, or null when omitted. */
    orgNumber: string | null;
    writeMunicipalityNumber: boolean;
  };
  partners: PlannedPartner[];
  /** Whether the main document names the partners (else only the agreement does). */
  partnersInMain: boolean;
  agreement: boolean;
  priority: string | null;
  grantYear: number | null;
  positions: number | null;
  requested: number | null;
  granted: number | null;
  spent: number | null;
  unusedStated: number | null;
  budget: PlannedLine[];
  budgetStatedTotal: number | null;
  /** A second column beside the grant/spent column: own funding (application) or planned budget (report). */
  budgetOtherColumn: 'own' | 'planned' | null;
  submittedDate: string | null;
  /** The scheme's previous-year grant, mentioned in continuation applications as noise. */
  previousGrant: number | null;
  ownFunding: number | null;
  defects: Defect[];
}

export interface PlannedSubmission {
  plan: Plan;
  expected: ExpectedRecord;
  findings: ExpectedFinding[];
}

const APPLICATION_SCHEMES: (readonly [SchemeId, number])[] = [
  ['kommunalt-rusarbeid', 5],
  ['kommunalt-rusarbeid-overgang', 2],
  ['voksne-langvarig-sammensatt', 5],
  ['barn-unge-langvarig-sammensatt', 5],
  ['tryggest', 3],
  ['nav-sosiale-tjenester', 3],
  ['smittevern-oppfolging', 1.5],
];

const DEFECT_WEIGHTS: Record<Defect, number> = {
  'over-cap': 12,
  'over-cap-positions': 3,
  'ineligible-cost': 9,
  late: 11,
  'invalid-org-applicant': 7,
  'invalid-org-partner': 4,
  'sum-budget-total': 5,
  'sum-requested': 5,
  'sum-report': 6,
  'missing-requested': 3,
  'missing-positions': 3,
  'missing-priority': 2,
  'missing-grantYear': 2,
  'missing-orgNumber': 3,
  'missing-year': 3,
  'missing-granted': 2,
  'missing-spent': 2,
  'ineligible-applicant': 5,
  'unknown-scheme': 5,
  'missing-agreement': 8,
};

/** Defects that cannot be planted together (one would hide or blur the other). */
const CONFLICTS: [Defect, Defect][] = [
  ['missing-year', 'late'],
  ['missing-year', 'over-cap'],
  ['missing-year', 'over-cap-positions'],
  ['missing-requested', 'over-cap'],
  ['missing-requested', 'sum-requested'],
  ['missing-requested', 'sum-budget-total'],
  ['missing-requested', 'ineligible-cost'],
  ['missing-positions', 'over-cap'],
  ['missing-positions', 'over-cap-positions'],
  ['missing-grantYear', 'over-cap'],
  ['missing-grantYear', 'over-cap-positions'],
  ['missing-priority', 'over-cap'],
  ['missing-priority', 'over-cap-positions'],
  ['over-cap', 'over-cap-positions'],
  ['ineligible-applicant', 'invalid-org-applicant'],
  ['ineligible-applicant', 'missing-orgNumber'],
  ['missing-orgNumber', 'invalid-org-applicant'],
  ['missing-spent', 'sum-report'],
  ['missing-spent', 'sum-budget-total'],
  ['missing-spent', 'ineligible-cost'],
  ['missing-granted', 'sum-report'],
  ['sum-budget-total', 'sum-requested'],
  ['sum-budget-total', 'sum-report'],
  ['sum-requested', 'sum-report'],
];

const conflicts = (a: Defect, b: Defect): boolean =>
  CONFLICTS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

const roundDown = (n: number, step: number): number => Math.floor(n / step) * step;
const roundUp = (n: number, step: number): number => Math.ceil(n / step) * step;

function applicableDefects(rule: SchemeRule, kind: Plan['kind'], year: number): Defect[] {
  const out: Defect[] = ['invalid-org-applicant', 'invalid-org-partner', 'missing-orgNumber', 'missing-year'];
  const deadline = kind === 'application' ? rule.applicationDeadlines[year] : rule.reportDeadline(year);
  if (deadline) out.push('late');
  if (rule.excludedCosts.length > 0) out.push('ineligible-cost');
  out.push('sum-budget-total');
  if (kind === 'application') {
    out.push('sum-requested', 'missing-requested', 'ineligible-applicant');
    if (rule.capYears.includes(year)) out.push('over-cap');
    if (rule.capYears.includes(year) && rule.id === 'barn-unge-langvarig-sammensatt')
      out.push('over-cap-positions');
    if (rule.positions === 'required') out.push('missing-positions');
    if (rule.priorities.length > 0) out.push('missing-priority', 'missing-grantYear');
    if (rule.agreementWhenHealthTrust) out.push('missing-agreement');
  } else {
    out.push('sum-report', 'missing-granted', 'missing-spent');
  }
  return out;
}

const slugify = (s: string): string =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface PlanContext {
  register: Register;
  usedSources: Set<string>;
  /** Whether submission i carries planted defects (spread evenly, so every prefix has about the same share). */
  withDefect: (index: number) => boolean;
  /** The plan words for a language; the known vocabulary when absent. */
  vocabulary?: (language: Language) => PlanVocabulary;
  /** The language of submission i; bokmål when absent. Decided outside the plan's random stream. */
  languageOf?: (index: number) => Language;
  /** Municipalities a submission in this language comes from (nynorsk is written in some regions only). */
  municipalitiesFor?: (language: Language, all: Municipality[]) => Municipality[];
}

/** Decides one submission: its values, its planted defects, and from them its truth. */
export function planSubmission(rng: Rng, index: number, ctx: PlanContext): PlannedSubmission {
  // The first defect is drawn first and the context fitted to it, so rare contexts (a year with a
  // known deadline, a scheme with a cap) still get their share of findings.
  const withDefect = ctx.withDefect(index);
  const language: Language = ctx.languageOf?.(index) ?? 'nb';
  const vocab = ctx.vocabulary?.(language) ?? KNOWN_PLAN_VOCABULARY;
  const primary: Defect | null = withDefect
    ? rng.weighted(Object.entries(DEFECT_WEIGHTS) as [Defect, number][])
    : null;
  const unknownScheme = primary === 'unknown-scheme';
  let kind: Plan['kind'] = 'application';
  let schemeId: SchemeId = 'kommunalt-rusarbeid';
  let year = 2020;
  for (let attempt = 0; attempt < 500; attempt++) {
    kind = unknownScheme ? 'application' : rng.chance(0.6) ? 'application' : 'report';
    schemeId = rng.weighted(APPLICATION_SCHEMES);
    const r = SCHEMES[schemeId];
    year = unknownScheme
      ? rng.int(2020, 2025)
      : rng.pick(kind === 'application' ? r.applicationYears : r.reportYears);
    if (!primary || unknownScheme || applicableDefects(r, kind, year).includes(primary)) break;
  }
  const rule = SCHEMES[schemeId];

  let priority: string | null = null;
  let grantYear: number | null = null;
  if (!unknownScheme) {
    const priorities = rule.priorities.filter((p) => !p.years || p.years.includes(year));
    if (priorities.length > 0) {
      const p = rng.pick(priorities);
      priority = p.name;
      grantYear = rng.pick(p.grantYears);
      if (kind === 'report' && grantYear === 0 && rng.chance(0.6))
        grantYear = rng.pick(p.grantYears.filter((g) => g > 0));
    } else if (rule.grantYears) {
      grantYear = rng.pick(rule.grantYears(year));
    }
  }

  const defects: Defect[] = primary ? [primary] : [];
  if (primary && !unknownScheme && rng.chance(0.22)) {
    const rest = applicableDefects(rule, kind, year).filter((d) => d !== primary && !conflicts(d, primary));
    if (rest.length > 0) defects.push(rng.weighted(rest.map((d) => [d, DEFECT_WEIGHTS[d]] as const)));
  }
  const has = (d: Defect): boolean => defects.includes(d);

  // Applicant.
  const withOrg = ctx.register.municipalities.filter((m) => m.orgNumber !== null);
  const municipalities = ctx.municipalitiesFor?.(language, withOrg) ?? withOrg;
  const municipality = rng.pick(municipalities);
  const nonMunicipal = has('ineligible-applicant');
  const applicantName = nonMunicipal
    ? rng.pick(vocab.nonMunicipalApplicants)
    : `${municipality.plainName} kommune`;
  let orgNumber: string | null = nonMunicipal
    ? randomOrgNumber(rng, ctx.register.orgNumbers)
    : (municipality.orgNumber as string);
  if (has('invalid-org-applicant')) orgNumber = corruptOrgNumber(rng, orgNumber);
  if (has('missing-orgNumber')) orgNumber = null;
  const orgUsable = orgNumber !== null && orgNumberValid(orgNumber);
  const ambiguousName = ctx.register.ambiguousNames.has(municipality.plainName);
  const writeMunicipalityNumber = !nonMunicipal && (rng.chance(0.5) || (ambiguousName && !orgUsable));

  // Positions.
  let positions: number | null = null;
  if (!unknownScheme && rule.positions !== 'never') {
    positions = pickPositions(rng, schemeId, priority, grantYear);
    if (has('over-cap-positions')) {
      positions = priority === 'FACT-ung' ? rng.pick([11, 12, 12.5, 14]) : rng.pick([5.5, 6, 7]);
    }
  }
  if (has('missing-positions')) positions = null;
  if (has('missing-priority')) priority = null;
  if (has('missing-grantYear')) grantYear = null;
  // A forprosjekt year on a scheme with over-cap-positions makes no sense: use year 1.
  if (has('over-cap-positions') && grantYear === 0) grantYear = 1;

  // Partners.
  const partners = pickPartners(
    rng,
    schemeId,
    unknownScheme,
    kind,
    municipality,
    ctx.register,
    has('missing-agreement'),
    vocab,
  );
  if (has('invalid-org-partner')) {
    if (partners.length === 0) {
      const name = rng.pick(vocab.organisations);
      partners.push({ name, kind: vocab.partnerKindOf(name), orgNumber: null });
    }
    const p = rng.pick(partners);
    p.orgNumber = corruptOrgNumber(rng, randomOrgNumber(rng, ctx.register.orgNumbers));
  }
  const hasTrust = partners.some((p) => p.kind === 'helseforetak');
  const agreement = has('missing-agreement')
    ? false
    : kind === 'application' && rule.agreementWhenHealthTrust && hasTrust && !unknownScheme
      ? true
      : partners.length > 0 && rng.chance(hasTrust ? 0.5 : 0.15);
  const partnersInMain = partners.length === 0 || !agreement || rng.chance(0.8);

  // Money.
  let requested: number | null = null;
  let granted: number | null = null;
  let spent: number | null = null;
  let unusedStated: number | null = null;
  const capsKnown = !has('missing-positions') && !has('missing-grantYear') && !has('missing-priority');
  const fullCap = rule.cap(year, priority, grantYear, positions).maxAmount;
  const base = (): number => {
    if (unknownScheme) return roundDown(rng.int(150_000, 1_500_000), 10_000);
    if (!capsKnown) {
      // A cap dimension is missing: stay under every cap whatever the missing value is.
      return roundDown(rng.int(150_000, 300_000), 10_000);
    }
    if (fullCap !== null) {
      if (rng.chance(0.12)) return fullCap;
      const step = rng.pick([10_000, 5_000, 1_000]);
      return Math.max(step, roundDown(fullCap * (0.5 + rng.float() * 0.5), step));
    }
    return defaultAmount(rng, schemeId, positions);
  };

  if (kind === 'application') {
    requested = base();
    if (has('over-cap') && fullCap !== null) requested = roundUp(fullCap * (1.1 + rng.float() * 0.6), 10_000);
    if (has('missing-requested')) requested = null;
  } else {
    granted = base();
    spent = rng.chance(0.3) ? granted : Math.round(granted * (0.55 + rng.float() * 0.43));
    if (rng.chance(0.6) || has('sum-report')) unusedStated = granted - spent;
    if (has('sum-report'))
      unusedStated = (unusedStated as number) + mismatchDelta(rng, unusedStated as number);
    if (has('missing-spent')) {
      spent = null;
      unusedStated = null;
    }
    if (has('missing-granted')) granted = null;
  }

  // Budget (grant part) or spending lines.
  const budgetTotalTarget = kind === 'application' ? requested : spent;
  const wantsBudget =
    budgetTotalTarget !== null &&
    (has('ineligible-cost') ||
      has('sum-budget-total') ||
      has('sum-requested') ||
      rng.chance(kind === 'application' ? 0.7 : 0.75));
  let budget: PlannedLine[] = [];
  let budgetStatedTotal: number | null = null;
  let budgetOtherColumn: Plan['budgetOtherColumn'] = null;
  if (wantsBudget && budgetTotalTarget !== null) {
    let total = budgetTotalTarget;
    if (has('sum-requested')) total = budgetTotalTarget + mismatchDelta(rng, budgetTotalTarget);
    budget = budgetLines(rng, schemeId, unknownScheme, total, has('ineligible-cost'), kind, vocab);
    budgetStatedTotal = has('sum-budget-total') || has('sum-requested') || rng.chance(0.7) ? total : null;
    if (has('sum-budget-total')) {
      // One line is off: the written total no longer matches its lines.
      const line = budget.reduce((a, b) => (b.amount > a.amount ? b : a));
      line.amount += mismatchDelta(rng, line.amount);
    }
    if (rng.chance(0.35)) {
      budgetOtherColumn = kind === 'application' ? 'own' : 'planned';
      for (const l of budget) {
        l.other =
          budgetOtherColumn === 'own'
            ? roundDown(l.amount * (0.1 + rng.float() * 0.6), 1_000)
            : roundDown(l.amount * (0.9 + rng.float() * 0.3), 1_000);
      }
      if (budgetOtherColumn === 'planned' && granted !== null) {
        // The planned budget spends the grant: its column adds up to the granted amount.
        const sum = budget.reduce((s, l) => s + (l.other ?? 0), 0);
        const first = budget[0] as PlannedLine;
        first.other = (first.other ?? 0) + (granted - sum);
        if ((first.other ?? 0) <= 0) budgetOtherColumn = null;
      }
    }
  }

  // Dates.
  const { date, late } = pickDate(rng, rule, kind, year, has('late'), unknownScheme);
  const submittedDate = late || rng.chance(0.95) ? date : null;
  const folderYear = submittedDate ? Number(submittedDate.slice(0, 4)) : kind === 'report' ? year + 1 : year;

  // Source.
  const zip = rng.chance(0.08);
  const base0 = slugify(municipality.plainName);
  let slug = rng.weighted<string>([
    [base0, 4],
    [
      `${base0}-${kind === 'application' ? rng.pick(['soknad', 'søknad', 'sok']) : rng.pick(['rapport', 'rapp'])}`,
      2,
    ],
    [`${String(folderYear).slice(2)}-${String(rng.int(100, 9999)).padStart(4, '0')}-${base0}`, 2],
    [`${municipality.plainName.replace(/ /g, '_')}`, 1],
  ]);
  let source = `${folderYear}/${slug}${zip ? '.zip' : ''}`;
  for (let n = 2; ctx.usedSources.has(source.replace(/\.zip$/, '')); n++) {
    slug = `${slug.replace(/-\d+$/, '')}-${n}`;
    source = `${folderYear}/${slug}${zip ? '.zip' : ''}`;
  }
  ctx.usedSources.add(source.replace(/\.zip$/, ''));

  const previousGrant =
    kind === 'application' && grantYear !== null && grantYear >= 2 && requested !== null && rng.chance(0.3)
      ? roundDown(requested * (1 + rng.float() * 0.3), 10_000)
      : null;
  const ownFunding =
    kind === 'application' && budgetOtherColumn === 'own'
      ? budget.reduce((s, l) => s + (l.other ?? 0), 0)
      : kind === 'application' && !unknownScheme && rng.chance(0.45)
        ? roundDown((requested ?? 500_000) * (0.15 + rng.float() * 0.6), 10_000)
        : null;

  const plan: Plan = {
    index,
    language,
    source,
    folderYear,
    slug,
    zip,
    kind,
    scheme: unknownScheme ? null : schemeId,
    otherGrant: unknownScheme ? rng.pick(vocab.otherGrants) : null,
    year,
    yearWritten: !has('missing-year'),
    applicant: {
      name: applicantName,
      municipality: nonMunicipal ? null : municipality,
      orgNumber,
      writeMunicipalityNumber,
    },
    partners,
    partnersInMain,
    agreement,
    priority,
    grantYear,
    positions,
    requested,
    granted,
    spent,
    unusedStated,
    budget,
    budgetStatedTotal,
    budgetOtherColumn,
    submittedDate,
    previousGrant,
    ownFunding,
    defects,
  };
  if (nonMunicipal) plan.applicant.writeMunicipalityNumber = false;

  const expected = expectedRecordOf(plan);
  const findings = expectedFindings(expected, {
    budgetStatedTotal,
    unusedStated,
    hasCooperationAgreement: agreement,
    partnerOrgNumbers: partners.flatMap((p) => (p.orgNumber ? [p.orgNumber] : [])),
    registerOrgNumbers: ctx.register.orgNumbers,
  });
  return { plan, expected, findings };
}

export function expectedRecordOf(plan: Plan): ExpectedRecord {
  const merged: { category: BudgetCategory; amount: number }[] = [];
  for (const l of plan.budget) {
    const seen = merged.find((m) => m.category === l.category);
    if (seen) seen.amount += l.amount;
    else merged.push({ category: l.category, amount: l.amount });
  }
  return {
    kind: plan.kind,
    scheme: plan.scheme,
    year: plan.yearWritten ? plan.year : null,
    applicant: {
      name: plan.applicant.name,
      orgNumber: plan.applicant.orgNumber,
      municipalityNumber: plan.applicant.municipality?.number ?? null,
    },
    partners: plan.partners.map((p) => ({ name: p.name, orgNumber: p.orgNumber, kind: p.kind })),
    priority: plan.priority,
    grantYear: plan.grantYear,
    positions: plan.positions,
    requestedAmount: plan.requested,
    grantedAmount: plan.granted,
    spentAmount: plan.spent,
    submittedDate: plan.submittedDate,
    budget: merged,
  };
}

function mismatchDelta(rng: Rng, around: number): number {
  const magnitude = Math.max(1_000, roundDown(Math.max(around, 20_000) * (0.03 + rng.float() * 0.2), 1_000));
  return rng.chance(0.5) || around - magnitude <= 0 ? magnitude : -magnitude;
}

function pickPositions(
  rng: Rng,
  scheme: SchemeId,
  priority: string | null,
  grantYear: number | null,
): number {
  const halves = (lo: number, hi: number): number => rng.int(lo * 2, hi * 2) / 2;
  if (grantYear === 0) return rng.pick([0.5, 0.6, 0.8, 1, 1, 1.5]);
  switch (scheme) {
    case 'barn-unge-langvarig-sammensatt':
      return priority === 'Lavterskeltilbud' ? halves(1, 5) : halves(2, 9);
    case 'voksne-langvarig-sammensatt':
      return halves(2, 8);
    case 'nav-sosiale-tjenester':
      return rng.pick([1, 1, 2, 1.5, 3, 0.5]);
    case 'kommunalt-rusarbeid-overgang':
      return rng.pick([0.5, 0.8, 1, 1.2, 1.5, 2, 2.5, 3, 4]);
    default:
      return rng.pick([0.5, 1, 1.5, 2, 2.5, 3, 4, 0.6, 0.8]);
  }
}

function defaultAmount(rng: Rng, scheme: SchemeId, positions: number | null): number {
  const step = rng.pick([10_000, 5_000, 1_000]);
  switch (scheme) {
    case 'kommunalt-rusarbeid':
      return roundDown((positions ?? 1.5) * rng.int(350_000, 750_000), step);
    case 'kommunalt-rusarbeid-overgang':
      return roundDown((positions ?? 1) * rng.int(280_000, 450_000), step);
    case 'smittevern-oppfolging':
      return roundDown(rng.int(100_000, 900_000), step);
    default:
      return roundDown(rng.int(200_000, 1_500_000), step);
  }
}

function splitAmount(rng: Rng, total: number, parts: number): number[] {
  if (parts <= 1) return [total];
  const step = total % 5_000 === 0 ? 5_000 : total % 1_000 === 0 ? 1_000 : 1;
  const weights = Array.from({ length: parts }, (_, i) =>
    i === 0 ? 3 + rng.float() * 4 : 0.5 + rng.float(),
  );
  const wsum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(step, roundDown((total * w) / wsum, step)));
  const rest = total - out.reduce((a, b) => a + b, 0);
  out[0] = (out[0] as number) + rest;
  if ((out[0] as number) <= 0) return [total];
  return out;
}

function budgetLines(
  rng: Rng,
  scheme: SchemeId,
  unknownScheme: boolean,
  total: number,
  ineligible: boolean,
  kind: Plan['kind'],
  vocab: PlanVocabulary,
): PlannedLine[] {
  const rule = SCHEMES[scheme];
  const categories: BudgetCategory[] = unknownScheme
    ? ['lønn', 'drift', 'annet']
    : [...rule.budgetCategories];
  const nLines = rng.int(1, Math.min(4, categories.length + 2));
  const lines: { label: string; category: BudgetCategory }[] = [];
  const usedLabels = new Set<string>();
  const addLine = (category: BudgetCategory): void => {
    const pool =
      scheme === 'tryggest' && !unknownScheme && category === 'drift'
        ? vocab.tryggestLines
        : lines.length === 0
          ? (vocab.mainBudgetLines[category] ?? vocab.budgetLines[category])
          : vocab.budgetLines[category];
    const label = rng.pick(pool.filter((l) => !usedLabels.has(l)));
    usedLabels.add(label);
    lines.push({ label, category });
  };
  // The first line is the scheme's main cost (salaries where the scheme pays positions).
  addLine(categories[0] as BudgetCategory);
  for (let i = 1; i < nLines; i++) addLine(rng.pick(categories));
  let ineligibleAmount = 0;
  let ineligibleCategory: BudgetCategory | null = null;
  if (ineligible) {
    ineligibleCategory = rng.pick(rule.excludedCosts);
    ineligibleAmount = Math.min(roundDown(total * (0.05 + rng.float() * 0.2), 1_000) || 1_000, total - 1_000);
  }
  const amounts = splitAmount(rng, total - ineligibleAmount, lines.length);
  const out: PlannedLine[] = lines.map((l, i) => ({ ...l, amount: amounts[i] as number, other: null }));
  if (kind === 'report') {
    // Spending is rarely round: spread some kroner between lines.
    for (let i = 1; i < out.length; i++) {
      const shift = rng.int(0, Math.min(9_999, (out[i] as PlannedLine).amount - 1));
      (out[i] as PlannedLine).amount -= shift;
      (out[0] as PlannedLine).amount += shift;
    }
  }
  if (ineligibleCategory) {
    const label = rng.pick(vocab.budgetLines[ineligibleCategory]);
    out.splice(rng.int(1, out.length), 0, {
      label,
      category: ineligibleCategory,
      amount: ineligibleAmount,
      other: null,
    });
  }
  return out;
}

function pickPartners(
  rng: Rng,
  scheme: SchemeId,
  unknownScheme: boolean,
  kind: Plan['kind'],
  self: Municipality,
  register: Register,
  forceTrust: boolean,
  vocab: PlanVocabulary,
): PlannedPartner[] {
  const p = (x: number): boolean => rng.chance(kind === 'report' ? x * 0.7 : x);
  const chances: Record<SchemeId, [number, number, number, number]> = {
    // [health trust, municipality, organisation, other]
    'kommunalt-rusarbeid': [0.08, 0.2, 0.4, 0.08],
    'kommunalt-rusarbeid-overgang': [0, 0.05, 0.05, 0],
    'voksne-langvarig-sammensatt': [0.45, 0.2, 0.15, 0.1],
    'barn-unge-langvarig-sammensatt': [0.45, 0.2, 0.15, 0.1],
    tryggest: [0, 0.1, 0.1, 0.05],
    'nav-sosiale-tjenester': [0, 0.1, 0.05, 0.05],
    'smittevern-oppfolging': [0, 0.05, 0.15, 0],
  };
  const [trust, muni, org, other] = unknownScheme ? [0, 0.1, 0.05, 0] : chances[scheme];
  const out: PlannedPartner[] = [];
  if (forceTrust || p(trust)) {
    const name = rng.pick(vocab.healthTrustsByCounty[self.number.slice(0, 2)] ?? vocab.healthTrusts);
    // A trust has one (made-up) organisation number throughout the corpus.
    const orgNumber = randomOrgNumber(new SeededRng(`trust:${name}`), register.orgNumbers);
    out.push({ name, kind: 'helseforetak', orgNumber: rng.chance(0.5) ? orgNumber : null });
  }
  if (p(muni)) {
    const n = rng.pick([1, 1, 2]);
    const others = register.municipalities.filter(
      (m) =>
        m.number !== self.number &&
        m.number.slice(0, 2) === self.number.slice(0, 2) &&
        m.plainName !== self.plainName,
    );
    for (const m of rng.sample(others.length > 0 ? others : register.municipalities, n)) {
      if (out.some((x) => x.name === `${m.plainName} kommune`)) continue;
      out.push({
        name: `${m.plainName} kommune`,
        kind: 'kommune',
        orgNumber: m.orgNumber && rng.chance(0.25) ? m.orgNumber : null,
      });
    }
  }
  if (p(org)) {
    const name = rng.pick(vocab.organisations);
    out.push({
      name,
      kind: vocab.partnerKindOf(name),
      orgNumber: rng.chance(0.2) ? randomOrgNumber(rng, register.orgNumbers) : null,
    });
  }
  if (p(other)) {
    const name = rng.pick(vocab.otherPartners);
    out.push({ name, kind: vocab.partnerKindOf(name), orgNumber: null });
  }
  return out;
}

/** The date a submission carries: before or on a known deadline, clearly after it when late, else in a safe window. */
function pickDate(
  rng: Rng,
  rule: SchemeRule,
  kind: Plan['kind'],
  year: number,
  late: boolean,
  unknownScheme: boolean,
): { date: string; late: boolean } {
  const deadline = unknownScheme
    ? null
    : kind === 'application'
      ? (rule.applicationDeadlines[year] ?? null)
      : rule.reportDeadline(year);
  if (deadline) {
    if (late) return { date: addDays(deadline, rng.int(3, 70)), late: true };
    return { date: rng.chance(0.1) ? deadline : addDays(deadline, -rng.int(1, 45)), late: false };
  }
  if (kind === 'report') return { date: addDays(`${year + 1}-01-05`, rng.int(0, 23)), late: false };
  if (!unknownScheme && rule.id === 'smittevern-oppfolging') {
    return { date: addDays(`${year}-04-20`, rng.int(0, 20)), late: false };
  }
  return { date: addDays(`${year}-01-05`, rng.int(0, 26)), late: false };
}
