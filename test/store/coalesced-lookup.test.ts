import { describe, expect, it } from 'vitest';

import { coalescedLookup } from '../../src/store/coalesced-lookup.ts';

describe('coalescedLookup', () => {
  const squares = () => {
    const calls: number[][] = [];
    const lookUp = async (keys: number[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 13).map((k) => [k, k * k]));
    };
    return { calls, lookUp };
  };

  it('asks for keys made within the wait in one call, each caller getting its own answer', async () => {
    const { calls, lookUp } = squares();
    const square = coalescedLookup(lookUp, { waitMs: 20 });
    const first = square(2);
    await new Promise((r) => setTimeout(r, 5));
    const answers = await Promise.all([first, square(3), square(2), square(13)]);
    expect(answers).toEqual([4, 9, 4, undefined]);
    expect(calls).toEqual([[2, 3, 13]]);
    expect(await square(5)).toBe(25);
    expect(calls).toHaveLength(2);
  });

  it('with no wait, gathers the keys asked in one turn of the event loop', async () => {
    const { calls, lookUp } = squares();
    const square = coalescedLookup(lookUp);
    expect(await Promise.all([1, 2, 3].map(square))).toEqual([1, 4, 9]);
    expect(await square(4)).toBe(16);
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('goes at once when maxKeys are waiting', async () => {
    const { calls, lookUp } = squares();
    const square = coalescedLookup(lookUp, { waitMs: 60_000, maxKeys: 2 });
    expect(await Promise.all([square(1), square(2)])).toEqual([1, 4]);
    expect(calls).toEqual([[1, 2]]);
  });

  it('rejects every caller of a failed call, and the next call is a new one', async () => {
    let fail = true;
    const lookUp = coalescedLookup(async (keys: string[]) => {
      if (fail) throw new Error('database gone');
      return new Map(keys.map((k) => [k, k.length]));
    });
    const results = await Promise.allSettled([lookUp('a'), lookUp('bb')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await lookUp('ccc')).toBe(3);
  });
});
