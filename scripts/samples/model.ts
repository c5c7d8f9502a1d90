/** The sample catalogue's vocabulary: what a submission states, and how it is written. */
import type { BudgetCategory, DocumentType, FindingCode, PartnerKind } from '../../src/domain/record.ts';
import type { DateStyle, MoneyStyle, OrgStyle, PositionStyle } from './format.ts';

export type SchemeId =
  | 'kommunalt-rusarbeid'
  | 'kommunalt-rusarbeid-overgang'
  | 'voksne-langvarig-sammensatt'
  | 'barn-unge-langvarig-sammensatt'
  | 'tryggest'
  | 'nav-sosiale-tjenester'
  | 'smittevern-oppfolging';

export interface Party {
  name: string;
  /** The org number as the documents state it (digits only), or null when they do not. */
  orgNumber: string | null;
  kind: PartnerKind;
}

export interface Applicant extends Party {
  /** The truth from the register (null for applicants that are not municipalities). */
  municipalityNumber: string | null;
  /** Printed as "Kommunenummer" only where the number was already valid in the document's year. */
  statedMunicipalityNumber: string | null;
  address: string[];
  /** Place in the date line ("Trondheim, 3. mars 2025"). */
  place: string;
  /** Department in the letterhead. */
  unit: string;
  orgStyle: OrgStyle;
  email: string;
  phone: string;
  account: string;
}

export interface Person {
  name: string;
  title: string;
  phone: string;
  email: string;
}

export interface CoSigner extends Person {
  org: string;
  place: string;
}

export interface BudgetRow {
  label: string;
  /** Grant money (applied for, or spent of the grant in reports). */
  amount: number;
  category: BudgetCategory;
  /** Own funding on the same line (applications), never part of the golden budget. */
  own?: number;
  /** Budgeted amount on the same line (financial reports), never part of the golden budget. */
  planned?: number;
}

export interface Labels {
  applicant: string;
  org: string;
  requested: string;
  positions: string;
  granted: string;
  spent: string;
}

export type GrantYearStyle = 'ar' | 'ordinal' | 'drift' | 'videreforing' | 'overgang';

export interface CaseBase {
  scheme: SchemeId | null;
  /** How the document names the scheme. */
  schemeText: string;
  year: number;
  applicant: Applicant;
  partners: Party[];
  priority: string | null;
  grantYear: number | null;
  positions: number | null;
  /** ISO date of the letter or form. */
  date: string;
  signer: Person;
  cosigner: CoSigner | null;
  contact: Person;
  recipient: string[];
  reference: string;
  money: MoneyStyle;
  dateStyle: DateStyle;
  positionStyle: PositionStyle;
  grantYearStyle: GrantYearStyle;
  labels: Labels;
  project: { name: string; paragraphs: string[] };
  /** Where the budget table is written. */
  budgetIn: 'document' | 'xlsx' | 'none';
  /** File names listed as attachments in letters. */
  attachments: string[];
}

export interface ApplicationCase extends CaseBase {
  kind: 'application';
  requested: number | null;
  budget: BudgetRow[];
  /** The budget total as written, when it differs from the sum of the lines (SUM_MISMATCH). */
  statedBudgetTotal: number | null;
  ownFunding: number | null;
}

export interface ReportCase extends CaseBase {
  kind: 'report';
  granted: number;
  spent: number;
  unused: number;
  budget: BudgetRow[];
}

export type Case = ApplicationCase | ReportCase;

export interface SampleFile {
  name: string;
  type: DocumentType;
  render: () => Promise<Buffer>;
}

export interface Sample {
  slug: string;
  folderYear: number;
  /** Delivered as samples/<year>/<slug>.zip instead of a folder. */
  zip: boolean;
  case: Case;
  files: SampleFile[];
  findings: Array<[FindingCode, string | null]>;
  /** One line for the golden file. */
  notes: string;
  /** A few words for the README table. */
  exercises: string;
}
