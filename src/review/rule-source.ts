/**
 * Where the rule behind a finding comes from, resolved when the finding is shown: from the
 * submission's scheme file, year and values and the finding's code and field, the citation the
 * scheme gives for that rule (a quote from the scheme's documents or a public page). The stored
 * record is left as it is, so a scheme file corrected later shows its corrected source.
 * Findings the scheme has no rule for (an org number's check digit, sums) get the check's own
 * rule in a sentence instead of a quote.
 */
import type { Finding, FindingCode, SubmissionKind } from '../domain/record.ts';
import type { Citation, Scheme } from '../schemes/scheme-schema.ts';

export interface RuleQuote {
  kind: 'quote';
  quote: string;
  /** The public page the quote is from, by name; a link when it is an address (https://…). */
  public: string | null;
  url: string | null;
  /** The scheme document (seed) the quote is from, when the rule is not from a public page. */
  seed: string | null;
  /** The rule reads a document whose layout is ambiguous. */
  reading: boolean;
  schemeName: string;
}

export interface CheckRule {
  kind: 'check';
  /** The check's own rule, in Norwegian. */
  text: string;
}

export type RuleSource = RuleQuote | CheckRule;

/** The values of a record the rules looked at (a ProcessedRecord or a SubmissionRecord). */
export interface RuleRecordValues {
  kind: SubmissionKind | null;
  year: number | null;
  priority: string | null;
  grantYear: number | null;
  positions: number | null;
  requestedAmount: number | null;
}

const CHECK_RULES: Partial<Record<FindingCode, string>> = {
  INVALID_ORG_NUMBER:
    'Et organisasjonsnummer har ni siffer, og det siste er et kontrollsiffer (modulus 11) som må stemme.',
  SUM_MISMATCH:
    'Postene i et budsjett eller regnskap skal gå opp i totalen, og totalen i søknadsbeløpet eller det tildelte beløpet.',
  UNKNOWN_SCHEME: 'Innsendingen må kunne knyttes til en tilskuddsordning for at reglene kan kontrolleres.',
  LOW_CONFIDENCE:
    'En verdi som er lest maskinelt (OCR) med lav sikkerhet, må kontrolleres mot dokumentet før den brukes.',
  UNREADABLE_DOCUMENT: 'Et dokument som ikke kan leses, kan ikke kontrolleres.',
  DUPLICATE_DOCUMENT: 'Et dokument som er sendt inn før, skal ikke behandles som nytt.',
};

const isUrl = (s: string | undefined): s is string => s !== undefined && /^https?:\/\/\S+$/i.test(s);

function quoteOf(citation: Citation, scheme: Scheme): RuleQuote {
  return {
    kind: 'quote',
    quote: citation.quote,
    public: citation.public && !isUrl(citation.public) ? citation.public : null,
    url: isUrl(citation.public) ? citation.public : null,
    seed: citation.seed ?? null,
    reading: citation.reading ?? false,
    schemeName: scheme.name,
  };
}

type Cap = Scheme['caps'][number];

/** The caps that may apply: an unknown year, priority or grant year matches every cap. */
const capMayApply = (cap: Cap, r: RuleRecordValues) =>
  (!cap.years || r.year === null || cap.years.includes(r.year)) &&
  (!cap.priority || r.priority === null || cap.priority === r.priority) &&
  (!cap.grantYears || r.grantYear === null || cap.grantYears.includes(r.grantYear));

/** The caps with a maximum number of positions the value is over, the tightest first. */
function positionCaps(caps: Cap[], r: RuleRecordValues): Cap[] {
  return caps
    .filter((c) => c.maxPositions !== undefined && (r.positions === null || r.positions > c.maxPositions))
    .sort((a, b) => a.maxPositions! - b.maxPositions!);
}

/** The caps on the amount the request is over (or may be, with positions unknown), the tightest first. */
function amountCaps(caps: Cap[], r: RuleRecordValues): Cap[] {
  const limits = caps.flatMap((cap) => {
    const out: Array<{ cap: Cap; limit: number | null }> = [];
    if (cap.maxAmount !== undefined) out.push({ cap, limit: cap.maxAmount });
    if (cap.perPosition !== undefined)
      out.push({ cap, limit: r.positions === null ? null : Math.round(cap.perPosition * r.positions) });
    return out;
  });
  return limits
    .filter((l) => l.limit === null || r.requestedAmount === null || r.requestedAmount > l.limit)
    .sort((a, b) => (a.limit ?? Infinity) - (b.limit ?? Infinity))
    .map((l) => l.cap);
}

/**
 * The caps an OVER_CAP on this field can come from. With every value a cap depends on known, the
 * rule names the tightest limit; with one unknown, any cap the value is over may be the one.
 */
function capsBehind(scheme: Scheme, field: string | null, r: RuleRecordValues): Cap[] {
  const caps = scheme.caps.filter((c) => capMayApply(c, r));
  const known = !caps.some(
    (c) =>
      (c.years && r.year === null) ||
      (c.priority && r.priority === null) ||
      (c.grantYears && r.grantYear === null),
  );
  const pick = (found: Cap[]) => (known ? found.slice(0, 1) : found);
  if (field === 'positions') return pick(positionCaps(caps, r));
  if (field === 'requestedAmount') return pick(amountCaps(caps, r));
  // A finding without its field (an older record): whichever the values are over.
  return [...pick(amountCaps(caps, r)), ...pick(positionCaps(caps, r))];
}

/** The scheme year a LATE_SUBMISSION judged by: the record's, or the one its message names. */
function lateYear(finding: Pick<Finding, 'message'>, r: RuleRecordValues): number | null {
  if (r.year !== null) return r.year;
  const m = /(?:tilskuddsår|rapport for) (\d{4})/.exec(finding.message);
  return m ? Number(m[1]) : null;
}

function deadlineCitations(
  scheme: Scheme,
  finding: Pick<Finding, 'message'>,
  r: RuleRecordValues,
): Citation[] {
  const year = lateYear(finding, r);
  const entry = year === null ? undefined : scheme.years.find((y) => y.year === year);
  if (r.kind === 'report' && !entry?.reportDeadline && scheme.reportDeadlineFollowingYear)
    return [scheme.reportDeadlineFollowingYear.source];
  return entry ? [entry.source] : [];
}

function schemeCitations(
  finding: Pick<Finding, 'code' | 'field' | 'message'>,
  scheme: Scheme,
  r: RuleRecordValues,
): Citation[] {
  switch (finding.code) {
    case 'OVER_CAP':
      return capsBehind(scheme, finding.field, r).map((c) => c.source);
    case 'INELIGIBLE_COST':
      return scheme.excludedCosts ? [scheme.excludedCosts.source] : [];
    case 'INELIGIBLE_APPLICANT':
      return [scheme.applicantKinds.source];
    case 'MISSING_COOPERATION_AGREEMENT':
      return scheme.requiredAttachments
        .filter((a) => a.type === 'cooperation-agreement')
        .map((a) => a.source);
    case 'LATE_SUBMISSION':
      return deadlineCitations(scheme, finding, r);
    default:
      return [];
  }
}

/**
 * The sources of the rule that raised a finding: the scheme's citations (one, or several when
 * unknown values leave more than one cap possible), else the check's own rule, else none.
 */
export function ruleSources(
  finding: Pick<Finding, 'code' | 'field' | 'message'>,
  record: RuleRecordValues,
  scheme: Scheme | null | undefined,
): RuleSource[] {
  if (scheme) {
    const citations = schemeCitations(finding, scheme, record);
    const seen = new Set<string>();
    const quotes = citations.filter((c) => !seen.has(c.quote) && seen.add(c.quote));
    if (quotes.length > 0) return quotes.map((c) => quoteOf(c, scheme));
  }
  if (finding.code === 'MISSING_FIELD' && finding.field && scheme) {
    const required = record.kind ? scheme.requiredFields[record.kind] : [];
    if (required.some((f) => f.field === finding.field))
      return [{ kind: 'check', text: `Ordningen «${scheme.name}» krever denne opplysningen.` }];
  }
  const text = CHECK_RULES[finding.code];
  return text ? [{ kind: 'check', text }] : [];
}

/** A scheme file, told apart from the `{ id, name }` the pages are given when they need only names. */
export const isSchemeFile = (s: { id: string; name: string }): s is Scheme =>
  'caps' in s && 'years' in s && 'applicantKinds' in s;

/**
 * The findings with the sources of their rules, for the case page: the scheme is looked up by the
 * record's scheme id among the loaded schemes (entries that are only names give check rules only).
 */
export function withRuleSources<F extends Pick<Finding, 'code' | 'field' | 'message'>>(
  findings: readonly F[],
  record: RuleRecordValues & { scheme: string | null },
  schemes: ReadonlyArray<{ id: string; name: string }>,
): Array<F & { ruleSources: RuleSource[] }> {
  const entry = schemes.find((s) => s.id === record.scheme);
  const scheme = entry && isSchemeFile(entry) ? entry : null;
  return findings.map((f) => ({ ...f, ruleSources: ruleSources(f, record, scheme) }));
}
