import type { Evidence, Extracted } from '../domain/evidence.ts';
import type { BudgetCategory } from '../domain/record.ts';
import { findMoney, parseMoney } from '../normalise/money.ts';
import { categoriseCost, FINANCING, isSubtotal, TOTAL, type CategoryDecision } from './budget-category.ts';
import { cellEvidence, cellKey, lineEvidence, type SourceCell, type SourceDocument } from './source-text.ts';

export interface BudgetItem extends Extracted<number> {
  category: BudgetCategory;
  label: string;
  /** A description column's text beside the label ("Beskrivelse", "Merknad"), read for the category. */
  description?: string;
  /** The words that decided the category, for the reviewer. */
  categoryCues?: string[];
}

export interface BudgetResult {
  items: BudgetItem[];
  /** The stated grand total, when the table has one. */
  statedTotal: Extracted<number> | null;
  /** Whether the amounts are the grant's share (a "søkt tilskudd" column), spending, or not known. */
  basis: 'grant' | 'spent' | 'unknown';
  /** Own funding or other financing appears beside the costs. */
  hasFinancing: boolean;
}

/** A word-start boundary: JS `\b` does not know æ, ø and å. */
const W = String.raw`(?<!\p{L})`;
const words = (...alternatives: string[]) => new RegExp(`${W}(?:${alternatives.join('|')})`, 'u');

/** Column headings that say which money column is which; matched from a word's start. */
const GRANT_COLUMN = words(
  'søkt',
  'omsøkt',
  'søknadsbeløp',
  'søknadssum',
  'tilskudd',
  'tilskot',
  'statsforvalt',
  'fylkesmann',
  'hdir',
  'helsedirektorat',
  'bufdir',
  'fra ordningen',
  'frå ordninga',
  'fra staten',
  'frå staten',
);
const SPENT_COLUMN = words(
  'forbruk',
  'regnskap(?!s?år)',
  'rekneskap(?!s?år)',
  'brukt',
  'nytta',
  'faktisk',
  'benyttet',
  'påløpt',
  'påløpne',
  'medgått',
);
/** Own funding, other funding, totals and differences: never the grant's column. */
const OWN_COLUMN = words(
  'egen',
  'egne',
  'eigen',
  'eigne',
  'eigedel',
  'kommunal',
  'annen',
  'anna',
  'andre',
  'sum',
  'total',
  'samla',
  'samlet',
  'i alt',
  'budsjett',
  'avvik',
  'differanse',
  'merknad',
  'kommentar',
);
const OTHER_FUNDS = words('egen', 'egne', 'eigen', 'eigne', 'andre', 'annen', 'anna');
/** Headings of a money column with no more to say ("Beløp (kr)"). */
const AMOUNT_HEADING = new RegExp(
  String.raw`(?:${W}\p{L}*beløp|${W}(?:kr|kroner|nok|sum|totalt|budsjett\p{L}*)(?!\p{L}))`,
  'u',
);
/** The first column's heading in a cost table. */
const HEADER_LABEL = new RegExp(
  String.raw`^(?:forbruk av|post|poster|postar|budsjettpost|kostnadspost|utgiftspost|kostnad(?:er|ar|sart|stype|sslag)?|utgift(?:er|ar|sart|stype)?|art|beskrivelse|type|formål|føremål|tiltak|aktivitet(?:er|ar)?|kategori|tekst|spesifikasjon|innhold|innhald|budsjettområde)(?!\p{L})`,
  'u',
);
/** A table's section heading, above its column headings ("3 Økonomi", "Budsjett for omsøkte midler"). */
const HEADING = new RegExp(
  String.raw`^(?:\d+[.)]?\s*)?(?:budsjett(?!s?år)\p{L}*|kostnadsoverslag|kostnadsplan|kostnadsoversikt|økonomi|økonomisk (?:oversikt|oversyn)|finansieringsplan|regnskap(?!s?år)\p{L}*|rekneskap(?!s?år)\p{L}*|forbruk\p{L}*)(?!\p{L})`,
  'u',
);
/** A sheet's title naming a budget or accounts, also as a compound's head ("Prosjektbudsjett"). */
const BUDGET_TITLE = new RegExp(
  String.raw`${W}\p{L}*(?:budsjett|kostnad|kostnader|kostnadar|utgift|utgifter|utgiftar|forbruk|regnskap|rekneskap)(?!\p{L})|${W}(?:budsjett|kostnad|utgift|forbruk|regnskap|rekneskap)`,
  'u',
);

interface ColumnChoice {
  /** Index into the candidate list. */
  index: number;
  basis: BudgetResult['basis'];
}

/**
 * Picks the amount column among the money columns by their headings: the grant's (applications) or
 * the spending's (reports); else the first that is not own funding, a total or a difference; else
 * the first. `sums` marks columns whose cells are the sum of the others' (a total by content).
 */
function chooseColumn(headings: string[], prefer: 'grant' | 'spent', sums: boolean[] = []): ColumnChoice {
  const order = prefer === 'spent' ? [SPENT_COLUMN, GRANT_COLUMN] : [GRANT_COLUMN, SPENT_COLUMN];
  for (const re of order) {
    const index = headings.findIndex((h) => re.test(h) && !OTHER_FUNDS.test(h));
    if (index >= 0) return { index, basis: re === GRANT_COLUMN ? 'grant' : 'spent' };
  }
  const plain = headings.findIndex(
    (h, i) => !sums[i] && !OWN_COLUMN.test(h.replace(/(?<!\p{L})budsjett\p{L}*/gu, '')),
  );
  if (plain >= 0) return { index: plain, basis: 'unknown' };
  const notSum = headings.findIndex((_, i) => !sums[i]);
  return { index: Math.max(0, notSum), basis: 'unknown' };
}

/** A cell's amount when it holds money: a number (not a percentage) or an amount written as text. */
function cellAmount(c: SourceCell | undefined): number | null {
  if (!c) return null;
  if (typeof c.value === 'number') return c.text.includes('%') ? null : Math.round(c.value);
  return typeof c.value === 'string' && isMoneyCell(c.text) ? parseMoney(c.text) : null;
}

/** A cell's amount in kroner, from thousands when the column gives them ("1,5" → 1 500). */
function scaled(c: SourceCell | undefined, scale: number): number | null {
  if (scale === 1 || !c) return cellAmount(c);
  if (typeof c.value === 'number') return c.text.includes('%') ? null : Math.round(c.value * scale);
  const amount = cellAmount(c);
  return amount === null ? null : amount * scale;
}

/** Money as a budget writes it: three digits or more, not a year, not an organisation number. */
function looksLikeMoney(c: SourceCell, amount: number): boolean {
  const a = Math.abs(amount);
  if (a < 100 || a >= 100_000_000) return false;
  const marked = typeof c.value === 'string' && /kr|nok|,-/iu.test(c.text);
  return marked || !(Number.isInteger(amount) && amount >= 1990 && amount <= 2100);
}

/** The row's label: its first cell with letters that is not an amount. */
function labelCellOf(cells: SourceCell[]): SourceCell | undefined {
  return cells.find((c) => typeof c.value === 'string' && /\p{L}/u.test(c.text) && cellAmount(c) === null);
}

interface SheetTable {
  amountCol: number;
  basis: BudgetResult['basis'];
  /** The column headings' row, or null when the table has none. */
  headerRow: number | null;
  /** The category column (the first heading's), when the table has headings. */
  categoryCol: number | null;
  /** 1000 when the amount column's heading gives thousands of kroner. */
  scale: number;
}

/**
 * Finds a sheet's cost table by content: money columns are those whose cells, right of a row's
 * label, mostly hold amounts of three digits or more (not years, not percentages). Headings only
 * choose between several money columns, so a text column ("Beskrivelse") between the label and
 * the amounts cannot be taken for the amounts.
 */
function findSheetTable(rows: Map<number, SourceCell[]>, prefer: 'grant' | 'spent'): SheetTable | null {
  const money = new Map<number, number>();
  const other = new Map<number, number>();
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  for (const r of rowNumbers) {
    const cells = rows.get(r)!;
    const label = labelCellOf(cells);
    if (!label) continue;
    for (const c of cells) {
      if (c.col <= label.col) continue;
      const amount = cellAmount(c);
      if (amount === null) {
        if (typeof c.value === 'number') other.set(c.col, (other.get(c.col) ?? 0) + 1); // a percentage
        continue;
      }
      if (amount === 0) continue; // an empty own-funding cell says nothing
      const into = looksLikeMoney(c, amount) ? money : other;
      into.set(c.col, (into.get(c.col) ?? 0) + 1);
    }
  }
  const candidates = [...money.keys()]
    .filter((col) => money.get(col)! >= (other.get(col) ?? 0))
    .sort((a, b) => a - b);
  if (candidates.length === 0) return null;

  const hasMoney = (r: number) =>
    rows.get(r)!.some((c) => {
      const amount = candidates.includes(c.col) ? cellAmount(c) : null;
      return amount !== null && looksLikeMoney(c, amount);
    });
  // A heading row holds no numbers and heads a money column. It names its first column ("Post",
  // "Kostnadsart"); failing such a row, a short money heading will do ("Søkt tilskudd"), but not a
  // form's answer that happens to hold "tilskot" ("Tilskot til utvikling av …").
  const isHeader = (r: number, strict: boolean) => {
    const cells = rows.get(r)!;
    if (cells.some((c) => typeof c.value === 'number' || cellAmount(c) !== null)) return false;
    const first = labelCellOf(cells);
    const inMoneyColumn = cells.filter((c) => candidates.includes(c.col));
    if (inMoneyColumn.length === 0) return false;
    if (strict) return first !== undefined && HEADER_LABEL.test(first.folded);
    return inMoneyColumn.some(
      (c) =>
        c.folded.length <= 40 &&
        (AMOUNT_HEADING.test(c.folded) || GRANT_COLUMN.test(c.folded) || SPENT_COLUMN.test(c.folded)),
    );
  };
  const findHeader = (strict: boolean) =>
    rowNumbers.find((r, i) => isHeader(r, strict) && rowNumbers.slice(i + 1, i + 4).some(hasMoney));
  const headerRow = findHeader(true) ?? findHeader(false) ?? null;

  const headings = candidates.map(() => '');
  let categoryCol: number | null = null;
  if (headerRow !== null) {
    // Headings may take two rows: a spanning "Finansiering" above "Søkt | Kommunal andel | Totalt".
    const above = rows.get(headerRow - 1) ?? [];
    const header = rows.get(headerRow)!;
    categoryCol = labelCellOf(header)?.col ?? null;
    const spanning = above.every(
      (c) => typeof c.value === 'string' && (categoryCol === null || c.col > categoryCol),
    );
    for (const [i, col] of candidates.entries()) {
      const parts = [...(spanning ? above : []), ...header].filter((c) => c.col === col).map((c) => c.folded);
      headings[i] = parts.join(' ');
    }
  }
  const chosen = chooseColumn(headings, prefer, sumColumns(rows, candidates));
  const scale = THOUSANDS.test(headings[chosen.index] ?? '') ? 1000 : 1;
  return { amountCol: candidates[chosen.index]!, basis: chosen.basis, headerRow, categoryCol, scale };
}

/** Columns whose amounts are, row by row, the sum of the other money columns': totals by content. */
function sumColumns(rows: Map<number, SourceCell[]>, candidates: number[]): boolean[] {
  if (candidates.length < 3) return candidates.map(() => false);
  return candidates.map((col) => {
    let checked = 0;
    for (const cells of rows.values()) {
      const at = (k: number) => cellAmount(cells.find((c) => c.col === k));
      const own = at(col);
      if (own === null || own === 0) continue;
      const rest = candidates.filter((k) => k !== col).reduce((sum, k) => sum + (at(k) ?? 0), 0);
      if (rest !== own) return false;
      checked++;
    }
    return checked >= 2;
  });
}

/** Budget from the spreadsheets of a document, if any sheet holds a cost table. */
export function budgetFromSheets(doc: SourceDocument, prefer: 'grant' | 'spent'): BudgetResult | null {
  for (const sheet of doc.sheets) {
    const rows = new Map<number, SourceCell[]>();
    for (const c of sheet.cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    for (const cells of rows.values()) cells.sort((a, b) => a.col - b.col);
    const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
    const table = findSheetTable(rows, prefer);
    if (!table) continue;
    const { amountCol, basis, headerRow, categoryCol, scale } = table;
    const startRow = headerRow !== null ? headerRow + 1 : (rowNumbers[0] ?? 1);

    const items: BudgetItem[] = [];
    let statedTotal: Extracted<number> | null = null;
    let hasFinancing = false;
    // A category written once for several rows (a merged cell) labels the rows below it.
    let category: SourceCell | null = null;
    const titled = sheet.cells.some((c) => c.row <= 3 && BUDGET_TITLE.test(c.folded));
    for (const r of rowNumbers) {
      if (r < startRow) continue;
      const cells = rows.get(r)!;
      const first = labelCellOf(cells.filter((c) => c.col < amountCol));
      if (!first) continue;
      if (categoryCol !== null && first.col === categoryCol) category = first;
      const inherited =
        categoryCol !== null &&
        first.col > categoryCol &&
        category !== null &&
        !TOTAL.test(first.folded) &&
        !FINANCING.test(first.folded);
      const labelCell = inherited ? category! : first;
      const amountCell = sheet.grid.get(cellKey(r, amountCol));
      const amount = scaled(amountCell, scale);
      if (amount === null || !amountCell) continue;
      const label = labelCell.folded;
      const described = cells.filter(
        (c) =>
          c.col > labelCell.col &&
          c.col < amountCol &&
          typeof c.value === 'string' &&
          /\p{L}/u.test(c.text) &&
          cellAmount(c) === null,
      );
      const description = described.map((c) => c.text.trim()).join(' – ') || undefined;
      const shown = description ? `${labelCell.text} – ${description}` : labelCell.text;
      const evidence = { ...cellEvidence(labelCell, amountCell), text: `${shown}: ${amountCell.text}` };
      if (TOTAL.test(label)) {
        category = null;
        if (!isSubtotal(label) && statedTotal === null && items.length > 0)
          statedTotal = { value: amount, evidence, confidence: null };
        continue;
      }
      if (FINANCING.test(label)) {
        hasFinancing = true;
        continue;
      }
      if (statedTotal !== null) continue; // rows after the total are financing or notes
      if (!isCostLabel(label, amount)) continue;
      const decision = categoriseCost(description ? `${labelCell.text} – ${description}` : labelCell.text);
      // Without column headings, only rows that name a cost count: a form sheet lists other numbers too.
      if (headerRow === null && decision.category === 'annet' && !titled) continue;
      items.push(item(amount, evidence, null, labelCell.text, description, decision));
    }
    if (items.length > 0) return { items, statedTotal, basis, hasFinancing };
  }
  return null;
}

function item(
  value: number,
  evidence: Evidence,
  confidence: number | null,
  label: string,
  description: string | undefined,
  decision: CategoryDecision,
): BudgetItem {
  return {
    value,
    evidence,
    confidence,
    category: decision.category,
    label,
    ...(description ? { description } : {}),
    categoryCues: decision.cues[decision.category] ?? [],
  };
}

/** A cost line's label names a cost, not a date, a field of the form or a year. */
function isCostLabel(label: string, amount: number): boolean {
  if (amount >= 100_000_000) return false; // a nine-digit organisation number, not a grant budget
  // "Rapporteringsår 2022" is a year beside its label, not a cost.
  if (/(?:år|periode|dato)(?!\p{L})/u.test(label) && amount >= 1990 && amount <= 2100) return false;
  // Form fields beside a number, as whole words: "Kontonummer" is one, "Kontorhold" is a cost.
  if (
    /^(?:dato|org(?:anisasjons(?:nummer|nr)|nr)?|kommune(?:nr|nummer|n)?|søker\p{L}*|søkjar|kontakt(?:person|info\p{L}*)?|e-?post(?:adresse)?|samarbeidspart\p{L}*|samarbeidsaktør\p{L}*|partner\p{L}*|medsøker\p{L}*|medsøkjar\p{L}*|år|periode|tilskudds?(?:år|periode)|tilskots?(?:år|periode)|prosjekt(?:navn|namn)?|navn|namn|adresse|postadresse|besøksadresse|konto(?:nummer|nr)?|bankkonto|antall|tal på|type|driftsår|fase)(?!\p{L})/u.test(
      label,
    )
  )
    return false;
  // "Stillinger i prosjektet: 3" and "Stillingsressurs (%): 500" count positions;
  // "Stillingar i teamet: 411 675 kr" is their cost.
  if (/(?<!\p{L})(?:stilling\p{L}*|årsverk|prosent)(?!\p{L})|%/u.test(label) && Math.abs(amount) < 1000)
    return false;
  // "Direkte telefon 96594799" is a phone number: eight digits beside a phone label.
  if (/(?<!\p{L})(?:telefon|tlf|mobil)(?!\p{L})/u.test(label) && amount >= 10_000_000) return false;
  return hasWords(label);
}

/** A label with at least three letters in all ("PC-er" too), not a code or a number. */
function hasWords(label: string): boolean {
  return (label.match(/\p{L}/gu) ?? []).length >= 3;
}

/** Budget from text lines: a budget section with one cost per line, ended by its total. */
export function budgetFromLines(doc: SourceDocument, prefer: 'grant' | 'spent'): BudgetResult | null {
  const lines = doc.lines;
  // Each line is asked once: the scan below starts at every heading and reads on from each.
  const headerLines = new Map<number, boolean>();
  const isHeader = (i: number): boolean => {
    let header = headerLines.get(i);
    if (header === undefined) headerLines.set(i, (header = isHeaderLine(lines[i]!.folded)));
    return header;
  };
  for (let start = 0; start < lines.length; start++) {
    const head = lines[start]!;
    if (!isSectionHeading(head) && !isHeader(start)) continue;

    let columns: LineColumns | null = null;
    const items: BudgetItem[] = [];
    let statedTotal: Extracted<number> | null = null;
    let hasFinancing = false;
    let gap = 0;
    for (let i = start; i < lines.length && gap <= 3; i++) {
      const line = lines[i]!;
      if (isHeader(i)) {
        columns = lineColumns(line.folded, prefer);
        continue;
      }
      const parsed = amountOfLine(line.text, columns);
      if (!parsed) {
        if (i > start) gap++;
        continue;
      }
      gap = 0;
      const label = parsed.label.toLowerCase();
      if (TOTAL.test(label)) {
        if (!isSubtotal(label) && items.length > 0) {
          statedTotal = { value: parsed.amount, evidence: lineEvidence(line), confidence: line.confidence };
          break;
        }
        continue;
      }
      if (FINANCING.test(label)) {
        hasFinancing = true;
        continue;
      }
      if (!isCostLabel(label, parsed.amount)) continue;
      const text = parsed.description ? `${parsed.label} – ${parsed.description}` : parsed.label;
      items.push(
        item(
          parsed.amount,
          lineEvidence(line),
          line.confidence,
          parsed.label,
          parsed.description,
          categoriseCost(text),
        ),
      );
    }
    if (items.length >= 1 && (statedTotal || columns || items.length >= 2)) {
      return { items, statedTotal, basis: columns?.basis ?? 'unknown', hasFinancing };
    }
  }
  return budgetFromProse(doc, prefer);
}

/** "Forbruket fordeler seg slik:", "Tilskotet skal nyttast slik:", "Midlene er planlagt brukt med". */
const DISTRIBUTION = new RegExp(
  String.raw`${W}(?:fordel(?:er|te|t)? seg (?:slik|på(?:[\s\p{L}]{1,30}?:)?)|fordelt (?:slik|på(?:[\s\p{L}]{1,30}?:)?)|(?:skal|er|vart|ble|blir|vert) (?:planlagt )?(?:brukt|brukes|brukast|nytta|nyttes|nyttast|benyttet|benytta) (?:slik|med|til)|planlagt (?:brukt|nytta) (?:med|til))\s*:?\s*`,
  'giu',
);
/** The end of a sentence: a full stop before a capital, not "kr." nor a thousands dot. */
const SENTENCE_END = /(?<!(?<!\p{L})kr)\.\s+(?=\p{Lu})/u;
const PROSE_TOTAL = /^(?:sum\p{L}*(?: forbruk)?|til (?:sammen|saman)|totalt|samla|samlet)(?!\p{L})/iu;

/**
 * A budget written as a sentence: "Tilskotet skal nyttast slik: 1 064 000 kroner til løn … og
 * 216 000 kr til kjøp av bil." Only after such a phrase, so a letter's other amounts are never read
 * as costs; each item is an amount with its words ("X kr til Y", "Y kr X"), and "Sum …" or
 * "Til saman …" right after is the stated total.
 */
function budgetFromProse(doc: SourceDocument, prefer: 'grant' | 'spent'): BudgetResult | null {
  for (const para of paragraphs(doc.lines)) {
    for (const m of para.text.matchAll(DISTRIBUTION)) {
      const from = m.index + m[0].length;
      const rest = para.text.slice(from);
      const end = SENTENCE_END.exec(rest);
      const list = end ? rest.slice(0, end.index) : rest.replace(/\.\s*$/, '');
      const items: BudgetItem[] = [];
      for (const piece of listItems(list)) {
        const hits = proseAmounts(piece.text);
        const hit = hits[0];
        if (hits.length !== 1 || !hit) continue;
        const label = (piece.text.slice(0, hit.start) + ' ' + piece.text.slice(hit.end))
          .replace(/[()]/g, ' ')
          .replace(/^\s*(?:til|på|med|av)(?!\p{L})/iu, '')
          .replace(/\s+/g, ' ')
          .replace(/^[\s:,–-]+|[\s:,.–-]+$/g, '');
        const folded = label.toLowerCase();
        if (!hasWords(label) || TOTAL.test(folded) || FINANCING.test(folded)) continue;
        const line = para.lineAt(from + piece.start + hit.start);
        items.push(
          item(hit.amount, lineEvidence(line), line.confidence, label, undefined, categoriseCost(label)),
        );
      }
      if (items.length === 0) continue;
      let statedTotal: Extracted<number> | null = null;
      if (end) {
        const after = rest.slice(end.index + end[0].length);
        const total = PROSE_TOTAL.test(after) ? findMoney(after.split(SENTENCE_END)[0] ?? '')[0] : undefined;
        if (total) {
          const line = para.lineAt(from + end.index + end[0].length + total.start);
          statedTotal = { value: total.amount, evidence: lineEvidence(line), confidence: line.confidence };
        }
      }
      return { items, statedTotal, basis: prefer === 'spent' ? 'spent' : 'grant', hasFinancing: false };
    }
  }
  return null;
}

/**
 * The amounts of a list item: money as running text writes it, or else a bare number of three
 * digits or more ending the item ("lønn prosjektkoordinator 10026"), since the list is a budget.
 */
function proseAmounts(text: string): Array<{ amount: number; start: number; end: number }> {
  const hits = findMoney(text);
  if (hits.length > 0) return hits;
  const bare = /(?<![\d.,])(\d{3,})\s*(?:kr\.?|kroner|nok)?\s*$/iu.exec(text);
  const amount = bare ? Number(bare[1]) : NaN;
  if (!bare || (amount >= 1990 && amount <= 2100)) return [];
  return [{ amount, start: bare.index, end: text.length }];
}

/** A list's items: split at ";", ", " and " og ", an item without an amount joined to the next. */
function listItems(list: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let pending: { text: string; start: number } | null = null;
  const re = /;\s*|,\s+|\s+og\s+/gu;
  let at = 0;
  const push = (end: number, sep: string) => {
    const text = list.slice(at, end);
    const piece = pending ? { text: pending.text + sep + text, start: pending.start } : { text, start: at };
    if (proseAmounts(piece.text).length === 0) pending = piece;
    else {
      out.push(piece);
      pending = null;
    }
  };
  let m: RegExpExecArray | null;
  let lastSep = '';
  while ((m = re.exec(list))) {
    push(m.index, lastSep);
    lastSep = m[0];
    at = m.index + m[0].length;
  }
  push(list.length, lastSep);
  return out;
}

/** Runs of text lines on one page, joined with spaces; a table line (with a tab) breaks a run. */
function paragraphs(
  lines: SourceDocument['lines'],
): Array<{ text: string; lineAt: (offset: number) => SourceDocument['lines'][number] }> {
  const out: Array<{ text: string; lineAt: (offset: number) => SourceDocument['lines'][number] }> = [];
  let run: Array<{ line: SourceDocument['lines'][number]; start: number }> = [];
  let text = '';
  const flush = () => {
    if (run.length > 0) {
      const parts = run;
      out.push({
        text,
        lineAt: (offset) => [...parts].reverse().find((p) => p.start <= offset)?.line ?? parts[0]!.line,
      });
    }
    run = [];
    text = '';
  };
  for (const line of lines) {
    if (line.text.includes('\t') || (run.length > 0 && run[run.length - 1]!.line.page !== line.page)) flush();
    if (line.text.includes('\t')) continue;
    if (text !== '') text += ' ';
    run.push({ line, start: text.length });
    text += line.text;
  }
  flush();
  return out;
}

/** "Budsjett for omsøkte midler:", "3 Økonomi": short, no amount, not a sentence. */
function isSectionHeading(line: SourceDocument['lines'][number]): boolean {
  return (
    HEADING.test(line.folded) &&
    line.folded.length < 70 &&
    !/\.$/.test(line.folded) &&
    findMoney(line.text).length === 0
  );
}

/** A heading that gives its amounts in thousands: "Beløp (i 1 000 kr)", "tusen kroner", "TNOK". */
const THOUSANDS = new RegExp(
  String.raw`(?:^|[\s(])(?:i\s+)?(?:1[ .]?000|tusen|tusund)\s*(?:kr|kroner|nok)(?!\p{L})|${W}(?:tkr|tnok|i hele tusen|i heile tusen)(?!\p{L})`,
  'u',
);

/** Words that head a money column, for telling a heading line from a data line. */
const MONEY_HEADING = new RegExp(
  `${AMOUNT_HEADING.source}|${GRANT_COLUMN.source}|${SPENT_COLUMN.source}|${W}(?:egenandel|eigendel|egenfinansiering|eigenfinansiering)`,
  'u',
);
/** Headings of text columns beside the label: descriptions and remarks, never amounts. */
const TEXT_HEADING = words(
  'beskrivelse',
  'skildring',
  'merknad',
  'kommentar',
  'forklaring',
  'spesifikasjon',
  'spesifisering',
  'tekst',
  'innhold',
  'innhald',
  'detaljer',
  'notat',
  'omtale',
  'utdyping',
  'grunngiving',
  'begrunnelse',
);

/** Headings of columns that hold years, dates, counts or shares of a position: never amounts. */
const COUNT_HEADING = new RegExp(
  String.raw`^(?:år|årstal|periode|dato|antall|tal|stillingsandel|stillingsprosent|prosent|stillingar|stillinger|årsverk)(?!\p{L})`,
  'u',
);

/** A text cell that holds an amount, not a year ("2025" beside a label is the year it is for). */
function isAmountSegment(text: string): boolean {
  return isMoneyCell(text) && !/^\s*(?:19|20)\d{2}\s*$/.test(text);
}

function isHeaderLine(folded: string): boolean {
  const segments = folded.split('\t');
  // Column headings hold words ("Budsjett 2025" too); a row with an amount is data, even if it
  // reads "Aktiviteter".
  return (
    segments.length > 1 &&
    !segments.slice(1).some(isMoneyCell) &&
    HEADER_LABEL.test(segments[0]!) &&
    segments.slice(1).some((s) => MONEY_HEADING.test(s) && !TEXT_HEADING.test(s))
  );
}

interface LineColumns {
  /** How many money columns the headings name, and which of them is the amount. */
  count: number;
  pick: number;
  basis: BudgetResult['basis'];
  /** 1000 when the amount column's heading gives thousands of kroner. */
  scale: number;
}

/** The money columns of a heading line: every heading after the first that is not a text column's. */
function lineColumns(folded: string, prefer: 'grant' | 'spent'): LineColumns {
  const money = folded
    .split('\t')
    .slice(1)
    .filter((s) => !COUNT_HEADING.test(s))
    .filter((s) => !TEXT_HEADING.test(s) || MONEY_HEADING.test(s.replace(TEXT_HEADING, '')));
  const chosen = chooseColumn(money, prefer);
  const scale = THOUSANDS.test(money[chosen.index] ?? '') ? 1000 : 1;
  return { count: money.length, pick: chosen.index, basis: chosen.basis, scale };
}

/**
 * "Lønn koordinator\t600 000\t200 000" → label and the amount of the chosen column (or the first).
 * Columns are told apart by content: the amounts are the cells that hold money, and text cells
 * between the label and the first amount are its description. A PDF's text line drops empty
 * cells, so when a line has fewer amounts than the headings name, they are read from the left.
 */
function amountOfLine(
  text: string,
  columns: LineColumns | null,
): { label: string; amount: number; description?: string } | null {
  const segments = text.split('\t');
  if (segments.length > 1) {
    const label = segments[0]!.replace(/[:\s]+$/, '');
    if (!/\p{L}/u.test(label)) return null;
    const rest = segments.slice(1);
    // In thousands, "22" is an amount too.
    const isAmount = (s: string) =>
      isAmountSegment(s) || (columns?.scale === 1000 && /^\s*\d+(?:[.,]\d+)?\s*$/.test(s));
    const firstMoney = rest.findIndex(isAmount);
    if (firstMoney < 0) return null;
    const amounts = rest.filter(isAmount);
    const at =
      columns && amounts.length === columns.count
        ? columns.pick
        : Math.min(columns?.pick ?? 0, amounts.length - 1);
    const raw = amounts[at]!;
    // "1,5" in a thousands column is 1 500 kroner, not 2 rounded up.
    const decimal = columns?.scale === 1000 && /^\s*\d+,\d+\s*$/.test(raw);
    const parsed = decimal ? Number(raw.trim().replace(',', '.')) : parseMoney(raw);
    if (parsed === null) return null;
    const amount = Math.round(parsed * (columns?.scale ?? 1));
    const description = rest
      .slice(0, firstMoney)
      .filter((s) => /\p{L}/u.test(s))
      .join(' – ');
    return description ? { label, amount, description } : { label, amount };
  }
  const hits = findMoney(text);
  const last = hits[hits.length - 1];
  if (!last) return null;
  const label = text
    .slice(0, last.start)
    .replace(/[:\s.–-]+$/, '')
    .replace(/(?<!\p{L})kr\.?$/iu, '')
    .trim();
  return hasWords(label) ? { label, amount: last.amount } : null;
}

/**
 * What OCR makes of "kr" right before an amount: "ke", "kt", "Kc", "lr", "k r" (seen on scanned
 * budgets read with tessdata_fast, where "Reiseutgifter | ke 30 000,-" lost its line).
 */
const OCR_KR = /(?<!\p{L})(?:k\s?[rtecf]|[lI|]\s?r)\.?(?=\s?-?\d)/giu;

/** A table cell that holds an amount: currency or at least three digits, never "2. år" or "400 %". */
function isMoneyCell(text: string): boolean {
  if (/%|(?<!\p{L})(?:år|stilling\p{L}*|årsverk)(?!\p{L})/iu.test(text)) return false;
  // "Helse Nord HF (org.nr. 953" is a name with a number in it, not an amount.
  const currencyless = text
    .replace(/(?<!\p{L})(?:kr|kroner|nok|mill|millioner)(?!\p{L})\.?/giu, '')
    .replace(OCR_KR, '');
  if (/\p{L}{2,}/u.test(currencyless)) return false;
  return parseMoney(text) !== null && (/kr|nok|,-/i.test(text) || (text.match(/\d/g) ?? []).length >= 3);
}

/** One line per category, summed, in order of first appearance. */
export function summariseBudget(items: BudgetItem[]): Array<{ category: BudgetCategory; amount: number }> {
  const out: Array<{ category: BudgetCategory; amount: number }> = [];
  for (const item of items) {
    const line = out.find((l) => l.category === item.category);
    if (line) line.amount += item.value;
    else out.push({ category: item.category, amount: item.value });
  }
  return out;
}
