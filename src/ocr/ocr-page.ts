import type { Box, OcrWord, TextPage } from '../domain/document.ts';
import { layoutTextLines, type PositionedText } from '../read/pdf-layout.ts';
import { readingOrder } from './reading-order.ts';
import type { EngineWord } from './tsv.ts';

/** First code point of the private-use plane the layout trick below tags words with. */
const TAG_BASE = 0xf0000;
/** Words of only punctuation and symbols are table rules, underscores and dust read as text... */
const SYMBOLS_ONLY = /^[\p{P}\p{S}]+$/u;
/** ...and are dropped when the engine doubted them (confidence 0-100). */
const SYMBOLS_MAX_CONFIDENCE = 60;
/** A doubtful letter or two standing alone, far from the words of its line, is a speck of dust. */
const SPECK_MAX_LENGTH = 2;
const SPECK_MAX_CONFIDENCE = 60;
/** "Far": a gap wider than this many line heights on both sides. */
const SPECK_GAP_LINES = 1;

/** Where the words' boxes go: image pixels to the page's own space, undoing any deskew. */
export interface BoxMapping {
  /** Multiply pixel coordinates by this (72/dpi for PDF pages, giving points; 1 for image files). */
  scale: number;
  /** Undoes the deskew applied before OCR: a point of the read image to the original image. */
  toOriginal?: (x: number, y: number) => { x: number; y: number };
}

/**
 * Turns the engine's words into a TextPage the extractor reads like a text layer: lines laid out by
 * {@link layoutTextLines} (so a form row reads "Label⇥Value" as it does from a PDF), columns of prose
 * one after the other as the engine read them ({@link readingOrder}), words with their
 * confidence (0-1) and boxes in the page's own space, and the page confidence as the mean word
 * confidence.
 *
 * `words` come in the order of the text: line by line, left to right, so that concatenating the words
 * of a line (without spaces) gives that line's text without spaces. source-text relies on this to give
 * a value read from a line the line's boxes and its lowest confidence.
 */
export function ocrTextPage(page: number, engineWords: readonly EngineWord[], mapping: BoxMapping): TextPage {
  const kept = withoutDust(
    engineWords
      .map((w) => ({ ...w, text: w.text.normalize('NFC').replace(/\s+/gu, '') }))
      .filter((w) => w.text !== ''),
  );

  // Each word is laid out under a one-character tag, so the layout's decisions (which words share a
  // line, where a gap becomes a tab) can be read back word by word and applied to the real text.
  // Columns of prose are laid out one at a time, in the engine's order (see readingOrder).
  const rows = rowHeights(kept);
  const words: OcrWord[] = [];
  const lines: string[] = [];
  const { units } = readingOrder(kept);
  for (const unit of units) {
    const runs: PositionedText[] = unit.words.map((i) => {
      const w = kept[i]!;
      return {
        text: String.fromCodePoint(TAG_BASE + i),
        x: w.box.x,
        width: w.box.width,
        ...placement(w, rows.get(w.line)!),
      };
    });
    for (const tagged of layoutTextLines(runs)) {
      let line = '';
      for (const char of tagged) {
        const code = char.codePointAt(0)!;
        if (code < TAG_BASE) {
          line += char;
          continue;
        }
        const word = kept[code - TAG_BASE]!;
        line += word.text;
        words.push({
          text: word.text,
          confidence: Math.round(Math.max(0, Math.min(100, word.confidence)) * 10) / 1000,
          box: mapBox(word.box, mapping),
        });
      }
      lines.push(line);
    }
  }
  // A blank page has no words to be unsure of; null keeps it out of the document's mean.
  const confidence =
    words.length === 0
      ? null
      : Math.round((words.reduce((sum, w) => sum + w.confidence, 0) / words.length) * 1000) / 1000;
  return { page, text: lines.join('\n'), method: 'ocr', confidence, words };
}

/**
 * Where a word sits for the layout. The words of an engine line share the line's bottom, so
 * descenders never tear a line apart; but when the engine ran two rows into one line (a big
 * letterhead beside small text), a word a whole row above the line's bottom keeps its own.
 */
function placement(word: EngineWord, rowHeight: number): { y: number; size: number } {
  const lineBottom = word.lineBox.y + word.lineBox.height;
  const bottom = word.box.y + word.box.height;
  if (lineBottom - bottom <= rowHeight) return { y: lineBottom, size: Math.max(1, word.lineBox.height) };
  return { y: bottom, size: Math.max(1, rowHeight) };
}

/** The median word height of each engine line: the height of one row of its text. */
function rowHeights(words: readonly EngineWord[]): Map<string, number> {
  const heights = new Map<string, number[]>();
  for (const w of words) heights.set(w.line, [...(heights.get(w.line) ?? []), w.box.height]);
  return new Map(
    [...heights].map(([line, hs]) => [line, hs.sort((a, b) => a - b)[Math.floor(hs.length / 2)]!]),
  );
}

/** Drops what the engine made of specks, rules and stains: they would become cells of their own. */
function withoutDust(words: EngineWord[]): EngineWord[] {
  return words.filter((word, i) => {
    if (SYMBOLS_ONLY.test(word.text)) return word.confidence >= SYMBOLS_MAX_CONFIDENCE;
    if ([...word.text].length > SPECK_MAX_LENGTH || word.confidence >= SPECK_MAX_CONFIDENCE) return true;
    const reach = SPECK_GAP_LINES * word.lineBox.height;
    const near = (other: EngineWord, j: number) =>
      j !== i &&
      other.line === word.line &&
      (Math.abs(other.box.x + other.box.width - word.box.x) <= reach ||
        Math.abs(word.box.x + word.box.width - other.box.x) <= reach);
    return words.some(near);
  });
}

/** A pixel box in the page's own space: rotated back (as the box around the turned corners), scaled. */
export function mapBox(box: Box, mapping: BoxMapping): Box {
  let corners = [
    { x: box.x, y: box.y },
    { x: box.x + box.width, y: box.y },
    { x: box.x, y: box.y + box.height },
    { x: box.x + box.width, y: box.y + box.height },
  ];
  if (mapping.toOriginal) corners = corners.map((c) => mapping.toOriginal!(c.x, c.y));
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const round = (v: number) => Math.round(v * mapping.scale * 10) / 10;
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return {
    x: round(x),
    y: round(y),
    width: round(Math.max(...xs) - x),
    height: round(Math.max(...ys) - y),
  };
}
