import type { Extracted } from '../domain/evidence.ts';
import { findDates, parseDate } from '../normalise/dates.ts';
import { findLabelled } from './label-values.ts';
import { lineEvidence, type SourceDocument } from './source-text.ts';

/** Dates that are not the letter's own: deadlines, periods, birth dates, meeting dates. */
const NOT_SUBMISSION =
  /frist|periode|fra og med|f\.o\.m|t\.o\.m|til og med|født|møte|vedtak|gyldig|varighet|oppstart|start|slutt|avtalen gjelder|tildelt|innvilget|brev datert|deres ref|vår ref/i;

/**
 * The date a submission was written or sent: a labelled date, then a "Place, date" line,
 * then a lone date in the letterhead or just above a signature.
 */
export function extractSubmittedDate(docs: SourceDocument[]): Extracted<string> | null {
  for (const doc of docs) {
    for (const hit of findLabelled(doc, 'submittedDate')) {
      if (hit.line && NOT_SUBMISSION.test(hit.line.text)) continue;
      const date = parseDate(hit.raw);
      if (date) return { value: date.date, evidence: hit.evidence, confidence: hit.confidence };
    }
  }
  for (const doc of docs) {
    for (const line of doc.lines) {
      // "Trondheim, 3. mars 2025" / "Bodø 05.03.2023"
      if (!/^[\p{Lu}][\p{L} .-]{1,30},?\s+\d/u.test(line.text) || NOT_SUBMISSION.test(line.text)) continue;
      if (line.text.length > 50) continue;
      const date = parseDate(line.text);
      if (date) return { value: date.date, evidence: lineEvidence(line), confidence: line.confidence };
    }
  }
  for (const doc of docs) {
    const page1 = doc.lines.filter((l) => l.page === 1).slice(0, 10);
    const signature = doc.lines.findIndex((l) =>
      /med (vennlig )?hilsen|vennlig hilsen|underskrift|signatur/i.test(l.text),
    );
    const near = signature >= 0 ? doc.lines.slice(Math.max(0, signature - 2), signature + 6) : [];
    for (const line of [...page1, ...near]) {
      if (NOT_SUBMISSION.test(line.text) || line.text.length > 60) continue;
      const hits = findDates(line.text);
      if (hits.length === 1)
        return { value: hits[0]!.date, evidence: lineEvidence(line), confidence: line.confidence };
    }
  }
  return null;
}
