import type { Box } from '../domain/document.ts';
import type { EngineWord } from './tsv.ts';

/**
 * What a block of prose looks like to the engine: several lines, most of them filled with several
 * words. Form labels and values (one to three words, ragged) never are, so forms keep their rows.
 */
const PROSE_MIN_LINES = 3;
const PROSE_MIN_WORDS_PER_LINE = 4;
const PROSE_MIN_FILL = 0.6;
/** A column is at least this share of the width the page's text spans. */
const COLUMN_MIN_SHARE = 0.2;
/** ...and at most this share: a block spanning the page is not a column. */
const COLUMN_MAX_SHARE = 0.65;
/** Two blocks stand side by side when this share of the shorter one's height lies beside the other. */
const SIDE_BY_SIDE_OVERLAP = 0.5;

/** A piece of the page laid out on its own: the indices of its words in the engine's list. */
export interface LayoutUnit {
  words: number[];
  /** True for a block of a column group: laid out alone, in the engine's block order. */
  column: boolean;
}

interface Block {
  id: string;
  words: number[];
  box: Box;
  prose: boolean;
}

/**
 * The page's reading order as units to lay out. Text in columns (two or more blocks of prose side by
 * side) is read as tesseract reads it: each column top to bottom, one after the other, in the
 * engine's own block order. Everything else (letterheads, forms, tables, single-column text) forms
 * one unit laid out by rows, so a form row still reads "Label⇥Value". A column group takes its place
 * among the rest by its top edge: what stands above it comes first, what stands below after.
 *
 * Returns the units in reading order and whether any column group was found (the layout is then
 * the engine's judgement, which the page's confidence reflects).
 */
export function readingOrder(words: readonly EngineWord[]): { units: LayoutUnit[]; columns: boolean } {
  const blocks = blocksOf(words);
  const textBox = union(words.map((w) => w.box));
  const groups = columnGroups(blocks, textBox);
  if (groups.length === 0)
    return { units: [{ words: words.map((_, i) => i), column: false }], columns: false };

  const inGroup = new Set(groups.flatMap((g) => g.flatMap((b) => b.words)));
  const rest = words.map((_, i) => i).filter((i) => !inGroup.has(i));
  // The rest is split at each group's top edge, so the page reads top to bottom around the columns.
  const tops = groups.map((g) => Math.min(...g.map((b) => b.box.y))).sort((a, b) => a - b);
  const units: LayoutUnit[] = [];
  let remaining = rest;
  const sortedGroups = [...groups].sort(
    (a, b) => Math.min(...a.map((x) => x.box.y)) - Math.min(...b.map((x) => x.box.y)),
  );
  sortedGroups.forEach((group, g) => {
    const top = tops[g]!;
    const above = remaining.filter((i) => centreY(words[i]!) < top);
    remaining = remaining.filter((i) => centreY(words[i]!) >= top);
    if (above.length > 0) units.push({ words: above, column: false });
    // The engine's block order: block numbers as it wrote them.
    for (const block of [...group].sort((a, b) => Number(a.id) - Number(b.id))) {
      units.push({ words: block.words, column: true });
    }
    // What stands beside the group (a margin note) is read after it; what stands below, after that.
    const bottom = Math.max(...group.map((b) => b.box.y + b.box.height));
    const beside = remaining.filter((i) => centreY(words[i]!) < bottom);
    remaining = remaining.filter((i) => centreY(words[i]!) >= bottom);
    if (beside.length > 0) units.push({ words: beside, column: false });
  });
  if (remaining.length > 0) units.push({ words: remaining, column: false });
  return { units, columns: true };
}

function centreY(word: EngineWord): number {
  return word.box.y + word.box.height / 2;
}

/** The engine's blocks (the first number of its "block.paragraph.line" keys), with their shape. */
function blocksOf(words: readonly EngineWord[]): Block[] {
  const byId = new Map<string, number[]>();
  words.forEach((word, i) => {
    const id = word.line.split('.')[0] ?? '0';
    const list = byId.get(id);
    if (list) list.push(i);
    else byId.set(id, [i]);
  });
  return [...byId].map(([id, indices]) => {
    const box = union(indices.map((i) => words[i]!.box));
    return {
      id,
      words: indices,
      box,
      prose: isProse(
        indices.map((i) => words[i]!),
        box,
      ),
    };
  });
}

function isProse(words: readonly EngineWord[], box: Box): boolean {
  const lines = new Map<string, EngineWord[]>();
  for (const word of words) lines.set(word.line, [...(lines.get(word.line) ?? []), word]);
  if (lines.size < PROSE_MIN_LINES || box.width <= 0) return false;
  const counts = [...lines.values()].map((line) => line.length);
  const fills = [...lines.values()].map((line) => union(line.map((w) => w.box)).width / box.width);
  return median(counts) >= PROSE_MIN_WORDS_PER_LINE && median(fills) >= PROSE_MIN_FILL;
}

/** Groups of prose blocks standing side by side (connected by that relation), each of two or more. */
function columnGroups(blocks: readonly Block[], textBox: Box): Block[][] {
  const candidates = blocks.filter(
    (b) =>
      b.prose &&
      b.box.width >= COLUMN_MIN_SHARE * textBox.width &&
      b.box.width <= COLUMN_MAX_SHARE * textBox.width,
  );
  const sideBySide = (a: Block, b: Block): boolean => {
    const apart = a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x;
    const overlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
    return apart && overlap >= SIDE_BY_SIDE_OVERLAP * Math.min(a.box.height, b.box.height);
  };
  const groups: Block[][] = [];
  const seen = new Set<Block>();
  for (const start of candidates) {
    if (seen.has(start)) continue;
    const group = [start];
    seen.add(start);
    for (let i = 0; i < group.length; i++) {
      for (const other of candidates) {
        if (!seen.has(other) && sideBySide(group[i]!, other)) {
          seen.add(other);
          group.push(other);
        }
      }
    }
    if (group.length >= 2) groups.push(group);
  }
  return groups;
}

function union(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
