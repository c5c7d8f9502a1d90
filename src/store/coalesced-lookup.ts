/**
 * One lookup per key made into one query for many: keys asked within `waitMs` of the first (or the
 * same turn of the event loop, for 0) go to `lookUpMany` together. A re-run asks about every
 * submission it skips, a few at a time as their files are hashed; one query per key cost half a
 * millisecond each of the embedded database's time on the main thread.
 */
export function coalescedLookup<K, V>(
  lookUpMany: (keys: K[]) => Promise<Map<K, V>>,
  { waitMs = 0, maxKeys = 256 }: { waitMs?: number; maxKeys?: number } = {},
): (key: K) => Promise<V | undefined> {
  let asked: Array<{ key: K; resolve: (value: V | undefined) => void; reject: (e: unknown) => void }> = [];
  /** Cancels the pending run of the keys asked so far; null when none is pending. */
  let cancel: (() => void) | null = null;
  const schedule = (): (() => void) => {
    if (waitMs > 0) {
      const timer = setTimeout(() => void run(), waitMs);
      return () => clearTimeout(timer);
    }
    const immediate = setImmediate(() => void run());
    return () => clearImmediate(immediate);
  };

  const run = async () => {
    cancel?.();
    cancel = null;
    const batch = asked;
    asked = [];
    try {
      const found = await lookUpMany([...new Set(batch.map((a) => a.key))]);
      for (const a of batch) a.resolve(found.get(a.key));
    } catch (error) {
      for (const a of batch) a.reject(error);
    }
  };

  return (key) =>
    new Promise((resolve, reject) => {
      asked.push({ key, resolve, reject });
      if (asked.length >= maxKeys) void run();
      else cancel ??= schedule();
    });
}
