import { describe, expect, it } from 'vitest';
import { RecentRate } from '../../src/cli/recent-rate.ts';

describe('RecentRate', () => {
  it('follows the last minute, not the average since the start', () => {
    const rate = new RecentRate(60_000);
    rate.add(0, 0);
    // 100 items a second for two minutes (fast text PDFs) …
    for (let s = 1; s <= 120; s++) rate.add(100 * s, s * 1000);
    // … then one item every two seconds (scans).
    let last = 0;
    for (let s = 1; s <= 120; s++) last = rate.add(12_000 + Math.floor(s / 2), (120 + s) * 1000);
    expect(last).toBeCloseTo(0.5, 1);
  });

  it('is 0 before any time has passed', () => {
    expect(new RecentRate().add(5, 1000)).toBe(0);
  });
});
