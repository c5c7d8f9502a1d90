/**
 * Character-level clean-up shared by the other normalisers. PDF text layers, Word exports
 * and OCR write the same number or label with many different spaces and dashes.
 */

/** Typographic spaces: NBSP, the U+2000 family (figure, thin …), narrow NBSP, ideographic. */
const TYPOGRAPHIC_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Those and the control spaces that are not line breaks. */
const SPACE_LIKE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Characters that are always a minus sign. */
const ALWAYS_MINUS = /[\u2212\uFE63\uFF0D]/g;

/** An en dash directly before a digit and not after a word or number ("–500", but not "2023–2024"). */
const EN_DASH_AS_MINUS = /(?<![\p{L}\d])\u2013(?=\d)/gu;

/** Invisible characters that break words apart without showing (soft hyphen, zero-width space …). */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Typographic ligatures that PDF text layers and OCR emit for "fi", "fl" and friends. */
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Norwegian letters that are letters of their own, not a base letter with a diacritic. */
const KEEP_AS_IS = new Set(['æ', 'ø', 'å']);

/**
 * Turns tabs and the typographic spaces (NBSP, narrow NBSP, thin, figure …) into ordinary spaces
 * and collapses runs of spaces into one. Line breaks are kept; the ends are not trimmed.
 */
export function foldSpaces(s: string): string {
  return s.replace(SPACE_LIKE, ' ').replace(/ {2,}/g, ' ');
}

/**
 * Replaces U+2212 (and the small and full-width hyphen-minus) with '-', and an en dash with '-'
 * where it stands as a minus: directly before a digit and not after a word or a number, so
 * ranges ("2023–2024") and the whole-kroner mark (",–") are left alone.
 */
export function normaliseMinus(s: string): string {
  return s.replace(ALWAYS_MINUS, '-').replace(EN_DASH_AS_MINUS, '-');
}

/**
 * Typographic spaces to ' ' and {@link normaliseMinus}, one character for one, without collapsing,
 * so an offset found in the result is the same offset in `s`. The scanners work on this. Tabs are
 * kept: they separate table cells, and "1 200 000\t300 000" must not read as one number.
 */
export function unifyForScan(s: string): string {
  return normaliseMinus(s.replace(TYPOGRAPHIC_SPACE, ' '));
}

/**
 * A key for comparing labels: lower case, ligatures spelled out, all whitespace folded to single
 * spaces and trimmed, diacritics removed (é → e, ö → o) except that æ, ø and å stay, since they are
 * letters of their own in Norwegian.
 */
export function foldForMatch(s: string): string {
  const lowered = s.normalize('NFC').replace(INVISIBLE, '').toLowerCase();
  const spelled = lowered.replace(/[\uFB00-\uFB06]/g, (ch) => LIGATURES[ch] ?? ch);
  const stripped = spelled.replace(/\P{ASCII}/gu, (ch) =>
    KEEP_AS_IS.has(ch) ? ch : ch.normalize('NFD').replace(/\p{M}/gu, ''),
  );
  return foldSpaces(stripped).replace(/\s+/g, ' ').trim();
}
