import { join } from 'node:path';
import type { ReadDocument } from '../../src/domain/document.ts';
import type { Extracted } from '../../src/domain/evidence.ts';
import type { DocumentType } from '../../src/domain/record.ts';
import type { SubmissionFields } from '../../src/extract/extract-submission.ts';
import type { BudgetResult } from '../../src/extract/budget.ts';
import { BUNDLED_REGISTER_PATH } from '../../src/register/bundled-register.ts';
import { loadRegister } from '../../src/register/municipality-register.ts';
import type { RuleContext } from '../../src/rules/rule-context.ts';
import { loadSchemes } from '../../src/schemes/load-schemes.ts';

export const schemes = loadSchemes(join(import.meta.dirname, '../../schemes'));
export const register = loadRegister(BUNDLED_REGISTER_PATH);
export const scheme = (id: string) => schemes.find((s) => s.id === id)!;

const evidence = { path: 'soknad.pdf', page: 1, text: 'tekst' };
export const v = <T>(value: T, confidence: number | null = null): Extracted<T> => ({
  value,
  evidence,
  confidence,
});

export function readDoc(path = 'soknad.pdf', failure: ReadDocument['failure'] = null): ReadDocument {
  return {
    path,
    sha256: 'a'.repeat(64),
    format: 'pdf',
    method: failure ? 'none' : 'text',
    pageCount: 1,
    pages: [],
    sheets: [],
    pagesNeedingOcr: [],
    failure,
  };
}

/** Fields of a clean Trondheim FACT-ung application for 2025; override what a test is about. */
export function fields(over: Partial<SubmissionFields> = {}): SubmissionFields {
  const trondheim = register.byMunicipalityNumber('5001')!;
  return {
    kind: 'application',
    documentTypes: ['application'],
    scheme: { scheme: scheme('barn-unge-langvarig-sammensatt'), score: 40, evidence },
    year: v(2025),
    applicant: {
      name: v('Trondheim kommune'),
      orgNumber: v('942110464'),
      municipalityNumber: v('5001'),
      municipality: trondheim,
    },
    partners: [],
    priority: v('FACT-ung'),
    grantYear: v(1),
    positions: v(2.5),
    requestedAmount: v(1_250_000),
    grantedAmount: null,
    spentAmount: null,
    unusedAmount: null,
    budget: null,
    submittedDate: v('2025-03-03'),
    ...over,
  };
}

export function budget(
  items: Array<[string, BudgetResult['items'][number]['category'], number]>,
  total?: number,
): BudgetResult {
  return {
    items: items.map(([label, category, amount]) => ({ ...v(amount), label, category })),
    statedTotal: total === undefined ? null : v(total),
    basis: 'grant',
    hasFinancing: false,
  };
}

export function context(
  f: SubmissionFields,
  docs: Array<[ReadDocument, DocumentType]> = [[readDoc(), 'application']],
): RuleContext {
  return {
    fields: f,
    scheme: f.scheme?.scheme ?? null,
    documents: docs.map(([read, type]) => ({ read, type })),
    register,
    duplicateOf: new Map(),
    lowConfidenceThreshold: 0.6,
  };
}
