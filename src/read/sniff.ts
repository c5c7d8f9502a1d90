import type { FileFormat } from '../domain/document.ts';

/** What the bytes turned out to be, with a Norwegian description for messages about unsupported files. */
export interface FormatInfo {
  format: FileFormat;
  /** Norwegian noun phrase, e.g. "et eldre Word- eller Excel-dokument (.doc/.xls)". */
  description: string;
  /** True for password-protected Office files (an OLE2 container around an encrypted package). */
  encrypted: boolean;
  /**
   * For a zip-based single-document format (OpenDocument, xlsb, pptx …): its Norwegian name
   * ("OpenDocument-regneark (.ods)"). Such a zip is one document, never a folder.
   */
  container?: string;
}

/** PDF readers accept the header anywhere in the first 1024 bytes (mail gateways sometimes prepend junk). */
const PDF_HEADER_WINDOW = 1024;
/** How much of a file is inspected to decide whether it is plain text. */
const TEXT_SAMPLE_BYTES = 64 * 1024;
/** The most zip entry names looked at when telling xlsx/docx from other zips. */
const MAX_ZIP_NAMES = 5_000;

/**
 * The physical format of a file, decided from its bytes only (never from its name, which may lie).
 * OLE2 files (old .doc/.xls, encrypted Office files) and other recognised but unsupported formats are
 * 'unknown'; see {@link identifyFormat} for a description of them.
 */
export function sniffFormat(bytes: Buffer): FileFormat {
  return identifyFormat(bytes).format;
}

/** Like {@link sniffFormat}, with a description for messages and whether an Office file is encrypted. */
export function identifyFormat(bytes: Buffer): FormatInfo {
  const info = (format: FileFormat, description: string, encrypted = false): FormatInfo => ({
    format,
    description,
    encrypted,
  });
  if (bytes.length === 0) return info('unknown', 'en tom fil');

  const head = bytes.subarray(0, PDF_HEADER_WINDOW + 5);
  if (head.indexOf('%PDF-', 0, 'latin1') !== -1) return info('pdf', 'et PDF-dokument');

  if (
    bytes.length >= 4 &&
    startsWith(bytes, [0x50, 0x4b]) &&
    [0x0403, 0x0605, 0x0807].includes(bytes.readUInt16LE(2))
  ) {
    return identifyZip(bytes);
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return info('png', 'et PNG-bilde');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return info('jpeg', 'et JPEG-bilde');
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return info('tiff', 'et TIFF-bilde');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return identifyOle2(bytes);

  if (bytes.toString('latin1', 0, 5) === '{\\rtf') return info('rtf', 'et RTF-dokument');
  const other = identifyOtherBinary(bytes);
  if (other) return info('unknown', other);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return info('text', 'en tekstfil');
  if (looksLikeText(bytes)) return info('text', 'en tekstfil');
  return info('unknown', 'en ukjent filtype');
}

function startsWith(bytes: Buffer, magic: number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((byte, i) => bytes[offset + i] === byte);
}

function identifyZip(bytes: Buffer): FormatInfo {
  return identifyZipByNames(zipEntryNames(bytes), () => storedEntryText(bytes, 'mimetype'));
}

/** OpenDocument and other `mimetype` values, as the Norwegian name of the format. */
const MIMETYPE_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/^application\/vnd\.oasis\.opendocument\.spreadsheet/, 'OpenDocument-regneark (.ods)'],
  [/^application\/vnd\.oasis\.opendocument\.text/, 'OpenDocument-tekst (.odt)'],
  [/^application\/vnd\.oasis\.opendocument\.presentation/, 'OpenDocument-presentasjon (.odp)'],
  [/^application\/vnd\.oasis\.opendocument\.graphics/, 'OpenDocument-tegning (.odg)'],
  [/^application\/epub\+zip/, 'e-bok (.epub)'],
];

/**
 * What a zip is, from its entry names (backslashes and case as they come): an xlsx or docx to read,
 * one document in a format that is not read (OpenDocument, xlsb, pptx and other zip-based formats;
 * `container` names it), or a plain archive of files ('zip'), the only kind discovery opens as a
 * folder. `mimetype` gives the content of the `mimetype` entry when it can be had cheaply.
 */
export function identifyZipByNames(
  rawNames: readonly string[],
  mimetype: () => string | null = () => null,
): FormatInfo {
  const names = new Set(rawNames.map((name) => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase()));
  const has = (name: string): boolean => names.has(name);
  const any = (pattern: RegExp): boolean => [...names].some((name) => pattern.test(name));
  const one = (container: string, format: FileFormat = 'unknown'): FormatInfo => ({
    format,
    description: `et dokument i formatet ${container}`,
    encrypted: false,
    container,
  });
  if (has('mimetype') || (has('content.xml') && has('meta-inf/manifest.xml'))) {
    const type = (mimetype() ?? '').trim();
    const named = MIMETYPE_NAMES.find(([pattern]) => pattern.test(type));
    if (/^application\/vnd\.oasis\.opendocument\.spreadsheet/.test(type)) {
      return { ...one(named![1], 'ods'), description: 'et OpenDocument-regneark' };
    }
    if (/^application\/vnd\.oasis\.opendocument\.text/.test(type)) {
      return { ...one(named![1], 'odt'), description: 'et OpenDocument-tekstdokument' };
    }
    return one(named?.[1] ?? (type ? `OpenDocument (${type.slice(0, 60)})` : 'OpenDocument'));
  }
  if (has('[content_types].xml') || has('_rels/.rels')) {
    if (any(/(^|\/)workbook\.xml$/))
      return { ...one('Excel-regneark (.xlsx)', 'xlsx'), description: 'et Excel-regneark' };
    if (any(/(^|\/)workbook\.bin$/)) {
      return { ...one('binært Excel-regneark (.xlsb)', 'xlsb'), description: 'et binært Excel-regneark' };
    }
    if (any(/(^|\/)document\.xml$/) && any(/^word\//)) {
      return { ...one('Word-dokument (.docx)', 'docx'), description: 'et Word-dokument' };
    }
    if (any(/(^|\/)presentation\.xml$/)) {
      return { ...one('PowerPoint-presentasjon (.pptx)', 'pptx'), description: 'en PowerPoint-presentasjon' };
    }
    if (any(/^visio\//)) return one('Visio-tegning (.vsdx)');
    if (any(/\.fdseq$/)) return one('XPS-dokument (.xps)');
    return one('Office Open XML');
  }
  // Classic locations, for packages whose content-types part is missing.
  if (has('xl/workbook.xml'))
    return { ...one('Excel-regneark (.xlsx)', 'xlsx'), description: 'et Excel-regneark' };
  if (has('word/document.xml'))
    return { ...one('Word-dokument (.docx)', 'docx'), description: 'et Word-dokument' };
  if (has('xl/workbook.bin')) {
    return { ...one('binært Excel-regneark (.xlsb)', 'xlsb'), description: 'et binært Excel-regneark' };
  }
  if (has('ppt/presentation.xml')) {
    return { ...one('PowerPoint-presentasjon (.pptx)', 'pptx'), description: 'en PowerPoint-presentasjon' };
  }
  if (has('androidmanifest.xml') && has('classes.dex')) return one('Android-app (.apk)');
  if (has('meta-inf/manifest.mf')) return one('Java-arkiv (.jar)');
  if (has('doc.kml')) return one('Google Earth-fil (.kmz)');
  return { format: 'zip', description: 'et zip-arkiv', encrypted: false };
}

/**
 * The text of a small entry stored without compression, read from its local header (OpenDocument
 * writes `mimetype` first and stored, so that programs can tell the format this way); else null.
 */
function storedEntryText(bytes: Buffer, wanted: string): string | null {
  let offset = 0;
  for (let i = 0; i < 8 && offset + 30 <= bytes.length; i++) {
    if (bytes.readUInt32LE(offset) !== 0x04034b50) return null;
    const method = bytes.readUInt16LE(offset + 8);
    const compressedSize = bytes.readUInt32LE(offset + 18);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extraLength = bytes.readUInt16LE(offset + 28);
    const name = bytes.toString('latin1', offset + 30, offset + 30 + nameLength);
    const data = offset + 30 + nameLength + extraLength;
    if (name === wanted) {
      return method === 0 && compressedSize <= 200
        ? bytes.toString('latin1', data, data + compressedSize)
        : null;
    }
    if (bytes.readUInt16LE(offset + 6) & 0x08) return null;
    offset = data + compressedSize;
  }
  return null;
}

/**
 * Names in a zip archive, from the central directory when it can be found, else by walking the local
 * headers from the start (a truncated xlsx is still an xlsx, just a damaged one).
 */
export function zipEntryNames(bytes: Buffer): string[] {
  return centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
}

function centralDirectoryNames(bytes: Buffer): string[] | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  let offset = bytes.readUInt32LE(eocd + 16);
  let count = bytes.readUInt16LE(eocd + 10);
  if (offset === 0xffffffff || count === 0xffff) {
    // Zip64: the real values live in the zip64 end record, found through its locator.
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) return null;
    const zip64 = Number(bytes.readBigUInt64LE(locator + 8));
    if (zip64 + 56 > bytes.length || bytes.readUInt32LE(zip64) !== 0x06064b50) return null;
    count = Number(bytes.readBigUInt64LE(zip64 + 32));
    offset = Number(bytes.readBigUInt64LE(zip64 + 48));
  }
  return directoryNames(bytes, offset, count);
}

/** The names in central directory records from `offset` on; null when none is there. */
function directoryNames(bytes: Buffer, start: number, count: number): string[] | null {
  let offset = start;
  const names: string[] = [];
  for (let i = 0; i < Math.min(count, MAX_ZIP_NAMES); i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50)
      return names.length ? names : null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    names.push(bytes.toString('latin1', offset + 46, Math.min(bytes.length, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes[i] === 0x50 && bytes.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

function localHeaderNames(bytes: Buffer): string[] {
  const names: string[] = [];
  let offset = 0;
  while (names.length < MAX_ZIP_NAMES && offset + 30 <= bytes.length) {
    if (bytes.readUInt32LE(offset) !== 0x04034b50) break;
    const flags = bytes.readUInt16LE(offset + 6);
    const compressedSize = bytes.readUInt32LE(offset + 18);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extraLength = bytes.readUInt16LE(offset + 28);
    names.push(bytes.toString('latin1', offset + 30, Math.min(bytes.length, offset + 30 + nameLength)));
    // With a data descriptor (bit 3) the size is unknown here, so the walk cannot continue.
    if (flags & 0x08) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function identifyOle2(bytes: Buffer): FormatInfo {
  // Stream names are UTF-16LE in the directory; an encrypted docx/xlsx is an OLE2 file with these two.
  const contains = (name: string): boolean => bytes.indexOf(Buffer.from(name, 'utf16le')) !== -1;
  if (contains('EncryptedPackage') || contains('EncryptionInfo')) {
    return {
      format: 'unknown',
      description: 'et kryptert (passordbeskyttet) Office-dokument',
      encrypted: true,
    };
  }
  let description = 'et eldre Office-dokument i OLE2-format';
  if (contains('WordDocument')) description = 'et eldre Word-dokument (.doc)';
  else if (contains('Workbook') || contains('Book')) description = 'et eldre Excel-regneark (.xls)';
  else if (contains('PowerPoint Document')) description = 'en eldre PowerPoint-presentasjon (.ppt)';
  return { format: 'unknown', description, encrypted: false };
}

function identifyOtherBinary(bytes: Buffer): string | null {
  const ascii = bytes.toString('latin1', 0, 16);
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'et GIF-bilde';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'et WebP-bilde';
  if (ascii.slice(4, 8) === 'ftyp' && /^(heic|heix|heif|mif1|msf1|avif)$/.test(ascii.slice(8, 12))) {
    return 'et HEIC/AVIF-bilde';
  }
  // BigTIFF (version 43): large scans and microscopy; the OCR decoder reads classic TIFF only.
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) {
    return 'et BigTIFF-bilde, en variant av TIFF som ikke støttes (lagre det som vanlig TIFF, PNG eller PDF)';
  }
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'et RAR-arkiv';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'et 7z-arkiv';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'et gzip-arkiv';
  return null;
}

/**
 * Plain text: no NUL bytes, valid UTF-8 or plausible Windows-1252/Latin-1, and nearly no control
 * characters. Only the first 64 KiB are inspected.
 */
export function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  if (sample.length === 0 || sample.includes(0)) return false;
  const truncated = sample.length < bytes.length;
  let controls = 0;
  let high = 0;
  let printable = 0;
  for (const byte of sample) {
    if (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1a].includes(byte)) controls++;
    else if (byte === 0x7f) controls++;
    else if (byte >= 0x80) high++;
    else if (byte > 0x20) printable++;
  }
  if (printable === 0 && high === 0) return false;
  if (controls / sample.length > 0.01) return false;
  if (isValidUtf8(sample, truncated)) return true;
  // Windows-1252 leaves these five bytes undefined; real Latin-1 text has few high bytes at all.
  const undefined1252 = sample.filter((b) => [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)).length;
  return undefined1252 === 0 && high / sample.length < 0.3;
}

/** Strict UTF-8 validation (no overlongs, no surrogates); a sequence cut by the sample's end is allowed. */
export function isValidUtf8(bytes: Uint8Array, allowTruncatedEnd = false): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return false;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined) return allowTruncatedEnd;
      if ((next & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** A file read by position, so a zip's directory can be looked at without loading the file. */
export interface RandomAccessFile {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
}

/** The most of a central directory read to tell a zip's kind (5 000 long names fit in it). */
const MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;
/** The first local header and a short stored `mimetype` (OpenDocument) fit in this. */
const HEAD_BYTES = 1024;

/**
 * What a zip file is ({@link identifyZipByNames}), from its end record, its central directory and
 * its first local header only: the file is never loaded whole, however big. Null when the end
 * record or the directory is not where they should be (a damaged or cut zip): the caller may load
 * it to repair it or walk its local headers.
 */
export async function identifyZipFile(file: RandomAccessFile): Promise<FormatInfo | null> {
  const tailLength = Math.min(file.size, 22 + 0xffff);
  const tailStart = file.size - tailLength;
  const tail = await file.read(tailStart, tailLength);
  const eocd = findEndOfCentralDirectory(tail);
  if (eocd < 0) return null;
  let count = tail.readUInt16LE(eocd + 10);
  let size = tail.readUInt32LE(eocd + 12);
  // The directory ends where the end record (or the zip64 one) begins: counted back from there, a
  // zip with bytes in front (a self-extractor) is read right too.
  let end = tailStart + eocd;
  if (count === 0xffff || size === 0xffffffff || tail.readUInt32LE(eocd + 16) === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) return null;
    const at = Number(tail.readBigUInt64LE(locator + 8));
    if (at + 56 > file.size) return null;
    const zip64 = await file.read(at, 56);
    if (zip64.readUInt32LE(0) !== 0x06064b50) return null;
    count = Number(zip64.readBigUInt64LE(32));
    size = Number(zip64.readBigUInt64LE(40));
    end = at;
  }
  const start = end - size;
  if (start < 0 || size < 46) return count === 0 && size === 0 ? identifyZipByNames([]) : null;
  const directory = await file.read(start, Math.min(size, MAX_DIRECTORY_BYTES));
  const names = directoryNames(directory, 0, count);
  if (!names) return null;
  const head = await file.read(0, Math.min(file.size, HEAD_BYTES));
  return identifyZipByNames(names, () => storedEntryText(head, 'mimetype'));
}
