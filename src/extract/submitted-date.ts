import { FIELDS } from '../domain/fields.ts';
import { findDates, parseDate } from '../normalise/dates.ts';
import { candidate, labelCandidates, type Candidate, type DocRole } from './candidates.ts';
import { labelPairs } from './label-pairs.ts';
import { lineEvidence, type SourceDocument } from './source-text.ts';

const spec = FIELDS.submittedDate;

/** Dates that are not the letter's own: deadlines, periods, "per 31.12", birth and meeting dates. */
const NOT_SUBMISSION =
  /frist|periode|fra og med|f\.o\.m|t\.o\.m|til og med|født|møte|vedtak|gyldig|varighet|oppstart|start|slutt|avtalen gjelder|tildelt|innvilg|brev datert|deres ref|vår ref|(?<!\p{L})(?:per|pr\.?)\s*\d|status|saldo|regnskap|rekneskap|brukt|forbruk/iu;

/** A date value: the one date in it, or the last of a place-and-date ("Molde, 3. mars 2025"). */
function parseSentDate(raw: string): string | null {
  const d = parseDate(raw);
  if (d) return d.date;
  return null;
}

/**
 * Candidates for the date a submission was written or sent: a labelled date ("Dato",
 * "Sted og dato", "Stad og dato", a portal's "Innsendt", an e-mail's "Sendt"), a place-and-date
 * line ("Trondheim, 3. mars 2025"), a lone date in the letterhead or just above a signature.
 */
export function submittedDateCandidates(
  docs: Array<{ doc: SourceDocument; role: DocRole }>,
): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  for (const { doc, role } of docs) {
    const pairs = labelPairs(doc).filter((p) => !(p.line && NOT_SUBMISSION.test(p.line.text)));
    out.push(...labelCandidates(spec, pairs, role, parseSentDate));

    for (const line of doc.lines) {
      // "Trondheim, 3. mars 2025" / "Bodø 05.03.2023" / "Stad: Volda, 3. mars 2025": a place and a date only.
      const m =
        /^(?:(?:sted|stad)\s*:\s*)?(\p{Lu}[\p{L}.-]*(?:\s\p{Lu}?[\p{L}.-]+){0,2})(,\s*|\s+den\s+|\s+)(\d.*)$/u.exec(
          line.text,
        );
      if (!m || line.text.length > 60 || NOT_SUBMISSION.test(line.text)) continue;
      const dates = findDates(m[3]!);
      if (dates.length !== 1 || m[3]!.slice(dates[0]!.end).trim().length > 12) continue;
      // Without a comma the place must be one word ("Bodø 05.03.2023"), not a label's words.
      if (m[2]!.trim() === '' && /\s/.test(m[1]!)) continue;
      const c = candidate(spec, 'signature', role, {
        value: dates[0]!.date,
        evidence: lineEvidence(line),
        confidence: line.confidence,
      });
      if (c) out.push(c);
    }

    // A lone date in the letterhead, or just above or below the greeting and signature.
    const page1 = doc.lines.filter((l) => l.page === 1).slice(0, 10);
    const signature = doc.lines.findIndex((l) =>
      /med (vennlig )?hilsen|vennlig hilsen|helsing|med helsing|underskrift|signatur/i.test(l.text),
    );
    const near = signature >= 0 ? doc.lines.slice(Math.max(0, signature - 2), signature + 6) : [];
    for (const line of [...page1, ...near]) {
      if (NOT_SUBMISSION.test(line.text) || line.text.length > 60 || line.text.includes(':')) continue;
      const hits = findDates(line.text);
      if (hits.length !== 1) continue;
      const c = candidate(
        spec,
        'signature',
        role,
        { value: hits[0]!.date, evidence: lineEvidence(line), confidence: line.confidence },
        0.8,
      );
      if (c) out.push(c);
    }
  }
  return out;
}
