/** The submission record of CONTRACT.md, as TypeScript types. */

export type SubmissionKind = 'application' | 'report';
export type DocumentType =
  'application' | 'report' | 'financial-report' | 'cooperation-agreement' | 'other' | 'unreadable';
export type BudgetCategory = 'lønn' | 'drift' | 'investering' | 'inventar' | 'administrasjon' | 'annet';
export type PartnerKind = 'kommune' | 'helseforetak' | 'organisasjon' | 'annet';
export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'MISSING_COOPERATION_AGREEMENT',
  'OVER_CAP',
  'INELIGIBLE_COST',
  'INELIGIBLE_APPLICANT',
  'LATE_SUBMISSION',
  'INVALID_ORG_NUMBER',
  'SUM_MISMATCH',
  'MISSING_FIELD',
  'UNKNOWN_SCHEME',
  'LOW_CONFIDENCE',
  'UNREADABLE_DOCUMENT',
  'DUPLICATE_DOCUMENT',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface RecordEvidence {
  path: string;
  page: number | null;
  text: string;
  sheet?: string;
  cell?: string;
  box?: { x: number; y: number; width: number; height: number };
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Norwegian bokmål, for a case officer. */
  message: string;
  /** The record field the finding is about, or null. */
  field: string | null;
  evidence: RecordEvidence | null;
}

export interface Partner {
  name: string;
  orgNumber: string | null;
  kind: PartnerKind;
}

export interface BudgetLine {
  category: BudgetCategory;
  amount: number;
}

export interface DocumentSummary {
  path: string;
  sha256: string;
  type: DocumentType;
  pages: number | null;
  method: 'text' | 'ocr' | 'spreadsheet' | 'none';
  confidence: number | null;
}

export interface SubmissionRecord {
  id: string;
  source: string;
  kind: SubmissionKind | null;
  scheme: string | null;
  year: number | null;
  applicant: { name: string | null; orgNumber: string | null; municipalityNumber: string | null };
  partners: Partner[];
  priority: string | null;
  grantYear: number | null;
  positions: number | null;
  requestedAmount: number | null;
  grantedAmount: number | null;
  spentAmount: number | null;
  budget: BudgetLine[];
  documents: DocumentSummary[];
  findings: Finding[];
  status: 'accepted' | 'needs-review';
  /** Fields where two strong readings disagree (beyond CONTRACT.md): the chosen value, the other, where each stands. */
  doubts?: FieldDoubtSummary[];
}

export interface FieldDoubtSummary {
  field: string;
  chosen: string | number;
  other: string | number;
  /** The text each reading was taken from, chosen first. */
  evidence: string[];
}
