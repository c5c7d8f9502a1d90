/**
 * `source`'s items, taken from it up to `ahead` items before they are asked for: discovery runs
 * ahead of the reading, so a run knows how many submissions it has found (`onCount`, growing, and
 * `final` once the source is done) from the one walk that also feeds it, and the first item is
 * handed on as soon as it is found. Bounded, because an item may hold an open archive's bytes.
 * Ending early (a break, an error downstream) ends the source too, so its `finally` blocks run.
 */
export async function* runAhead<T>(
  source: AsyncIterable<T>,
  ahead: number,
  onCount?: (count: number, final: boolean) => void,
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let count = 0;
  let finished = false;
  let failure: { error: unknown } | null = null;
  let stopped = false;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const wake = (which: 'consumer' | 'producer') => {
    const resume = which === 'consumer' ? wakeConsumer : wakeProducer;
    if (which === 'consumer') wakeConsumer = null;
    else wakeProducer = null;
    resume?.();
  };

  const producing = (async () => {
    try {
      while (!stopped) {
        if (buffer.length >= Math.max(1, ahead)) {
          await new Promise<void>((resolve) => (wakeProducer = resolve));
          continue;
        }
        const next = await iterator.next();
        if (next.done) {
          onCount?.(count, true);
          break;
        }
        buffer.push(next.value);
        onCount?.(++count, false);
        wake('consumer');
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      wake('consumer');
    }
  })();

  try {
    for (;;) {
      if (buffer.length > 0) {
        const item = buffer.shift()!;
        wake('producer');
        yield item;
        continue;
      }
      if (finished) {
        if (failure) throw (failure as { error: unknown }).error;
        return;
      }
      await new Promise<void>((resolve) => (wakeConsumer = resolve));
    }
  } finally {
    stopped = true;
    wake('producer');
    await producing;
    await iterator.return?.(undefined);
  }
}
