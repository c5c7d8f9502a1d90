/** A stretch of text found by a scanner; offsets index the original string. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Keeps the hits that do not overlap, preferring the earlier and then the longer one, so that
 * "3 x 100 % stilling" wins over the "100 % stilling" inside it. Returns them in text order.
 */
export function pickNonOverlapping<T extends Span>(hits: readonly T[]): T[] {
  const sorted = [...hits].sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: T[] = [];
  for (const h of sorted) if (h.start >= (kept.at(-1)?.end ?? 0)) kept.push(h);
  return kept;
}
