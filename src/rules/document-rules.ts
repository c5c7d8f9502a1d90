import type { Rule } from './rule-context.ts';
import { finding } from './rule-context.ts';

/** A file that could not be read is a reviewer's task; the rest of the submission still counts. */
export const unreadableDocument: Rule = ({ documents }) =>
  documents
    .filter((d) => d.read.failure !== null)
    .map((d) =>
      finding(
        'UNREADABLE_DOCUMENT',
        `Dokumentet «${d.read.path}» kunne ikke leses: ${d.read.failure!.message}`,
        { path: d.read.path, page: null, text: d.read.failure!.message },
        'documents',
      ),
    );

/** The same bytes already came in with another submission. */
export const duplicateDocument: Rule = ({ documents, duplicateOf }) =>
  documents.flatMap((d, i) => {
    const other = duplicateOf.get(i);
    if (other === undefined) return [];
    return [
      finding(
        'DUPLICATE_DOCUMENT',
        `Dokumentet «${d.read.path}» er identisk med et dokument som allerede er mottatt i «${other}».`,
        { path: d.read.path, page: null, text: `sha256 ${d.read.sha256}` },
        'documents',
      ),
    ];
  });

/** Values read by OCR with low confidence, where a check depends on them. */
export const lowConfidence: Rule = ({ fields, lowConfidenceThreshold }) => {
  const checked: Array<
    [string, { confidence: number | null; evidence: import('../domain/evidence.ts').Evidence } | null]
  > = [
    ['requestedAmount', fields.requestedAmount],
    ['grantedAmount', fields.grantedAmount],
    ['spentAmount', fields.spentAmount],
    ['positions', fields.positions],
    ['applicant.orgNumber', fields.applicant.orgNumber],
    ['year', fields.year],
    ['submittedDate', fields.submittedDate],
  ];
  return checked
    .filter(([, v]) => v !== null && v.confidence !== null && v.confidence < lowConfidenceThreshold)
    .map(([field, v]) =>
      finding(
        'LOW_CONFIDENCE',
        `Verdien for ${field} er lest med OCR med lav sikkerhet (${Math.round(v!.confidence! * 100)} %). Kontroller mot dokumentet.`,
        v!.evidence,
        field,
      ),
    );
};
