import { describe, expect, it } from 'vitest';
import { pickNonOverlapping } from '../../src/normalise/spans.ts';

describe('pickNonOverlapping', () => {
  it('keeps the longer of two hits that start together', () => {
    expect(
      pickNonOverlapping([
        { start: 0, end: 5, id: 'short' },
        { start: 0, end: 9, id: 'long' },
      ]).map((h) => h.id),
    ).toEqual(['long']);
  });

  it('keeps the earlier of two overlapping hits, even when the later one is longer', () => {
    expect(
      pickNonOverlapping([
        { start: 3, end: 20, id: 'later' },
        { start: 0, end: 5, id: 'earlier' },
      ]).map((h) => h.id),
    ).toEqual(['earlier']);
  });

  it('keeps hits that only touch, in text order', () => {
    expect(
      pickNonOverlapping([
        { start: 5, end: 8, id: 'b' },
        { start: 0, end: 5, id: 'a' },
      ]).map((h) => h.id),
    ).toEqual(['a', 'b']);
  });

  it('drops a hit inside one already kept', () => {
    expect(
      pickNonOverlapping([
        { start: 0, end: 10, id: 'outer' },
        { start: 2, end: 4, id: 'inner' },
      ]).map((h) => h.id),
    ).toEqual(['outer']);
  });

  it('gives an empty list for no hits', () => {
    expect(pickNonOverlapping([])).toEqual([]);
  });
});
