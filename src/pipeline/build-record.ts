import { createHash } from 'node:crypto';
import type { ReadDocument } from '../domain/document.ts';
import type { DocumentType, Finding, SubmissionRecord } from '../domain/record.ts';
import { summariseBudget } from '../extract/budget.ts';
import type { SubmissionFields } from '../extract/extract-submission.ts';

/** The record's id: stable for the same source and the same bytes. */
export function submissionId(source: string, reads: Array<{ sha256: string }>): string {
  const hash = createHash('sha256').update(source).update('\0');
  for (const sha of reads.map((r) => r.sha256).sort()) hash.update(sha);
  return hash.digest('hex').slice(0, 32);
}

/** The contract record (CONTRACT.md) of a processed submission, plus `submittedDate`. */
export function buildRecord(
  source: string,
  reads: ReadDocument[],
  types: DocumentType[],
  fields: SubmissionFields,
  findings: Finding[],
): SubmissionRecord & { submittedDate: string | null } {
  const needsReview = findings.some((f) => f.severity === 'error' || f.severity === 'warning');
  return {
    id: submissionId(source, reads),
    source,
    kind: fields.kind,
    scheme: fields.scheme?.scheme.id ?? null,
    year: fields.year?.value ?? null,
    applicant: {
      name: fields.applicant.name?.value ?? null,
      orgNumber: fields.applicant.orgNumber?.value ?? null,
      municipalityNumber: fields.applicant.municipalityNumber?.value ?? null,
    },
    partners: fields.partners.map((p) => ({ name: p.name, orgNumber: p.orgNumber, kind: p.kind })),
    priority: fields.priority?.value ?? null,
    grantYear: fields.grantYear?.value ?? null,
    positions: fields.positions?.value ?? null,
    requestedAmount: fields.requestedAmount?.value ?? null,
    grantedAmount: fields.grantedAmount?.value ?? null,
    spentAmount: fields.spentAmount?.value ?? null,
    budget: fields.budget ? summariseBudget(fields.budget.items) : [],
    documents: reads.map((r, i) => ({
      path: r.path,
      sha256: r.sha256,
      type: types[i]!,
      pages: r.pageCount,
      method: r.method,
      confidence: r.method === 'ocr' ? meanConfidence(r) : null,
    })),
    findings,
    status: needsReview ? 'needs-review' : 'accepted',
    submittedDate: fields.submittedDate?.value ?? null,
    // Two strong readings of a field that disagree: the record holds the chosen one; both are here.
    doubts: (fields.doubts ?? []).map((d) => ({
      field: d.field,
      chosen: d.chosen.value,
      other: d.other.value,
      evidence: [d.chosen.evidence.text, d.other.evidence.text],
    })),
  };
}

function meanConfidence(r: ReadDocument): number | null {
  const values = r.pages.map((p) => p.confidence).filter((c): c is number => c !== null);
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
}
