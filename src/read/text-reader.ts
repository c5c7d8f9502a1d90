import type { ReadDocument } from '../domain/document.ts';
import { failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, type ReaderOptions } from './read-result.ts';

/**
 * Reads a plain-text file as one page. UTF-8 (with or without BOM) and UTF-16 with BOM are decoded as
 * such; anything that is not valid UTF-8 is taken as Windows-1252 (the superset of Latin-1 that
 * Norwegian Windows programs write). Line endings become "\n"; control characters are dropped.
 */
export async function readText(
  bytes: Buffer,
  path: string,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    const text = decodeText(bytes);
    return {
      ...emptyDocument(bytes, path, 'text', options),
      method: 'text',
      pages: [{ page: 1, text, method: 'text', confidence: null, words: [] }],
    };
  } catch (error) {
    return failedDocument(bytes, path, 'text', failureFromError(error), options);
  }
}

/** The text of a text file's bytes, normalised (NFC, "\n" line ends, no trailing spaces). */
export function decodeText(bytes: Buffer): string {
  let raw: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) raw = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) raw = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      raw = decodeWindows1252(bytes);
    }
  }
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\t\n])\p{Cc}/gu, '')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** Windows-1252's printable characters at 0x80-0x9F; the five undefined bytes stay as they are in Latin-1. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252 decoding. Node's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 control
 * characters, losing "€", curly quotes and dashes, so the range is mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}
