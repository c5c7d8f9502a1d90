import type { Box, OcrWord, ReadDocument, TextPage } from '../domain/document.ts';
import type { RecordEvidence, SubmissionRecord } from '../domain/record.ts';

/**
 * The box around the OCR words that spell `text` on an OCR'd page (whitespace ignored, so a line,
 * a table row with its tabs, or a sentence wrapped over lines are all found), or null when the page
 * has no OCR words or the text is not on it.
 */
export function locateText(page: TextPage, text: string): Box | null {
  if (page.words.length === 0) return null;
  const wanted = compact(text);
  if (wanted === '') return null;
  // The page's words run together, remembering where each word starts.
  const starts: number[] = [];
  let joined = '';
  for (const word of page.words) {
    starts.push(joined.length);
    joined += compact(word.text);
  }
  const at = joined.indexOf(wanted);
  if (at < 0) return null;
  const end = at + wanted.length;
  const covered: OcrWord[] = page.words.filter((word, i) => {
    const from = starts[i]!;
    const to = from + compact(word.text).length;
    return from < end && to > at;
  });
  return unionBox(covered.map((w) => w.box));
}

/**
 * Gives every finding whose evidence is text on an OCR'd page the box of that text, so a reviewer can
 * be shown the exact spot on the scan (points for PDF pages, pixels for image files).
 */
export function addEvidenceBoxes<T extends SubmissionRecord>(record: T, reads: readonly ReadDocument[]): T {
  const withBox = (evidence: RecordEvidence | null): RecordEvidence | null => {
    if (!evidence || evidence.box || evidence.page === null) return evidence;
    const page = reads
      .find((r) => r.path === evidence.path)
      ?.pages.find((p) => p.page === evidence.page && p.method === 'ocr');
    const box = page ? locateText(page, evidence.text) : null;
    return box ? { ...evidence, box } : evidence;
  };
  if (!reads.some((r) => r.method === 'ocr')) return record;
  return { ...record, findings: record.findings.map((f) => ({ ...f, evidence: withBox(f.evidence) })) };
}

function unionBox(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const round = (v: number) => Math.round(v * 10) / 10;
  return { x: round(x), y: round(y), width: round(right - x), height: round(bottom - y) };
}

/** Text without whitespace, NFC, for matching evidence against the words it was read from. */
const compact = (text: string) => text.normalize('NFC').replace(/\s+/gu, '');
