import type { FileFormat, ReadDocument } from '../domain/document.ts';
import { emptyDocument, type ReaderOptions } from './read-result.ts';

/** The image formats read as pages waiting for OCR. */
export type ImageFormat = Extract<FileFormat, 'png' | 'jpeg' | 'tiff'>;

/** More TIFF pages than this is not a scan but a malformed (or looping) directory chain. */
const MAX_TIFF_PAGES = 1_000;

/**
 * An image: no text until OCR, so method 'none', no pages, and every page listed in
 * `pagesNeedingOcr`. PNG and JPEG have one page; a multi-page TIFF (fax and scanner output) has as
 * many as its directory chain says.
 */
export async function readImage(
  bytes: Buffer,
  path: string,
  format: ImageFormat,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  const pageCount = format === 'tiff' ? tiffPageCount(bytes) : 1;
  return {
    ...emptyDocument(bytes, path, format, options),
    method: 'none',
    pageCount,
    pagesNeedingOcr: Array.from({ length: pageCount }, (_, i) => i + 1),
  };
}

/** Counts a TIFF's image file directories; 1 when the chain cannot be followed. */
export function tiffPageCount(bytes: Buffer): number {
  if (bytes.length < 8) return 1;
  const little = bytes[0] === 0x49;
  const u16 = (at: number): number => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number): number => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const seen = new Set<number>();
  let offset = u32(4);
  let pages = 0;
  while (offset > 0 && offset + 2 <= bytes.length && !seen.has(offset) && pages < MAX_TIFF_PAGES) {
    seen.add(offset);
    pages++;
    const next = offset + 2 + u16(offset) * 12;
    if (next + 4 > bytes.length) break;
    offset = u32(next);
  }
  return Math.max(1, pages);
}
