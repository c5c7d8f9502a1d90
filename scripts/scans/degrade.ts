/**
 * Makes a clean page raster look scanned: grey, uneven paper, ink that is not black, a tilted sheet,
 * optics blur, sensor noise and dust. Deterministic for a given seed.
 */
import type { GreyImage } from '../../src/ocr/grey-image.ts';

export interface ScanLook {
  /** Rotation of the sheet on the glass, degrees (positive = clockwise). */
  skewDegrees: number;
  /** Paper brightness 0-255 at its brightest (255 = white, 200 = a grey background). */
  paper: number;
  /** How much darker the paper gets towards one corner (uneven lighting), 0-255. */
  shading: number;
  /** Ink brightness 0-255 (toner is rarely pure black). */
  ink: number;
  /** Standard deviation of the sensor noise, in grey levels. */
  noise: number;
  /** Dust specks per megapixel. */
  specks: number;
  /** Soften edges with a 3×3 blur first, as scanner optics do. */
  blur: boolean;
}

/** mulberry32: small, seeded, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function degrade(page: GreyImage, look: ScanLook, seed: number): GreyImage {
  const random = seededRandom(seed);
  let image = look.blur ? blur3(page) : page;
  image = tone(image, look);
  image = rotate(image, look.skewDegrees, look.paper - look.shading / 2);
  addNoise(image, look.noise, random);
  addSpecks(image, look.specks, look.ink, random);
  return image;
}

/** Maps white to the (shaded) paper and black to the ink. */
function tone({ width, height, data }: GreyImage, look: ScanLook): GreyImage {
  const out = new Uint8Array(data.length);
  const diagonal = width + height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const paper = look.paper - (look.shading * (x + y)) / diagonal;
      const v = data[y * width + x]! / 255;
      out[y * width + x] = Math.round(look.ink + v * (paper - look.ink));
    }
  }
  return { width, height, data: out };
}

function blur3({ width, height, data }: GreyImage): GreyImage {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let weight = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const w = dx === 0 && dy === 0 ? 4 : dx === 0 || dy === 0 ? 2 : 1;
          sum += data[yy * width + xx]! * w;
          weight += w;
        }
      }
      out[y * width + x] = Math.round(sum / weight);
    }
  }
  return { width, height, data: out };
}

/** Bilinear rotation about the centre, same canvas size, uncovered corners filled with `fill`. */
export function rotate({ width, height, data }: GreyImage, degrees: number, fill: number): GreyImage {
  if (degrees === 0) return { width, height, data: new Uint8Array(data) };
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The source pixel that lands here: rotate back by -angle.
      const dx = x - cx;
      const dy = y - cy;
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
      const top = data[i]! * (1 - fx) + data[i + 1]! * fx;
      const bottom = data[i + width]! * (1 - fx) + data[i + width + 1]! * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data: out };
}

function addNoise(image: GreyImage, sigma: number, random: () => number): void {
  if (sigma <= 0) return;
  const { data } = image;
  for (let i = 0; i < data.length; i += 2) {
    // Box-Muller: two normal samples per pair of uniforms.
    const r = Math.sqrt(-2 * Math.log(random() + 1e-12)) * sigma;
    const t = 2 * Math.PI * random();
    data[i] = clamp(data[i]! + r * Math.cos(t));
    if (i + 1 < data.length) data[i + 1] = clamp(data[i + 1]! + r * Math.sin(t));
  }
}

function addSpecks(image: GreyImage, perMegapixel: number, ink: number, random: () => number): void {
  const { width, height, data } = image;
  const count = Math.round((width * height * perMegapixel) / 1e6);
  for (let n = 0; n < count; n++) {
    const x = Math.floor(random() * width);
    const y = Math.floor(random() * height);
    const radius = random() < 0.8 ? 1 : 2;
    for (let dy = -radius + 1; dy < radius; dy++) {
      for (let dx = -radius + 1; dx < radius; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < width && yy < height) data[yy * width + xx] = ink;
      }
    }
  }
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
