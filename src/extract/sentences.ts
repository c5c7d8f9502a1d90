import type { Evidence } from '../domain/evidence.ts';
import { CHECKBOX } from './label-values.ts';
import type { SourceDocument } from './source-text.ts';

export interface Sentence {
  text: string;
  evidence: Evidence;
  confidence: number | null;
}

/**
 * A document's running text cut into sentences across line breaks, since letters wrap
 * "… søker om kr 1 250 000,-" over two lines. Table rows (lines with column gaps) stay whole.
 */
export function sentencesOf(doc: SourceDocument): Sentence[] {
  const out: Sentence[] = [];
  const pages = new Map<number, typeof doc.lines>();
  for (const l of doc.lines) pages.set(l.page, [...(pages.get(l.page) ?? []), l]);
  for (const [page, lines] of pages) {
    const confidence = lines[0]?.confidence ?? null;
    let buffer = '';
    const flush = () => {
      for (const s of buffer.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ«"])/u)) {
        const text = s.trim();
        if (text) out.push({ text, evidence: { path: doc.path, page, text }, confidence });
      }
      buffer = '';
    };
    for (const line of lines) {
      // Table rows (column gaps) and form fields ("Label: value") are units of their own, not running text.
      if (line.text.includes('\t') || /^[^:.]{1,40}:\s+\S/.test(line.text) || CHECKBOX.test(line.text)) {
        flush();
        out.push({
          text: line.text.replace(/\t/g, ' '),
          evidence: { path: doc.path, page, text: line.text },
          confidence,
        });
        continue;
      }
      // A hyphen at a line end splits a word ("oppføl-/ging") or ends a name part ("Midt-/Norge").
      if (buffer.endsWith('-') && /^\p{Ll}/u.test(line.text)) buffer = buffer.slice(0, -1) + line.text;
      else if (/\p{L}-$/u.test(buffer) && /^\p{Lu}/u.test(line.text)) buffer += line.text;
      else buffer = `${buffer} ${line.text}`;
      if (/[.!?:]$/.test(line.text) && line.text.length < 60) flush();
    }
    flush();
  }
  return out;
}
