import type { Evidence } from '../domain/evidence.ts';
import { FIELDS } from '../domain/fields.ts';
import { labelQuality } from './candidates.ts';
import { foldLabel, isLabelText } from './label-pairs.ts';
import { LABELS, type LabelledField } from './labels.ts';

/** Fields whose labels are known by their head nouns (the registry), not by LABELS. */
const LABELLED_BY_HEADS = Object.values(FIELDS).filter((f) => 'heads' in f);
import {
  cellEvidence,
  cellKey,
  type SourceCell,
  type SourceDocument,
  type SourceLine,
} from './source-text.ts';

/** A value found next to a label: the raw value text, where it stands, and how specific the label was. */
export interface LabelHit {
  field: LabelledField;
  /** Position of the matched label in LABELS[field]: lower is more specific. */
  labelRank: number;
  raw: string;
  evidence: Evidence;
  confidence: number | null;
  /** The line the value was read from, for neighbours (multi-line values). */
  line?: SourceLine;
  cell?: SourceCell;
}

const LEAD = String.raw`^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+|[-•*–]\s*|[a-z][.)]\s+)?`;
const PAREN = String.raw`(?:\s+(?:i|for|til) (?:tiltaket|teamet|prosjektet|tilbudet))?(?:\s*\([^)]{0,40}\))?`;

/** Label regexes per field, compiled once: label at segment start, then a separator or a number. */
const compiled = new Map<LabelledField, RegExp[]>(
  (Object.keys(LABELS) as LabelledField[]).map((field) => [
    field,
    LABELS[field].map(
      (label) =>
        new RegExp(
          `${LEAD}(?:${label})${PAREN}\\s*(?:[:=]\\s*(?<a>.*)|\\s+(?<b>(?:kr\\.?|nok)?\\s*[-−]?\\d.*)|$)`,
          'iu',
        ),
    ),
  ]),
);

/** A checkbox at the start of a line: "[X]", "[ ]", "☒", "☐". */
export const CHECKBOX = /^\s*(?:\[[\sxX✓✔]?\]|[☐☒☑□■]|\([\sxX]\))\s*/u;
export const TICKED = /^\s*(?:\[[xX✓✔]\]|[☒☑■]|\([xX]\))/u;
export const UNTICKED = /^\s*(?:\[\s?\]|[☐□]|\(\s\))/u;

/** Whether the next line carries on a value cut at a line end (open parenthesis, comma, "og"). */
function continues(raw: string, next: SourceLine): boolean {
  if (next.text.includes('\t') || /^[^:]{1,40}:/.test(next.text) || looksLikeLabel(next.text)) return false;
  const open = (raw.match(/\(/g) ?? []).length > (raw.match(/\)/g) ?? []).length;
  return open || /(?:,|\bog|\bsamt|-)$/.test(raw) || /^\p{Ll}/u.test(next.text);
}

/** The first ticked line in the run of checkbox lines starting at `from`. */
function tickedBelow(lines: SourceLine[], from: number): SourceLine | null {
  for (let i = from; i < lines.length && i < from + 12 && CHECKBOX.test(lines[i]!.text); i++) {
    if (TICKED.test(lines[i]!.text)) return lines[i]!;
  }
  return null;
}

/** Does this text look like a label of any kind ("Søker:", "Dato")? Then it is not a value. */
export function looksLikeLabel(text: string): boolean {
  if (/^[^:]{1,40}:\s*$/.test(text)) return true;
  if (isLabelText(text)) {
    const { folded } = foldLabel(text);
    // "År 4" is a value; a label carries no number but years, dates and hints in brackets.
    const bare = folded.replace(/\([^)]*\)/g, ' ').trim();
    if (!/\d/.test(bare) && LABELLED_BY_HEADS.some((spec) => labelQuality(spec, bare) !== null)) return true;
  }
  for (const regexes of compiled.values()) {
    for (const re of regexes) {
      const m = re.exec(text);
      if (m && m[0].length === text.length && !(m.groups?.a || m.groups?.b)) return true;
    }
  }
  return false;
}

/** Label hits for one field in a document's lines and cells. */
export function findLabelled(doc: SourceDocument, field: LabelledField): LabelHit[] {
  const regexes = compiled.get(field)!;
  return [...fromLines(doc, field, regexes), ...fromCells(doc, field, regexes)];
}

function matchLabel(regexes: RegExp[], text: string): { rank: number; value: string } | null {
  for (let rank = 0; rank < regexes.length; rank++) {
    const m = regexes[rank]!.exec(text);
    if (m) return { rank, value: (m.groups?.a ?? m.groups?.b ?? '').trim() };
  }
  return null;
}

/**
 * Lines with labels that a narrow table cell broke mid-word ("Organisasjonsnumm" / "er") joined
 * again, and a hint in brackets under a label ("Kommunenummer" / "(4 siffer)") dropped.
 */
export function joinWrappedLabels(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (next && next.page === line.page) {
      // The label is the line's first column; the value may already stand beside it.
      const [label = '', ...values] = line.text.split('\t');
      const joined = `${label}${next.text.trim()}`;
      if (/^\p{Ll}{1,5}$/u.test(next.text.trim()) && /\p{L}$/u.test(label) && looksLikeLabel(joined)) {
        out.push({ ...line, text: [joined, ...values].join('\t') });
        i++;
        continue;
      }
      if (/^\([^)]{1,30}\)$/.test(next.text.trim()) && !line.text.includes('\t') && looksLikeLabel(label)) {
        out.push(line);
        i++;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

function fromLines(doc: SourceDocument, field: LabelledField, regexes: RegExp[]): LabelHit[] {
  const hits: LabelHit[] = [];
  const lines = joinWrappedLabels(doc.lines);
  lines.forEach((line, i) => {
    const segments = line.text.split('\t');
    segments.forEach((segment, s) => {
      const m = matchLabel(regexes, segment);
      if (!m) return;
      let raw = m.value;
      let source = line;
      // A table row puts the value in the next column; a form export puts it on the next line.
      if (raw === '' && s + 1 < segments.length) raw = segments[s + 1]!.trim();
      if (raw === '' && s === segments.length - 1) {
        const next = lines[i + 1];
        if (next && next.page === line.page && CHECKBOX.test(next.text)) {
          // A list of boxes under the label: the ticked one is the answer, an unticked list none.
          const ticked = tickedBelow(lines, i + 1);
          if (!ticked) return;
          raw = ticked.text.replace(CHECKBOX, '').trim();
          source = ticked;
        } else if (
          next &&
          next.page === line.page &&
          !looksLikeLabel(next.text.split('\t')[0]!) &&
          !/^[^:]{1,40}:\s/.test(next.text) // "Søker: X" is a field of its own, not this label's value
        ) {
          raw = next.text.split('\t')[0]!.trim();
          source = next;
        }
      }
      // A table cell that wraps: "X (org.nr. 933277461), Seljord" / "kommune og Y".
      for (
        let j = lines.indexOf(source) + 1;
        j < lines.length && raw !== '' && continues(raw, lines[j]!);
        j++
      ) {
        raw = /-$/.test(raw) ? raw + lines[j]!.text : `${raw} ${lines[j]!.text}`;
      }
      if (UNTICKED.test(raw)) return;
      raw = raw.replace(CHECKBOX, '').trim();
      if (raw === '') return;
      const text = source === line ? line.text : `${line.text} ${source.text}`;
      hits.push({
        field,
        labelRank: m.rank,
        raw,
        evidence: { path: line.path, page: line.page, text },
        confidence: source.confidence,
        line: source,
      });
    });
  });
  return hits;
}

function fromCells(doc: SourceDocument, field: LabelledField, regexes: RegExp[]): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const sheet of doc.sheets) {
    for (const cell of sheet.cells) {
      if (typeof cell.value === 'number') continue;
      const m = matchLabel(regexes, cell.text.trim());
      if (!m) continue;
      if (m.value !== '') {
        hits.push({
          field,
          labelRank: m.rank,
          raw: m.value,
          evidence: cellEvidence(null, cell),
          confidence: null,
          cell,
        });
        continue;
      }
      const value = neighbourValue(sheet.grid, cell);
      if (value) {
        hits.push({
          field,
          labelRank: m.rank,
          raw: cellRaw(value),
          evidence: cellEvidence(cell, value),
          confidence: null,
          cell: value,
        });
      }
    }
  }
  return hits;
}

/** A cell's value as text to parse: numbers unformatted, dates as ISO, else what is shown. */
function cellRaw(cell: SourceCell): string {
  if (typeof cell.value === 'number') return String(cell.value);
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return cell.text;
}

/**
 * The value beside a label cell: the first filled cell to the right, else the one below. In a row of
 * headings ("Tilskuddsmottaker | Org.nr. | Ordning") each value stands below its heading instead.
 */
function neighbourValue(grid: Map<string, SourceCell>, label: SourceCell): SourceCell | null {
  let right: SourceCell | undefined;
  for (let col = label.col + 1; col <= label.col + 6 && !right; col++)
    right = grid.get(cellKey(label.row, col));
  const isLabel = (c: SourceCell | undefined): boolean => !!c && looksLikeLabel(c.text.trim());
  const left = grid.get(cellKey(label.row, label.col - 1));
  const below = grid.get(cellKey(label.row + 1, label.col));
  // A heading cell ("Søker") above the form's own label row is not a label with a value.
  const valueBelow = below && !isLabel(below) ? below : null;
  const headingRow = !!valueBelow && (isLabel(right) || isLabel(left));
  if (right && !headingRow) return right;
  // A column heading ("Post | Regnskap") has its neighbours' values below, not its own.
  if (left && !headingRow) return null;
  return valueBelow;
}
