/**
 * Dates as Norwegian letters and forms write them: "15. september 2022 23.59", "1. mars 2025",
 * "05.03.2023", "5/3-2023", "2023-03-05", with day before month.
 */
import { pickNonOverlapping, type Span } from './spans.ts';
import { unifyForScan } from './text.ts';

/** A calendar date in ISO form, with a time of day when one was written beside it. */
export interface ParsedDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, or null when no time was written. */
  time: string | null;
}

/** A date found in running text; `start`/`end` index the original string. */
export interface DateHit extends ParsedDate, Span {
  raw: string;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januar', 1],
  ['jan', 1],
  ['februar', 2],
  ['feb', 2],
  ['mars', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['mai', 5],
  ['juni', 6],
  ['jun', 6],
  ['juli', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['oktober', 10],
  ['okt', 10],
  ['november', 11],
  ['nov', 11],
  ['desember', 12],
  ['des', 12],
]);

// Bokmål and nynorsk spell the month names alike; the lookahead below keeps "mar" from eating "mars".
const MONTH_WORD = [...MONTHS.keys()].join('|');

/** "15. september 2022", "1 mars 2025", "3. sept. 2025": day, month word, four-digit year. */
const WORDED = new RegExp(
  String.raw`(?<![\p{L}\d])(?<!\d[.,])(\d{1,2})\.? {0,2}(${MONTH_WORD})\.?(?!\p{L}),? {0,2}(\d{4})(?!\d)`,
  'giu',
);

/** Numeric forms, each with the capture order of its parts. */
const NUMERIC: ReadonlyArray<{ re: RegExp; order: 'dmy' | 'ymd' }> = [
  // 05.03.2023, 5.3.2023, 05.03.23; not inside 1.200.000 or a version number.
  { re: /(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d|[.,]\d)/g, order: 'dmy' },
  // 5/3-2023, 05/03/2023: Norwegian day/month order, never the American one.
  { re: /(?<![\d./-])(\d{1,2})\/(\d{1,2})[-/.](\d{4}|\d{2})(?!\d|[./-]\d)/g, order: 'dmy' },
  // 05-03-2023; a four-digit year last keeps it apart from ISO.
  { re: /(?<![\d./-])(\d{1,2})-(\d{1,2})-(\d{4})(?!\d|[./-]\d)/g, order: 'dmy' },
  { re: /(?<![\d./-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d|[./-]\d)/g, order: 'ymd' },
];

/** "kl. 23.59", "klokken 12", "kl 9:30" after a date. */
const CLOCK_AFTER = /,? {0,2}(?:kl\.?|klokka|klokken) {0,2}(\d{1,2})(?:[.:](\d{2}))?(?!\d|[.:]\d)/iuy;
/** A bare "23.59" right after a date, as in "15. september 2022 23.59". */
const TIME_AFTER = / {1,2}(\d{1,2})[.:](\d{2})(?!\d|[.,:]\d)/y;
/** The time part of an ISO timestamp, "2023-03-05T10:00". */
const ISO_TIME_AFTER = /T(\d{2}):(\d{2})/y;

/**
 * Reads the one date in a short value ("Dato: 03.03.2025", "Trondheim, 3. mars 2025",
 * "15. september 2022 kl. 23:59"). A two-digit year is read as 20xx.
 *
 * @returns the ISO date and the time when one follows the date; null when there is no valid
 *   date, or when the text holds two different dates.
 */
export function parseDate(text: string): ParsedDate | null {
  const hits = findDates(text);
  const first = hits[0];
  if (!first || hits.some((h) => h.date !== first.date)) return null;
  return { date: first.date, time: hits.find((h) => h.time !== null)?.time ?? null };
}

/**
 * Finds every valid date in running text, in order, with its offsets. Impossible dates
 * (31.02.2023) and dates without a year ("15. februar") are not returned.
 */
export function findDates(text: string): DateHit[] {
  const t = unifyForScan(text);
  const hits: DateHit[] = [];

  for (const m of t.matchAll(WORDED)) {
    const month = MONTHS.get((m[2] ?? '').toLowerCase());
    const hit = month ? toHit(text, t, m, Number(m[1]), month, Number(m[3])) : null;
    if (hit) hits.push(hit);
  }
  for (const { re, order } of NUMERIC) {
    for (const m of t.matchAll(re)) {
      const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] ?? ''];
      const year = c.length === 2 ? 2000 + Number(c) : Number(c);
      const hit = order === 'dmy' ? toHit(text, t, m, a, b, year) : toHit(text, t, m, Number(c), b, a);
      if (hit) hits.push(hit);
    }
  }

  return pickNonOverlapping(hits);
}

function toHit(
  text: string,
  t: string,
  m: RegExpMatchArray,
  day: number,
  month: number,
  year: number,
): DateHit | null {
  if (!isValidDate(year, month, day)) return null;
  const start = m.index ?? 0;
  const dateEnd = start + m[0].length;
  const time = readTimeAfter(t, dateEnd);
  const end = time?.end ?? dateEnd;
  return {
    date: `${year}-${pad(month)}-${pad(day)}`,
    time: time?.time ?? null,
    start,
    end,
    raw: text.slice(start, end),
  };
}

function readTimeAfter(t: string, at: number): { time: string; end: number } | null {
  for (const re of [CLOCK_AFTER, ISO_TIME_AFTER, TIME_AFTER]) {
    re.lastIndex = at;
    const m = re.exec(t);
    if (!m) continue;
    const hour = Number(m[1]);
    const minute = Number(m[2] ?? '0');
    // "kl. 24.00" and other impossible clocks are left unread rather than guessed.
    if (hour > 23 || minute > 59) return null;
    return { time: `${pad(hour)}:${pad(minute)}`, end: re.lastIndex };
  }
  return null;
}

/** Accepts 1900-2099 only, which rules out page, account and case numbers that look like dates. */
function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
