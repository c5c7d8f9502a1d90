/**
 * Full-time equivalents as applications write them: "2 stillinger", "2,5 årsverk",
 * "250 % stilling", "3 x 100 %", "to stillinger", "halvannen stilling".
 */
import { pickNonOverlapping, type Span } from './spans.ts';
import { unifyForScan } from './text.ts';

/** A number of positions found in running text; `start`/`end` index the original string. */
export interface PositionsHit extends Span {
  /** Full-time equivalents, rounded to two decimals (1.5 = one and a half 100 % positions). */
  value: number;
  raw: string;
}

/** Number words, bokmål and nynorsk. "en"/"ett" also serve as the article, which means one anyway. */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['en', 1],
  ['én', 1],
  ['ett', 1],
  ['ein', 1],
  ['eitt', 1],
  ['to', 2],
  ['tre', 3],
  ['fire', 4],
  ['fem', 5],
  ['seks', 6],
  ['sju', 7],
  ['syv', 7],
  ['åtte', 8],
  ['ni', 9],
  ['ti', 10],
  ['elleve', 11],
  ['tolv', 12],
]);

const WORD = [...NUMBER_WORDS.keys()].join('|');
/** A count: digits with an optional decimal, or a number word, optionally "og en halv". */
const COUNT = String.raw`(?<![\p{L}\d.,])(\d+(?:[.,]\d+)?|(?:${WORD})(?!\p{L}))( og (?:en|ein|et|eit) halvt?)?`;
/** A percentage: "250 %", "50%", "80 prosent". */
const PERCENT = String.raw`(\d+(?:[.,]\d+)?) ?(?:%|prosent(?!\p{L}))`;
/** The words that make a number a count of positions. */
const UNIT = String.raw`(?:(?:hele|heile|fulle|hel|heil|full) )?(?:stilling(?:er|ar|sressurs(?:er|ar)?)?|årsverk|(?:fulltids|heltids)stilling(?:er|ar)?)(?!\p{L})`;
const SEPARATOR = ' ?-? ?';

type Reading = (m: RegExpExecArray) => number | null;

/** Each phrase with how to turn its match into full-time equivalents. */
const PHRASES: ReadonlyArray<{ re: RegExp; read: Reading }> = [
  // "3 x 100 %", "2 × 50 % stilling"
  {
    re: phrase(String.raw`${COUNT} ?[x×] ?${PERCENT}(?:${SEPARATOR}${UNIT})?`),
    read: (m) => times(count(m[1], m[2]), percent(m[3])),
  },
  // "to 50 % stillinger", "2 50%-stillinger"
  {
    re: phrase(`${COUNT} ${PERCENT}${SEPARATOR}${UNIT}`),
    read: (m) => times(count(m[1], m[2]), percent(m[3])),
  },
  // "2 stillinger à 50 %", "en stilling på 50 %": the percentage is each position's size …
  {
    re: phrase(String.raw`${COUNT} ${UNIT} (?:à|á|a|@|på) ?${PERCENT}`),
    read: (m) => times(count(m[1], m[2]), percent(m[3])),
  },
  // … unless it is said to be the total: "2 stillinger på til sammen 150 %".
  {
    re: phrase(String.raw`${COUNT} ${UNIT},? (?:på )?(?:til sammen|totalt|samlet) ?${PERCENT}`),
    read: (m) => percent(m[3]),
  },
  // "250 % stilling", "50%-stilling", "150 % stillingsressurs"
  { re: phrase(`(?<![\\d.,])${PERCENT}${SEPARATOR}${UNIT}`), read: (m) => percent(m[1]) },
  // "stillingsressurs 150 %", "stillingsprosent: 80 %", "stilling på 50 %"
  {
    re: phrase(
      String.raw`(?<!\p{L})(?:stillingsressurs(?:er)?|stillingsprosent|stillingsandel|stillingsstørrelse|stilling)(?: (?:på|av|totalt|til sammen|samlet))?:? ?${PERCENT}`,
    ),
    read: (m) => percent(m[1]),
  },
  // "2 stillinger", "2,5 årsverk", "to og en halv stilling"
  { re: phrase(`${COUNT} ${UNIT}`), read: (m) => count(m[1], m[2]) },
  // "en halv stilling", "halvt årsverk", "halvannen stilling"
  {
    re: phrase(String.raw`(?<!\p{L})(?:(?:en|ein|et|ett|eit|eitt) )?(halvt?|halvann(?:en|et|a|an)) ${UNIT}`),
    read: (m) => (m[1]?.toLowerCase().startsWith('halvann') ? 1.5 : 0.5),
  },
];

/** In a value the caller already knows is positions, a bare percentage counts too: "250%". */
const BARE_PERCENT = phrase(`(?<![\\d.,])${PERCENT}`);
const BARE_COUNT = new RegExp(String.raw`^\s*${COUNT}\s*$`, 'iu');
/** Between two readings, these join them into a sum: "100 % + 50 %", "2 x 100 % og 1 x 50 %". */
const ADDS_UP = /^\s*(?:\+|og|pluss|&)\s*$/iu;

/**
 * Reads full-time equivalents from a short value or phrase: "2 stillinger" → 2,
 * "250 % stilling" → 2.5, "3 x 100 %" → 3, "stillingsressurs 150 %" → 1.5, "to stillinger" → 2,
 * "halvannen stilling" → 1.5. Here a bare percentage ("250%") or a bare number ("2,5") is read as
 * positions too. Readings joined by "+" or "og" are added ("100 % + 50 %" → 1.5); the same value
 * said twice is that value ("2 stillinger (200 %)").
 *
 * @returns the number rounded to two decimals, or null when there is none or two readings differ.
 */
export function parsePositions(text: string): number | null {
  const t = unifyForScan(text);
  const whole = BARE_COUNT.exec(t);
  const bare = whole ? count(whole[1], whole[2]) : null;
  if (bare !== null) return round(bare);

  const hits = scan(text, t, [...PHRASES, { re: BARE_PERCENT, read: (m) => percent(m[1]) }]);
  const first = hits[0];
  if (!first) return null;
  const additive = hits.every((h, i) => i === 0 || ADDS_UP.test(t.slice(hits[i - 1]?.end, h.start)));
  if (additive) return round(hits.reduce((sum, h) => sum + h.value, 0));
  return hits.every((h) => h.value === first.value) ? first.value : null;
}

/**
 * Finds the phrases in running text that state a number of positions with a positions unit:
 * "2 stillinger", "2,5 årsverk", "250 % stilling", "50 %-stilling", "stillingsressurs 150 %",
 * "3 x 100 %". Bare numbers and percentages ("100 % finansiering") are not positions.
 */
export function findPositions(text: string): PositionsHit[] {
  return scan(text, unifyForScan(text), PHRASES);
}

function scan(
  text: string,
  t: string,
  phrases: ReadonlyArray<{ re: RegExp; read: Reading }>,
): PositionsHit[] {
  const hits: PositionsHit[] = [];
  for (const { re, read } of phrases) {
    for (const m of t.matchAll(re)) {
      const value = read(m);
      if (value === null) continue;
      const end = m.index + m[0].length;
      hits.push({ value: round(value), start: m.index, end, raw: text.slice(m.index, end) });
    }
  }
  return pickNonOverlapping(hits);
}

function phrase(source: string): RegExp {
  return new RegExp(source, 'giu');
}

function count(numberText: string | undefined, andAHalf: string | undefined): number | null {
  if (numberText === undefined) return null;
  const n = NUMBER_WORDS.get(numberText.toLowerCase()) ?? Number(numberText.replace(',', '.'));
  return Number.isFinite(n) ? n + (andAHalf ? 0.5 : 0) : null;
}

function percent(text: string | undefined): number | null {
  return text === undefined ? null : Number(text.replace(',', '.')) / 100;
}

function times(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a * b;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
