import type { GreyImage } from './grey-image.ts';

/** Skew is searched within ±this many degrees; sheets fed more crooked than that are rare. */
const MAX_SKEW_DEGREES = 5;
/** Smaller angles are left alone: the engine copes, and rotating costs a resampling. */
export const MIN_DESKEW_DEGREES = 0.2;
/** The skew search works on a copy about this wide, which keeps it to a few milliseconds. */
const SEARCH_WIDTH = 1000;

/**
 * Estimates the skew of text lines in degrees (positive: lines fall to the right, clockwise), by the
 * projection-profile method: the angle at which dark pixels pile up in the fewest, sharpest rows.
 */
export function estimateSkew(image: GreyImage): number {
  const factor = Math.max(1, Math.round(image.width / SEARCH_WIDTH));
  const small = shrink(image, factor);
  const threshold = otsu(small);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      if (small.data[y * small.width + x]! < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  // A blank page, or one that is all ink, has no lines to measure.
  if (xs.length < 200 || xs.length > small.data.length * 0.5) return 0;
  const score = (degrees: number): number => {
    const angle = (degrees * Math.PI) / 180;
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    const offset = Math.ceil(small.width * Math.abs(sin)) + 1;
    const rows = new Float64Array(small.height + 2 * offset + 2);
    for (let i = 0; i < xs.length; i++) {
      // The row a pixel would fall in once the page is turned back by `degrees`.
      const row = Math.round(ys[i]! * cos - xs[i]! * sin) + offset;
      rows[row]! += 1;
    }
    let sum = 0;
    for (let i = 1; i < rows.length; i++) {
      const d = rows[i]! - rows[i - 1]!;
      sum += d * d;
    }
    return sum;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -MAX_SKEW_DEGREES; d <= MAX_SKEW_DEGREES + 1e-9; d += 0.25) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 0.25; d <= coarse + 0.25 + 1e-9; d += 0.05) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 100) / 100;
}

/**
 * Rotates by `degrees` (positive: clockwise) about the centre with bilinear interpolation, keeping
 * the canvas size; uncovered corners become white.
 */
export function rotateImage({ width, height, data }: GreyImage, degrees: number, fill = 255): GreyImage {
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      // The source pixel that lands here: turn back by -angle.
      const dx = x - cx;
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[y * width + x] = fill;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
      out[y * width + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width, height, data: out };
}

/** Maps a point of an image rotated by {@link rotateImage} back to the original image. */
export function unrotatePoint(
  x: number,
  y: number,
  degrees: number,
  width: number,
  height: number,
): { x: number; y: number } {
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = x - width / 2;
  const dy = y - height / 2;
  return { x: cos * dx + sin * dy + width / 2, y: -sin * dx + cos * dy + height / 2 };
}

/** Box-averaged copy, `factor` times smaller each way. */
function shrink(image: GreyImage, factor: number): GreyImage {
  if (factor === 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx]!;
      }
      data[y * width + x] = sum / area;
    }
  }
  return { width, height, data };
}

/** Otsu's threshold: the grey level that best splits the histogram into ink and paper. */
export function otsu(image: GreyImage): number {
  const histogram = new Float64Array(256);
  for (const v of image.data) histogram[v]! += 1;
  const total = image.data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * histogram[i]!;
  let sumBelow = 0;
  let countBelow = 0;
  let best = 128;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    countBelow += histogram[t]!;
    if (countBelow === 0) continue;
    const countAbove = total - countBelow;
    if (countAbove === 0) break;
    sumBelow += t * histogram[t]!;
    const meanBelow = sumBelow / countBelow;
    const meanAbove = (sumAll - sumBelow) / countAbove;
    const variance = countBelow * countAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) [best, bestVariance] = [t + 1, variance];
  }
  return best;
}

/**
 * Sensor noise above this standard deviation (grey levels) is filtered before OCR. Measured on a
 * letter scanned with low contrast (README "OCR"): at σ 20 the engine's confidence rose from 0.72 to
 * 0.93 with the filter, and at σ 25 it read nothing without it and the whole page with it. Office
 * scans (σ 5-8, softened further by JPEG) stay below it and are left as they are.
 */
export const NOISY_SIGMA = 12;

/**
 * Estimates the sensor noise (σ, grey levels) from the differences of horizontally neighbouring
 * pixels: most of a page is paper, where a difference is noise alone (variance 2σ²), so the median
 * absolute difference over 0.6745·√2 estimates σ without being swayed by the edges of letters.
 */
export function estimateNoise({ width, height, data }: GreyImage): number {
  const histogram = new Uint32Array(256);
  let count = 0;
  // Every fourth row is plenty and keeps this to a few milliseconds.
  for (let y = 0; y < height; y += 4) {
    const row = y * width;
    for (let x = 0; x + 1 < width; x++) {
      histogram[Math.abs(data[row + x]! - data[row + x + 1]!)]!++;
      count++;
    }
  }
  if (count === 0) return 0;
  let seen = 0;
  for (let d = 0; d < 256; d++) {
    seen += histogram[d]!;
    if (seen * 2 >= count) return d / (0.6745 * Math.SQRT2);
  }
  return 0;
}

/** 3×3 median filter (edges repeat): removes sensor noise and specks, keeps the edges of strokes. */
export function median3({ width, height, data }: GreyImage): GreyImage {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const up = (y > 0 ? y - 1 : y) * width;
    const mid = y * width;
    const down = (y + 1 < height ? y + 1 : y) * width;
    for (let x = 0; x < width; x++) {
      const l = x > 0 ? x - 1 : x;
      const r = x + 1 < width ? x + 1 : x;
      // Sort each column, then the median is the median of (max of mins, median of mids, min of maxes).
      const c0 = sort3(data[up + l]!, data[mid + l]!, data[down + l]!);
      const c1 = sort3(data[up + x]!, data[mid + x]!, data[down + x]!);
      const c2 = sort3(data[up + r]!, data[mid + r]!, data[down + r]!);
      const lowMax = Math.max(c0 & 0xff, c1 & 0xff, c2 & 0xff);
      const midMid = middle((c0 >> 8) & 0xff, (c1 >> 8) & 0xff, (c2 >> 8) & 0xff);
      const highMin = Math.min(c0 >> 16, c1 >> 16, c2 >> 16);
      out[mid + x] = middle(lowMax, midMid, highMin);
    }
  }
  return { width, height, data: out };
}

/** Three values sorted, packed low | mid << 8 | high << 16. */
function sort3(a: number, b: number, c: number): number {
  const low = Math.min(a, b, c);
  const high = Math.max(a, b, c);
  return low | ((a + b + c - low - high) << 8) | (high << 16);
}

/** The middle one of three values. */
const middle = (a: number, b: number, c: number): number => a + b + c - Math.min(a, b, c) - Math.max(a, b, c);
