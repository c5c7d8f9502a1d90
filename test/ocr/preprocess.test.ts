import { describe, expect, it } from 'vitest';

import type { GreyImage } from '../../src/ocr/grey-image.ts';
import { estimateNoise, median3 } from '../../src/ocr/preprocess.ts';
import { seededRandom } from '../../scripts/scans/degrade.ts';

/** A white page with a black bar (a stroke) and Gaussian noise of `sigma`. */
function page(sigma: number): GreyImage {
  const width = 400;
  const height = 300;
  const data = new Uint8Array(width * height);
  const random = seededRandom(3);
  for (let i = 0; i < data.length; i++) {
    const x = i % width;
    const ink = x >= 100 && x < 110;
    const normal = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
    data[i] = Math.max(0, Math.min(255, Math.round((ink ? 40 : 220) + normal * sigma)));
  }
  return { width, height, data };
}

describe('noise filtering before OCR', () => {
  it('estimates the sensor noise of a page despite the edges of its strokes', () => {
    expect(estimateNoise(page(0))).toBe(0);
    for (const sigma of [5, 12, 25]) expect(Math.abs(estimateNoise(page(sigma)) - sigma)).toBeLessThan(2);
  });

  it('takes out noise and specks and keeps the stroke', () => {
    const noisy = page(25);
    noisy.data[150 * 400 + 300] = 0; // a speck of dust on the paper
    const filtered = median3(noisy);
    expect(estimateNoise(filtered)).toBeLessThan(15);
    expect(filtered.data[150 * 400 + 300]).toBeGreaterThan(150);
    expect(filtered.data[150 * 400 + 105]).toBeLessThan(100);
  });
});
