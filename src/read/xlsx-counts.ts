import type { TextBudget } from './text-budget.ts';

/**
 * Byte scans of workbook XML, made before any parser builds objects from it: a huge sheet is never
 * turned into a string, and what the parts would expand to is known before they are expanded.
 * Elements are matched by local name with any namespace prefix ("c" and "x:c" alike).
 */

const LT = 0x3c;
const GT = 0x3e;

/** Counts `<c …>` elements (cells) in sheet XML, stopping once `stopAt` is reached. */
export function countCells(xml: Buffer, stopAt = Number.POSITIVE_INFINITY): number {
  return countSheet(xml, stopAt).cells;
}

/** What a sheet holds: cells, merged ranges, and the extra cells those ranges cover. */
export interface SheetCounts {
  cells: number;
  merges: number;
  /** Cells of merged ranges beyond their top-left one (exceljs makes an object of each). */
  mergedCells: number;
}

/** Counts cells and merged ranges in sheet XML; stops once cells and merged cells reach `stopAt`. */
export function countSheet(xml: Buffer, stopAt = Number.POSITIVE_INFINITY): SheetCounts {
  const counts: SheetCounts = { cells: 0, merges: 0, mergedCells: 0 };
  for (let at = xml.indexOf(LT); at !== -1; at = xml.indexOf(LT, at + 1)) {
    if (counts.cells + counts.mergedCells >= stopAt) break;
    const name = elementName(xml, at);
    if (name === null) continue;
    if (name.local === 'c') counts.cells++;
    else if (name.local === 'mergeCell') {
      counts.merges++;
      const end = xml.indexOf(GT, name.end);
      const ref = /\bref\s*=\s*["']([^"']*)["']/.exec(
        xml.toString('latin1', name.end, end === -1 ? xml.length : end),
      );
      if (ref) counts.mergedCells += Math.min(rangeArea(ref[1]!) - 1, stopAt);
    }
  }
  return counts;
}

/** Elements of styles and relationship parts that exceljs makes an object of, one each. */
export const STRUCTURE_ELEMENTS: ReadonlySet<string> = new Set([
  'xf',
  'numFmt',
  'font',
  'fill',
  'border',
  'dxf',
  'cellStyle',
  'Relationship',
]);

/** Counts start tags whose local name is in `names`, stopping once `stopAt` is reached. */
export function countElements(
  xml: Buffer,
  names: ReadonlySet<string>,
  stopAt = Number.POSITIVE_INFINITY,
): number {
  let count = 0;
  for (let at = xml.indexOf(LT); at !== -1 && count < stopAt; at = xml.indexOf(LT, at + 1)) {
    const name = elementName(xml, at);
    if (name !== null && names.has(name.local)) count++;
  }
  return count;
}

/** The length of each shared string's text (the `<t>` runs of each `<si>`), without expanding any. */
export function sharedStringLengths(xml: Buffer): number[] {
  const lengths: number[] = [];
  let current = -1;
  for (let at = xml.indexOf(LT); at !== -1; at = xml.indexOf(LT, at + 1)) {
    const closing = xml[at + 1] === 0x2f;
    const name = elementName(xml, closing ? at + 1 : at);
    if (name === null) continue;
    if (name.local === 'si') {
      if (closing) current = -1;
      else {
        lengths.push(0);
        current = lengths.length - 1;
        if (xml[xml.indexOf(GT, name.end) - 1] === 0x2f) current = -1; // <si/>
      }
    } else if (name.local === 't' && !closing && current >= 0) {
      const start = xml.indexOf(GT, name.end);
      if (start === -1 || xml[start - 1] === 0x2f) continue;
      const end = xml.indexOf(LT, start + 1);
      lengths[current]! += (end === -1 ? xml.length : end) - start - 1;
      if (end !== -1) at = end - 1;
    }
  }
  return lengths;
}

/**
 * Spends on `budget` the text of every cell that uses a shared string (`t="s"`), once per cell: a
 * string of 1 MB used by 12 000 cells is 12 GB once every cell holds it. Throws once over budget.
 */
export function spendSharedStrings(xml: Buffer, lengths: readonly number[], budget: TextBudget): void {
  for (let at = xml.indexOf(LT); at !== -1; at = xml.indexOf(LT, at + 1)) {
    const name = elementName(xml, at);
    if (name === null || name.local !== 'c') continue;
    const tagEnd = xml.indexOf(GT, name.end);
    if (tagEnd === -1) break;
    if (xml[tagEnd - 1] === 0x2f) continue;
    const attributes = xml.toString('latin1', name.end, tagEnd);
    if (!/\bt\s*=\s*["']s["']/.test(attributes)) continue;
    const value = /^\s*<(?:[\w.-]+:)?v>\s*(\d+)/.exec(xml.toString('latin1', tagEnd + 1, tagEnd + 96));
    if (value) budget.spend(lengths[Number(value[1])] ?? 0);
  }
}

/** The local name of the element starting at `at` ('<'), when it is a start tag; and where its name ends. */
function elementName(xml: Buffer, at: number): { local: string; end: number } | null {
  let i = at + 1;
  let j = i;
  while (j < xml.length && isNameByte(xml[j]!)) j++;
  if (xml[j] === 0x3a && j > i) {
    i = j + 1;
    j = i;
    while (j < xml.length && isNameByte(xml[j]!)) j++;
  }
  if (j === i) return null;
  const after = xml[j];
  if (
    after !== 0x20 &&
    after !== GT &&
    after !== 0x2f &&
    after !== 0x09 &&
    after !== 0x0a &&
    after !== 0x0d &&
    after !== undefined
  ) {
    return null;
  }
  return { local: xml.toString('latin1', i, j), end: j };
}

function rangeArea(ref: string): number {
  const [from, to] = ref.split(':');
  const a = cellPosition(from ?? '');
  const b = cellPosition(to ?? from ?? '');
  if (!a || !b) return 1;
  return (Math.abs(a.row - b.row) + 1) * (Math.abs(a.col - b.col) + 1);
}

function cellPosition(ref: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

function isNameByte(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x5f ||
    byte === 0x2d ||
    byte === 0x2e
  );
}
