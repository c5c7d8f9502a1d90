import type { Box } from '../domain/document.ts';

/** One word as the engine reports it: its text, confidence 0-100, box in image pixels, and its line. */
export interface EngineWord {
  text: string;
  /** Tesseract's word confidence, 0-100. */
  confidence: number;
  box: Box;
  /** The engine's own line this word belongs to ("block.paragraph.line"), and that line's box. */
  line: string;
  lineBox: Box;
}

/**
 * Parses tesseract's TSV output (the same from the native command and from tesseract.js), level 5
 * rows being words and level 4 rows their lines. Empty words (the engine's placeholders) are dropped.
 */
export function parseTesseractTsv(tsv: string): EngineWord[] {
  const lines = new Map<string, Box>();
  const words: EngineWord[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const level = Number(cells[0]);
    const key = `${cells[2]}.${cells[3]}.${cells[4]}`;
    const box = {
      x: Number(cells[6]),
      y: Number(cells[7]),
      width: Number(cells[8]),
      height: Number(cells[9]),
    };
    if (level === 4) lines.set(key, box);
    if (level !== 5) continue;
    const text = cells.slice(11).join('\t').trim();
    if (text === '') continue;
    words.push({ text, confidence: Number(cells[10]), box, line: key, lineBox: lines.get(key) ?? box });
  }
  return words;
}
