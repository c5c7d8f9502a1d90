/**
 * Files like those found in the wild (issue 13), built byte by byte so each class is exact and
 * deterministic: a shared-string bomb, zip containers that are one document (.ods, .xlsb, .pptx,
 * .odt), an empty zip, SpreadsheetML as .NET generators write it, a table with hidden filter
 * buttons, a workbook with 50 000 merged ranges, a Word file with a zip comment-length quirk, and
 * a CMYK TIFF.
 */
import { pseudoRandom } from './corpus.ts';
import { buildZip, type RawZipEntry } from './raw-zip.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const contentTypes = (overrides: Array<[string, string]>): string =>
  `${XML_HEAD}<Types xmlns="${CT}">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
  '</Types>';

const relationships = (rels: Array<[string, string, string]>): string =>
  `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
  rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join('') +
  '</Relationships>';

const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** A budget's cells as the samples have them: labels in A, amounts in B. */
export const BUDGET_ROWS: ReadonlyArray<[string, number]> = [
  ['Lønn prosjektleder', 450_000],
  ['Reise og opphold', 50_000],
  ['Søkt tilskudd', 600_000],
];

/**
 * 12 000 cells that all point at one shared string of 1 MB: under 1 MB on disk, within every zip
 * limit, and 12 GB of text once every cell is expanded (the file that grew the main process to 21 GB).
 */
export function sharedStringBombXlsx(cells = 12_000, stringBytes = 1024 * 1024): Buffer {
  const rows: string[] = [];
  for (let r = 1; r <= cells / 10; r++) {
    rows.push(
      `<row r="${r}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="s"><v>0</v></c>`).join('')}</row>`,
    );
  }
  // Letters from a fixed sequence: a string of one letter repeated would trip the compression-ratio limit.
  const letters = Buffer.from(pseudoRandom(stringBytes, 13).map((b) => 0x61 + (b % 16))).toString('latin1');
  const shared = `${XML_HEAD}<sst xmlns="${MAIN}" count="${cells}" uniqueCount="1"><si><t>${letters}</t></si></sst>`;
  return plainWorkbook(`<sheetData>${rows.join('')}</sheetData>`, shared);
}

/** A workbook with `count` merged two-cell ranges (exceljs checks each merge against all before it). */
export function manyMergesXlsx(count = 50_000): Buffer {
  const rows = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Søkt tilskudd</t></is></c><c r="C1"><v>600000</v></c></row>`,
  ];
  const merges = Array.from({ length: count }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`);
  return plainWorkbook(
    `<sheetData>${rows.join('')}</sheetData><mergeCells count="${count}">${merges.join('')}</mergeCells>`,
  );
}

/** The smallest well-formed workbook around the given sheet body (and shared strings). */
export function plainWorkbook(sheetBody: string, sharedStrings?: string): Buffer {
  const overrides: Array<[string, string]> = [
    ['/xl/workbook.xml', WORKBOOK_TYPE],
    ['/xl/worksheets/sheet1.xml', SHEET_TYPE],
  ];
  const rels: Array<[string, string, string]> = [['rId1', 'worksheet', 'worksheets/sheet1.xml']];
  if (sharedStrings) {
    overrides.push([
      '/xl/sharedStrings.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
    ]);
    rels.push(['rId2', 'sharedStrings', 'sharedStrings.xml']);
  }
  return buildZip([
    { name: '[Content_Types].xml', data: contentTypes(overrides) },
    { name: '_rels/.rels', data: relationships([['rId1', 'officeDocument', 'xl/workbook.xml']]) },
    {
      name: 'xl/workbook.xml',
      data: `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Budsjett" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: relationships(rels) },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `${XML_HEAD}<worksheet xmlns="${MAIN}">${sheetBody}</worksheet>`,
    },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: sharedStrings }] : []),
  ]);
}

/**
 * SpreadsheetML as .NET generators (the Open XML SDK with a prefix) write it: every element under
 * an `x:` prefix, relationship targets absolute ("/xl/worksheets/sheet.xml"), parts at unusual paths,
 * core properties without the `cp:` prefix, and rows and cells without numbers.
 */
export function dotnetPrefixedXlsx(): Buffer {
  const cells = BUDGET_ROWS.map(
    ([label, amount]) =>
      `<x:row><x:c t="s"><x:v>${BUDGET_ROWS.findIndex((r) => r[0] === label)}</x:v></x:c><x:c><x:v>${amount}</x:v></x:c></x:row>`,
  ).join('');
  const shared =
    `${XML_HEAD}<x:sst xmlns:x="${MAIN}">` +
    BUDGET_ROWS.map(([label]) => `<x:si><x:t>${label}</x:t></x:si>`).join('') +
    '</x:sst>';
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: contentTypes([
        ['/xl/workbook.xml', WORKBOOK_TYPE],
        ['/xl/worksheets/sheet.xml', SHEET_TYPE],
        [
          '/xl/sharedStrings.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
        ],
        ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
      ]),
    },
    {
      name: '_rels/.rels',
      data: relationships([
        ['R1', 'officeDocument', '/xl/workbook.xml'],
        ['R2', 'metadata/core-properties', '/docProps/core.xml'],
      ]),
    },
    {
      name: 'docProps/core.xml',
      data:
        `${XML_HEAD}<coreProperties xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Generator</dc:creator></coreProperties>',
    },
    {
      name: 'xl/workbook.xml',
      data: `${XML_HEAD}<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="Budsjett" sheetId="1" r:id="R5"/></x:sheets></x:workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: relationships([
        ['R5', 'worksheet', '/xl/worksheets/sheet.xml'],
        ['R6', 'sharedStrings', '/xl/sharedStrings.xml'],
      ]),
    },
    {
      name: 'xl/worksheets/sheet.xml',
      data: `${XML_HEAD}<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${cells}</x:sheetData></x:worksheet>`,
    },
    { name: 'xl/sharedStrings.xml', data: shared },
  ]);
}

/**
 * A workbook whose table hides the filter buttons of its columns (`hiddenButton`), with an icon
 * filter in the sheet's autofilter, inline strings, and entry names written with backslashes.
 */
export function hiddenFilterButtonXlsx(backslashes = true): Buffer {
  const name = (path: string) => (backslashes ? path.replace(/\//g, '\\') : path);
  const rows =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Post</t></is></c><c r="B1" t="inlineStr"><is><t>Beløp</t></is></c></row>' +
    BUDGET_ROWS.map(
      ([label, amount], i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${label}</t></is></c><c r="B${i + 2}"><v>${amount}</v></c></row>`,
    ).join('');
  const sheet =
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>` +
    '<autoFilter ref="A1:B4"><filterColumn colId="1"><iconFilter iconSet="3Arrows" iconId="0"/></filterColumn></autoFilter>' +
    '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
  const table =
    `${XML_HEAD}<table xmlns="${MAIN}" id="1" name="Budsjett" displayName="Budsjett" ref="A1:B4">` +
    // Three filter columns for two table columns (left behind when a column was deleted): exceljs
    // sets the button of a column that is not there and throws.
    '<autoFilter ref="A1:B4"><filterColumn colId="0" hiddenButton="1"/><filterColumn colId="1" hiddenButton="1"/>' +
    '<filterColumn colId="2" hiddenButton="1"/></autoFilter>' +
    '<tableColumns count="2"><tableColumn id="1" name="Post"/><tableColumn id="2" name="Beløp"/></tableColumns>' +
    '<tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>';
  const entries: RawZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: contentTypes([
        ['/xl/workbook.xml', WORKBOOK_TYPE],
        ['/xl/worksheets/sheet1.xml', SHEET_TYPE],
        ['/xl/tables/table1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml'],
      ]),
    },
    { name: name('_rels/.rels'), data: relationships([['rId1', 'officeDocument', 'xl/workbook.xml']]) },
    {
      name: name('xl/workbook.xml'),
      data: `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Budsjett" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: name('xl/_rels/workbook.xml.rels'),
      data: relationships([['rId1', 'worksheet', 'worksheets/sheet1.xml']]),
    },
    { name: name('xl/worksheets/sheet1.xml'), data: sheet },
    {
      name: name('xl/worksheets/_rels/sheet1.xml.rels'),
      data: relationships([['rId1', 'table', '../tables/table1.xml']]),
    },
    { name: name('xl/tables/table1.xml'), data: table },
  ];
  return buildZip(entries);
}

/** An OpenDocument file: `mimetype` first and stored, then its XML parts. */
function openDocument(mimetype: string, content: string): Buffer {
  return buildZip([
    { name: 'mimetype', data: mimetype, deflate: false },
    { name: 'content.xml', data: content },
    {
      name: 'styles.xml',
      data: `${XML_HEAD}<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`,
    },
    {
      name: 'meta.xml',
      data: `${XML_HEAD}<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`,
    },
    {
      name: 'META-INF/manifest.xml',
      data: `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/></manifest:manifest>`,
    },
  ]);
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/**
 * An OpenDocument spreadsheet (.ods) as LibreOffice writes it: the budget rows with typed values
 * (a currency, a percentage, a date), a merged heading, and the empty rows and columns repeated to
 * the sheet's end (a million of them, which must never be expanded).
 */
export function odsFile(): Buffer {
  const row = (cells: string) => `<table:table-row>${cells}</table:table-row>`;
  const text = (t: string) =>
    `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
  const amount = (n: number) =>
    `<table:table-cell office:value-type="currency" office:currency="NOK" office:value="${n}"><text:p>kr ${n.toLocaleString('nb-NO')}</text:p></table:table-cell>`;
  const rows = [
    row(
      '<table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Budsjett 2025</text:p></table:table-cell><table:covered-table-cell/>',
    ),
    ...BUDGET_ROWS.map(([label, n]) =>
      row(text(label) + amount(n) + '<table:table-cell table:number-columns-repeated="1022"/>'),
    ),
    row(
      text('Egenandel') +
        '<table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25 %</text:p></table:table-cell>',
    ),
    row(
      text('Dato') +
        '<table:table-cell office:value-type="date" office:date-value="2025-03-03"><text:p>03.03.2025</text:p></table:table-cell>',
    ),
    '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>',
  ];
  return openDocument(
    'application/vnd.oasis.opendocument.spreadsheet',
    `${XML_HEAD}<office:document-content ${ODF_NS}><office:body><office:spreadsheet><table:table table:name="Budsjett">${rows.join('')}</table:table></office:spreadsheet></office:body></office:document-content>`,
  );
}

/** An OpenDocument text (.odt): a heading, paragraphs with spans and spaces, a note, and a table. */
export function odtFile(): Buffer {
  return openDocument(
    'application/vnd.oasis.opendocument.text',
    `${XML_HEAD}<office:document-content ${ODF_NS}><office:body><office:text>` +
      '<text:h text:outline-level="1">Søknad om tilskudd til kommunalt rusarbeid 2025</text:h>' +
      '<text:p>Søker:<text:tab/><text:span>Bodø kommune</text:span></text:p>' +
      '<text:p>Organisasjonsnummer:<text:s text:c="2"/>972 418 013<text:note><text:note-body><text:p>Fotnote</text:p></text:note-body></text:note></text:p>' +
      '<table:table table:name="Budsjett"><table:table-row><table:table-cell><text:p>Søknadsbeløp</text:p></table:table-cell>' +
      '<table:table-cell><text:p>kr 600 000</text:p></table:table-cell></table:table-row></table:table>' +
      '</office:text></office:body></office:document-content>',
  );
}

/** One BIFF12 record: its type and size in 7-bit groups, then the body ([MS-XLSB] 2.1.4). */
function biffRecord(type: number, ...body: Buffer[]): Buffer {
  const data = Buffer.concat(body);
  const head = type < 0x80 ? [type] : [(type & 0x7f) | 0x80, (type >> 7) & 0x7f];
  let size = data.length;
  do {
    head.push((size & 0x7f) | (size >= 0x80 ? 0x80 : 0));
    size >>= 7;
  } while (size > 0);
  return Buffer.concat([Buffer.from(head), data]);
}

const u32 = (...values: number[]) => {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32LE(v >>> 0, 4 * i));
  return b;
};
const wide = (text: string) => Buffer.concat([u32(text.length), Buffer.from(text, 'utf16le')]);
const f64 = (value: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(value);
  return b;
};
/** A cell record's start: its column and its style (cell XF index). */
const cellHead = (col: number, style = 0) => u32(col, style);

/**
 * A binary Excel workbook (.xlsb) written record by record: the budget rows as shared strings, an
 * RK integer, a double and a cached formula result; an inline string, a boolean, a date by its
 * number format, an error, and a merged range whose hidden cell still holds text.
 */
export function xlsbFile(): Buffer {
  const workbook = Buffer.concat([
    biffRecord(0x0083), // BrtBeginBook
    biffRecord(0x0099, u32(0, 0, 0)), // BrtWbProp: 1900 date system
    biffRecord(0x009c, u32(0, 1), wide('rId1'), wide('Budsjett')), // BrtBundleSh
    biffRecord(0x0084), // BrtEndBook
  ]);
  const shared = Buffer.concat(
    BUDGET_ROWS.map(([label]) => biffRecord(0x0013, Buffer.from([0]), wide(label))),
  );
  const xf = (format: number) => {
    const body = Buffer.alloc(16);
    body.writeUInt16LE(format, 2);
    return biffRecord(0x002f, body);
  };
  const styles = Buffer.concat([
    biffRecord(0x002c, Buffer.from([164, 0]), wide('dd.mm.yyyy')), // BrtFmt
    biffRecord(0x0269, u32(2)), // BrtBeginCellXFs
    xf(0),
    xf(164),
    biffRecord(0x026a), // BrtEndCellXFs
  ]);
  const row = (r: number) => biffRecord(0x0000, u32(r, 0), Buffer.alloc(9));
  const sheet = Buffer.concat([
    biffRecord(0x0081), // BrtBeginSheet
    biffRecord(0x0091), // BrtBeginSheetData
    row(0),
    biffRecord(0x0007, cellHead(0), u32(0)),
    biffRecord(0x0002, cellHead(1), u32(((BUDGET_ROWS[0]![1] << 2) | 0x02) >>> 0)), // RK integer
    row(1),
    biffRecord(0x0007, cellHead(0), u32(1)),
    biffRecord(0x0005, cellHead(1), f64(BUDGET_ROWS[1]![1])),
    row(2),
    biffRecord(0x0007, cellHead(0), u32(2)),
    biffRecord(0x0009, cellHead(1), f64(BUDGET_ROWS[2]![1]), Buffer.from([0, 0]), u32(0)), // formula's cached number
    row(3),
    biffRecord(0x0006, cellHead(0), wide('Egenandel')),
    biffRecord(0x0004, cellHead(1), Buffer.from([1])),
    row(4),
    biffRecord(0x0006, cellHead(0), wide('Dato')),
    biffRecord(0x0002, cellHead(1, 1), u32(((45_719 << 2) | 0x02) >>> 0)),
    row(5),
    biffRecord(0x0003, cellHead(0), Buffer.from([0x17])),
    row(6),
    biffRecord(0x0006, cellHead(0), wide('Sammenslått')),
    biffRecord(0x0006, cellHead(1), wide('skjult')),
    biffRecord(0x0092), // BrtEndSheetData
    biffRecord(0x00b1, u32(1)), // BrtBeginMergeCells
    biffRecord(0x00b0, u32(6, 6, 0, 1)), // BrtMergeCell A7:B7
    biffRecord(0x00b2), // BrtEndMergeCells
    biffRecord(0x0082), // BrtEndSheet
  ]);
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: `${XML_HEAD}<Types xmlns="${CT}"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
    },
    { name: '_rels/.rels', data: relationships([['rId1', 'officeDocument', 'xl/workbook.bin']]) },
    { name: 'xl/workbook.bin', data: workbook },
    {
      name: 'xl/_rels/workbook.bin.rels',
      data: relationships([
        ['rId1', 'worksheet', 'worksheets/sheet1.bin'],
        ['rId2', 'sharedStrings', 'sharedStrings.bin'],
        ['rId3', 'styles', 'styles.bin'],
      ]),
    },
    { name: 'xl/worksheets/sheet1.bin', data: sheet },
    { name: 'xl/sharedStrings.bin', data: shared },
    { name: 'xl/styles.bin', data: styles },
  ]);
}

/** A PowerPoint presentation (.pptx) with one slide: a title, a line of text and a table row. */
export function pptxFile(): Buffer {
  const PML = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: contentTypes([
        [
          '/ppt/presentation.xml',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
        ],
        ['/ppt/slides/slide1.xml', 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml'],
      ]),
    },
    { name: '_rels/.rels', data: relationships([['rId1', 'officeDocument', 'ppt/presentation.xml']]) },
    {
      name: 'ppt/presentation.xml',
      data: `${XML_HEAD}<p:presentation xmlns:p="${PML}" xmlns:r="${REL}"><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>`,
    },
    {
      name: 'ppt/_rels/presentation.xml.rels',
      data: relationships([['rId1', 'slide', 'slides/slide1.xml']]),
    },
    {
      name: 'ppt/slides/slide1.xml',
      data:
        `${XML_HEAD}<p:sld xmlns:p="${PML}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree>` +
        '<p:sp><p:txBody><a:p><a:r><a:t>Prosjektet Trygg hverdag</a:t></a:r></a:p>' +
        '<a:p><a:r><a:t>Søkt tilskudd: </a:t></a:r><a:r><a:t>kr 600 000</a:t></a:r></a:p></p:txBody></p:sp>' +
        '<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tr><a:tc><a:txBody><a:p><a:r><a:t>Lønn</a:t></a:r></a:p></a:txBody></a:tc>' +
        '<a:tc><a:txBody><a:p><a:r><a:t>450 000</a:t></a:r></a:p></a:txBody></a:tc></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>' +
        '</p:spTree></p:cSld></p:sld>',
    },
  ]);
}

/** A zip with no entries at all: only the end-of-central-directory record. */
export function emptyZip(): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
}

/** A Word document whose text is the given paragraphs. */
export function docxFile(paragraphs: readonly string[]): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: contentTypes([
        [
          '/word/document.xml',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        ],
      ]),
    },
    { name: '_rels/.rels', data: relationships([['rId1', 'officeDocument', 'word/document.xml']]) },
    {
      name: 'word/document.xml',
      data: `${XML_HEAD}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    },
  ]);
}

/**
 * A Word document whose end record declares a longer comment than the file holds (writers that
 * count the comment's terminator, files cut after it): Python's zipfile reads it, yauzl refuses.
 */
export function commentQuirkDocx(paragraphs: readonly string[]): Buffer {
  return withCommentQuirk(docxFile(paragraphs));
}

/** The zip with a comment appended whose declared length is 7 bytes longer than what follows. */
export function withCommentQuirk(zip: Buffer): Buffer {
  const comment = Buffer.from('Laget av Generator');
  const quirky = Buffer.concat([zip, comment]);
  // The end record is the last 22 bytes before the comment just appended.
  quirky.writeUInt16LE(comment.length + 7, quirky.length - comment.length - 22 + 20);
  return quirky;
}

/**
 * An uncompressed CMYK TIFF (photometric 5, 4 × 8 bits) of a grey image: black text on white paper
 * written in the K channel, the way prepress and some office scanners deliver pages.
 */
export function cmykTiff(grey: { width: number; height: number; data: Uint8Array }, dpi = 200): Buffer {
  const { width, height, data } = grey;
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels[i * 4 + 3] = 255 - data[i]!;
  const tags: Array<[number, number, number, number]> = [
    // tag, type (3 SHORT, 4 LONG, 5 RATIONAL), count, value or offset
    [256, 4, 1, width],
    [257, 4, 1, height],
    [258, 3, 4, 0], // bits per sample: offset filled in below
    [259, 3, 1, 1], // no compression
    [262, 3, 1, 5], // separated (CMYK)
    [273, 4, 1, 0], // strip offset: filled in below
    [277, 3, 1, 4],
    [278, 4, 1, height],
    [279, 4, 1, pixels.length],
    [282, 5, 1, 0],
    [283, 5, 1, 0],
    [296, 3, 1, 2],
  ];
  const ifdSize = 2 + tags.length * 12 + 4;
  const bitsAt = 8 + ifdSize;
  const resAt = bitsAt + 8;
  const dataAt = resAt + 8;
  const head = Buffer.alloc(dataAt);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(tags.length, 8);
  tags.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(count, at + 4);
    if (tag === 258) head.writeUInt32LE(bitsAt, at + 8);
    else if (tag === 273) head.writeUInt32LE(dataAt, at + 8);
    else if (tag === 282 || tag === 283) head.writeUInt32LE(resAt, at + 8);
    else if (type === 3) head.writeUInt16LE(value, at + 8);
    else head.writeUInt32LE(value, at + 8);
  });
  for (let i = 0; i < 4; i++) head.writeUInt16LE(8, bitsAt + i * 2);
  head.writeUInt32LE(dpi, resAt);
  head.writeUInt32LE(1, resAt + 4);
  return Buffer.concat([head, pixels]);
}

/**
 * A Rich Text Format letter as Word writes it: a font table and metadata to skip, Norwegian letters
 * as `\'hh` escapes and as `\uN` with a fallback, a field code, a picture of raw bytes holding
 * braces, and a table row.
 */
export function rtfFile(): Buffer {
  const picture = Buffer.concat([
    Buffer.from('{\\pict\\pngblip\\bin6 '),
    Buffer.from('}{x}{}'), // six raw bytes, as its \bin6 says
    Buffer.from('}'),
  ]);
  return Buffer.concat([
    Buffer.from(
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}{\\*\\generator Microsoft Word;}' +
        "{\\info{\\title Skjult tittel}}\\uc1\\pard S\\'f8knad om tilskudd\\par " +
        "S\\u248?ker:\\tab Bod\\'f8 kommune\\par " +
        '{\\field{\\*\\fldinst HYPERLINK "https://example.invalid"}{\\fldrslt Nettside}}\\par ',
      'latin1',
    ),
    picture,
    Buffer.from(
      "\\trowd\\cellx3000\\cellx6000\\intbl S\\'f8knadsbel\\'f8p\\cell kr 600 000\\cell\\row }",
      'latin1',
    ),
  ]);
}

/**
 * A workbook in Strict Office Open XML (ISO/IEC 29500 Strict, "Strict Open XML Spreadsheet" in
 * Excel's Save As): the same parts under the purl.oclc.org namespaces and relationship types.
 */
export function strictXlsx(): Buffer {
  const S = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
  const R = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
  const rels = (items: Array<[string, string, string]>) =>
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
    items
      .map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`)
      .join('') +
    '</Relationships>';
  const rows = BUDGET_ROWS.map(
    ([label, amount], i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${label}</t></is></c><c r="B${i + 1}"><v>${amount}</v></c></row>`,
  ).join('');
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: contentTypes([
        ['/xl/workbook.xml', WORKBOOK_TYPE],
        ['/xl/worksheets/sheet1.xml', SHEET_TYPE],
      ]),
    },
    { name: '_rels/.rels', data: rels([['rId1', 'officeDocument', 'xl/workbook.xml']]) },
    {
      name: 'xl/workbook.xml',
      data: `${XML_HEAD}<workbook xmlns="${S}" xmlns:r="${R}" conformance="strict"><sheets><sheet name="Budsjett" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: rels([['rId1', 'worksheet', 'worksheets/sheet1.xml']]) },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `${XML_HEAD}<worksheet xmlns="${S}"><sheetData>${rows}</sheetData></worksheet>`,
    },
  ]);
}
