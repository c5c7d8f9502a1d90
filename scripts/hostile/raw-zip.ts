import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-built zip archive; every field a hostile archive may lie about can be set. */
export interface RawZipEntry {
  /** The name's bytes as stored (a string is written as UTF-8 with the UTF-8 flag). */
  name: string | Buffer;
  data: Buffer | string;
  /** Deflate the data (default true). */
  deflate?: boolean;
  /** Uncompressed size to declare instead of the true one (a lying header). */
  declaredSize?: number;
  /** Unix mode for the external attributes, e.g. 0o120777 for a symbolic link. */
  unixMode?: number;
  /** Data already deflated (a bomb too big to hold unpacked), with its true size and CRC. */
  deflated?: { bytes: Buffer; size: number; crc: number };
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1; // 2020-01-01: fixed, so the output is deterministic

/**
 * A zip archive built byte by byte. yazl refuses unsafe names and always tells the truth about
 * sizes; a hostile corpus needs both ".." names and lying headers.
 */
/**
 * `count` copies of `unit` between a prefix and a suffix, deflated without ever being unpacked in
 * memory: about 1 MB of units is compressed once as an independent block (a full flush resets the
 * compressor), and the block is repeated; deflate streams may be concatenated at such boundaries.
 */
export function deflateRepeated(
  unit: Buffer,
  count: number,
  prefix = Buffer.alloc(0),
  suffix = Buffer.alloc(0),
): { bytes: Buffer; size: number; crc: number } {
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / Math.max(1, unit.length)));
  const block = Buffer.concat(Array.from({ length: Math.min(perBlock, count) }, () => unit));
  const flush = { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH };
  const parts: Buffer[] = [deflateRawSync(prefix, flush)];
  let crc = crc32(prefix);
  const fullBlock = deflateRawSync(block, flush);
  let left = count;
  while (left > 0) {
    const n = Math.min(perBlock, left);
    const piece = n === perBlock ? block : block.subarray(0, n * unit.length);
    parts.push(n === perBlock ? fullBlock : deflateRawSync(piece, flush));
    crc = crc32(piece, crc);
    left -= n;
  }
  parts.push(deflateRawSync(suffix, { level: 9 }));
  // zlib.crc32 of an empty buffer that went through deflateRawSync returns 0, not the running value.
  if (suffix.length > 0) crc = crc32(suffix, crc);
  return { bytes: Buffer.concat(parts), size: prefix.length + count * unit.length + suffix.length, crc };
}

export function buildZip(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const deflate = entry.deflated !== undefined || (entry.deflate ?? true);
    const stored = entry.deflated?.bytes ?? (deflate ? deflateRawSync(data, { level: 9 }) : data);
    const size = entry.declaredSize ?? entry.deflated?.size ?? data.length;
    const flags = typeof entry.name === 'string' ? 0x800 : 0;
    const crc = entry.deflated?.crc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode === undefined ? 20 : (3 << 8) | 20, 4); // made by: Unix when a mode is given
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(entry.unixMode === undefined ? 0 : (entry.unixMode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest workbook exceljs reads: one sheet, its XML given, and optional shared strings. */
export function buildXlsx(
  sheetXml: string | Buffer | RawZipEntry['deflated'],
  sharedStringsXml?: string,
): Buffer {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    (sharedStringsXml
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '') +
    '</Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '</Relationships>';
  const workbook =
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budsjett" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const workbookRels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    (sharedStringsXml
      ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
      : '') +
    '</Relationships>';
  return buildZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rels },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
    typeof sheetXml === 'string' || Buffer.isBuffer(sheetXml)
      ? { name: 'xl/worksheets/sheet1.xml', data: sheetXml }
      : { name: 'xl/worksheets/sheet1.xml', data: '', deflated: sheetXml },
    ...(sharedStringsXml ? [{ name: 'xl/sharedStrings.xml', data: sharedStringsXml }] : []),
  ]);
}

/** Sheet XML around the given `<row>` elements. */
export function sheetXml(rows: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}
