import UTIF from 'utif2';

import type { FileFormat, ReadDocument } from '../domain/document.ts';
import { declaredImageSizes, MAX_TIFF_PAGES } from './image-dimensions.ts';
import { formatCount, resolveLimits } from './limits.ts';
import { ReadError, corruptMessage, failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, type ReaderOptions } from './read-result.ts';

/** The image formats read as pages waiting for OCR. */
export type ImageFormat = Extract<FileFormat, 'png' | 'jpeg' | 'tiff'>;

/**
 * An image: no text until OCR, so method 'none', no pages, and every page listed in
 * `pagesNeedingOcr`. PNG and JPEG have one page; a multi-page TIFF (fax and scanner output) has as
 * many as its directory chain says. A page whose header declares more than `limits.maxPagePixels`
 * fails the document with 'too-large' before anything decodes it.
 */
export async function readImage(
  bytes: Buffer,
  path: string,
  format: ImageFormat,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    const limits = resolveLimits(options.limits);
    const sizes = declaredImageSizes(bytes, format);
    const index = sizes.findIndex((size) => size.width * size.height > limits.maxPagePixels);
    const huge = sizes[index];
    if (huge) {
      const page = sizes.length > 1 ? ` (side ${index + 1})` : '';
      throw new ReadError(
        'too-large',
        `Bildet${page} er for stort (${formatCount(huge.width)} × ${formatCount(huge.height)} piksler); grensen er ${formatCount(limits.maxPagePixels)} piksler per side.`,
      );
    }
    if (format === 'tiff') checkTiffStructure(bytes);
    const pageCount = format === 'tiff' ? tiffPageCount(bytes) : 1;
    return {
      ...emptyDocument(bytes, path, format, options),
      method: 'none',
      pageCount,
      pagesNeedingOcr: Array.from({ length: pageCount }, (_, i) => i + 1),
    };
  } catch (error) {
    return failedDocument(bytes, path, format, failureFromError(error), options);
  }
}

/**
 * The OCR stage decodes TIFFs with UTIF, which follows the directory chain without looking back: a
 * chain that loops makes it allocate until the process dies. Such files are refused here, and UTIF
 * parses the directories once in the reader (a thread with a time and memory limit) so that whatever
 * else it chokes on fails this document, not the run.
 */
function checkTiffStructure(bytes: Buffer): void {
  if (tiffChainLoops(bytes)) {
    throw new ReadError('corrupt', corruptMessage('TIFF-filens kjede av sider går i ring'));
  }
  try {
    UTIF.decode(bytes);
  } catch (error) {
    throw new ReadError('corrupt', corruptMessage('TIFF-filens sidekatalog kan ikke tolkes'), {
      cause: error,
    });
  }
}

/** True when following the chain of image file directories comes back to one already seen. */
export function tiffChainLoops(bytes: Buffer): boolean {
  if (bytes.length < 8) return false;
  const little = bytes[0] === 0x49;
  const u16 = (at: number): number => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number): number => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const seen = new Set<number>();
  let offset = u32(4);
  while (offset > 0 && offset + 2 <= bytes.length) {
    if (seen.has(offset)) return true;
    seen.add(offset);
    const next = offset + 2 + u16(offset) * 12;
    if (next + 4 > bytes.length) return false;
    offset = u32(next);
  }
  return false;
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
