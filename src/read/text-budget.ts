import type { ReadDocument } from '../domain/document.ts';
import { formatCount } from './limits.ts';
import { ReadError } from './read-error.ts';

/** The failure message of a document whose text is over the limit (the limit is named). */
export function tooMuchTextMessage(limit: number): string {
  return `Dokumentet inneholder for mye tekst (over ${formatCount(limit)} tegn); grensen er ${formatCount(limit)} tegn per dokument.`;
}

/**
 * Counts the characters a reader is about to produce and stops it, with 'too-large', once they pass
 * the limit: text is counted before it is expanded (a shared string used by many cells counts once
 * per cell), so a small file cannot make a huge result.
 */
export class TextBudget {
  private used = 0;

  constructor(private readonly limit: number) {}

  spend(chars: number): void {
    this.used += chars;
    if (this.used > this.limit) throw new ReadError('too-large', tooMuchTextMessage(this.limit));
  }
}

/**
 * The characters of text a read document carries (page text, cell texts), counted as they will be
 * copied out of the reader thread: strings shared by reference inside the thread are copied once per
 * use by the structured clone. A string value equal to its text is not counted twice.
 */
export function documentTextChars(document: ReadDocument): number {
  let chars = 0;
  for (const page of document.pages) {
    chars += page.text.length;
  }
  for (const sheet of document.sheets) {
    chars += sheet.name.length;
    for (const cell of sheet.cells) {
      chars += cell.text.length;
      if (typeof cell.value === 'string' && cell.value !== cell.text) chars += cell.value.length;
    }
  }
  return chars;
}
