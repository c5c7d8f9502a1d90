import { constants, inflateSync } from 'node:zlib';

import { formatMegabytes } from './limits.ts';
import { ReadError } from './read-error.ts';

/** How far back from "stream" the stream's dictionary is looked for. */
const DICT_WINDOW = 2_048;

/**
 * Refuses a PDF with a Flate stream that inflates beyond `maxBytes` (a flate bomb: a few kilobytes
 * that pdf.js would unpack into gigabytes outside the reader thread's heap limit). Image streams are
 * left alone: text extraction never decodes them and a large scan legitimately unpacks big. Each
 * stream is inflated with an output cap, so the check itself never holds more than `maxBytes`.
 * Streams that fail to inflate are left for pdf.js to judge.
 */
export function checkPdfStreams(bytes: Buffer, maxBytes: number): void {
  let at = bytes.indexOf('stream', 0, 'latin1');
  while (at !== -1) {
    const start = dataStart(bytes, at + 6);
    const isKeyword = at === 0 || bytes[at - 1] !== 0x64; // not the tail of "endstream"
    if (isKeyword && start !== -1) {
      const end = bytes.indexOf('endstream', start, 'latin1');
      const dict = bytes.toString('latin1', Math.max(0, at - DICT_WINDOW), at);
      const own = dict.slice(dict.lastIndexOf('obj') + 1);
      if (end !== -1 && /\/FlateDecode/.test(own) && !/\/Subtype\s*\/Image/.test(own)) {
        if (inflatesBeyond(bytes.subarray(start, end), maxBytes)) {
          throw new ReadError(
            'too-large',
            `PDF-filen har en strøm som pakker ut til mer enn ${formatMegabytes(maxBytes)} (mulig komprimeringsbombe) og ble ikke lest.`,
          );
        }
      }
      at = bytes.indexOf('stream', end === -1 ? start : end + 9, 'latin1');
    } else at = bytes.indexOf('stream', at + 6, 'latin1');
  }
}

/** Where a stream's data begins: after the end of line that follows the keyword, or -1. */
function dataStart(bytes: Buffer, after: number): number {
  if (bytes[after] === 0x0d && bytes[after + 1] === 0x0a) return after + 2;
  if (bytes[after] === 0x0a || bytes[after] === 0x0d) return after + 1;
  return -1;
}

function inflatesBeyond(data: Buffer, maxBytes: number): boolean {
  try {
    inflateSync(data, { maxOutputLength: maxBytes, finishFlush: constants.Z_SYNC_FLUSH });
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
  }
}
