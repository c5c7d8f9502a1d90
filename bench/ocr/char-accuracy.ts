/**
 * Character accuracy of OCR text against the known text of a page: 1 − edit distance / length of the
 * known text, after folding whitespace (layout differs between a text layer and a scan; letters must not).
 */

/** Whitespace runs (spaces, tabs, line breaks) to one space, NFC, trimmed. */
export function foldForAccuracy(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Levenshtein distance over code points, two rows of memory. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

/** Errors and length summed over pages, so long pages weigh more than short ones. */
export interface AccuracyTally {
  errors: number;
  length: number;
}

export function tally(pages: ReadonlyArray<{ read: string; truth: string }>): AccuracyTally {
  let errors = 0;
  let length = 0;
  for (const { read, truth } of pages) {
    const known = foldForAccuracy(truth);
    errors += editDistance(foldForAccuracy(read), known);
    length += [...known].length;
  }
  return { errors, length };
}

export const accuracy = ({ errors, length }: AccuracyTally): number =>
  length === 0 ? 1 : Math.max(0, 1 - errors / length);
