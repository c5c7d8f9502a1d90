/** Fewer letters and digits than this on a page means the page is (nearly) an image. */
const MIN_MEANINGFUL_CHARS = 20;
/** Share of non-space characters that must be letters or digits; the rest is punctuation and symbols. */
const MIN_ALPHANUMERIC_SHARE = 0.5;
/** Share of characters that may be control, private-use or replacement characters (broken font maps). */
const MAX_JUNK_SHARE = 0.05;
/** Share of letters that must be Latin; broken font maps often decode to random scripts. */
const MIN_LATIN_SHARE = 0.7;
/** Share of words (two letters or more) that must contain a vowel, as Norwegian and English words do. */
const MIN_VOWEL_WORD_SHARE = 0.5;
/** Share of letter runs that may be single letters ("l I i j" is what bad invisible OCR layers look like). */
const MAX_SINGLE_LETTER_SHARE = 0.5;
/** The word-shape tests only apply once there are this many letter runs to judge. */
const MIN_RUNS_FOR_WORD_TESTS = 8;

const VOWELS = /[aeiouyæøåäöüéèêëáàâíìîóòôúùû]/iu;

/**
 * Whether a page's text layer is worth using, or the page should be OCR'd instead.
 *
 * Not usable: empty or too short (fewer than 20 letters and digits, as on a scanned page with a
 * stamped page number), mostly symbols, full of control/private-use characters (fonts without a
 * Unicode map), mostly non-Latin letters, or letter soup without words (a scanner's invisible junk
 * layer). Runs of repeated punctuation (leader dots, fill-in lines) are ignored. Numbers count as
 * meaningful, so a budget page that is mostly amounts is usable.
 */
export function isUsableTextLayer(text: string): boolean {
  const normalized = text.normalize('NFC');
  const compact = normalized.replace(/([^\p{L}\p{N}\s])\1{2,}/gu, ' ').replace(/\s+/gu, '');
  if (compact.length === 0) return false;

  const { letters, latin, digits, junk, total } = characterCounts(compact);
  if (letters + digits < MIN_MEANINGFUL_CHARS) return false;
  if ((letters + digits) / total < MIN_ALPHANUMERIC_SHARE) return false;
  if (junk / total > MAX_JUNK_SHARE) return false;
  if (letters > 0 && latin / letters < MIN_LATIN_SHARE) return false;

  const runs = normalized.match(/\p{L}+/gu) ?? [];
  if (runs.length >= MIN_RUNS_FOR_WORD_TESTS) {
    const singles = runs.filter((run) => [...run].length === 1).length;
    if (singles / runs.length > MAX_SINGLE_LETTER_SHARE) return false;
    const words = runs.filter((run) => [...run].length >= 2);
    if (words.length >= MIN_RUNS_FOR_WORD_TESTS / 2) {
      const withVowel = words.filter((word) => VOWELS.test(word)).length;
      if (withVowel / words.length < MIN_VOWEL_WORD_SHARE) return false;
    }
  }
  return true;
}

interface CharacterCounts {
  letters: number;
  latin: number;
  digits: number;
  junk: number;
  /** Code points. */
  total: number;
}

/**
 * Letters (and of those Latin ones), digits and junk among the characters, by code point. Most
 * characters of a Norwegian page are ASCII or Latin-1 letters, whose classes are known without the
 * Unicode property regexes (three per character were 1.4 ms a page); the rest go through them.
 */
export function characterCounts(compact: string): CharacterCounts {
  let letters = 0;
  let latin = 0;
  let digits = 0;
  let junk = 0;
  let total = 0;
  for (const char of compact) {
    total++;
    const code = char.charCodeAt(0);
    if (char.length === 1 && code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        letters++;
        latin++;
      } else if (code >= 0x30 && code <= 0x39) digits++;
      else if (code < 0x20 || code === 0x7f) junk++;
    } else if (char.length === 1 && code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) {
      // À–ÿ without × and ÷: Latin letters (æ, ø, å among them).
      letters++;
      latin++;
    } else if (/\p{L}/u.test(char)) {
      letters++;
      if (/\p{Script=Latin}/u.test(char)) latin++;
    } else if (/\p{N}/u.test(char)) digits++;
    else if (/[\p{Cc}\p{Co}\p{Cs}\p{Cn}\uFFFD]/u.test(char)) junk++;
  }
  return { letters, latin, digits, junk, total };
}
