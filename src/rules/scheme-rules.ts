import { isValidOrgNumber } from '../normalise/org-number.ts';
import type { Evidence, Extracted } from '../domain/evidence.ts';
import type { SubmissionFields } from '../extract/extract-submission.ts';
import type { Finding, SubmissionKind } from '../domain/record.ts';
import type { RequiredField, Scheme } from '../schemes/scheme-schema.ts';
import { summariseBudget } from '../extract/budget.ts';
import { fieldName } from './field-names.ts';
import {
  addMonths,
  checkNotMade,
  finding,
  fte,
  kr,
  listNb,
  norwegianDate,
  type Rule,
  type RuleContext,
} from './rule-context.ts';

export const unknownScheme: Rule = ({ fields, documents }) => {
  if (fields.scheme || documents.every((d) => d.read.failure !== null)) return [];
  const first = documents.find((d) => d.read.failure === null);
  return [
    finding(
      'UNKNOWN_SCHEME',
      'Fant ikke hvilken tilskuddsordning innsendingen gjelder. Velg ordning manuelt.',
      first ? { path: first.read.path, page: 1, text: '' } : null,
      'scheme',
    ),
  ];
};

function valueOf(ctx: RuleContext, field: RequiredField): unknown {
  const f = ctx.fields;
  switch (field) {
    case 'applicant.name':
      return f.applicant.name;
    case 'applicant.orgNumber':
      return f.applicant.orgNumber;
    default:
      return f[field];
  }
}

/** Base fields every submission needs, used when no scheme is recognised. */
const BASE: Record<'application' | 'report', RequiredField[]> = {
  application: ['applicant.name', 'applicant.orgNumber', 'year', 'requestedAmount'],
  report: ['applicant.name', 'applicant.orgNumber', 'year', 'grantedAmount', 'spentAmount'],
};

export const missingField: Rule = (ctx) => {
  const { fields, scheme } = ctx;
  if (!fields.kind) return [];
  const year = fields.year?.value;
  const grantYear = fields.grantYear?.value;
  const required = scheme
    ? scheme.requiredFields[fields.kind]
        .filter((r) => !r.years || year === undefined || r.years.includes(year))
        .filter((r) => !r.grantYears || grantYear === undefined || r.grantYears.includes(grantYear))
        .map((r) => r.field)
    : BASE[fields.kind];
  const where =
    ctx.documents.find((d) => d.type === fields.kind || d.type === 'financial-report') ?? ctx.documents[0];
  return required
    .filter((field) => valueOf(ctx, field) === null)
    .map((field) =>
      finding(
        'MISSING_FIELD',
        `Fant ikke ${fieldName(field)} i innsendingen. Legg inn verdien eller be kommunen om opplysningen.`,
        where ? { path: where.read.path, page: null, text: '' } : null,
        field,
      ),
    );
};

export const invalidOrgNumber: Rule = ({ fields }) => {
  const out: Finding[] = [];
  const org = fields.applicant.orgNumber;
  if (org && !isValidOrgNumber(org.value)) {
    out.push(
      finding(
        'INVALID_ORG_NUMBER',
        `Organisasjonsnummeret ${org.value} er ikke gyldig (kontrollsifferet stemmer ikke).`,
        org.evidence,
        'applicant.orgNumber',
      ),
    );
  }
  for (const p of fields.partners) {
    if (p.orgNumber && !isValidOrgNumber(p.orgNumber)) {
      out.push(
        finding(
          'INVALID_ORG_NUMBER',
          `Organisasjonsnummeret ${p.orgNumber} for ${p.name} er ikke gyldig (kontrollsifferet stemmer ikke).`,
          p.evidence,
          'partners',
        ),
      );
    }
  }
  return out;
};

/** The applicant must be a municipality where the scheme says so: by name or by the register. */
export const ineligibleApplicant: Rule = ({ fields, scheme, register }) => {
  if (!scheme || !scheme.applicantKinds.kinds.includes('kommune') || scheme.applicantKinds.kinds.length > 1)
    return [];
  const name = fields.applicant.name;
  if (!name) return [];
  const org = fields.applicant.orgNumber?.value;
  const isMunicipality =
    /\bkommune\b|\bsuohkan\b|\bgielda\b/i.test(name.value) ||
    fields.applicant.municipality !== null ||
    (register !== null && org !== undefined && register.byOrgNumber(org).length > 0);
  if (isMunicipality) return [];
  return [
    finding(
      'INELIGIBLE_APPLICANT',
      `Søkeren «${name.value}» er ikke en kommune. Ordningen «${scheme.name}» har bare kommuner som søkere.`,
      name.evidence,
      'applicant.name',
    ),
  ];
};

export const missingCooperationAgreement: Rule = ({ fields, scheme, documents }) => {
  if (!scheme || fields.kind !== 'application') return [];
  const hasAgreement = documents.some((d) => d.type === 'cooperation-agreement');
  if (hasAgreement) return [];
  const hf = fields.partners.find((p) => p.kind === 'helseforetak');
  const needed = scheme.requiredAttachments.find(
    (r) =>
      r.type === 'cooperation-agreement' &&
      (r.when === 'always' || (r.when === 'partner-helseforetak' && hf)),
  );
  if (!needed) return [];
  const why = hf ? ` når ${hf.name} er samarbeidspart` : '';
  return [
    finding(
      'MISSING_COOPERATION_AGREEMENT',
      `Samarbeidsavtale mangler. Ordningen krever at samarbeidsavtale legges ved søknaden${why}.`,
      hf?.evidence ?? null,
      null,
    ),
  ];
};

type Cap = Scheme['caps'][number];
/** The values a cap can depend on that the submission may leave unknown. */
type CapDimension = 'priority' | 'grantYear' | 'year';
type CapCase = Partial<Record<CapDimension, number | string>>;

const DIMENSION_NAMES: Record<CapDimension, string> = {
  priority: 'prioritert tiltak',
  grantYear: 'år i tilskuddsperioden',
  year: 'tilskuddsår',
};

const capApplies = (cap: Cap, c: CapCase) =>
  (!cap.years || cap.years.includes(c.year as number)) &&
  (!cap.priority || cap.priority === c.priority) &&
  (!cap.grantYears || cap.grantYears.includes(c.grantYear as number));

/** The values an unknown dimension can take in this scheme: its priorities, grant period, years. */
function possibleValues(scheme: Scheme, dimension: CapDimension): Array<number | string> {
  const fromCaps = scheme.caps.flatMap((c): Array<number | string> => {
    if (dimension === 'priority') return c.priority ? [c.priority] : [];
    return (dimension === 'grantYear' ? c.grantYears : c.years) ?? [];
  });
  let listed: Array<number | string> = [];
  if (dimension === 'priority') listed = scheme.priorities.map((p) => p.name);
  if (dimension === 'year') listed = scheme.years.map((y) => y.year);
  if (dimension === 'grantYear' && scheme.grantPeriod) {
    listed = Array.from({ length: scheme.grantPeriod.maxYears }, (_, i) => i + 1);
    if (scheme.grantPeriod.forprosjekt) listed.unshift(0);
  }
  return [...new Set([...listed, ...fromCaps])].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : 0,
  );
}

const grantYearLabel = (g: number) => (g === 0 ? 'forprosjekt' : `år ${g}`);

/** "for år 1 og år 2": the values of the unknown dimensions in the given cases. */
function casesLabel(cases: CapCase[], unknown: CapDimension[]): string {
  const parts = cases.map((c) =>
    unknown.map((d) => (d === 'grantYear' ? grantYearLabel(c.grantYear as number) : String(c[d]))).join(', '),
  );
  return parts.length > 0 && unknown.length > 0 ? ` for ${listNb([...new Set(parts)])}` : '';
}

interface Limit {
  value: number;
  /** "500 000 kr per 100 % stilling × 2,5 stillinger", or '' for a flat sum. */
  how: string;
  cap: Cap;
}

/** How one field fares under one case: over a limit, within (the most generous applicable limit, or none), or not checkable. */
type Outcome =
  | { kind: 'over'; limit: Limit }
  | { kind: 'within'; limit: Limit | null }
  | { kind: 'unknown'; perPosition: Cap };

function amountOutcome(caps: Cap[], requested: number, positions: number | undefined): Outcome {
  const limits: Limit[] = [];
  let needsPositions: Cap | null = null;
  for (const cap of caps) {
    if (cap.maxAmount !== undefined) limits.push({ value: cap.maxAmount, how: '', cap });
    if (cap.perPosition !== undefined) {
      if (positions === undefined) needsPositions ??= cap;
      else
        limits.push({
          value: Math.round(cap.perPosition * positions),
          how: `${kr(cap.perPosition)} per 100 % stilling × ${fte(positions)} stillinger`,
          cap,
        });
    }
  }
  const tightest = limits.sort((a, b) => a.value - b.value)[0];
  if (tightest && requested > tightest.value) return { kind: 'over', limit: tightest };
  if (needsPositions) return { kind: 'unknown', perPosition: needsPositions };
  return { kind: 'within', limit: tightest ?? null };
}

function positionsOutcome(caps: Cap[], positions: number): Outcome {
  const limits = caps
    .filter((c) => c.maxPositions !== undefined)
    .map((cap) => ({ value: cap.maxPositions!, how: '', cap }))
    .sort((a, b) => a.value - b.value);
  const tightest = limits[0];
  if (tightest && positions > tightest.value) return { kind: 'over', limit: tightest };
  return { kind: 'within', limit: tightest ?? null };
}

/**
 * Caps for the scheme, year, priority and grant year: rate × positions, flat sums, max positions.
 * When the year, priority or grant year a cap depends on is unknown, every value the scheme allows
 * is tried: over the cap under all of them is OVER_CAP; under some only, an info note on the
 * unknown field (folded into its MISSING_FIELD), never OVER_CAP on a request that may be within.
 */
export const overCap: Rule = ({ fields, scheme }) => {
  if (!scheme || fields.kind !== 'application') return [];
  const known: CapCase = {};
  if (fields.priority) known.priority = fields.priority.value;
  if (fields.grantYear) known.grantYear = fields.grantYear.value;
  if (fields.year) known.year = fields.year.value;
  const uses: Record<CapDimension, (c: Cap) => boolean> = {
    priority: (c) => c.priority !== undefined,
    grantYear: (c) => c.grantYears !== undefined,
    year: (c) => c.years !== undefined,
  };
  const unknown = (['priority', 'grantYear', 'year'] as const).filter(
    (d) => known[d] === undefined && scheme.caps.some(uses[d]) && possibleValues(scheme, d).length > 0,
  );
  let cases: CapCase[] = [known];
  for (const d of unknown)
    cases = cases.flatMap((c) => possibleValues(scheme, d).map((value) => ({ ...c, [d]: value })));

  const requested = fields.requestedAmount;
  const positions = fields.positions;
  const out: Finding[] = [];
  if (positions) {
    const outcomes = cases.map((c) =>
      positionsOutcome(
        scheme.caps.filter((cap) => capApplies(cap, c)),
        positions.value,
      ),
    );
    out.push(...judge('positions', outcomes, cases, unknown, positions, fields));
  }
  if (requested) {
    const outcomes = cases.map((c) =>
      amountOutcome(
        scheme.caps.filter((cap) => capApplies(cap, c)),
        requested.value,
        positions?.value,
      ),
    );
    out.push(...judge('requestedAmount', outcomes, cases, unknown, requested, fields));
  }
  return out;
};

function judge(
  field: 'positions' | 'requestedAmount',
  outcomes: Outcome[],
  cases: CapCase[],
  unknown: CapDimension[],
  value: Extracted<number>,
  fields: SubmissionFields,
): Finding[] {
  const withLimit = (kind: 'over' | 'within') =>
    outcomes.flatMap((o, i) => (o.kind === kind && o.limit ? [{ limit: o.limit, c: cases[i]! }] : []));
  const over = withLimit('over');
  const amount = (n: number) => (field === 'positions' ? `${fte(n)} stillinger` : kr(n));
  const subject =
    field === 'positions' ? `Antall stillinger (${fte(value.value)})` : `Søknadsbeløpet ${kr(value.value)}`;
  const unknownNames = listNb(unknown.map((d) => DIMENSION_NAMES[d]));
  /** "1 250 000 kr (500 000 kr per 100 % stilling × 2,5 stillinger) for år 1 og år 2" */
  const describe = (group: typeof over, pick: 'lowest' | 'highest') => {
    const values = group.map((g) => g.limit.value);
    const target = pick === 'lowest' ? Math.min(...values) : Math.max(...values);
    const same = group.filter((g) => g.limit.value === target);
    const how = same[0]!.limit.how ? ` (${same[0]!.limit.how})` : '';
    return `${amount(target)}${how}${casesLabel(
      same.map((g) => g.c),
      unknown,
    )}`;
  };

  if (over.length > 0 && over.length === outcomes.length) {
    if (unknown.length === 0) return [overCapFinding(field, value, over[0]!.limit)];
    return [
      finding(
        'OVER_CAP',
        `${subject} er over grensen uansett ${unknownNames}, som ikke er oppgitt: selv den høyeste grensen, ${describe(over, 'highest')}, er lavere.`,
        value.evidence,
        field,
      ),
    ];
  }

  if (over.length > 0) {
    const free = cases.filter((_, i) => {
      const o = outcomes[i]!;
      return o.kind === 'within' && o.limit === null;
    });
    const within = withLimit('within');
    const withinText =
      free.length > 0
        ? `, men ordningen har ingen slik grense${casesLabel(free, unknown)}`
        : within.length > 0
          ? `, men innenfor grensen på ${describe(within, 'highest')}`
          : '';
    return [
      checkNotMade(
        `${subject} er over grensen på ${describe(over, 'lowest')}${withinText}. Om taket er overskredet, avhenger av ${unknownNames}, som ikke er oppgitt.`,
        value.evidence,
        unknown[0]!,
      ),
    ];
  }

  const unchecked = outcomes.find((o) => o.kind === 'unknown');
  if (unchecked?.kind === 'unknown') {
    const cap = unchecked.perPosition;
    const scope = capScope(cap.priority, cap.grantYears);
    return [
      checkNotMade(
        `Søknadsbeløpet ${kr(value.value)} er ikke kontrollert mot grensen på ${kr(cap.perPosition!)} per 100 % stilling${scope}, fordi antall stillinger ikke er funnet.`,
        fields.requestedAmount?.evidence ?? null,
        'positions',
      ),
    ];
  }
  return [];
}

/** OVER_CAP when every value the cap depends on is known. */
function overCapFinding(
  field: 'positions' | 'requestedAmount',
  value: Extracted<number>,
  limit: Limit,
): Finding {
  const { cap } = limit;
  const scope = capScope(cap.priority, cap.grantYears);
  const message =
    field === 'positions'
      ? `Søknaden gjelder ${fte(value.value)} stillinger, men ordningen gir tilskudd til høyst ${fte(limit.value)}${scope}.`
      : limit.how
        ? `Søknadsbeløpet ${kr(value.value)} er over grensen på ${kr(limit.value)} (${limit.how}${scope}).`
        : `Søknadsbeløpet ${kr(value.value)} er over øvre grense på ${kr(limit.value)}${scope}.`;
  return finding('OVER_CAP', message, value.evidence, field);
}

function capScope(priority: string | undefined, grantYears: number[] | undefined): string {
  const parts: string[] = [];
  if (priority) parts.push(priority);
  if (grantYears) parts.push(grantYears.map(grantYearLabel).join(' og '));
  return parts.length > 0 ? ` for ${parts.join(', ')}` : '';
}

export const ineligibleCost: Rule = ({ fields, scheme }) => {
  if (!scheme?.excludedCosts || !fields.budget) return [];
  const excluded = new Set(scheme.excludedCosts.categories);
  return fields.budget.items
    .filter((item) => excluded.has(item.category) && item.value > 0)
    .map((item) =>
      finding(
        'INELIGIBLE_COST',
        `Budsjettposten «${item.label}» (${kr(item.value)}) er ${item.category}, som ordningen ikke gir tilskudd til.`,
        item.evidence,
        'budget',
      ),
    );
};

/** The deadline of a scheme year for applications or reports, ISO date or date-time, if the scheme has one. */
function deadlineOf(scheme: Scheme, kind: SubmissionKind, year: number): string | undefined {
  const entry = scheme.years.find((y) => y.year === year);
  if (kind === 'application') return entry?.applicationDeadline;
  const following = scheme.reportDeadlineFollowingYear;
  return entry?.reportDeadline ?? (following ? `${year + 1}-${following.monthDay}` : undefined);
}

/**
 * How far a sending date may lie from a deadline and still say which scheme year it is for.
 * Deadlines come once a year, so within six months of one, that one is the nearest; further
 * away, the submission may as well be for a year the scheme file does not list.
 */
const DEADLINE_WINDOW_MONTHS = 6;

interface YearDeadline {
  year: number;
  deadline: string;
}

/** Every scheme year with a deadline of this kind, in deadline order; report deadlines the year after also for unlisted years near `date`. */
function knownDeadlines(scheme: Scheme, kind: SubmissionKind, date: string | null): YearDeadline[] {
  const years = new Set(scheme.years.map((y) => y.year));
  if (kind === 'report' && scheme.reportDeadlineFollowingYear && date) {
    const sent = Number(date.slice(0, 4));
    for (const y of [sent - 2, sent - 1, sent]) years.add(y);
  }
  return [...years]
    .flatMap((year) => {
      const deadline = deadlineOf(scheme, kind, year);
      return deadline ? [{ year, deadline }] : [];
    })
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
}

const day = (iso: string) => iso.slice(0, 10);
const daysBetween = (a: string, b: string) => Math.abs(Date.parse(day(a)) - Date.parse(day(b))) / 86_400_000;

/**
 * LATE_SUBMISSION when the sending date is after the deadline of the scheme year. It never goes
 * quiet on a missing value: when the submission's date or year is missing and the deadline cannot
 * be checked, it says so in an info MISSING_FIELD; it never raises LATE_SUBMISSION on a submission
 * that may be on time. A scheme year without a deadline in its file is not checked.
 */
export const lateSubmission: Rule = ({ fields, scheme }) => {
  const kind = fields.kind;
  if (!scheme || !kind) return [];
  const sent = fields.submittedDate;
  const year = fields.year?.value;
  const report = kind === 'report';
  const deadlineWord = report ? 'rapporteringsfrist' : 'søknadsfrist';
  const theDeadline = report ? 'Rapporteringsfristen' : 'Søknadsfristen';
  const yearWord = report ? 'rapporteringsåret' : 'tilskuddsåret';
  const all = knownDeadlines(scheme, kind, sent?.value ?? null);
  const doc = report ? 'rapporten' : 'søknaden';

  const anyDeadline = all.length > 0 || (report && scheme.reportDeadlineFollowingYear !== undefined);
  // A scheme file without a deadline for the year is a gap in the scheme's data, not in the
  // submission: a note on every such case would only teach reviewers to skip notes.
  if (!anyDeadline || (year !== undefined && !deadlineOf(scheme, kind, year))) return [];

  if (year !== undefined) {
    const deadline = deadlineOf(scheme, kind, year)!;
    if (!sent) {
      return [
        checkNotMade(
          `Fant ikke dato for innsending, så det er ikke kontrollert om ${doc} kom innen ${deadlineWord}en for ${year}, ${norwegianDate(deadline)}.`,
          null,
          'submittedDate',
        ),
      ];
    }
    // Dates on paper carry no time: a submission dated the deadline day is on time.
    if (sent.value <= day(deadline)) return [];
    return [
      finding(
        'LATE_SUBMISSION',
        `${theDeadline} for ${year} var ${norwegianDate(deadline)}, men innsendingen er datert ${norwegianDate(sent.value)}.`,
        sent.evidence,
        'submittedDate',
      ),
    ];
  }

  // The year is unknown (MISSING_FIELD says so): judge by the deadline nearest the sending date.
  if (!sent) {
    return [
      checkNotMade(
        `Fant ikke dato for innsending, og ${yearWord} er ikke oppgitt, så det er ikke kontrollert om ${doc} kom i tide.`,
        null,
        'submittedDate',
      ),
    ];
  }
  const date = sent.value;
  const next = all.find(
    (d) => day(d.deadline) >= date && day(d.deadline) <= addMonths(date, DEADLINE_WINDOW_MONTHS),
  );
  // A deadline still ahead means the submission may be on time: never call it late then.
  if (next) return [];
  const previous = all.findLast(
    (d) => day(d.deadline) < date && date <= addMonths(d.deadline, DEADLINE_WINDOW_MONTHS),
  );
  if (previous) {
    const forYear = report ? `rapport for ${previous.year}` : `tilskuddsår ${previous.year}`;
    return [
      finding(
        'LATE_SUBMISSION',
        `${report ? 'Rapporteringsåret' : 'Tilskuddsåret'} er ikke oppgitt; nærmeste ${deadlineWord} var ${norwegianDate(previous.deadline)} (${forYear}), men innsendingen er datert ${norwegianDate(date)}.`,
        sent.evidence,
        'submittedDate',
      ),
    ];
  }
  const nearest = [...all].sort((a, b) => daysBetween(a.deadline, date) - daysBetween(b.deadline, date))[0]!;
  return [
    checkNotMade(
      `${theDeadline} er ikke kontrollert fordi ${yearWord} ikke er oppgitt: innsendingen er datert ${norwegianDate(date)}, mer enn seks måneder fra nærmeste kjente ${deadlineWord} (${norwegianDate(nearest.deadline)} for ${nearest.year}).`,
      sent.evidence,
      'year',
    ),
  ];
};

/** Amounts in a grant's range are at least this; a "sum" of this size beside hundreds of thousands is misread. */
const SMALL_AMOUNT = 10_000;
const LARGE_CONTEXT = 100_000;
/** More than any municipal grant: a value this size and 1000× the others is misread. */
const HUGE_AMOUNT = 100_000_000;
const yearShaped = (n: number) => Number.isInteger(n) && n >= 1990 && n <= 2100;

/**
 * Why `value` looks misread beside `reference`, the amount it should agree with; null when it
 * looks like a real amount. A year read as money ("2 024 kr"), a value under 10 000 kr or a
 * thousandth beside hundreds of thousands, or one a thousand times the others and beyond any
 * grant. Only a reference that itself looks like a grant's amount can expose a value: when both
 * look wrong, neither is picked out.
 */
export function implausibleAmount(value: number, reference: number): string | null {
  const plausibleReference = reference >= SMALL_AMOUNT && reference <= HUGE_AMOUNT;
  if (!plausibleReference) return null;
  if (yearShaped(value) && reference >= 10 * value) return 'det ligner et årstall';
  if (value < SMALL_AMOUNT && reference >= LARGE_CONTEXT) return 'det er langt mindre enn de andre beløpene';
  if (value * 1000 <= reference) return 'det er under en tusendel av de andre beløpene';
  if (value >= 1000 * reference && value > HUGE_AMOUNT) return 'det er over tusen ganger de andre beløpene';
  return null;
}

interface Doubt {
  why: string;
  message: (why: string) => string;
  evidence: Evidence;
  field: string;
}

/** The one value that alone explains a failed sum by looking misread; null when none or several do. */
function soleDoubt(candidates: Array<Omit<Doubt, 'why'> & { why: string | null }>): Doubt | null {
  const doubted = candidates.filter((c): c is Doubt => c.why !== null);
  return doubted.length === 1 ? doubted[0]! : null;
}

const doubtFinding = (d: Doubt) => finding('SUM_MISMATCH', d.message(d.why), d.evidence, d.field);

/** Spending above the grant by more than this share (amounts written "1,01 mill." round) is clear. */
const OVERSPEND_SHARE = 0.01;

/**
 * Totals that do not add up, within 1 kr per summed line for rounding. When one value alone
 * looks misread (see `implausibleAmount`), the finding doubts that value instead of reporting a
 * gap a thousand times too large.
 */
export const sumMismatch: Rule = ({ fields }) => {
  const out: Finding[] = [];
  const budget = fields.budget;
  if (budget && budget.items.length > 0) {
    const sum = budget.items.reduce((a, b) => a + b.value, 0);
    const lines = budget.items.length;
    const stated = budget.statedTotal;
    if (stated && Math.abs(stated.value - sum) > lines) {
      const extra = budget.items.find(
        (item) =>
          Math.abs(sum - item.value - stated.value) <= lines - 1 &&
          implausibleAmount(item.value, stated.value) !== null,
      );
      const doubt =
        soleDoubt([
          {
            why: implausibleAmount(stated.value, sum),
            message: (why) =>
              `Oppgitt budsjettsum ${kr(stated.value)} ser ut til å være feillest (budsjettpostene summerer til ${kr(sum)}); ${why}. Kontroller summen.`,
            evidence: stated.evidence,
            field: 'budget',
          },
          {
            why: implausibleAmount(sum, stated.value),
            message: (why) =>
              `Budsjettpostene summerer til ${kr(sum)}, som ser ut til å være feillest (oppgitt sum er ${kr(stated.value)}); ${why}. Kontroller postene.`,
            evidence: budget.items[0]!.evidence,
            field: 'budget',
          },
        ]) ??
        (extra
          ? {
              why: implausibleAmount(extra.value, stated.value)!,
              message: (why: string) =>
                `Budsjettposten «${extra.label}» (${kr(extra.value)}) ser ut til å være feillest; ${why}. Uten den summerer postene til oppgitt sum, ${kr(stated.value)}. Kontroller posten.`,
              evidence: extra.evidence,
              field: 'budget',
            }
          : null);
      out.push(
        doubt
          ? doubtFinding(doubt)
          : finding(
              'SUM_MISMATCH',
              `Budsjettpostene summerer til ${kr(sum)}, men oppgitt sum er ${kr(stated.value)}.`,
              stated.evidence,
              'budget',
            ),
      );
    } else if (
      fields.kind === 'application' &&
      fields.requestedAmount &&
      (budget.basis === 'grant' || !budget.hasFinancing) &&
      Math.abs((stated?.value ?? sum) - fields.requestedAmount.value) > (stated ? 1 : lines)
    ) {
      const requested = fields.requestedAmount;
      const total = stated?.value ?? sum;
      const totalEvidence = (stated?.evidence ?? budget.items[0]!.evidence) as Evidence;
      const doubt = soleDoubt([
        {
          why: implausibleAmount(requested.value, total),
          message: (why) =>
            `Søknadsbeløpet ${kr(requested.value)} ser ut til å være feillest (budsjettet summerer til ${kr(total)}); ${why}. Kontroller beløpet.`,
          evidence: requested.evidence,
          field: 'requestedAmount',
        },
        {
          why: implausibleAmount(total, requested.value),
          message: (why) =>
            `Budsjettsummen ${kr(total)} ser ut til å være feillest (søknadsbeløpet er ${kr(requested.value)}); ${why}. Kontroller budsjettet.`,
          evidence: totalEvidence,
          field: 'budget',
        },
      ]);
      out.push(
        doubt
          ? doubtFinding(doubt)
          : finding(
              'SUM_MISMATCH',
              `Budsjettet summerer til ${kr(total)}, men søknadsbeløpet er ${kr(requested.value)}.`,
              totalEvidence,
              'requestedAmount',
            ),
      );
    }
  }
  if (fields.kind === 'report') out.push(...reportSums(fields));
  return out;
};

/** A report: spent + unused = granted; without unused, spent must not clearly exceed granted. */
function reportSums(fields: SubmissionFields): Finding[] {
  const { grantedAmount: granted, spentAmount: spent, unusedAmount: unused } = fields;
  if (!granted || !spent) return [];
  const grantedDoubt = (reference: number, what: string) => ({
    why: implausibleAmount(granted.value, reference),
    message: (why: string) =>
      `Tildelt beløp ${kr(granted.value)} ser ut til å være feillest (${what}); ${why}. Kontroller beløpet.`,
    evidence: granted.evidence,
    field: 'grantedAmount',
  });
  const spentDoubt = {
    why: implausibleAmount(spent.value, granted.value),
    message: (why: string) =>
      `Forbrukt beløp ${kr(spent.value)} ser ut til å være feillest (tildelt beløp er ${kr(granted.value)}); ${why}. Kontroller beløpet.`,
    evidence: spent.evidence,
    field: 'spentAmount',
  };
  if (unused) {
    const total = spent.value + unused.value;
    if (Math.abs(total - granted.value) <= 2) return [];
    // Unused money may rightly be small; it is doubted only as a year beside spent = granted, or huge.
    const unusedWhy =
      yearShaped(unused.value) && Math.abs(spent.value - granted.value) <= 1
        ? 'det ligner et årstall, og forbrukt beløp er lik tildelt beløp'
        : unused.value > HUGE_AMOUNT && implausibleAmount(unused.value, granted.value) !== null
          ? 'det er over tusen ganger tildelt beløp'
          : null;
    const doubt = soleDoubt([
      grantedDoubt(total, `forbrukt og ubrukt blir ${kr(total)}`),
      spentDoubt,
      {
        why: unusedWhy,
        message: (why) =>
          `Ubrukte midler ${kr(unused.value)} ser ut til å være feillest; ${why}. Kontroller beløpet.`,
        evidence: unused.evidence,
        field: 'spentAmount',
      },
    ]);
    return [
      doubt
        ? doubtFinding(doubt)
        : finding(
            'SUM_MISMATCH',
            `Forbrukt ${kr(spent.value)} og ubrukte midler ${kr(unused.value)} blir ${kr(total)}, men tildelt beløp er ${kr(granted.value)}.`,
            unused.evidence,
            'spentAmount',
          ),
    ];
  }
  const margin = Math.max(2, Math.round(granted.value * OVERSPEND_SHARE));
  if (spent.value - granted.value <= margin) return [];
  const doubt = soleDoubt([grantedDoubt(spent.value, `forbrukt beløp er ${kr(spent.value)}`), spentDoubt]);
  return [
    doubt
      ? doubtFinding(doubt)
      : finding(
          'SUM_MISMATCH',
          `Forbrukt beløp ${kr(spent.value)} er høyere enn tildelt beløp ${kr(granted.value)}, og ubrukte midler er ikke oppgitt. Kontroller om forbruket tar med annen finansiering enn tilskuddet.`,
          spent.evidence,
          'spentAmount',
        ),
  ];
}

export { summariseBudget };
