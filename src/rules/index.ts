import type { Finding } from '../domain/record.ts';
import { conflictingAmounts } from './doubt-rules.ts';
import { duplicateDocument, lowConfidence, unreadableDocument } from './document-rules.ts';
import type { Rule, RuleContext } from './rule-context.ts';
import {
  ineligibleApplicant,
  ineligibleCost,
  invalidOrgNumber,
  lateSubmission,
  missingCooperationAgreement,
  missingField,
  overCap,
  sumMismatch,
  unknownScheme,
} from './scheme-rules.ts';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  unreadableDocument,
  duplicateDocument,
  unknownScheme,
  missingField,
  invalidOrgNumber,
  ineligibleApplicant,
  missingCooperationAgreement,
  overCap,
  ineligibleCost,
  lateSubmission,
  sumMismatch,
  conflictingAmounts,
  lowConfidence,
];

export function runRules(ctx: RuleContext): Finding[] {
  return foldMissingFieldNotes(RULES.flatMap((rule) => rule(ctx)));
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * One MISSING_FIELD per field: a rule that could not check something because a field is
 * unknown says so in an info MISSING_FIELD (`checkNotMade`); when that field is already
 * reported missing, the note becomes a sentence of that finding instead of a second finding.
 */
export function foldMissingFieldNotes(findings: Finding[]): Finding[] {
  const keep = new Map<string, Finding>();
  for (const f of findings) {
    if (f.code !== 'MISSING_FIELD' || f.field === null) continue;
    const held = keep.get(f.field);
    if (!held || RANK[f.severity] < RANK[held.severity]) keep.set(f.field, f);
  }
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.code !== 'MISSING_FIELD' || f.field === null) {
      out.push(f);
      continue;
    }
    const head = keep.get(f.field)!;
    if (f !== head) continue;
    const rest = findings.filter((g) => g !== head && g.code === 'MISSING_FIELD' && g.field === head.field);
    out.push(
      rest.length === 0 ? head : { ...head, message: [head, ...rest].map((g) => g.message).join(' ') },
    );
  }
  return out;
}

export type { RuleContext } from './rule-context.ts';
