/** A run of text at a position on the page, in viewport space (origin top left, y downwards). */
export interface PositionedText {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size, used to scale the gap thresholds. */
  size: number;
}

/** Baselines closer than this share of the font size are one line (covers mixed sizes in a table row). */
const SAME_LINE_EM = 0.45;
/** A horizontal gap wider than this share of the font size separates cells (a tab). */
const CELL_GAP_EM = 0.8;
/** A gap wider than this share of the font size is a word space (pdf.js uses 0.102 for the same). */
const SPACE_GAP_EM = 0.1;
/** Runs with the same text this close together are a faked bold (text drawn twice, slightly shifted). */
const DUPLICATE_EM = 0.3;

/**
 * Lays positioned text runs out as lines in reading order: top to bottom, then left to right. Runs
 * on the same baseline form one line; a wide horizontal gap (a table column, a form field beside its
 * label) becomes a tab, so a two-column form row reads "label⇥value". Multi-column body text comes
 * out interleaved line by line, which is the price for forms and tables reading correctly.
 */
export function layoutTextLines(runs: readonly PositionedText[]): string[] {
  const visible = runs
    .map((run) => ({ ...run, text: cleanRunText(run.text) }))
    .filter((run) => run.text.trim() !== '' && Number.isFinite(run.x) && Number.isFinite(run.y))
    .sort((a, b) => a.y - b.y || a.x - b.x);

  const lines: PositionedText[][] = [];
  let current: PositionedText[] = [];
  let baseline = 0;
  let lineSize = 0;
  for (const run of visible) {
    const tolerance = Math.max(1, SAME_LINE_EM * Math.min(run.size || lineSize, lineSize || run.size));
    if (current.length > 0 && Math.abs(run.y - baseline) <= tolerance) {
      current.push(run);
      lineSize = Math.max(lineSize, run.size);
    } else {
      if (current.length > 0) lines.push(current);
      current = [run];
      baseline = run.y;
      lineSize = run.size;
    }
  }
  if (current.length > 0) lines.push(current);

  return lines.map((line) => joinLine(line.sort((a, b) => a.x - b.x))).filter((line) => line !== '');
}

function joinLine(runs: PositionedText[]): string {
  let text = '';
  let previous: PositionedText | undefined;
  for (const run of runs) {
    if (!previous) {
      text = run.text;
      previous = run;
      continue;
    }
    const size = (previous.size + run.size) / 2 || 1;
    if (run.text === previous.text && Math.abs(run.x - previous.x) < DUPLICATE_EM * size) continue;
    const gap = run.x - (previous.x + previous.width);
    if (gap > CELL_GAP_EM * size) {
      text = `${text.trimEnd()}\t${run.text.trimStart()}`;
    } else if (gap > SPACE_GAP_EM * size && !/\s$/u.test(text) && !/^\s/u.test(run.text)) {
      text = `${text} ${run.text}`;
    } else {
      text += run.text;
    }
    // A run hidden under a wider one must not pull the next gap back to the left.
    if (run.x + run.width >= previous.x + previous.width) previous = run;
  }
  return text.replace(/ +\t/g, '\t').replace(/\t +/g, '\t').trimEnd().trimStart();
}

/** Drops characters that only confuse matching: controls, soft hyphens; NBSP becomes a space. */
function cleanRunText(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/(?!\t)\p{Cc}|\u00ad/gu, '')
    .normalize('NFC');
}
