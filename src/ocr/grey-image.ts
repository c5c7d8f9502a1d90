import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import type { GreyImage } from './pgm.ts';

export { encodePgm, type GreyImage } from './pgm.ts';

/**
 * Scanner output beyond this many pixels (about A3 at 400 DPI) is scaled down before OCR: it keeps
 * each worker's memory bounded (the engine holds a few copies of the page) and OCR gains nothing.
 */
export const MAX_OCR_PIXELS = 40_000_000;

/** Greyscale from RGBA with the usual luma weights; transparent pixels count as white paper. */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < data.length; i += 4, p++) {
    const alpha = rgba[i + 3]!;
    const luma = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    data[p] = alpha === 255 ? luma : 255 - (((255 - luma) * alpha) >> 8);
  }
  return { width, height, data };
}

/** Decodes a PNG or JPEG file into greyscale. */
export async function decodeRaster(bytes: Buffer): Promise<GreyImage> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return greyFromRgba(data, image.width, image.height);
}

/** Decodes one page (1-based) of a TIFF into greyscale; fax (G3/G4), LZW, PackBits and plain strips. */
export function decodeTiffPage(bytes: Buffer, page: number): GreyImage {
  const ifds = UTIF.decode(bytes).filter((ifd) => ifd['t256'] !== undefined);
  const ifd = ifds[page - 1];
  if (!ifd) throw new Error(`TIFF-filen har ingen side ${page}.`);
  UTIF.decodeImage(bytes, ifd);
  if (!ifd.width || !ifd.height) throw new Error(`TIFF-side ${page} har ingen bildedata.`);
  // UTIF's CMYK conversion reaches for a browser global (window) and fails in Node.
  if (tiffTag(ifd, 262) === PHOTOMETRIC_SEPARATED) return greyFromCmyk(ifd, bytes[0] === 0x49);
  return greyFromRgba(UTIF.toRGBA8(ifd), ifd.width, ifd.height);
}

/** The first value of a numeric TIFF tag, or undefined. */
function tiffTag(ifd: UTIF.IFD, tag: number): number | undefined {
  const value = ifd[`t${tag}`] as unknown;
  const first = Array.isArray(value) || ArrayBuffer.isView(value) ? (value as ArrayLike<unknown>)[0] : value;
  return typeof first === 'number' ? first : undefined;
}

/** TIFF PhotometricInterpretation 5: separated inks, in practice CMYK. */
const PHOTOMETRIC_SEPARATED = 5;

/**
 * Greyscale from a decoded CMYK page (8 or 16 bits per ink, chunky or planar; a fifth sample, alpha
 * or a spot ink, is ignored): each ink darkens the paper by its share, as naive CMYK-to-RGB does.
 */
export function greyFromCmyk(ifd: UTIF.IFD, littleEndian: boolean): GreyImage {
  const width = ifd.width;
  const height = ifd.height;
  const data = ifd.data as Uint8Array;
  const bits = tiffTag(ifd, 258) ?? 8;
  const samples = tiffTag(ifd, 277) ?? 4;
  const planar = tiffTag(ifd, 284) === 2;
  if ((bits !== 8 && bits !== 16) || samples < 4) {
    throw new Error(`CMYK-TIFF med ${bits} biter og ${samples} kanaler støttes ikke.`);
  }
  const bytesPerSample = bits / 8;
  const area = width * height;
  // The most significant byte of a 16-bit sample is enough for OCR.
  const high = bytesPerSample === 2 && littleEndian ? 1 : 0;
  const sample = (pixel: number, ink: number): number => {
    const index = planar ? ink * area + pixel : pixel * samples + ink;
    return data[index * bytesPerSample + high] ?? 0;
  };
  const out = new Uint8Array(area);
  for (let p = 0; p < area; p++) {
    const k = 255 - sample(p, 3);
    const r = ((255 - sample(p, 0)) * k) / 255;
    const g = ((255 - sample(p, 1)) * k) / 255;
    const b = ((255 - sample(p, 2)) * k) / 255;
    out[p] = (r * 77 + g * 150 + b * 29) >> 8;
  }
  return { width, height, data: out };
}

/** Box-filter downscale so the page fits {@link MAX_OCR_PIXELS}; small pages pass unchanged. */
export function limitPixels(image: GreyImage, maxPixels = MAX_OCR_PIXELS): GreyImage {
  const pixels = image.width * image.height;
  if (pixels <= maxPixels) return image;
  const factor = Math.ceil(Math.sqrt(pixels / maxPixels));
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
      data[y * width + x] = Math.round(sum / area);
    }
  }
  return { width, height, data };
}

/** 72 and 96 are what software writes when it does not know the resolution (phones, screenshots). */
const PLACEHOLDER_DPI = new Set([72, 96]);

/**
 * The resolution an image file states (PNG pHYs, JPEG JFIF, TIFF X resolution), or null when it says
 * none, says a placeholder, or says something implausible.
 */
export function imageDpi(bytes: Buffer, format: 'png' | 'jpeg' | 'tiff', page = 1): number | null {
  let dpi: number | null = null;
  try {
    if (format === 'png') dpi = pngDpi(bytes);
    else if (format === 'jpeg') dpi = jfifDpi(bytes);
    else dpi = tiffDpi(bytes, page);
  } catch {
    return null;
  }
  if (dpi === null || !Number.isFinite(dpi)) return null;
  const rounded = Math.round(dpi);
  return rounded >= 100 && rounded <= 1200 && !PLACEHOLDER_DPI.has(rounded) ? rounded : null;
}

function pngDpi(bytes: Buffer): number | null {
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs' && length >= 9) {
      const perUnit = bytes.readUInt32BE(at + 8);
      return bytes[at + 16] === 1 ? perUnit * 0.0254 : null;
    }
    if (type === 'IDAT' || type === 'IEND') return null;
    at += 12 + length;
  }
  return null;
}

function jfifDpi(bytes: Buffer): number | null {
  if (bytes.length < 18 || bytes.toString('latin1', 6, 11) !== 'JFIF\0') return null;
  const units = bytes[13];
  const density = bytes.readUInt16BE(14);
  if (units === 1) return density;
  if (units === 2) return density * 2.54;
  return null;
}

function tiffDpi(bytes: Buffer, page: number): number | null {
  const ifd = UTIF.decode(bytes).filter((i) => i['t256'] !== undefined)[page - 1];
  // A RATIONAL, which UTIF gives as [numerator, denominator].
  const [fraction] = (ifd?.['t282'] ?? []) as unknown as Array<[number, number] | number>;
  if (fraction === undefined) return null;
  const value = Array.isArray(fraction) ? fraction[0] / fraction[1] : fraction;
  const unit = ifd?.['t296'];
  const cm = Array.isArray(unit) && Number(unit[0]) === 3;
  return cm ? value * 2.54 : value;
}
