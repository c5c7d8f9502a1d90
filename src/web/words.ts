/**
 * The words and formats a case officer reads, in one place: Norwegian titles for finding codes,
 * case statuses, document types, decisions and history actions, and the one way the app writes
 * dates, amounts, positions and counts. Pure functions, so pages, the export and tests agree.
 *
 * Spaces: amounts and counts group thousands with U+00A0 (no-break space) and join the unit
 * with U+00A0 too, so "1 600 000 kr" never breaks across lines. `NBSP` is exported for tests.
 */
import type { DocumentType, FindingCode, Severity, SubmissionKind } from '../domain/record.ts';
import type { CaseStatus } from '../review/case-status.ts';
import type { Resolution } from '../review/review-store.ts';

export const NBSP = '\u00a0';

const FINDING_TITLE: Record<FindingCode, string> = {
  MISSING_COOPERATION_AGREEMENT: 'Mangler samarbeidsavtale',
  OVER_CAP: 'Over tilskuddsgrensen',
  INELIGIBLE_COST: 'Kostnad som ikke dekkes',
  INELIGIBLE_APPLICANT: 'Søkeren kan ikke få tilskudd',
  LATE_SUBMISSION: 'Sendt inn etter fristen',
  INVALID_ORG_NUMBER: 'Ugyldig organisasjonsnummer',
  SUM_MISMATCH: 'Summene stemmer ikke',
  MISSING_FIELD: 'Mangler opplysning',
  UNKNOWN_SCHEME: 'Ukjent tilskuddsordning',
  LOW_CONFIDENCE: 'Usikker avlesning',
  UNREADABLE_DOCUMENT: 'Dokument som ikke kan leses',
  DUPLICATE_DOCUMENT: 'Dokumentet er sendt inn før',
};

/** The Norwegian title of a finding code; an unknown code (a newer record) shows as itself. */
export const findingTitle = (code: FindingCode | string): string =>
  (FINDING_TITLE as Record<string, string>)[code] ?? code;

export const CASE_STATUS_WORD: Record<CaseStatus, string> = {
  new: 'Ny',
  'in-progress': 'Under behandling',
  'awaiting-approval': 'Venter på godkjenning',
  'awaiting-municipality': 'Venter på kommunen',
  ready: 'Klar til ferdigstilling',
  done: 'Ferdig',
  accepted: 'Godkjent av kontrollen',
};

export const caseStatusWord = (status: CaseStatus | string): string =>
  (CASE_STATUS_WORD as Record<string, string>)[status] ?? status;

const DOCUMENT_TYPE_WORD: Record<DocumentType, string> = {
  application: 'Søknad',
  report: 'Rapport',
  'financial-report': 'Regnskap',
  'cooperation-agreement': 'Samarbeidsavtale',
  other: 'Annet dokument',
  unreadable: 'Kan ikke leses',
};

export const documentTypeWord = (type: DocumentType | string | null): string =>
  type === null ? 'Ukjent type' : ((DOCUMENT_TYPE_WORD as Record<string, string>)[type] ?? type);

/** The submission's kind, lower case as it stands in a sentence ("en søknad"). */
export const kindWord = (kind: SubmissionKind | string | null): string =>
  kind === 'application' ? 'søknad' : kind === 'report' ? 'rapport' : 'ukjent';

const RESOLUTION_WORD: Record<Resolution, string> = {
  accepted: 'godtatt',
  waived: 'frafalt',
  rejected: 'avvist',
};

/** A decision on a finding, lower case ("frafalt"); `capitalise` for a label or a heading. */
export const resolutionWord = (resolution: Resolution | string, capitalise = false): string => {
  const word = (RESOLUTION_WORD as Record<string, string>)[resolution] ?? resolution;
  return capitalise ? word.charAt(0).toUpperCase() + word.slice(1) : word;
};

export const SEVERITY_WORD: Record<Severity, string> = {
  error: 'Feil',
  warning: 'Advarsel',
  info: 'Til informasjon',
};

/** Every action the audit log records, on a case or not, as a person reads it. */
const ACTION_WORD: Record<string, string> = {
  uploaded: 'Lastet opp',
  processed: 'Kontrollert av systemet',
  claimed: 'Tatt',
  released: 'Frigitt',
  assigned: 'Tildelt',
  'field-corrected': 'Felt rettet',
  'finding-resolved': 'Funn avgjort',
  'waiver-approved': 'Frafall godkjent',
  'decision-approved': 'Avgjørelse godkjent av en annen',
  'resolution-lapsed': 'Avgjørelse bortfalt',
  'correction-approved': 'Retting godkjent av en annen',
  'document-requested': 'Dokument etterspurt',
  'request-closed': 'Forespørsel avsluttet',
  'marked-done': 'Ferdig behandlet',
  reopened: 'Gjenåpnet',
  commented: 'Kommentar',
  'signed-in': 'Logget inn',
  'sign-in-failed': 'Mislykket innlogging',
  'signed-out': 'Logget ut',
  'signed-out-everywhere': 'Logget ut overalt',
  'user-created': 'Bruker opprettet',
  'user-changed': 'Bruker endret',
  'user-deactivated': 'Bruker deaktivert',
  exported: 'Eksport',
  'queue-action': 'Handling i køene',
};

/** A history action in Norwegian; an action this table does not know yet shows as recorded. */
export const actionWord = (action: string): string => ACTION_WORD[action] ?? action;

const OSLO = 'Europe/Oslo';
const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A calendar date without a time ("2023-03-01") is a date in Norway already: never shift it. */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function osloParts(d: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = new Map(dateParts.formatToParts(d).map((p) => [p.type, p.value]));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

function toDate(d: Date | string): Date | null {
  const date = d instanceof Date ? d : new Date(d);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** dd.mm.åååå as the day is in Oslo; "–" for no date. */
export function formatDate(d: Date | string | null | undefined): string {
  if (d === null || d === undefined || d === '') return '–';
  if (typeof d === 'string') {
    const m = DATE_ONLY.exec(d);
    if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  }
  const date = toDate(d);
  if (!date) return String(d);
  const p = osloParts(date);
  return `${p.day}.${p.month}.${p.year}`;
}

/** dd.mm.åååå kl. tt:mm in Oslo time; "–" for no time. */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (d === null || d === undefined || d === '') return '–';
  if (typeof d === 'string' && DATE_ONLY.test(d)) return formatDate(d);
  const date = toDate(d);
  if (!date) return String(d);
  const p = osloParts(date);
  return `${p.day}.${p.month}.${p.year} kl. ${p.hour}:${p.minute}`;
}

/** Groups the integer part in threes with U+00A0, as Norwegian writes numbers. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** A whole number, thousands grouped ("12 500"); a minus sign for negatives. */
export function formatNumber(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const trimmed = fraction?.replace(/0+$/, '');
  const text = group(whole ?? '0') + (trimmed ? `,${trimmed}` : '');
  return n < 0 && Number(fixed) !== 0 ? `\u2212${text}` : text;
}

/** "1 600 000 kr" (U+00A0 between groups and before kr), rounded to whole kroner; "–" for none. */
export const formatAmount = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : `${formatNumber(Math.round(n))}${NBSP}kr`;

/** Positions (årsverk) with a decimal comma and no trailing zeros: 2.5 → "2,5", 3 → "3". */
export const formatPositions = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : formatNumber(n, 2);

/** "1 innsending", "0 innsendinger", "3 innsendinger": the singular only for exactly one. */
export const countWord = (n: number, singular: string, plural: string): string =>
  `${formatNumber(n)} ${n === 1 ? singular : plural}`;

/** A scheme id as its name; no scheme reads "Ukjent ordning", an id not loaded stays itself. */
export function schemeWord(
  id: string | null | undefined,
  schemes: ReadonlyArray<{ id: string; name: string }>,
): string {
  if (!id) return 'Ukjent ordning';
  return schemes.find((s) => s.id === id)?.name ?? id;
}
