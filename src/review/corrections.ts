import type { ReadDocument } from '../domain/document.ts';
import type { Evidence, Extracted } from '../domain/evidence.ts';
import type { Finding } from '../domain/record.ts';
import { extractSubmission, type SubmissionFields } from '../extract/extract-submission.ts';
import { CORRECTABLE_FIELD_PATHS, FIELDS, type CorrectableFieldPath } from '../domain/fields.ts';
import { addEvidenceBoxes } from '../ocr/evidence-boxes.ts';
import { buildRecord } from '../pipeline/build-record.ts';
import type { PipelineContext, ProcessedRecord } from '../pipeline/process-submission.ts';
import { runRules } from '../rules/index.ts';

/** The fields a reviewer may correct, with the parser that turns what they typed into the value (the registry's). */
export const CORRECTABLE_FIELDS = Object.fromEntries(
  CORRECTABLE_FIELD_PATHS.map((path) => [path, FIELDS[path].parse]),
) as { [P in CorrectableFieldPath]: (typeof FIELDS)[P]['parse'] };

export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;
export type FieldValue = string | number;

export const isCorrectableField = (name: string): name is CorrectableField =>
  Object.hasOwn(CORRECTABLE_FIELDS, name);

/** What the reviewer typed, as the field's value; null when it does not read as one. */
export function parseCorrection(field: CorrectableField, raw: string): FieldValue | null {
  return CORRECTABLE_FIELDS[field](raw);
}

/** The value a correctable field has in a record (the record is what the reviewer sees). */
export function recordValue(record: ProcessedRecord, field: CorrectableField): FieldValue | null {
  switch (field) {
    case 'applicant.name':
      return record.applicant.name;
    case 'applicant.orgNumber':
      return record.applicant.orgNumber;
    case 'applicant.municipalityNumber':
      return record.applicant.municipalityNumber;
    default:
      return record[field];
  }
}

/**
 * Puts the reviewer's values over the extracted ones. A corrected value keeps the evidence of the
 * value it replaces (so the reviewer can still see where the machine read it), or none.
 */
export function applyCorrections(
  fields: SubmissionFields,
  corrections: ReadonlyMap<CorrectableField, FieldValue>,
  ctx: PipelineContext,
): SubmissionFields {
  const out: SubmissionFields = { ...fields, applicant: { ...fields.applicant } };
  const corrected = <T>(previous: Extracted<T> | null, value: T): Extracted<T> => ({
    value,
    evidence: previous?.evidence ?? CORRECTED_EVIDENCE,
    confidence: null,
  });
  for (const [field, value] of corrections) {
    switch (field) {
      case 'scheme': {
        const scheme = ctx.schemes.find((s) => s.id === value);
        out.scheme = scheme
          ? { scheme, score: Infinity, evidence: fields.scheme?.evidence ?? CORRECTED_EVIDENCE }
          : null;
        break;
      }
      case 'applicant.name':
        out.applicant.name = corrected(fields.applicant.name, String(value));
        break;
      case 'applicant.orgNumber':
        out.applicant.orgNumber = corrected(fields.applicant.orgNumber, String(value));
        break;
      case 'applicant.municipalityNumber':
        out.applicant.municipalityNumber = corrected(fields.applicant.municipalityNumber, String(value));
        break;
      case 'priority':
      case 'submittedDate':
        out[field] = corrected(fields[field], String(value));
        break;
      default:
        out[field] = corrected(fields[field], Number(value));
    }
  }
  return out;
}

/** Evidence of a value that only a reviewer gave. */
const CORRECTED_EVIDENCE: Evidence = { path: '', page: null, text: 'Rettet av saksbehandler' };

/**
 * Checks a submission again with the reviewer's corrections: the same extraction, rules and record
 * as the pipeline's submission stages (process-submission.ts), with corrected fields put over the
 * extracted ones before the rules run.
 */
export function revalidate(
  source: string,
  reads: ReadDocument[],
  duplicateOf: Map<number, string>,
  corrections: ReadonlyMap<CorrectableField, FieldValue>,
  ctx: PipelineContext,
): { record: ProcessedRecord; fields: SubmissionFields } {
  const extracted = extractSubmission(reads, { schemes: ctx.schemes, register: ctx.register });
  const fields = applyCorrections(extracted, corrections, ctx);
  const findings = runRules({
    fields,
    scheme: fields.scheme?.scheme ?? null,
    documents: reads.map((read, i) => ({ read, type: fields.documentTypes[i]! })),
    register: ctx.register,
    duplicateOf,
    lowConfidenceThreshold: ctx.lowConfidenceThreshold,
  });
  return {
    record: addEvidenceBoxes(buildRecord(source, reads, fields.documentTypes, fields, findings), reads),
    fields,
  };
}

/**
 * A finding's name that survives re-validation: its code, field and document, numbered when the
 * same triple occurs more than once. Resolutions are stored against it.
 */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.code}:${f.field ?? ''}:${f.evidence?.path ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n + 1}`;
  });
}
