import type { ReadDocument } from '../domain/document.ts';
import type { Evidence } from '../domain/evidence.ts';
import type { DocumentType, Finding, FindingCode, RecordEvidence, Severity } from '../domain/record.ts';
import type { SubmissionFields } from '../extract/extract-submission.ts';
import type { MunicipalityRegister } from '../register/municipality-register.ts';
import type { Scheme } from '../schemes/scheme-schema.ts';

/** What a rule may look at: the extracted fields, the documents, the scheme, the register. */
export interface RuleContext {
  fields: SubmissionFields;
  scheme: Scheme | null;
  documents: Array<{ read: ReadDocument; type: DocumentType }>;
  register: MunicipalityRegister | null;
  /** Per document index: the source of an earlier submission holding the same bytes. */
  duplicateOf: Map<number, string>;
  /** OCR confidence (0-1) below which a value needs a human look. */
  lowConfidenceThreshold: number;
}

export type Rule = (ctx: RuleContext) => Finding[];

export const SEVERITY: Record<FindingCode, Severity> = {
  MISSING_COOPERATION_AGREEMENT: 'error',
  OVER_CAP: 'error',
  INELIGIBLE_COST: 'error',
  INELIGIBLE_APPLICANT: 'error',
  LATE_SUBMISSION: 'error',
  INVALID_ORG_NUMBER: 'error',
  SUM_MISMATCH: 'warning',
  MISSING_FIELD: 'warning',
  UNKNOWN_SCHEME: 'error',
  LOW_CONFIDENCE: 'warning',
  UNREADABLE_DOCUMENT: 'error',
  DUPLICATE_DOCUMENT: 'warning',
};

export function finding(
  code: FindingCode,
  message: string,
  evidence: Evidence | null,
  field: string | null = null,
  severity: Severity = SEVERITY[code],
): Finding {
  return {
    code,
    severity,
    message,
    field,
    evidence: evidence ? toRecordEvidence(evidence) : null,
  };
}

/**
 * A check that could not be made because `field` is unknown: MISSING_FIELD with severity info,
 * so it is said without queueing the case. `runRules` folds it into the MISSING_FIELD warning
 * for the same field when that field is already reported missing.
 */
export const checkNotMade = (message: string, evidence: Evidence | null, field: string): Finding =>
  finding('MISSING_FIELD', message, evidence, field, 'info');

function toRecordEvidence(e: Evidence): RecordEvidence {
  const out: RecordEvidence = {
    path: e.path,
    page: e.page,
    text: e.text.length > 300 ? `${e.text.slice(0, 297)}…` : e.text,
  };
  if (e.sheet !== undefined) out.sheet = e.sheet;
  if (e.cell !== undefined) out.cell = e.cell;
  if (e.box !== undefined) out.box = e.box;
  return out;
}

const nok = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
/** "1 250 000 kr", as a case officer writes it. */
export const kr = (amount: number) => `${nok.format(amount).replace(/\u00a0/g, ' ')} kr`;
const num = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
export const fte = (n: number) => num.format(n);

/** "15. september 2022" for an ISO date. */
export function norwegianDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const months = [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ];
  const time = iso.length > 10 ? ` kl. ${iso.slice(11, 16)}` : '';
  return `${d}. ${months[m! - 1]} ${y}${time}`;
}

/** "2022, 2023 og 2024". */
export function listNb(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/** The ISO date `months` calendar months after (or before, if negative) an ISO date or date-time. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1 + months, d!)).toISOString().slice(0, 10);
}
