import { describe, expect, it } from 'vitest';
import { runAhead } from '../../src/pipeline/run-ahead.ts';

/** A source of `n` numbers that notes how far it has been taken and whether it was closed. */
function source(n: number, failAt?: number) {
  const state = { taken: 0, closed: false };
  const items = (async function* () {
    try {
      for (let i = 1; i <= n; i++) {
        if (i === failAt) throw new Error(`kilde feilet ved ${i}`);
        state.taken = i;
        yield i;
        await Promise.resolve();
      }
    } finally {
      state.closed = true;
    }
  })();
  return { items, state };
}

describe('runAhead', () => {
  it('hands on every item in order, counting them as found and saying when the count is final', async () => {
    const { items } = source(5);
    const counts: Array<[number, boolean]> = [];
    const got: number[] = [];
    for await (const item of runAhead(items, 2, (count, final) => counts.push([count, final])))
      got.push(item);
    expect(got).toEqual([1, 2, 3, 4, 5]);
    expect(counts).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [5, true],
    ]);
  });

  it('takes no more than `ahead` items before they are asked for', async () => {
    const { items, state } = source(100);
    const ahead = runAhead(items, 3);
    expect((await ahead.next()).value).toBe(1);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    // One handed on and three waiting (the fourth taken once the first left the buffer).
    expect(state.taken).toBe(4);
    await ahead.return(undefined);
    expect(state.closed).toBe(true);
  });

  it('hands on the first item before the source is done', async () => {
    const { items, state } = source(1000);
    const ahead = runAhead(items, 10);
    await ahead.next();
    expect(state.taken).toBeLessThan(1000);
    await ahead.return(undefined);
  });

  it("passes the source's error on after the items found before it", async () => {
    const { items, state } = source(10, 4);
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const item of runAhead(items, 2)) got.push(item);
      })(),
    ).rejects.toThrow('kilde feilet ved 4');
    expect(got).toEqual([1, 2, 3]);
    expect(state.closed).toBe(true);
  });

  it('closes the source when the consumer stops early', async () => {
    const { items, state } = source(100);
    for await (const item of runAhead(items, 5)) if (item === 2) break;
    expect(state.closed).toBe(true);
    expect(state.taken).toBeLessThan(100);
  });
});
