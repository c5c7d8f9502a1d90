import type { Rng } from './rng.ts';

/** How Norwegian paperwork writes numbers, dates and identifiers. Each writer returns what a document shows. */

export const NBSP = '\u00a0';
export const THIN = '\u2009';

const group = (n: number, sep: string): string => {
  const s = String(Math.abs(Math.trunc(n)));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
};

export type MoneyStyle =
  | 'kr-dash'
  | 'kr'
  | 'suffix-kr'
  | 'dots'
  | 'kr-dots-dash'
  | 'nbsp'
  | 'thin-kr'
  | 'plain'
  | 'decimals'
  | 'nok'
  | 'kr-dot'
  | 'kroner'
  | 'mill'
  | 'mill-kroner'
  | 'millioner'
  | 'mnok';

const MILLION_STYLES: MoneyStyle[] = ['mill', 'mill-kroner', 'millioner', 'mnok'];

/** Whether a style can write this amount exactly ("2,5 mill." only for whole tens of thousands ≥ 1 million). */
export function moneyStyleFits(amount: number, style: MoneyStyle): boolean {
  if (MILLION_STYLES.includes(style)) return amount >= 1_000_000 && amount % 10_000 === 0;
  return true;
}

const millions = (amount: number): string => {
  const m = amount / 1_000_000;
  return (Number.isInteger(m) ? String(m) : m.toFixed(amount % 100_000 === 0 ? 1 : 2)).replace('.', ',');
};

export function formatMoney(amount: number, style: MoneyStyle): string {
  const sign = amount < 0 ? '\u2212' : '';
  const a = Math.abs(amount);
  switch (style) {
    case 'kr-dash':
      return `kr ${sign}${group(a, ' ')},-`;
    case 'kr':
      return `kr ${sign}${group(a, ' ')}`;
    case 'suffix-kr':
      return `${sign}${group(a, ' ')} kr`;
    case 'dots':
      return `${sign}${group(a, '.')}`;
    case 'kr-dots-dash':
      return `kr ${sign}${group(a, '.')},-`;
    case 'nbsp':
      return `kr${NBSP}${sign}${group(a, NBSP)}`;
    case 'thin-kr':
      return `${sign}${group(a, THIN)} kr`;
    case 'plain':
      return `${sign}${a}`;
    case 'decimals':
      return `${sign}${group(a, ' ')},00`;
    case 'nok':
      return `NOK ${sign}${group(a, ' ')}`;
    case 'kr-dot':
      return `kr. ${sign}${group(a, '.')}`;
    case 'kroner':
      return `${sign}${group(a, ' ')} kroner`;
    case 'mill':
      return `${sign}${millions(a)} mill.`;
    case 'mill-kroner':
      return `${sign}${millions(a)} mill. kroner`;
    case 'millioner':
      return `${sign}${millions(a)} millioner kroner`;
    case 'mnok':
      return `${sign}${millions(a)} MNOK`;
  }
}

/** A money style for running text or a form field; million styles only where they are exact. */
export function pickMoneyStyle(rng: Rng, amount: number, allowMillions = true): MoneyStyle {
  const styles: (readonly [MoneyStyle, number])[] = [
    ['kr-dash', 5],
    ['kr', 5],
    ['suffix-kr', 4],
    ['dots', 2],
    ['kr-dots-dash', 2],
    ['nbsp', 3],
    ['thin-kr', 1],
    ['plain', 1],
    ['decimals', 1],
    ['nok', 1],
    ['kr-dot', 1],
    ['kroner', 2],
  ];
  if (allowMillions && moneyStyleFits(amount, 'mill')) {
    styles.push(['mill', 2], ['mill-kroner', 2], ['millioner', 1], ['mnok', 1]);
  }
  return rng.weighted(styles);
}

/** Numbers in a table column: one style for the whole column. */
export type TableNumberStyle = 'space' | 'nbsp' | 'dots' | 'plain' | 'kr-space' | 'decimals';

export function formatTableNumber(amount: number, style: TableNumberStyle): string {
  const sign = amount < 0 ? '-' : '';
  const a = Math.abs(amount);
  switch (style) {
    case 'space':
      return `${sign}${group(a, ' ')}`;
    case 'nbsp':
      return `${sign}${group(a, NBSP)}`;
    case 'dots':
      return `${sign}${group(a, '.')}`;
    case 'plain':
      return `${sign}${a}`;
    case 'kr-space':
      return `kr ${sign}${group(a, ' ')}`;
    case 'decimals':
      return `${sign}${group(a, ' ')},00`;
  }
}

export const decimalComma = (n: number): string => String(Math.round(n * 100) / 100).replace('.', ',');

/** Full-time equivalents as written. Only styles that are exact for the value are chosen. */
export function formatPositions(rng: Rng, fte: number): string {
  const pct = Math.round(fte * 100);
  const options: string[] = [];
  if (Number.isInteger(fte)) {
    options.push(fte === 1 ? '1 stilling' : `${fte} stillinger`);
    options.push(fte === 1 ? '1 hel stilling' : `${fte} hele stillinger`);
    if (fte >= 2) options.push(`${fte} x 100 %`, `${fte} x 100 % stilling`, `${fte} × 100 % stillinger`);
  }
  options.push(`${decimalComma(fte)} årsverk`, `${decimalComma(fte)} årsverk`);
  options.push(`${pct} % stilling`, `${pct}% stilling`, `stillingsressurs ${pct} %`);
  if (!Number.isInteger(fte) && fte > 1) options.push(`${decimalComma(fte)} stillinger`);
  for (const part of [50, 75, 80, 60, 40]) {
    const k = pct / part;
    if (Number.isInteger(k) && k >= 2 && k <= 6 && part !== 100) options.push(`${k} x ${part} % stilling`);
  }
  return rng.pick(options);
}

/** The bare value for a "Antall årsverk" or "Stillingsprosent" field. */
export function formatPositionsValue(rng: Rng, fte: number, label: string): string {
  const pct = Math.round(fte * 100);
  if (/prosent|%/i.test(label)) return rng.pick([`${pct} %`, `${pct}%`, `${pct} prosent`]);
  if (/ressurs/i.test(label))
    return rng.pick([`${pct} %`, `${pct} % stilling`, `${decimalComma(fte)} årsverk`]);
  if (/årsverk/i.test(label)) return rng.pick([decimalComma(fte), `${decimalComma(fte)} årsverk`]);
  if (/antall stillinger/i.test(label) && Number.isInteger(fte))
    return rng.pick([String(fte), `${fte} x 100 %`]);
  return formatPositions(rng, fte);
}

export const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

export type DateStyle = 'long' | 'dotted' | 'dotted-short' | 'iso' | 'den-long' | 'long-nospace';

export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1] as string;
  switch (style) {
    case 'long':
      return `${d}. ${month} ${y}`;
    case 'long-nospace':
      return `${d}.${month} ${y}`;
    case 'den-long':
      return `den ${d}. ${month} ${y}`;
    case 'dotted':
      return `${pad(d)}.${pad(m)}.${y}`;
    case 'dotted-short':
      return `${d}.${m}.${y}`;
    case 'iso':
      return iso;
  }
}

export function pickDateStyle(rng: Rng): DateStyle {
  return rng.weighted<DateStyle>([
    ['long', 5],
    ['dotted', 6],
    ['dotted-short', 2],
    ['iso', 2],
    ['den-long', 1],
    ['long-nospace', 1],
  ]);
}

export function addDays(iso: string, days: number): string {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  const t = (s: string): number => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  return Math.round((t(toIso) - t(fromIso)) / 86_400_000);
}

/** MOD11 check of a Norwegian organisation number (weights 3 2 7 6 5 4 3 2). */
export function orgNumberValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const check = mod11Check(digits.slice(0, 8));
  return check !== null && check === Number(digits[8]);
}

function mod11Check(first8: string): number | null {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(first8[i]), 0);
  const r = 11 - (sum % 11);
  if (r === 11) return 0;
  if (r === 10) return null;
  return r;
}

/** A made-up, valid organisation number that the register does not hold. */
export function randomOrgNumber(rng: Rng, avoid: Set<string>): string {
  for (;;) {
    const first8 = String(rng.pick([8, 9])) + String(rng.int(0, 9_999_999)).padStart(7, '0');
    const check = mod11Check(first8);
    if (check === null) continue;
    const n = first8 + String(check);
    if (!avoid.has(n)) return n;
  }
}

/** The same number with a wrong check digit (a typo a case officer should catch). */
export function corruptOrgNumber(rng: Rng, valid: string): string {
  for (;;) {
    const pos = rng.pick([8, 8, 7, 5, 3]);
    const digit = String(rng.int(0, 9));
    const n = valid.slice(0, pos) + digit + valid.slice(pos + 1);
    if (n !== valid && !orgNumberValid(n)) return n;
  }
}

export function formatOrgNumber(rng: Rng, digits: string): string {
  const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  return rng.weighted<string>([
    [spaced, 6],
    [digits, 4],
    [`${digits.slice(0, 3)}${NBSP}${digits.slice(3, 6)}${NBSP}${digits.slice(6)}`, 1],
    [`NO ${spaced} MVA`, 1],
  ]);
}

export function bankAccount(rng: Rng): string {
  const a = String(rng.int(1000, 9999));
  const b = String(rng.int(10, 99));
  const c = String(rng.int(10000, 99999));
  return rng.pick([`${a}.${b}.${c}`, `${a} ${b} ${c}`, `${a}${b}${c}`]);
}

export function phoneNumber(rng: Rng): string {
  const mobile = `${rng.pick([4, 9])}${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(100, 999)}`;
  const fixed = `${rng.int(32, 78)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
  return rng.pick([mobile, fixed, `+47 ${mobile}`, mobile.replace(/ /g, '')]);
}

export const ORDINAL_WORDS = ['første', 'andre', 'tredje', 'fjerde'] as const;

/** "År 2", "2. driftsår", "andre år", "videreføring år 3", "Forprosjekt". */
export function formatGrantYear(
  rng: Rng,
  gy: number,
  context: 'field' | 'sentence',
  periodYears = 4,
): string {
  if (gy === 0) {
    return context === 'field'
      ? rng.pick(['Forprosjekt', 'Forprosjekt (år 0)', 'Forprosjektår', 'Forprosjekt – 1 år'])
      : rng.pick(['et forprosjekt', 'forprosjekt', 'et forprosjekt på ett år']);
  }
  const word = ORDINAL_WORDS[gy - 1] as string;
  if (context === 'field') {
    const options = [`År ${gy}`, `${gy}. driftsår`, `${gy}. år`, `År ${gy} av ${periodYears}`];
    if (gy === 1) options.push('Første år', 'Nytt tiltak – år 1', 'Oppstart (år 1)');
    else options.push(`Videreføring år ${gy}`, `Videreføring – ${gy}. år`);
    return rng.pick(options);
  }
  const options = [`år ${gy}`, `${gy}. driftsår`, `${word} driftsår`, `${word} år`];
  if (gy > 1) options.push(`videreføring år ${gy}`);
  return rng.pick(options);
}
