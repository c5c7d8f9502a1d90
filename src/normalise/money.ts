/**
 * Amounts in Norwegian kroner as applications, budgets and reports write them:
 * "kr 1 200 000,-", "1.200.000", "2,5 mill.", "1,2 MNOK", "300'", "(12 000)".
 */
import type { Span } from './spans.ts';
import { unifyForScan } from './text.ts';

/** An amount found in running text; `start`/`end` index the original string. */
export interface MoneyHit extends Span {
  /** Whole kroner, rounded; negative for "-12 000" and the like. */
  amount: number;
  /** The text the amount was read from, with its currency words ("kr 1 250 000,-"). */
  raw: string;
}

/** One number read from the text, with what stood around it. */
interface Candidate extends Span {
  amount: number;
  /** Where scanning goes on; past `end` when a malformed number was skipped whole. */
  scanEnd: number;
  /** A currency word (kr, kroner, NOK), the whole-kroner mark ",-", or a scale word (mill., MNOK). */
  marked: boolean;
  /** Written with thousands separators (1 200 000, 1.200.000, 1,200,000, 1'200'000). */
  grouped: boolean;
  /** Accounting shorthand for thousands: "300'" is 300 000. */
  thousandsMark: boolean;
  /** Nine digits in three groups of three, as organisation numbers are written. */
  orgLike: boolean;
  /** Straight after another number ("735 42 000"), so its grouping may be a misreading. */
  afterNumber: boolean;
  /** A percentage, a count of positions or a factor ("3 x"), or a malformed number (1.2.3, 12:30). */
  notMoney: boolean;
}

/** 1 200 000, 1.200.000, 1'200'000: one to three digits, then groups of three with one separator. */
const GROUPED = /(\d{1,3})((?:([ .'’])\d{3})(?:\3\d{3})*)(?!\d)/y;
/** 1,200,000: comma grouping needs two groups, as "1,200" is a decimal in Norwegian. */
const COMMA_GROUPED = /(\d{1,3})((?:,\d{3}){2,})(?!\d)/y;
const PLAIN = /\d+/y;
/** The decimal mark is whichever one the grouping did not use; either after a plain number. */
const DECIMAL_AFTER_DOTS = /,(\d+)/y;
const DECIMAL_AFTER_COMMAS = /\.(\d+)/y;
const DECIMAL = /[,.](\d+)/y;
/** A decimal mark followed by a digit after a complete number means it was not one (1.2.3, 12:30). */
const MALFORMED_TAIL = /[.,:/]\d/y;
const MALFORMED_RUN = /[\d.,:/]*/y;
/** "300'": thousands, unless a digit follows (then it was a separator). */
const THOUSANDS_MARK = /['’](?!\d)/y;

const CURRENCY = String.raw`kroner|krone|kr\.?(?!\p{L})|nok(?!\p{L})`;
const SUFFIX = new RegExp(
  String.raw` ?(?:(%|prosent(?!\p{L}))` +
    String.raw`|(mill(?:ioner|ionar|ion)?\.?|mln\.?|mrd\.?|milliard(?:er|ar)?|mnok|mkr|tusen)(?!\p{L})` +
    String.raw`|([,.][-–—]{1,2})(?!\d)` +
    `|(${CURRENCY}))`,
  'iuy',
);
const CURRENCY_AFTER = new RegExp(` ?(${CURRENCY})`, 'iuy');
/** Units that say a number counts something else: "2,5 årsverk", "3 x 100 %". */
const OTHER_UNIT = / ?(?:[x×](?!\p{L})|stilling|årsverk)/iuy;
/** A currency word right before the number (and an optional space), not inside a longer word. */
const PREFIX = /(?<![\p{L}\d])(mnok|nok|kroner|kr\.?)( ?)$/iu;

/** Numeric dates are skipped whole, so 05.03.2023 is never read as 5,03 and 2023. */
const DATE_SHAPES = [
  /(?<![\d.,])\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)/g,
  /(?<![\d./])\d{1,2}\/\d{1,2}[-/]\d{2,4}(?!\d)/g,
  /(?<![\d./-])\d{4}-\d{1,2}-\d{1,2}(?!\d)/g,
];

/**
 * Reads one amount from a short value (a table cell, the text after a label) as whole kroner,
 * rounded half away from zero. A bare number is taken as kroner ("1250000", "12,50" → 13). When
 * the text holds both marked amounts (currency, ",-", grouping) and bare numbers, only the marked
 * ones count, so "kr 300 000 for 2025" is 300 000. A whole value in parentheses is an accounting
 * negative.
 *
 * @returns the amount, or null when there is none, when it is a percentage or a count of
 *   positions, or when the text holds two different amounts.
 */
export function parseMoney(text: string): number | null {
  let value = text.trim();
  let negative = false;
  const inParens = /^\((.*)\)$/s.exec(value);
  if (inParens) {
    negative = true;
    value = (inParens[1] ?? '').trim();
  }
  // U+2212 is unambiguous even with a space after it; an ASCII "- " may be a list dash.
  const mathMinus = /^\u2212\s+/.exec(value);
  if (mathMinus) {
    negative = !negative;
    value = value.slice(mathMinus[0].length);
  }

  const usable = scanCandidates(value).filter((c) => !c.notMoney);
  const strong = usable.filter((c) => c.marked || c.thousandsMark || (c.grouped && !c.afterNumber));
  const pool = strong.length > 0 ? strong : usable;
  const amounts = new Set(pool.map((c) => c.amount));
  if (amounts.size !== 1) return null;
  const [amount = 0] = amounts;
  return negative && amount !== 0 ? -amount : amount;
}

/**
 * Finds the amounts in running text ("… søker om kr 1 250 000,- til 2,5 årsverk …" gives one hit).
 * A number is money when it carries a currency word (kr, kr., kroner, NOK), the whole-kroner mark
 * ",-" or a scale word (mill., millioner, MNOK, mrd., tusen), or when it is written with thousands
 * separators. Bare small numbers, years, percentages, dates, and nine digits grouped 3-3-3 (an
 * organisation number) without a currency word are not money.
 */
export function findMoney(text: string): MoneyHit[] {
  return scanCandidates(text)
    .filter((c) => !c.notMoney && (c.marked || (c.grouped && !c.orgLike && !c.afterNumber)))
    .map((c) => ({ amount: c.amount, start: c.start, end: c.end, raw: text.slice(c.start, c.end) }));
}

function scanCandidates(text: string): Candidate[] {
  const t = unifyForScan(text);
  // Date end by date start; a date starts where a number would.
  const dates = new Map(
    DATE_SHAPES.flatMap((re) => [...t.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const)),
  );
  const out: Candidate[] = [];
  let i = 0;
  while (i < t.length) {
    if (!isDigit(t[i]) || isDigit(t[i - 1])) {
      i++;
      continue;
    }
    const dateEnd = dates.get(i);
    if (dateEnd !== undefined) {
      i = dateEnd;
      continue;
    }
    const c = readCandidate(t, i);
    out.push(c);
    i = c.scanEnd;
  }
  return out;
}

function readCandidate(t: string, digitsStart: number): Candidate {
  const int = stickyMatch(GROUPED, t, digitsStart) ?? stickyMatch(COMMA_GROUPED, t, digitsStart);
  const plain = int ? null : stickyMatch(PLAIN, t, digitsStart);
  const intText = int?.[0] ?? plain?.[0] ?? '';
  const separator = int ? (int[3] ?? ',') : null;
  let end = digitsStart + intText.length;

  const decimalMark =
    separator === '.' ? DECIMAL_AFTER_DOTS : separator === ',' ? DECIMAL_AFTER_COMMAS : DECIMAL;
  const decimal = stickyMatch(decimalMark, t, end);
  const fraction = decimal?.[1] ?? '';
  if (decimal) end += decimal[0].length;

  const prefix = readPrefix(t, digitsStart);
  const base = {
    start: prefix.start,
    grouped: separator !== null,
    afterNumber: /\d[ .]$/.test(t.slice(Math.max(0, prefix.start - 2), prefix.start)),
  };

  if (stickyMatch(MALFORMED_TAIL, t, end)) {
    const run = stickyMatch(MALFORMED_RUN, t, end)?.[0] ?? '';
    return {
      ...base,
      amount: 0,
      end,
      scanEnd: end + run.length,
      marked: false,
      thousandsMark: false,
      orgLike: false,
      notMoney: true,
    };
  }

  // A closing quote is not a thousands mark: "‘kr 300 000’".
  const quoted = /['‘’"“«]/.test(t[prefix.start - 1] ?? '');
  const thousandsMark = !quoted && stickyMatch(THOUSANDS_MARK, t, end) !== null;
  if (thousandsMark) end += 1;
  const suffix = readSuffix(t, end);

  const digits = intText.replace(/\D/g, '');
  let value = Number(`${digits}.${fraction || '0'}`);
  // "1.250 mill." is one and a quarter million, not 1 250 million: before a scale word a lone
  // dot group is a decimal point.
  if (suffix.scale !== 1 && /^\d{1,3}\.\d{3}$/.test(intText) && !fraction) value = Number(intText);
  const scale = suffix.scale * prefix.scale * (thousandsMark ? 1000 : 1);
  const rounded = Math.round(Math.abs(value * scale));
  const marked = prefix.currency || suffix.currency;

  return {
    ...base,
    amount: prefix.negative && rounded !== 0 ? -rounded : rounded,
    end: suffix.end,
    scanEnd: suffix.end,
    marked,
    thousandsMark,
    orgLike: (separator === ' ' || separator === '.') && /^\d{3}(\D\d{3}){2}$/.test(intText) && !fraction,
    notMoney: suffix.percent || (suffix.otherUnit && !marked),
  };
}

interface Prefix {
  start: number;
  negative: boolean;
  currency: boolean;
  scale: number;
}

/** Reads "kr ", "NOK ", "MNOK " and a minus ("-12 000", "kr -500", "-kr 500") before the digits. */
function readPrefix(t: string, digitsStart: number): Prefix {
  let start = digitsStart;
  let negative = false;
  if (isMinusAt(t, start - 1)) {
    negative = true;
    start--;
  }
  const word = PREFIX.exec(t.slice(Math.max(0, start - 12), start));
  const currencyWord = word?.[1] ?? '';
  if (!word || !isCurrencyWord(currencyWord)) return { start, negative, currency: false, scale: 1 };
  start -= word[0].length;
  if (!negative && isMinusAt(t, start - 1)) {
    negative = true;
    start--;
  }
  return { start, negative, currency: true, scale: /^mnok$/i.test(currencyWord) ? 1e6 : 1 };
}

interface Suffix {
  end: number;
  percent: boolean;
  currency: boolean;
  otherUnit: boolean;
  scale: number;
}

function readSuffix(t: string, at: number): Suffix {
  const none: Suffix = { end: at, percent: false, currency: false, otherUnit: false, scale: 1 };
  const m = stickyMatch(SUFFIX, t, at);
  const [, percent, scaleWord, wholeKroner, currencyWord] = m ?? [];
  if (!m || (currencyWord && !isCurrencyWord(currencyWord))) {
    return { ...none, otherUnit: stickyMatch(OTHER_UNIT, t, at) !== null };
  }
  // "i 2025 kr 300 000": a currency word between two numbers belongs to the one after it.
  if (currencyWord && startsNumber(t, at + m[0].length)) return none;
  if (percent) return { ...none, end: at + m[0].length, percent: true };

  let end = at + m[0].length;
  if (scaleWord || wholeKroner) {
    // "7,7 mill. kroner", "12 000,- kr": a currency word may follow the scale or the mark.
    const after = stickyMatch(CURRENCY_AFTER, t, end);
    if (after && isCurrencyWord(after[1] ?? '') && !startsNumber(t, end + after[0].length))
      end += after[0].length;
  }
  return { ...none, end, currency: true, scale: scaleWord ? scaleOf(scaleWord) : 1 };
}

function scaleOf(word: string): number {
  const w = word.toLowerCase();
  if (w.startsWith('mrd') || w.startsWith('milliard')) return 1e9;
  if (w === 'tusen') return 1e3;
  return 1e6;
}

/** "NOK" only in capitals: lower-case "nok" is the everyday word for "enough". */
function isCurrencyWord(word: string): boolean {
  return word.toLowerCase() !== 'nok' || word === 'NOK';
}

/** A minus sign, not a hyphen joining words or a dash in a range ("2015-2016"). */
function isMinusAt(t: string, at: number): boolean {
  return t[at] === '-' && !/[\p{L}\d]/u.test(t[at - 1] ?? '');
}

function startsNumber(t: string, at: number): boolean {
  return /^ ?-?\d/.test(t.slice(at, at + 3));
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function stickyMatch(re: RegExp, t: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(t);
}
