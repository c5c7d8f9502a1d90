import { z } from 'zod';

/**
 * One line of truth.jsonl: what the documents of one submission say, as a correct pipeline
 * would record it, and the findings docs/checks.md requires for it.
 */

export const BUDGET_CATEGORIES = [
  'lønn',
  'drift',
  'investering',
  'inventar',
  'administrasjon',
  'annet',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export const PARTNER_KINDS = ['kommune', 'helseforetak', 'organisasjon', 'annet'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const ExpectedRecord = z.strictObject({
  kind: z.enum(['application', 'report']).nullable(),
  scheme: z.string().nullable(),
  year: z.number().int().nullable(),
  applicant: z.strictObject({
    name: z.string().nullable(),
    orgNumber: z.string().nullable(),
    municipalityNumber: z.string().nullable(),
  }),
  partners: z.array(
    z.strictObject({ name: z.string(), orgNumber: z.string().nullable(), kind: z.enum(PARTNER_KINDS) }),
  ),
  priority: z.string().nullable(),
  grantYear: z.number().int().nullable(),
  positions: z.number().nullable(),
  requestedAmount: z.number().int().nullable(),
  grantedAmount: z.number().int().nullable(),
  spentAmount: z.number().int().nullable(),
  submittedDate: z.string().nullable(),
  budget: z.array(z.strictObject({ category: z.enum(BUDGET_CATEGORIES), amount: z.number().int() })),
});
export type ExpectedRecord = z.infer<typeof ExpectedRecord>;

export const ExpectedFinding = z.strictObject({
  code: z.string(),
  /** Only pinned for codes whose field docs/checks.md names (MISSING_FIELD, INVALID_ORG_NUMBER); else null. */
  field: z.string().nullable(),
});
export type ExpectedFinding = z.infer<typeof ExpectedFinding>;

export const TruthLine = z.strictObject({
  source: z.string(),
  expected: ExpectedRecord,
  findings: z.array(ExpectedFinding),
  /** How the submission was made (templates, defects planted); for breakdowns only, never scored. */
  meta: z
    .strictObject({
      templates: z.array(z.string()),
      defects: z.array(z.string()),
      files: z.array(z.string()),
      /** Which corpus the submission belongs to: the extractor's own words, or the independent set. */
      set: z.enum(['known', 'independent']).optional(),
      /** Written standard of the submission's documents (bokmål / nynorsk). */
      language: z.enum(['nb', 'nn']).optional(),
    })
    .optional(),
});
export type TruthLine = z.infer<typeof TruthLine>;

/** Finding codes whose `field` docs/checks.md fixes; for every other code only the code is compared. */
export const FIELD_PINNED_CODES = new Set(['MISSING_FIELD', 'INVALID_ORG_NUMBER']);

export const findingKey = (code: string, field: string | null | undefined): string =>
  FIELD_PINNED_CODES.has(code) ? `${code}:${field ?? 'null'}` : code;
