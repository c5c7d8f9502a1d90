import type { ReadDocument } from '../domain/document.ts';
import type { SubmissionRecord } from '../domain/record.ts';
import { addEvidenceBoxes } from '../ocr/evidence-boxes.ts';
import { extractSubmission, type SubmissionFields } from '../extract/extract-submission.ts';
import type { MunicipalityRegister } from '../register/municipality-register.ts';
import { runRules } from '../rules/index.ts';
import type { Scheme } from '../schemes/scheme-schema.ts';
import { buildRecord } from './build-record.ts';

/** What the submission stages need, passed in frozen: no stage reads the environment. */
export interface PipelineContext {
  schemes: Scheme[];
  register: MunicipalityRegister | null;
  lowConfidenceThreshold: number;
}

export type ProcessedRecord = SubmissionRecord & { submittedDate: string | null };

/**
 * The submission stages after every document is read: extract fields, run the scheme's
 * rules, build the record. Pure over its inputs, so both drivers (in-process ingest and
 * the queue workers) get the same result.
 */
export function processSubmission(
  source: string,
  reads: ReadDocument[],
  duplicateOf: Map<number, string>,
  ctx: PipelineContext,
): ProcessedRecord {
  return checkSubmission(source, reads, duplicateOf, ctx).record;
}

/** {@link processSubmission} with the extracted fields and their evidence, for the store. */
export function checkSubmission(
  source: string,
  reads: ReadDocument[],
  duplicateOf: Map<number, string>,
  ctx: PipelineContext,
): { record: ProcessedRecord; fields: SubmissionFields } {
  const fields = extractSubmission(reads, { schemes: ctx.schemes, register: ctx.register });
  return { record: checkFields(source, reads, fields, duplicateOf, ctx), fields };
}

/**
 * The check stage: the scheme's rules over extracted fields, and the record. `intake revalidate`
 * runs it again on the stored fields when rules or schemes change, without reading or extracting.
 */
export function checkFields(
  source: string,
  reads: ReadDocument[],
  fields: SubmissionFields,
  duplicateOf: Map<number, string>,
  ctx: PipelineContext,
): ProcessedRecord {
  const findings = runRules({
    fields,
    scheme: fields.scheme?.scheme ?? null,
    documents: reads.map((read, i) => ({ read, type: fields.documentTypes[i]! })),
    register: ctx.register,
    duplicateOf,
    lowConfidenceThreshold: ctx.lowConfidenceThreshold,
  });
  // Evidence on scanned pages gets the box of its words, for showing the reviewer the spot.
  return addEvidenceBoxes(buildRecord(source, reads, fields.documentTypes, fields, findings), reads);
}
