/** Parsers from a raw value text to a field's typed value; null when the text does not hold one. */
import { parseDate } from '../normalise/dates.ts';
import { parseMoney } from '../normalise/money.ts';
import { normaliseMunicipalityNumber } from '../normalise/municipality-number.ts';
import { normaliseOrgNumber } from '../normalise/org-number.ts';
import { parsePositions } from '../normalise/positions.ts';

export const parseAmount = (raw: string): number | null => {
  const amount = parseMoney(raw);
  return amount !== null && amount >= 0 ? amount : null;
};

export const parsePositionValue = (raw: string): number | null => {
  // A note in brackets after the count ("3 (2 nye og 1 videreført)") explains it; the count stands.
  const p = parsePositions(raw) ?? parsePositions(raw.replace(/\([^)]*\)/g, ' '));
  // More than 100 positions is a misread (a year, an amount), never a grant's staffing.
  return p !== null && p > 0 && p <= 100 ? p : null;
};

export const parseOrg = (raw: string): string | null => normaliseOrgNumber(raw);
export const parseMunicipalityNo = (raw: string): string | null => normaliseMunicipalityNumber(raw);
export const parseIsoDate = (raw: string): string | null => parseDate(raw)?.date ?? null;

/** A calendar year: exactly one plausible year in the value ("2025", "for 2025", "2025 (år 2)"). */
export function parseYear(raw: string): number | null {
  const years = [...raw.matchAll(/(?<![\d.,])(19[89]\d|20\d\d)(?![\d.,]\d)/g)].map((m) => Number(m[1]));
  const unique = [...new Set(years)];
  return unique.length === 1 ? unique[0]! : null;
}

const ORDINALS: Record<string, number> = { første: 1, fyrste: 1, andre: 2, tredje: 3, fjerde: 4 };

/** The year of the grant period: 0 for forprosjekt, 1-4 from "År 1", "2. driftsår", "tredje år". */
export function parseGrantYear(raw: string): number | null {
  const t = raw.toLowerCase();
  if (/forprosjekt|forstudie|planleggingsår/.test(t)) return 0;
  const patterns = [
    // "ar": OCR of a small or faint «å» loses its ring; a lone "ar" before a digit is no other word.
    /(?<!\p{L})[åa]r\s*(?:nr\.?\s*)?([1-4])\b/u,
    /\b([1-4])\.\s*(?:drifts|prosjekt|tilskudds|tilskots)?år\b/,
    /(?<!\p{L})(første|fyrste|andre|tredje|fjerde)\s+(?:drifts|prosjekt|tilskudds|tilskots)?år/u,
    /^\s*([1-4])\s*$/,
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (m) return ORDINALS[m[1]!] ?? Number(m[1]);
  }
  return null;
}

/** A name value: trimmed, trailing punctuation and "(…)" notes dropped. */
export function parseName(raw: string): string | null {
  const name = raw
    .replace(/\s*\((?:hovedsøker|søker)\)\s*$/i, '')
    .replace(/[\s,.;:]+$/, '')
    .trim();
  return name.length >= 2 && /\p{L}/u.test(name) ? name : null;
}
