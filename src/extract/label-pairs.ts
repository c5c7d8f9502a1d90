/**
 * Label and value pairs in a document, whatever the field: "Label: value", a table row
 * ("Label⇥value"), a label with its value after it on the same line ("Søknadsbeløp kr 500 000"),
 * a label above its value (two-row forms), a heading row above a row of values, a ticked box under
 * a label, and a spreadsheet label cell with its value beside or below it. Which field a label
 * names is decided later, from its head noun (see `head-match.ts`); here a label is any short
 * run of words before a separator.
 */
import type { Evidence } from '../domain/evidence.ts';
import { findDates } from '../normalise/dates.ts';
import { findMoney } from '../normalise/money.ts';
import { foldForMatch } from '../normalise/text.ts';
import { FIELDS } from '../domain/fields.ts';
import { labelQuality, type LabelSpec } from './candidates.ts';
import { CHECKBOX, joinWrappedLabels, looksLikeLabel, TICKED, UNTICKED } from './label-values.ts';
import {
  cellEvidence,
  cellKey,
  type SourceCell,
  type SourceDocument,
  type SourceLine,
} from './source-text.ts';

export type PairLayout =
  | 'colon'
  | 'column'
  | 'table-row' // a row of a table of amounts (a budget's "Sum omsøkt" line): a total, not a form field
  | 'inline'
  | 'below'
  | 'heading-row'
  | 'checkbox'
  | 'cell';

export interface LabelPair {
  doc: number;
  /** The label as written. */
  label: string;
  /** The label folded for matching, with numbering, years and dates taken out. */
  folded: string;
  /** Years written in the label ("Mottatt tilskudd 2024"): context, never the value. */
  years: number[];
  /** The value text. */
  raw: string;
  layout: PairLayout;
  evidence: Evidence;
  confidence: number | null;
  /** Where the value stands, for neighbours and spreadsheet rows. */
  line?: SourceLine;
  cell?: SourceCell;
}

const YEAR = /(?<![\d.,])(?:19[89]\d|20\d\d)(?![\d.,]\d)/g;
/** List numbering and bullets before a label: "1.", "2.3", "a)", "–"; not a count ("4 årsverk"). */
const LEAD = /^(?:\d{1,2}(?:\.\d{1,2})+\.?\s+|\d{1,2}[.)]\s+|[-•*–]\s*|[a-zA-Z][.)]\s+)/u;

/** Does a text read as a label: a few words, no amount, no sentence? */
export function isLabelText(text: string): boolean {
  const t = text.trim().replace(/[:\s]+$/, '');
  // A portal form asks questions ("Hvor mye søker dere om i tilskudd?"): a question is a label too.
  const question = t.endsWith('?');
  if (t.length < 2 || t.length > (question ? 120 : 80) || !/\p{L}{2}/u.test(t)) return false;
  if (t.split(/\s+/).length > (question ? 16 : 10)) return false;
  // A sentence ends in a full stop; "Org.nr." and "per 31.12." are abbreviations and dates.
  if (/[.!]$/.test(t) && !/(?:nr|org|kr|ca|inkl|evt|pr|\d)\.$/i.test(t)) return false;
  if (findMoney(t).length > 0) return false;
  if (CHECKBOX.test(t)) return false;
  // Digits only as years, dates, list numbers or short codes inside words ("Helse Nord RHF", "år 2").
  const rest = t
    .replace(LEAD, '')
    .replace(/\([^)]*\)/g, '') // a hint in brackets: "Årsverk (100 % = 1)"
    .replace(/\d{1,2}\.\d{1,2}\.\d{2,4}/g, '')
    .replace(YEAR, '');
  return !/\d{3,}/.test(rest);
}

/** Label text to matching form: numbering, years and dates out; lower case, folded spaces. */
export function foldLabel(label: string): { folded: string; years: number[] } {
  const years = new Set<number>();
  for (const d of findDates(label)) years.add(Number(d.date.slice(0, 4)));
  for (const m of label.matchAll(YEAR)) years.add(Number(m[0]));
  let t = label.replace(LEAD, '');
  for (const d of findDates(t).reverse()) t = t.slice(0, d.start) + ' ' + t.slice(d.end);
  t = t.replace(YEAR, ' ');
  return { folded: foldForMatch(t).replace(/\s*[:=]\s*$/, ''), years: [...years] };
}

/** Where a value can begin on a line that has no separator: an amount, a number, a count word. */
const VALUE_START =
  /(?<![\p{L}\d])(?:kr\.?\s*\d|nok\s*\d|[-−]?\d|(?:en|ei|ein|ett|eitt|to|tre|fire|fem|seks|sju|åtte|ni|ti|halv\p{L}*)\s+(?:hele?\s+|fulle?\s+)?(?:stilling|årsverk))/iu;

const cache = new WeakMap<SourceDocument, LabelPair[]>();

/** Every label and value pair of a document (computed once per document). */
export function labelPairs(doc: SourceDocument): LabelPair[] {
  let pairs = cache.get(doc);
  if (!pairs) {
    pairs = [...fromLines(doc), ...fromSheets(doc)];
    cache.set(doc, pairs);
  }
  return pairs;
}

function pair(
  doc: SourceDocument,
  label: string,
  raw: string,
  layout: PairLayout,
  evidence: Evidence,
  confidence: number | null,
  where: { line?: SourceLine; cell?: SourceCell },
): LabelPair | null {
  const value = raw.trim();
  if (value === '' || UNTICKED.test(value)) return null;
  const { folded, years } = foldLabel(label);
  if (!/\p{L}{2}/u.test(folded)) return null;
  return {
    doc: doc.doc,
    label: label.trim(),
    folded,
    years,
    raw: value.replace(CHECKBOX, '').trim(),
    layout,
    evidence,
    confidence,
    ...where,
  };
}

/**
 * "Label: value" in one segment. The colon of a clock ("kl. 23:59") or a URL, and a separator
 * inside brackets ("Årsverk (100 % = 1)"), is no separator.
 */
function splitColon(segment: string): { label: string; value: string } | null {
  // Most lines have no separator; the pattern below backtracks over every one of them (quadratic).
  if (!/[:=]/.test(segment)) return null;
  const masked = segment.replace(/\([^)]*\)/g, (m) => '_'.repeat(m.length));
  const m = /^([^:=]*?\p{L}[^:=]*?)(?<!https?|kl\.?)\s*[:=](?!\/\/)\s*/iu.exec(masked);
  if (!m || m[1]!.length > 80) return null;
  const value = segment.slice(m[0].length);
  if (/\d$/.test(m[1]!) && /^\d{2}(?!\d)/.test(value)) return null; // a clock: "12:30"
  return { label: segment.slice(0, m[1]!.length), value };
}

/** "Søknadsbeløp kr 500 000", "Mottatt tilskudd 2024 kr 900 000": label words, then the value. */
function splitInline(segment: string): { label: string; value: string } | null {
  if (segment.length > 160) return null;
  // The value starts after any list numbering ("2.6 Årsverk 6").
  const lead = LEAD.exec(segment)?.[0].length ?? 0;
  // A number inside brackets is a hint to the label ("Organisasjonsnummer (9 siffer) 945 372 281").
  const masked = segment.replace(/\([^)]*\)/g, (b) => '_'.repeat(b.length));
  const m = VALUE_START.exec(masked.slice(lead));
  if (!m || m.index === 0) return null;
  m.index += lead;
  let label = segment.slice(0, m.index);
  // A number inside brackets is a hint to the label ("Årsverk (100 % = 1)"), not its value.
  if ((label.match(/\(/g) ?? []).length > (label.match(/\)/g) ?? []).length) return null;
  let value = segment.slice(m.index);
  // A year or date right after the label words belongs to the label when more value follows it.
  for (;;) {
    const lead = /^((?:19[89]\d|20\d\d)(?![\d.,]\d)|\d{1,2}\.\d{1,2}\.\d{2,4})\s*[:,]?\s+(?=\S)/u.exec(value);
    if (!lead) break;
    const after = value.slice(lead[0].length);
    if (/^(?:kl|klokka|klokken)\b|^\d{1,2}[.:]\d{2}(?!\d)/i.test(after) || !/\d|kr|nok/i.test(after)) break;
    label += lead[0];
    value = value.slice(lead[0].length);
  }
  const words = label.trim().split(/\s+/);
  if (words.length > 8 || !/\p{L}{2}/u.test(label)) return null;
  return { label, value };
}

function fromLines(doc: SourceDocument): LabelPair[] {
  const out: LabelPair[] = [];
  const lines = joinWrappedLabels(doc.lines);
  const push = (p: LabelPair | null) => p && out.push(p);

  lines.forEach((line, i) => {
    // A box in a list of options ("[ ] Prioritet 2 – Housing First") is an answer, not a label; so is
    // a line inside such a list whose box OCR lost.
    const isOption = (l: SourceLine | undefined) => !!l && l.page === line.page && CHECKBOX.test(l.text);
    if (isOption(line) || (isOption(lines[i - 1]) && isOption(lines[i + 1]))) return;
    // Footers and letterheads run fields together with middle dots or bars: "Org.nr. 945 372 281 · Bankkonto …".
    const segments = line.text.split(/\t| [·•|] /u);
    const next = lines[i + 1]?.page === line.page ? lines[i + 1] : undefined;
    const ev = (text = line.text): Evidence => ({ path: line.path, page: line.page, text });

    // A heading row over a row of values: "Søknadsbeløp | Årsverk | Tilskuddsår" / "900 000 | 2,5 | 2025".
    if (segments.length >= 2 && segments.every(isLabelText) && next) {
      const values = next.text.split('\t');
      const after = lines[i + 2]?.page === line.page ? lines[i + 2]!.text.split('\t') : [];
      // One row of values under the headings is a form; more rows make a table (budget lines).
      const table =
        after.length === segments.length &&
        isAmountCell(after[after.length - 1]!) &&
        !looksLikeLabel(after[0]!);
      // Headings that are all known labels, or any headings over a row of numbers and dates only;
      // a letterhead's "Vår dato | Vår referanse | Deres dato" may leave its last boxes empty.
      const known = segments.every((x) => looksLikeLabel(x)) || !values.some(isLabelText);
      const fits =
        values.length === segments.length || (values.length >= 2 && values.length < segments.length);
      const evidence = ev(`${line.text}\n${next.text}`);
      if (fits && !table && !values.some((x) => looksLikeLabel(x))) {
        if (known) {
          values.forEach((value, k) =>
            push(pair(doc, segments[k]!, value, 'heading-row', evidence, next.confidence, { line: next })),
          );
          return;
        }
        // Mixed headings ("Sted og dato | For kommunen" over "Smøla, 24.01.2020 | Arne Nesheim"):
        // a known label over a box with a number or date in it is still that box's label.
        values.forEach((value, k) => {
          if ((looksLikeLabel(segments[k]!) || namesAField(segments[k]!)) && /\d/.test(value))
            push(pair(doc, segments[k]!, value, 'heading-row', evidence, next.confidence, { line: next }));
        });
      }
    }

    segments.forEach((segment, k) => {
      const colon = splitColon(segment);
      const last = k === segments.length - 1;
      if (colon && colon.value.trim() !== '') {
        const value = last ? carryOn(colon.value, lines, i) : colon.value;
        push(pair(doc, colon.label, value, 'colon', ev(), line.confidence, { line }));
        return;
      }
      const label = colon?.label ?? (isLabelText(segment) ? segment : null);
      if (label !== null && k + 1 < segments.length) {
        // A table row: the value in the next column, and in a row of several amount columns
        // each further column with its heading from the heading row above as context.
        // With headings over several amount columns ("Post | Budsjett | Rekneskap") each amount is
        // read with its heading only: the first column alone would pass a budget for what was spent.
        const headings = headingRow(lines, i, segments.length);
        const total = /^(?:sum|totalt?|samla|samlet|i alt)(?!\p{L})/iu.test(label.replace(LEAD, ''));
        // Rows of a table of amounts (under headings, or a total under amount rows) are budget or
        // spending lines and totals, weaker than a form's own answer.
        // Columns headed by years ("Budsjett | 2025 | 2026") are one answer per year instead.
        const byYear = !!headings && headings.slice(k + 1).every((h) => /^(?:19|20)\d\d$/.test(h.trim()));
        const layout: PairLayout =
          (headings && !byYear) || (total && inTable(lines, i)) ? 'table-row' : 'column';
        const cell = k + 2 === segments.length ? carryOn(segments[k + 1]!, lines, i) : segments[k + 1]!;
        if (!headings) push(pair(doc, label, cell, layout, ev(), line.confidence, { line }));
        // A budget line ("Årsverk sjukepleiar | … | 275 000") under "Omsøkt" is a cost, not the request:
        // only totals and a form's own labels are read with their column's heading.
        const belowRow = lines[i + 1]?.page === line.page ? lines[i + 1]!.text.split('\t') : [];
        const amongRows = inTable(lines, i) || (belowRow.length >= 2 && isAmountCell(belowRow.at(-1)!));
        if (headings && !byYear && !total && (amongRows || !looksLikeLabel(label))) return;
        for (let j = k + 1; headings && j < segments.length; j++) {
          if (headings[j])
            push(pair(doc, `${label} ${headings[j]}`, segments[j]!, layout, ev(), line.confidence, { line }));
        }
        return;
      }
      const inline = colon ? null : splitInline(segment);
      if (inline) push(pair(doc, inline.label, inline.value, 'inline', ev(), line.confidence, { line }));
      if (label === null || segments.length !== 1 || !next) return;
      // A label alone on its line: a list of boxes under it, or its value on the line below.
      if (CHECKBOX.test(next.text)) {
        const ticked = tickedBelow(lines, i + 1);
        if (ticked)
          push(
            pair(doc, label, ticked.text, 'checkbox', ev(`${line.text} ${ticked.text}`), ticked.confidence, {
              line: ticked,
            }),
          );
        return;
      }
      const below = next.text.split('\t')[0]!;
      // A label alone on its line is short, or asks or ends in a colon: a longer line is a sentence wrapped.
      const shortLabel = label.replace(LEAD, '').trim().split(/\s+/).length <= 8 || /[:?]\s*$/.test(segment);
      if (!shortLabel) return;
      // The line below is the value unless it is itself a label ("Organisasjonsnummer").
      // A lone year after the words ("Antall årsverk i 2022") may be context: the value can be below.
      const yearOnly =
        !!inline && /^(?:(?:19[89]\d|20\d\d)|\d{1,2}\.\d{1,2}\.?(?:\d{2,4})?)\s*$/.test(inline.value.trim());
      // A sentence below a heading ("Kommunen søkte om kr 1 000 000 for 2024.") is text, not its value.
      const sentence = /[.!?]$/.test(below.trim()) && below.trim().split(/\s+/).length > 4;
      if (
        (!inline || yearOnly) &&
        !sentence &&
        !looksLikeLabel(below) &&
        !splitColon(below) &&
        below.length <= 100
      )
        push(
          pair(doc, label, below, 'below', ev(`${line.text} ${next.text}`), next.confidence, { line: next }),
        );
    });
  });
  return out;
}

/**
 * A value that a narrow cell wrapped onto the next lines: carried on while it ends in a comma, "og",
 * "samt" or a hyphen, or leaves a bracket open ("… (org.nr. NO 864 669" / "583 MVA)").
 */
function carryOn(value: string, lines: SourceLine[], row: number): string {
  let out = value.trim();
  for (let j = row + 1; j <= row + 2 && j < lines.length; j++) {
    const next = lines[j]!;
    if (
      next.page !== lines[row]!.page ||
      next.text.includes('\t') ||
      looksLikeLabel(next.text) ||
      splitColon(next.text)
    )
      break;
    const open = (out.match(/\(/g) ?? []).length > (out.match(/\)/g) ?? []).length;
    if (!open && !/(?:,|\bog|\bsamt|-)$/u.test(out)) break;
    out = /-$/.test(out) ? out + next.text : `${out} ${next.text}`;
  }
  return out;
}

/** Whether a heading names one of the registry's fields by a head noun ("Regnskap 2023"). */
const namesAField = (text: string): boolean => {
  const { folded } = foldLabel(text);
  return Object.values(FIELDS).some(
    (spec) => 'heads' in spec && labelQuality(spec as LabelSpec, folded) !== null,
  );
};

/** Whether the line above `row` is a row of the same table: columns, ending in an amount. */
function inTable(lines: SourceLine[], row: number): boolean {
  const above = lines[row - 1];
  if (!above || above.page !== lines[row]!.page) return false;
  const cells = above.text.split('\t');
  return cells.length >= 2 && isAmountCell(cells[cells.length - 1]!);
}

/** A table cell that is an amount and nothing else ("1 735 000,00", "kr 275 000,-"). */
const isAmountCell = (cell: string) =>
  /^(?:kr\.?|nok)?\s*-?\d{1,3}(?:[ .\u00a0\u202f]?\d{3})+(?:[.,]\d{1,2}|,-)?\s*(?:kr\.?|kroner|nok)?$/iu.test(
    cell.trim(),
  );

/** The headings of the table row `row` belongs to: the nearest row above of the same width with no amounts. */
function headingRow(lines: SourceLine[], row: number, width: number): string[] | null {
  if (width < 3) return null;
  for (let j = row - 1; j >= Math.max(0, row - 15) && lines[j]!.page === lines[row]!.page; j--) {
    const cells = lines[j]!.text.split('\t');
    if (cells.length !== width) continue;
    if (cells.slice(1).some((c) => /\d{3}/.test(foldLabel(c).folded))) continue; // a data row, not headings
    return cells.map((c) => c.trim());
  }
  return null;
}

/** The first ticked line in the run of checkbox lines starting at `from`. */
function tickedBelow(lines: SourceLine[], from: number): SourceLine | null {
  for (let i = from; i < lines.length && i < from + 12 && CHECKBOX.test(lines[i]!.text); i++) {
    if (TICKED.test(lines[i]!.text)) return lines[i]!;
  }
  return null;
}

function fromSheets(doc: SourceDocument): LabelPair[] {
  const out: LabelPair[] = [];
  for (const sheet of doc.sheets) {
    for (const cell of sheet.cells) {
      if (typeof cell.value === 'number' || cell.value instanceof Date) continue;
      const text = cell.text.trim();
      const colon = splitColon(text);
      if (colon && colon.value.trim() !== '') {
        const p = pair(doc, colon.label, colon.value, 'cell', cellEvidence(null, cell), null, { cell });
        if (p) out.push(p);
        continue;
      }
      const label = colon?.label ?? text;
      if (!isLabelText(label)) continue;
      let value = neighbourValue(sheet.grid, cell);
      if (!value) continue;
      // A hint column between label and value ("Organisasjonsnr. | 9 siffer | 970169717").
      if (value.row === cell.row && HINT.test(value.text.trim())) {
        const further = rightOf(sheet.grid, value);
        if (further) value = further;
      }
      const p = pair(doc, label, cellRaw(value), 'cell', cellEvidence(cell, value), null, { cell: value });
      if (p) out.push(p);
    }
  }
  return out;
}

/** What a form writes beside a label to say how to fill it in: "9 siffer", "dd.mm.åååå", "i kr". */
const HINT =
  /^\(?(?:\d+ siffer|siffer|dd\.mm\.(?:åå)?åå|åååå|f\.? ?eks\.?.*|eks\.?.*|format.*|skriv.*|fyll.*|velg.*|i kr\.?|kr\.?|nok|i hele kroner|beløp i kr)\)?$/iu;

/** The first filled cell to the right of `cell` in its row, within six columns. */
function rightOf(grid: Map<string, SourceCell>, cell: SourceCell): SourceCell | null {
  for (let col = cell.col + 1; col <= cell.col + 6; col++) {
    const c = grid.get(cellKey(cell.row, col));
    if (c) return c;
  }
  return null;
}

/** A cell's value as text to parse: numbers unformatted, dates as ISO, else what is shown. */
function cellRaw(cell: SourceCell): string {
  if (typeof cell.value === 'number') return String(cell.value);
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return cell.text;
}

/**
 * The value of a label cell: the first filled cell to its right, else the one below. In a row of
 * headings ("Tilskuddsmottaker | Org.nr. | Ordning") each value stands below its heading instead.
 */
function neighbourValue(grid: Map<string, SourceCell>, label: SourceCell): SourceCell | null {
  let right: SourceCell | undefined;
  for (let col = label.col + 1; col <= label.col + 6 && !right; col++)
    right = grid.get(cellKey(label.row, col));
  // A known label, not any text: a name ("Haugesund kommune") under "Ansvarlig søker" is a value.
  const isLabel = (c: SourceCell | undefined) =>
    !!c && typeof c.value === 'string' && isLabelText(c.text) && looksLikeLabel(c.text.trim());
  const left = grid.get(cellKey(label.row, label.col - 1));
  const below = grid.get(cellKey(label.row + 1, label.col));
  const valueBelow = below && !isLabel(below) ? below : null;
  const headingRow = !!valueBelow && (isLabel(right) || isLabel(left));
  if (right && !headingRow) return right;
  // A column heading ("Post | Regnskap") has its neighbours' values below, not its own.
  if (left && !headingRow) return null;
  // A heading over a column of values heads a table, not one value: "Søkt tilskudd" over its lines.
  const twoBelow = grid.get(cellKey(label.row + 2, label.col));
  if (valueBelow && twoBelow && !isLabel(twoBelow)) return null;
  return valueBelow;
}

/** A labelled value for a field known by its head nouns, with how surely the label names it. */
export interface HeadHit {
  raw: string;
  evidence: Evidence;
  confidence: number | null;
  line?: SourceLine;
  quality: number;
  layout: PairLayout;
}

/** The values a document labels with `spec`'s head nouns, surest label first (document order on ties). */
export function headHits(doc: SourceDocument, spec: LabelSpec): HeadHit[] {
  const hits: HeadHit[] = [];
  for (const p of labelPairs(doc)) {
    const quality = labelQuality(spec, p.folded);
    if (quality === null) continue;
    hits.push({
      raw: p.raw,
      evidence: p.evidence,
      confidence: p.confidence,
      line: p.line,
      quality,
      layout: p.layout,
    });
  }
  return hits.sort((a, b) => b.quality - a.quality);
}
