import type { Finding } from '../domain/record.ts';
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
  lowConfidence,
];

export function runRules(ctx: RuleContext): Finding[] {
  return RULES.flatMap((rule) => rule(ctx));
}

export type { RuleContext } from './rule-context.ts';
