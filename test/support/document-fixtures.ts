/** Builders for test inputs, generated in memory so no binary fixtures need committing. */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import yazl from 'yazl';

/** A PDF drawn by `draw` with pdfkit (A4, Helvetica). */
export function makePdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** Draws label/value rows the way form generators do: two text calls on one baseline. */
export function drawFormTable(doc: PDFKit.PDFDocument, rows: [string, string][], top = 120): void {
  doc.fontSize(11);
  rows.forEach(([label, value], i) => {
    const y = top + i * 22;
    doc
      .rect(50, y - 5, 180, 22)
      .rect(230, y - 5, 300, 22)
      .stroke();
    doc.text(label, 56, y, { lineBreak: false });
    doc.text(value, 236, y, { lineBreak: false });
  });
}

/** An xlsx workbook built by `build`. */
export async function makeXlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ZipInput {
  name: string;
  data: Buffer | string;
  /** Deflate (default true). */
  compress?: boolean;
  /**
   * The bytes the name should really have. yazl refuses unsafe names and always flags names as
   * UTF-8, so the entry is written under `name` (same byte length) and patched afterwards.
   */
  rawName?: Buffer;
}

/** A zip archive with the given entries. */
export function makeZip(entries: ZipInput[], options: { clearUtf8Flag?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const entry of entries) {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
      zip.addBuffer(data, entry.name, { compress: entry.compress ?? true, mtime: new Date(2025, 0, 1) });
    }
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => {
      let bytes: Buffer = Buffer.concat(chunks);
      for (const entry of entries) {
        if (entry.rawName) bytes = replaceAll(bytes, Buffer.from(entry.name, 'utf8'), entry.rawName);
      }
      if (options.clearUtf8Flag) clearUtf8Flags(bytes);
      resolve(bytes);
    });
  });
}

function replaceAll(bytes: Buffer, from: Buffer, to: Buffer): Buffer {
  if (from.length !== to.length) throw new Error('rawName must have the same byte length as name');
  const out = Buffer.from(bytes);
  for (let at = out.indexOf(from); at !== -1; at = out.indexOf(from, at + from.length)) to.copy(out, at);
  return out;
}

/** Clears general-purpose bit 11 (UTF-8 names) in every local and central header, as old Windows zips have it. */
function clearUtf8Flags(bytes: Buffer): void {
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const signature = bytes.readUInt32LE(i);
    if (signature === 0x04034b50) bytes.writeUInt16LE(bytes.readUInt16LE(i + 6) & ~0x800, i + 6);
    if (signature === 0x02014b50) bytes.writeUInt16LE(bytes.readUInt16LE(i + 8) & ~0x800, i + 8);
  }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal docx: content types, relationships and the given body XML (inside w:body). */
export function makeDocx(bodyXml: string, extraParts: ZipInput[] = []): Promise<Buffer> {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '</Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships>';
  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rels },
    { name: 'word/document.xml', data: wordXml('document', `<w:body>${bodyXml}</w:body>`) },
    ...extraParts,
  ]);
}

/** A WordprocessingML part with the w namespace bound. */
export function wordXml(root: 'document' | 'hdr' | 'ftr', inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}">${inner}</w:${root}>`;
}

/** A paragraph with one run of text. */
export function para(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A table whose rows are arrays of cell texts (one paragraph per cell). */
export function table(rows: string[][]): string {
  const cells = (row: string[]): string => row.map((cell) => `<w:tc>${para(cell)}</w:tc>`).join('');
  return `<w:tbl><w:tblPr/>${rows.map((row) => `<w:tr>${cells(row)}</w:tr>`).join('')}</w:tbl>`;
}

/** A small valid PNG (1×1). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Deterministic pseudo-random bytes (so a failing test can be reproduced). */
export function randomBytes(length: number, seed = 42): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out[i] = state >> 16;
  }
  return out;
}
