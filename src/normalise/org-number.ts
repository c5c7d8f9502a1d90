/**
 * Organisasjonsnummer: nine digits, the last a MOD11 check digit, written in many ways
 * ("942 110 464", "NO 942 110 464 MVA", "942.110.464").
 */
import { unifyForScan } from './text.ts';

/** Runs of digits joined by single spaces, dots or hyphens, as one number is written. */
const DIGIT_RUN = /(?<!\d)\d+(?:[ .-]\d+)*(?!\d)/g;
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Extracts an organisation number as nine bare digits from "942 110 464", "942110464",
 * "NO 942 110 464 MVA", "org.nr. 942 110 464", "942.110.464", "942-110-464" or "942 11 0464".
 * The check digit is not tested here (see {@link isValidOrgNumber}), since a number that fails it
 * is still reported.
 *
 * @returns the nine digits, or null when no run of digits has exactly nine, or two different do.
 */
export function normaliseOrgNumber(text: string): string | null {
  const nines = new Set(
    [...unifyForScan(text).matchAll(DIGIT_RUN)]
      .map((m) => m[0].replace(/\D/g, ''))
      .filter((d) => d.length === 9),
  );
  const [only] = nines;
  return nines.size === 1 && only !== undefined ? only : null;
}

/**
 * Tests the MOD11 check digit of a nine-digit organisation number (weights 3 2 7 6 5 4 3 2;
 * remainder 0 gives check digit 0, a computed 10 makes the number invalid).
 */
export function isValidOrgNumber(nine: string): boolean {
  if (!/^\d{9}$/.test(nine)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(nine[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(nine[8]);
}
