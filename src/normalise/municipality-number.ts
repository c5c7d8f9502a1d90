/**
 * Kommunenummer: four digits, the first two the county. Older documents sometimes drop the leading
 * zero of the numbers below 1000 (Oslo "301" for 0301).
 */

/** Digits standing alone, not part of a longer number. */
const DIGITS = /(?<!\d)\d+(?!\d)/g;

/**
 * Reads a municipality number from "5001", "kommunenr. 5001", "K-5001", "0301", or the old
 * three-digit form "301" (→ "0301").
 *
 * @returns four digits, or null when there is no three- or four-digit number, when there are two
 *   different ones, or when the county part would be 00.
 */
export function normaliseMunicipalityNumber(text: string): string | null {
  const numbers = new Set(
    [...text.matchAll(DIGITS)]
      .map((m) => m[0])
      .filter((d) => d.length === 3 || d.length === 4)
      .map((d) => d.padStart(4, '0')),
  );
  const [only] = numbers;
  return numbers.size === 1 && only !== undefined && !only.startsWith('00') ? only : null;
}
