/** Norwegian number, money, date and position forms as municipal paperwork writes them (DOMAIN.md). */

export const NBSP = '\u00a0';
export const MINUS = '\u2212';

const MONTHS = [
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
];

/** 1250000 → "1 250 000" with the given thousands separator. */
export function groupDigits(n: number, sep = ' '): string {
  if (!Number.isInteger(n)) throw new Error(`not whole kroner: ${n}`);
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return n < 0 ? MINUS + s : s;
}

/** 2.5 → "2,5"; 3 → "3". */
export function decimal(n: number): string {
  return String(n).replace('.', ',');
}

export type MoneyStyle =
  | 'kr-dash' // kr 1 250 000,-
  | 'dots' // 1.250.000
  | 'kr-dots' // kr 1.250.000,-
  | 'suffix' // 1 250 000 kr
  | 'nbsp' // kr 1 250 000 (NBSP separators)
  | 'kr' // kr 300 000
  | 'plain' // 1 250 000
  | 'kroner' // 1 250 000 kroner
  | 'mill'; // 1,25 mill. kroner

export function money(n: number, style: MoneyStyle): string {
  switch (style) {
    case 'kr-dash':
      return `kr ${groupDigits(n)},-`;
    case 'dots':
      return groupDigits(n, '.');
    case 'kr-dots':
      return `kr ${groupDigits(n, '.')},-`;
    case 'suffix':
      return `${groupDigits(n)} kr`;
    case 'nbsp':
      return `kr${NBSP}${groupDigits(n, NBSP)}`;
    case 'kr':
      return `kr ${groupDigits(n)}`;
    case 'plain':
      return groupDigits(n);
    case 'kroner':
      return `${groupDigits(n)} kroner`;
    case 'mill': {
      if (n % 10000 !== 0) throw new Error(`${n} cannot be written exactly in millions`);
      return `${decimal(n / 1_000_000)} mill. kroner`;
    }
  }
}

export type DateStyle = 'long' | 'dots' | 'iso';

function parts(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`bad ISO date ${iso}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

export function dateText(iso: string, style: DateStyle): string {
  const { y, m, d } = parts(iso);
  switch (style) {
    case 'long':
      return `${d}. ${MONTHS[m - 1]} ${y}`;
    case 'dots':
      return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
    case 'iso':
      return iso;
  }
}

/** "Trondheim, 3. mars 2025" */
export function placeDate(place: string, iso: string, style: DateStyle = 'long'): string {
  return `${place}, ${dateText(iso, style)}`;
}

export type PositionStyle = 'arsverk' | 'percent' | 'times' | 'stillinger' | 'ressurs' | 'number';

export function positionsText(p: number, style: PositionStyle): string {
  const pct = Math.round(p * 100);
  switch (style) {
    case 'arsverk':
      return `${decimal(p)} årsverk`;
    case 'percent':
      return `${pct} % stilling`;
    case 'times':
      if (!Number.isInteger(p)) throw new Error(`"x 100 %" needs whole positions: ${p}`);
      return `${p} x 100 %`;
    case 'stillinger':
      return p === 1 ? '1 stilling' : `${decimal(p)} stillinger`;
    case 'ressurs':
      return `stillingsressurs ${pct} %`;
    case 'number':
      return decimal(p);
  }
}

export type OrgStyle = 'spaced' | 'plain' | 'mva';

export function orgText(org: string, style: OrgStyle): string {
  const spaced = `${org.slice(0, 3)} ${org.slice(3, 6)} ${org.slice(6)}`;
  switch (style) {
    case 'spaced':
      return spaced;
    case 'plain':
      return org;
    case 'mva':
      return `NO ${spaced} MVA`;
  }
}

/** "Ålesund" → "alesund", for e-mail addresses and file names. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
