import type { Readable } from 'node:stream';

import yauzl, { type Entry, type ZipFile } from 'yauzl';

import type { ReadFailure } from '../domain/document.ts';
import { formatMegabytes, resolveLimits, type ReadLimits } from './limits.ts';
import { ReadError, corruptMessage } from './read-error.ts';
import { isValidUtf8 } from './sniff.ts';

/** The limits that apply to zip archives (a subset of {@link ReadLimits}). */
export type ZipLimits = Pick<
  ReadLimits,
  'maxEntryBytes' | 'maxTotalBytes' | 'maxCompressionRatio' | 'compressionRatioMinBytes' | 'maxEntries'
>;

/** Why an entry will not be read. */
export interface ZipEntryProblem {
  reason:
    | 'unsafe-path'
    | 'symlink'
    | 'encrypted'
    | 'too-large'
    | 'compression-ratio'
    | 'total-too-large'
    | 'unsupported-compression';
  /** Norwegian, for a reviewer. */
  message: string;
}

/** A file entry of a zip archive, as listed in its central directory. */
export interface ZipEntry {
  /** The entry's path inside the archive, decoded, with forward slashes. Never used to write files. */
  name: string;
  /** Declared sizes (bytes); reading enforces them. */
  uncompressedSize: number;
  compressedSize: number;
  /** Why the entry will not be read, or null when it may be read. */
  problem: ZipEntryProblem | null;
}

/** An open archive: its entries, read one at a time on demand. Close it when done. */
export interface ZipArchive {
  /** File entries in archive order; directories and OS clutter are left out, unsafe entries are kept. */
  readonly entries: readonly ZipEntry[];
  /** The entry's bytes; throws a ReadError for entries with a problem or data that breaks the limits. */
  read(entry: ZipEntry | string): Promise<Buffer>;
  close(): void;
}

/** Things archivers add that are nobody's document. */
const CLUTTER = [
  /(^|\/)__MACOSX\//,
  /(^|\/)\.DS_Store$/,
  /(^|\/)\._[^/]*$/,
  /(^|\/)Thumbs\.db$/i,
  /(^|\/)desktop\.ini$/i,
];

/**
 * Opens a zip archive from its bytes or a file path and lists its entries without reading them.
 * Entries that must not be read are listed with a problem instead of being dropped: a path with ".."
 * or an absolute path ('unsafe-path'), a symbolic link ('symlink'), encryption, an unsupported compression method, or sizes beyond
 * the limits (per entry, compression ratio, total). Throws a ReadError ('corrupt' or 'too-large')
 * when the archive itself cannot be read.
 */
export async function openZipArchive(
  source: Buffer | string,
  limits?: Partial<ZipLimits>,
): Promise<ZipArchive> {
  const resolved = resolveLimits(limits);
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
  let zip: ZipFile;
  try {
    // yauzl is stricter than the programs people use: what they forgive is repaired first.
    zip =
      typeof source === 'string'
        ? await yauzl.openPromise(source, options)
        : await yauzl.fromBufferPromise(repairZip(source) ?? source, options);
  } catch (error) {
    throw new ReadError('corrupt', corruptMessage('ugyldig zip-arkiv'), { cause: error });
  }
  try {
    if (zip.entryCount > resolved.maxEntries) {
      throw new ReadError(
        'too-large',
        `Zip-arkivet har for mange filer (${zip.entryCount}); grensen er ${resolved.maxEntries}.`,
      );
    }
    const entries: ZipEntry[] = [];
    const raw = new Map<ZipEntry, Entry>();
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const name = decodeEntryName(entry);
      if (name.endsWith('/') || CLUTTER.some((pattern) => pattern.test(name))) continue;
      const listed: ZipEntry = {
        name,
        uncompressedSize: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        problem: entryProblem(entry, name, resolved),
      };
      if (!listed.problem) {
        total += entry.uncompressedSize;
        if (total > resolved.maxTotalBytes) {
          listed.problem = {
            reason: 'total-too-large',
            message: `Zip-arkivet pakker ut til mer enn ${formatMegabytes(resolved.maxTotalBytes)} til sammen; resten av filene ble ikke lest.`,
          };
        }
      }
      entries.push(listed);
      raw.set(listed, entry);
    }
    // By name for reads by name: an archive of thousands of entries is read entry by entry.
    const byName = new Map<string, ZipEntry>();
    for (const entry of entries) if (!byName.has(entry.name)) byName.set(entry.name, entry);
    return {
      entries,
      read: (wanted) => {
        const listed = typeof wanted === 'string' ? byName.get(wanted) : wanted;
        const entry = listed && raw.get(listed);
        if (!listed || !entry) {
          return Promise.reject(new ReadError('corrupt', corruptMessage('filen finnes ikke i zip-arkivet')));
        }
        if (listed.problem) return Promise.reject(problemError(listed.problem));
        return readEntry(zip, entry, resolved);
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    if (error instanceof ReadError) throw error;
    throw new ReadError('corrupt', corruptMessage('ugyldig zip-arkiv'), { cause: error });
  }
}

/**
 * A copy of a zip with the two faults Python's zipfile and Windows forgive: an end record whose
 * comment length disagrees with the bytes after it (writers that count a terminator, files cut
 * after the comment, junk appended), and bytes prepended to the archive (self-extractors, mail
 * gateways), which shift every offset. Null when neither applies or the end record is not found.
 */
export function repairZip(bytes: Buffer): Buffer | null {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes[i] === 0x50 && bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  const commentLength = bytes.readUInt16LE(eocd + 20);
  const actualComment = bytes.length - eocd - 22;
  const directory = eocd - directorySize;
  const shifted =
    directoryOffset !== 0xffffffff &&
    directory > directoryOffset &&
    directorySize >= 46 &&
    bytes.readUInt32LE(directory) === 0x02014b50;
  const prefix = shifted ? directory - directoryOffset : 0;
  if (commentLength === actualComment && prefix === 0) return null;
  const repaired = Buffer.from(bytes.subarray(prefix));
  repaired.writeUInt16LE(Math.min(0xffff, actualComment), eocd - prefix + 20);
  return repaired;
}

/** Lists a zip archive's entries (see {@link openZipArchive}) and closes it again. */
export async function listZipEntries(
  source: Buffer | string,
  limits?: Partial<ZipLimits>,
): Promise<ZipEntry[]> {
  const archive = await openZipArchive(source, limits);
  archive.close();
  return [...archive.entries];
}

/** Reads one entry by name, streaming and enforcing the limits; throws a ReadError when it may not be read. */
export async function readZipEntry(
  source: Buffer | string,
  name: string,
  limits?: Partial<ZipLimits>,
): Promise<Buffer> {
  const archive = await openZipArchive(source, limits);
  try {
    return await archive.read(name);
  } finally {
    archive.close();
  }
}

/** A zip entry's problem as the ReadFailure of a document that could not be read. */
export function zipProblemToFailure(problem: ZipEntryProblem): ReadFailure {
  const reason: ReadFailure['reason'] =
    problem.reason === 'encrypted'
      ? 'encrypted'
      : problem.reason === 'unsafe-path' ||
          problem.reason === 'symlink' ||
          problem.reason === 'unsupported-compression'
        ? 'unsupported'
        : 'too-large';
  return { reason, message: problem.message };
}

function problemError(problem: ZipEntryProblem): ReadError {
  const failure = zipProblemToFailure(problem);
  return new ReadError(failure.reason, failure.message);
}

function entryProblem(entry: Entry, name: string, limits: ZipLimits): ZipEntryProblem | null {
  if (isUnsafePath(name)) {
    return {
      reason: 'unsafe-path',
      message: `Filbanen «${name}» i zip-arkivet peker ut av arkivet og ble ikke lest.`,
    };
  }
  if (isSymlink(entry)) {
    // Its data is a link target ("/etc/passwd"); an unpacker that honoured it would read or write there.
    return {
      reason: 'symlink',
      message: `«${name}» i zip-arkivet er en symbolsk lenke og ble ikke fulgt.`,
    };
  }
  if (entry.isEncrypted()) {
    return {
      reason: 'encrypted',
      message: 'Filen i zip-arkivet er kryptert (passordbeskyttet) og kan ikke leses.',
    };
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return {
      reason: 'unsupported-compression',
      message: `Filen i zip-arkivet bruker en komprimeringsmetode som ikke støttes (${entry.compressionMethod}).`,
    };
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return {
      reason: 'too-large',
      message: `Filen i zip-arkivet er for stor (${formatMegabytes(entry.uncompressedSize)}); grensen er ${formatMegabytes(limits.maxEntryBytes)}.`,
    };
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize >= limits.compressionRatioMinBytes && ratio > limits.maxCompressionRatio) {
    return {
      reason: 'compression-ratio',
      message: `Filen i zip-arkivet er mistenkelig sterkt komprimert (${Math.round(ratio)}:1, mulig zip-bombe) og ble ikke pakket ut.`,
    };
  }
  return null;
}

/** Unix zips keep the file mode in the high half of the external attributes; S_IFLNK marks a link. */
function isSymlink(entry: Entry): boolean {
  const madeByUnix = entry.versionMadeBy >> 8 === 3;
  return madeByUnix && ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

/** Absolute paths, drive letters, ".." segments and NULs could escape a folder if anyone ever wrote the entry. */
function isUnsafePath(name: string): boolean {
  return (
    name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\0') || name.split('/').includes('..')
  );
}

async function readEntry(zip: ZipFile, entry: Entry, limits: ZipLimits): Promise<Buffer> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new ReadError('corrupt', corruptMessage('kan ikke pakke ut filen fra zip-arkivet'), {
      cause: error,
    });
  }
  // yauzl already stops at the declared size; this cap also holds if that check ever changes.
  const cap = Math.min(limits.maxEntryBytes, entry.uncompressedSize);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > cap) {
        stream.destroy();
        throw new ReadError(
          'too-large',
          'Filen i zip-arkivet pakker ut til mer enn oppgitt størrelse og ble stoppet.',
        );
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('corrupt', corruptMessage('kan ikke pakke ut filen fra zip-arkivet'), {
      cause: error,
    });
  }
  return Buffer.concat(chunks, size);
}

/**
 * Entry names: UTF-8 when flagged or when the bytes are valid UTF-8 (macOS and Java write UTF-8 without
 * the flag), the Info-ZIP Unicode path field when present, else code page 850, which Windows uses for
 * Norwegian names (437 would turn "ø" into "¢").
 */
function decodeEntryName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  let name: string;
  if ((entry.generalPurposeBitFlag & 0x800) !== 0 || isValidUtf8(raw)) name = raw.toString('utf8');
  else if (entry.extraFields.some((field) => field.id === 0x7075)) {
    name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  } else name = decodeCp850(raw);
  return name.replace(/\\/g, '/');
}

const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

function decodeCp850(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes)
    text += byte < 0x80 ? String.fromCharCode(byte) : (CP850_HIGH[byte - 0x80] ?? '?');
  return text;
}
