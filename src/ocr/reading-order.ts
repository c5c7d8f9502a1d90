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
  /** Engine lines in the block. */
  lines: number;
  prose: boolean;
}

/**
 * The page's reading order as units to lay out. Where text stands in columns (two or more blocks
 * of prose side by side), the band of the page they span is read as tesseract reads it: block by
 * block in the engine's own order, each column top to bottom, one after the other, headings and
 * short paragraphs inside the columns where the engine placed them. Everything else (letterheads,
 * forms, tables, single-column text) is laid out by rows, so a form row still reads "Label⇥Value";
 * what stands above a band comes before it, what stands below after.
 *
 * Returns the units in reading order and whether any columns were found.
 */
export function readingOrder(words: readonly EngineWord[]): { units: LayoutUnit[]; columns: boolean } {
  const blocks = blocksOf(words);
  const textBox = union(words.map((w) => w.box));
  const bands = columnBands(columnGroups(blocks, textBox), blocks, textBox);
  if (bands.length === 0)
    return { units: [{ words: words.map((_, i) => i), column: false }], columns: false };

  const bandOf = (block: Block): number => {
    const centre = block.box.y + block.box.height / 2;
    return bands.findIndex((band) => centre >= band.top && centre <= band.bottom);
  };
  const units: LayoutUnit[] = [];
  let rest: number[] = [];
  const flushRest = () => {
    if (rest.length > 0) units.push({ words: rest, column: false });
    rest = [];
  };
  // Blocks outside every band are laid out together by rows, between the bands by their position.
  const outside = blocks.filter((b) => bandOf(b) === -1);
  bands.forEach((band, i) => {
    rest.push(...outside.filter((b) => b.box.y + b.box.height / 2 < band.top).flatMap((b) => b.words));
    flushRest();
    const inBand = blocks.filter((b) => bandOf(b) === i).sort((a, b) => Number(a.id) - Number(b.id));
    for (const block of inBand) units.push({ words: block.words, column: true });
    const next = bands[i + 1];
    rest = outside
      .filter((b) => {
        const centre = b.box.y + b.box.height / 2;
        return centre > band.bottom && (!next || centre < next.top);
      })
      .flatMap((b) => b.words);
    if (next) flushRest();
  });
  flushRest();
  return { units, columns: true };
}

/**
 * The vertical bands the column groups span, top to bottom. A band grows by the blocks that
 * continue its columns (a paragraph below, a sub-heading between paragraphs: narrower than the
 * page, under one of the columns, within a few lines of the band), then overlapping bands merge.
 */
function columnBands(
  groups: readonly Block[][],
  blocks: readonly Block[],
  textBox: Box,
): Array<{ top: number; bottom: number }> {
  const spans = groups.map((group) => {
    const members = new Set(group);
    const span = {
      top: Math.min(...group.map((b) => b.box.y)),
      bottom: Math.max(...group.map((b) => b.box.y + b.box.height)),
    };
    const reach = CONTINUE_LINES * lineHeight(group);
    for (let grown = true; grown;) {
      grown = false;
      for (const block of blocks) {
        if (members.has(block) || block.box.width > COLUMN_MAX_SHARE * textBox.width) continue;
        const under = [...members].some((m) => horizontalOverlap(m.box, block.box) >= 0.5 * block.box.width);
        const near = block.box.y <= span.bottom + reach && block.box.y + block.box.height >= span.top - reach;
        if (!under || !near) continue;
        members.add(block);
        span.top = Math.min(span.top, block.box.y);
        span.bottom = Math.max(span.bottom, block.box.y + block.box.height);
        grown = true;
      }
    }
    return span;
  });
  spans.sort((a, b) => a.top - b.top);
  const merged: Array<{ top: number; bottom: number }> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.top <= last.bottom) last.bottom = Math.max(last.bottom, span.bottom);
    else merged.push({ ...span });
  }
  return merged;
}

/** A column continues across gaps of up to this many lines (paragraph space, a sub-heading). */
const CONTINUE_LINES = 3;

/** The typical height of a line in the blocks: their height over their line count, the median. */
function lineHeight(blocks: readonly Block[]): number {
  return median(blocks.map((b) => b.box.height / Math.max(1, b.lines)));
}

function horizontalOverlap(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
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
      lines: new Set(indices.map((i) => words[i]!.line)).size,
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
