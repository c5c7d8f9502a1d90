import type { ImageFormat } from './image-reader.ts';

/** Width and height in pixels as an image file's header declares them. */
export interface ImageSize {
  width: number;
  height: number;
}

/** More TIFF pages than this is not a scan but a malformed (or looping) directory chain. */
export const MAX_TIFF_PAGES = 1_000;

/**
 * The declared size of each page of an image, read from its header only: a PNG's IHDR, a JPEG's
 * start-of-frame, each TIFF directory's ImageWidth/ImageLength. Decoders allocate width × height
 * before they look at the data, so a 100 000 × 100 000 header in a 200-byte file must be refused
 * here. Pages whose size cannot be found are left out (the decoder will fail on them instead).
 */
export function declaredImageSizes(bytes: Buffer, format: ImageFormat): ImageSize[] {
  switch (format) {
    case 'png':
      return pngSize(bytes);
    case 'jpeg':
      return jpegSize(bytes);
    case 'tiff':
      return tiffSizes(bytes);
  }
}

function pngSize(bytes: Buffer): ImageSize[] {
  // Signature (8), chunk length (4), "IHDR" (4), then width and height.
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return [];
  return [{ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }];
}

/** Start-of-frame markers (SOF0-SOF15 without DHT C4, JPG C8 and DAC CC) carry the frame size. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(bytes: Buffer): ImageSize[] {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return [];
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return []; // end of image or start of scan before any frame
    const length = bytes.readUInt16BE(offset + 2);
    if (SOF_MARKERS.has(marker)) {
      if (offset + 9 > bytes.length) return [];
      return [{ height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) }];
    }
    if (length < 2) return [];
    offset += 2 + length;
  }
  return [];
}

const TAG_WIDTH = 256;
const TAG_HEIGHT = 257;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;

function tiffSizes(bytes: Buffer): ImageSize[] {
  if (bytes.length < 8) return [];
  const little = bytes[0] === 0x49;
  const u16 = (at: number): number => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number): number => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const sizes: ImageSize[] = [];
  const seen = new Set<number>();
  let offset = u32(4);
  while (offset > 0 && offset + 2 <= bytes.length && !seen.has(offset) && seen.size < MAX_TIFF_PAGES) {
    seen.add(offset);
    const count = u16(offset);
    let width = 0;
    let height = 0;
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      if (entry + 12 > bytes.length) break;
      const tag = u16(entry);
      if (tag !== TAG_WIDTH && tag !== TAG_HEIGHT) continue;
      const type = u16(entry + 2);
      const value = type === TYPE_SHORT ? u16(entry + 8) : type === TYPE_LONG ? u32(entry + 8) : 0;
      if (tag === TAG_WIDTH) width = value;
      else height = value;
    }
    if (width > 0 || height > 0) sizes.push({ width, height });
    const next = offset + 2 + count * 12;
    if (next + 4 > bytes.length) break;
    offset = u32(next);
  }
  return sizes;
}
