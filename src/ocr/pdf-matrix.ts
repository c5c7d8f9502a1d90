/** A PDF transformation matrix, [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];

/** m × n in the PDF spec's (and pdf.js's) [a b c d e f] convention: n applied first. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}
