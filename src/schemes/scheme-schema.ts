import { z } from 'zod';
import { REQUIRABLE_FIELDS } from '../domain/fields.ts';
import { FINDING_CODES } from '../domain/record.ts';

/**
 * The shape of a scheme file under `schemes/`. Strict objects, so a misspelled key
 * stops the program instead of silently dropping a rule.
 */

/** Where a rule comes from: a seed with a quote that must appear in it, or a public page. */
export const Citation = z.strictObject({
  seed: z
    .string()
    .regex(/^\d{3}_[0-9a-f]{16}$/)
    .optional(),
  public: z.string().min(3).optional(),
  quote: z.string().min(3),
  /** True when the rule is an interpretation of a document whose layout is ambiguous. */
  reading: z.boolean().optional(),
});
export type Citation = z.infer<typeof Citation>;

const IsoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM');

const Alias = z.strictObject({
  /** A case-insensitive regular expression matched against folded text. */
  pattern: z.string().min(2),
  weight: z.number().int().min(1).max(20),
});

const Priority = z.strictObject({
  /** The name written into records, as the scheme names the priority. */
  name: z.string().min(2),
  number: z.number().int().min(1).max(5),
  aliases: z.array(z.string().min(2)).min(1),
  source: Citation,
});

const SchemeYear = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  applicationDeadline: IsoDateTime.optional(),
  reportDeadline: IsoDateTime.optional(),
  source: Citation,
});

const Cap = z
  .strictObject({
    /** Calendar years the cap applies to; all years when absent. */
    years: z.array(z.number().int()).optional(),
    /** Priority name; all priorities when absent. */
    priority: z.string().optional(),
    /** Grant years (0 = forprosjekt); all when absent. */
    grantYears: z.array(z.number().int().min(0).max(4)).optional(),
    perPosition: z.number().int().positive().optional(),
    maxAmount: z.number().int().positive().optional(),
    maxPositions: z.number().positive().optional(),
    source: Citation,
  })
  .refine((c) => c.perPosition !== undefined || c.maxAmount !== undefined || c.maxPositions !== undefined, {
    message: 'a cap needs perPosition, maxAmount or maxPositions',
  });

const BudgetCategory = z.enum(['lønn', 'drift', 'investering', 'inventar', 'administrasjon', 'annet']);

/** Fields a scheme may require: those the field registry marks requirable. */
const RequiredField = z.enum(REQUIRABLE_FIELDS);
export type RequiredField = z.infer<typeof RequiredField>;

const FieldRequirement = z.strictObject({
  field: RequiredField,
  /** Calendar years the requirement applies to; all years when absent. */
  years: z.array(z.number().int()).optional(),
  /** Grant years the requirement applies to (e.g. positions not for a forprosjekt); all when absent. */
  grantYears: z.array(z.number().int().min(0).max(4)).optional(),
});

/** Findings every scheme closes only with four eyes; a scheme may add more, not drop these. */
const FOUR_EYES_AT_LEAST = ['OVER_CAP', 'INELIGIBLE_APPLICANT'] as const;

export const SchemeFile = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(3),
  owner: z.string().min(2),
  description: z.string().optional(),
  recognition: z.strictObject({
    aliases: z.array(Alias).min(1),
  }),
  applicantKinds: z.strictObject({
    kinds: z.array(z.enum(['kommune', 'helseforetak', 'organisasjon'])).min(1),
    source: Citation,
  }),
  priorities: z.array(Priority),
  grantPeriod: z
    .strictObject({
      maxYears: z.number().int().min(1).max(4),
      forprosjekt: z.boolean(),
      source: Citation,
    })
    .nullable(),
  years: z.array(SchemeYear),
  /** Report deadline for year Y when a year has none of its own: this month-day in year Y+1. */
  reportDeadlineFollowingYear: z
    .strictObject({ monthDay: z.string().regex(/^\d{2}-\d{2}$/), source: Citation })
    .optional(),
  caps: z.array(Cap),
  excludedCosts: z.strictObject({ categories: z.array(BudgetCategory), source: Citation }).nullable(),
  requiredAttachments: z.array(
    z.strictObject({
      type: z.literal('cooperation-agreement'),
      when: z.enum(['always', 'partner-helseforetak']),
      source: Citation,
    }),
  ),
  requiredFields: z.strictObject({
    application: z.array(FieldRequirement),
    report: z.array(FieldRequirement),
  }),
  /**
   * Findings (of severity error) that a second, different person must approve however they are
   * closed: accepted, waived or rejected (the reviewer app's four-eyes rule).
   */
  fourEyes: z.strictObject({
    codes: z
      .array(z.enum(FINDING_CODES))
      .refine((codes) => FOUR_EYES_AT_LEAST.every((c) => codes.includes(c)), {
        message: `must include ${FOUR_EYES_AT_LEAST.join(' and ')}`,
      }),
  }),
  /**
   * Days the office gives itself from loading a case to finishing it (the reviewer app's
   * processing deadline). Office practice, not a rule of the scheme: no seed source.
   */
  processingDays: z.number().int().min(1).max(365).optional(),
});
export type SchemeFile = z.infer<typeof SchemeFile>;
export type Scheme = SchemeFile;
