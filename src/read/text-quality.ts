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
  const compact = text
    .normalize('NFC')
    .replace(/([^\p{L}\p{N}\s])\1{2,}/gu, ' ')
    .replace(/\s+/gu, '');
  if (compact.length === 0) return false;

  let letters = 0;
  let latin = 0;
  let digits = 0;
  let junk = 0;
  for (const char of compact) {
    if (/\p{L}/u.test(char)) {
      letters++;
      if (/\p{Script=Latin}/u.test(char)) latin++;
    } else if (/\p{N}/u.test(char)) digits++;
    else if (/[\p{Cc}\p{Co}\p{Cs}\p{Cn}\uFFFD]/u.test(char)) junk++;
  }
  const total = [...compact].length;
  if (letters + digits < MIN_MEANINGFUL_CHARS) return false;
  if ((letters + digits) / total < MIN_ALPHANUMERIC_SHARE) return false;
  if (junk / total > MAX_JUNK_SHARE) return false;
  if (letters > 0 && latin / letters < MIN_LATIN_SHARE) return false;

  const runs = text.normalize('NFC').match(/\p{L}+/gu) ?? [];
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
