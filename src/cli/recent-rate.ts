/**
 * Items per second over the last `windowMs`. A bulk archive is not uniform (a folder of text PDFs
 * goes a hundred times faster than a folder of scans), so a rate averaged since the start would
 * promise "50 s left" for what takes twenty minutes.
 */
export class RecentRate {
  private readonly samples: Array<{ at: number; count: number }> = [];

  constructor(private readonly windowMs = 60_000) {}

  /** Notes that `count` items are done at time `at` (ms); returns the rate per second. */
  add(count: number, at: number): number {
    this.samples.push({ at, count });
    // Keep one sample at or before the window's start, so the window is always covered.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.windowMs) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (at - first.at) / 1000;
    return seconds > 0 ? (count - first.count) / seconds : 0;
  }
}
