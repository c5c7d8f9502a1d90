import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { ReadFailure } from '../../src/domain/document.ts';
import { buildPdf, manyPagesPdf, stream, textPdf } from './raw-pdf.ts';
import { buildXlsx, buildZip, deflateRepeated, sheetXml } from './raw-zip.ts';
import {
  cmykTiff,
  commentQuirkDocx,
  docxFile,
  dotnetPrefixedXlsx,
  emptyZip,
  hiddenFilterButtonXlsx,
  manyMergesXlsx,
  odsFile,
  odtFile,
  pptxFile,
  rtfFile,
  sharedStringBombXlsx,
  xlsbFile,
} from './wild-files.ts';
import { turnedScan } from './wild-scans.ts';

/** What a hostile file must end as. */
export type HostileExpectation =
  /** An UNREADABLE_DOCUMENT finding for this path, with this reason; `message` names the limit or cause. */
  | { kind: 'unreadable'; reason: ReadFailure['reason']; message?: RegExp }
  /** Read normally despite its name (mismatched extensions): no UNREADABLE_DOCUMENT for it. */
  | { kind: 'readable' };

export interface HostileCase {
  /** The submission (leaf folder) the case lives in, relative to the corpus root. */
  source: string;
  /** The hostile document's path as the record names it (null when its name cannot be printed). */
  path: string | null;
  /** What the case is, in a few words. */
  what: string;
  expect: HostileExpectation;
}

export interface HostileCorpus {
  root: string;
  cases: HostileCase[];
  /** Submissions of good documents placed among the hostile ones: they must come out whole. */
  goodSources: string[];
  /** File names that hostile entries try to create outside the corpus; none may ever exist. */
  escapeNames: string[];
}

/** A good application, so the corpus can show that the rest of a run is still processed. */
export const GOOD_APPLICATION = [
  'Søknad om tilskudd til kommunalt rusarbeid 2025',
  'Søker: Bodø kommune',
  'Organisasjonsnummer: 972 418 013',
  'Tilskuddsår: 2025',
  'Søknadsbeløp: kr 600 000',
  'Dato: 20.02.2025',
];

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A PDF read to the end whose one page is blank: no damage, but nothing to check either. */
const BLANK_PAGE: HostileExpectation = { kind: 'unreadable', reason: 'empty', message: /ikke funnet tekst/ };

/**
 * Writes the hostile corpus under `root` (which must exist and be empty) and lists what each file must
 * end as. Deterministic: the same bytes every time, nothing random, no dates. Each case is a leaf folder
 * of its own (one submission), between two good submissions.
 */
export async function writeHostileCorpus(root: string): Promise<HostileCorpus> {
  const cases: HostileCase[] = [];
  const add = async (
    source: string,
    name: string,
    bytes: Buffer,
    what: string,
    expect: HostileExpectation,
  ): Promise<void> => {
    await mkdir(join(root, source), { recursive: true });
    await writeFile(join(root, source, name), bytes);
    // A zip is read as a folder: it is the submission, and its one entry the document.
    const zip = name.endsWith('.zip') ? `${source}/${name}` : null;
    cases.push({
      source: zip ?? source,
      path: zip ? `${zip}/soknad.pdf` : `${source}/${name}`,
      what,
      expect,
    });
  };
  const good = textPdf(GOOD_APPLICATION);
  const goodSources = ['00-god-forst', 'zz-god-sist'];
  for (const source of goodSources) {
    await mkdir(join(root, source));
    await writeFile(join(root, source, 'soknad.pdf'), good);
  }

  // --- PDFs ---
  await add('pdf-avkuttet', 'soknad.pdf', good.subarray(0, Math.floor(good.length / 2)), 'PDF cut in half', {
    kind: 'unreadable',
    reason: 'corrupt',
  });
  await add(
    'pdf-korrupt',
    'soknad.pdf',
    Buffer.concat([latin1('%PDF-1.7\n'), Buffer.from(pseudoRandom(20_000, 7)), latin1('\n%%EOF\n')]),
    'PDF header and end marker around noise',
    { kind: 'unreadable', reason: 'corrupt' },
  );
  await add(
    'pdf-feil-xref',
    'soknad.pdf',
    Buffer.from(good.toString('latin1').replace(/\d{10} 00000 n/g, '0000000003 00000 n'), 'latin1'),
    'PDF whose cross-reference table points nowhere (pdf.js rebuilds it)',
    { kind: 'readable' },
  );
  await add('pdf-kryptert', 'soknad.pdf', encryptedPdf(), 'PDF encrypted with a user password', {
    kind: 'unreadable',
    reason: 'encrypted',
  });
  await add('pdf-5000-sider', 'soknad.pdf', manyPagesPdf(5_000), 'PDF with 5000 pages (limit 2000)', {
    kind: 'unreadable',
    reason: 'too-large',
    message: /for mange sider \(5000\); grensen er 2000/,
  });
  await add(
    'pdf-lyver-om-sider',
    'soknad.pdf',
    lyingCountPdf(),
    'PDF whose page tree claims a billion pages (pdf.js counts the one there is, a blank one)',
    BLANK_PAGE,
  );
  await add('pdf-sirkulaert-sidetre', 'soknad.pdf', cyclicPagesPdf(), 'PDF whose page tree contains itself', {
    kind: 'unreadable',
    reason: 'corrupt',
  });
  await add(
    'pdf-dypt-nestet',
    'soknad.pdf',
    deeplyNestedPdf(100_000),
    'PDF with arrays nested 100 000 deep',
    { kind: 'unreadable', reason: 'corrupt', message: /nestet for dypt/ },
  );
  await add(
    'pdf-dypt-sidetre',
    'soknad.pdf',
    deepPageTreePdf(20_000),
    'PDF page tree 20 000 levels deep (read to its one blank page)',
    BLANK_PAGE,
  );
  await add(
    'pdf-flate-bombe',
    'soknad.pdf',
    flateBombPdf(1024 * 1024 * 1024),
    'PDF content stream that inflates to 1 GB of spaces',
    { kind: 'unreadable', reason: 'too-large', message: /komprimeringsbombe/ },
  );

  // --- Zip archives and workbooks ---
  const zeros = deflateRepeated(Buffer.alloc(1024 * 1024), 1024);
  await add(
    'zip-bombe',
    'vedlegg.zip',
    buildZip([{ name: 'soknad.pdf', data: '', deflated: zeros }]),
    'zip entry of 1 GB of zeros in 1 MB',
    { kind: 'unreadable', reason: 'too-large', message: /for stor \(1024 MB\); grensen er 200 MB/ },
  );
  await add(
    'zip-bombe-forhold',
    'vedlegg.zip',
    buildZip([{ name: 'soknad.pdf', data: '', deflated: deflateRepeated(Buffer.alloc(1024 * 1024), 150) }]),
    'zip entry of 150 MB of zeros (under the size limit, over the ratio limit)',
    { kind: 'unreadable', reason: 'too-large', message: /mistenkelig sterkt komprimert/ },
  );

  await add(
    'zip-lyver-om-storrelse',
    'vedlegg.zip',
    buildZip([{ name: 'soknad.pdf', data: '', deflated: { ...zeros, size: 1000 } }]),
    'zip entry that declares 1000 bytes and inflates to 1 GB',
    { kind: 'unreadable', reason: 'too-large' },
  );
  await add(
    'xlsx-bombe',
    'budsjett.xlsx',
    buildXlsx(
      deflateRepeated(
        latin1('<row><c><v>0</v></c></row>'),
        20_000_000,
        latin1(sheetXml('').replace('</sheetData></worksheet>', '')),
        latin1('</sheetData></worksheet>'),
      ),
    ),
    'workbook whose sheet inflates to 500 MB',
    { kind: 'unreadable', reason: 'too-large' },
  );
  await add(
    'xlsx-milliard-latter',
    'budsjett.xlsx',
    billionLaughsXlsx(),
    'workbook with XML entity expansion',
    {
      kind: 'unreadable',
      reason: 'corrupt',
      message: /DOCTYPE\/ENTITY/,
    },
  );
  await add(
    'xlsx-mange-celler',
    'budsjett.xlsx',
    buildXlsx(
      sheetXml(
        Array.from(
          { length: 1_100 },
          (_, r) =>
            `<row r="${r + 1}">${Array.from({ length: 1_000 }, (_, c) => `<c><v>${c}</v></c>`).join('')}</row>`,
        ).join(''),
      ),
    ),
    'workbook with 1.1 million cells (limit 1 million)',
    { kind: 'unreadable', reason: 'too-large', message: /for mange celler/ },
  );
  await add(
    'docx-milliard-latter',
    'avtale.docx',
    buildZip([
      {
        name: 'word/document.xml',
        data: `<?xml version="1.0"?>${laughsDoctype('w:document')}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
      },
    ]),
    'Word document with XML entity expansion',
    { kind: 'unreadable', reason: 'corrupt', message: /DOCTYPE\/ENTITY/ },
  );
  const escapeNames = ['intake-hostile-escaped-1.txt', 'intake-hostile-escaped-2.txt'];
  await mkdir(join(root, 'zip-stier'));
  await writeFile(
    join(root, 'zip-stier', 'innsending.zip'),
    buildZip([
      { name: 'soknad.pdf', data: good },
      { name: `../../../../../../../../tmp/${escapeNames[0]}`, data: 'utenfor' },
      { name: `/tmp/${escapeNames[1]}`, data: 'utenfor' },
      { name: 'C:\\Windows\\system.ini', data: 'utenfor' },
      { name: 'lenke-til-passord', data: '/etc/passwd', deflate: false, unixMode: 0o120777 },
      { name: Buffer.from([0x73, 0x9b, 0x6b, 0x6e, 0x61, 0x64, 0x2e, 0x74, 0x78, 0x74]), data: 'cp850-navn' },
    ]),
  );
  cases.push(
    {
      source: 'zip-stier/innsending.zip',
      path: `zip-stier/innsending.zip/${escapeNames[0]}`,
      what: 'zip entry climbing out with ../',
      expect: { kind: 'unreadable', reason: 'unsupported', message: /peker ut av arkivet/ },
    },
    {
      source: 'zip-stier/innsending.zip',
      path: `zip-stier/innsending.zip/${escapeNames[1]}`,
      what: 'zip entry with an absolute path',
      expect: { kind: 'unreadable', reason: 'unsupported', message: /peker ut av arkivet/ },
    },
    {
      source: 'zip-stier/innsending.zip',
      path: 'zip-stier/innsending.zip/system.ini',
      what: 'zip entry with a Windows drive path',
      expect: { kind: 'unreadable', reason: 'unsupported', message: /peker ut av arkivet/ },
    },
    {
      source: 'zip-stier/innsending.zip',
      path: 'zip-stier/innsending.zip/lenke-til-passord',
      what: 'zip entry that is a symbolic link',
      expect: { kind: 'unreadable', reason: 'unsupported', message: /symbolsk lenke/ },
    },
  );

  // --- Images with absurd declared sizes ---
  await add(
    'bilde-png-enormt',
    'skann.png',
    hugePng(100_000, 100_000),
    'PNG declaring 100 000 × 100 000 pixels',
    {
      kind: 'unreadable',
      reason: 'too-large',
      message: /piksler per side/,
    },
  );
  await add(
    'bilde-jpeg-enormt',
    'skann.jpg',
    hugeJpeg(65_535, 65_535),
    'JPEG declaring 65 535 × 65 535 pixels',
    {
      kind: 'unreadable',
      reason: 'too-large',
      message: /piksler per side/,
    },
  );
  await add(
    'bilde-tiff-enormt',
    'skann.tif',
    hugeTiff(1_000_000, 1_000_000),
    'TIFF declaring a million pixels square',
    {
      kind: 'unreadable',
      reason: 'too-large',
      message: /piksler per side/,
    },
  );
  await add('bilde-tiff-lokke', 'skann.tif', loopingTiff(), 'TIFF whose directory chain loops', {
    kind: 'unreadable',
    reason: 'corrupt',
  });

  // --- Empty files and misleading names ---
  await add('tom-fil', 'soknad.pdf', Buffer.alloc(0), 'zero-byte file', {
    kind: 'unreadable',
    reason: 'empty',
  });
  await add('feil-endelse-pdf-som-xlsx', 'budsjett.xlsx', good, 'PDF named .xlsx', { kind: 'readable' });
  await add(
    'feil-endelse-xlsx-som-png',
    'bilde.png',
    buildXlsx(sheetXml('<row r="1"><c r="A1"><v>600000</v></c></row>')),
    'workbook named .png',
    { kind: 'readable' },
  );
  await add(
    'feil-endelse-tekst-som-docx',
    'avtale.docx',
    latin1('Samarbeidsavtale mellom Bodø kommune og Nordlandssykehuset HF\n'),
    'text named .docx',
    {
      kind: 'readable',
    },
  );
  await add(
    'feil-endelse-stoy-som-pdf',
    'soknad.pdf',
    Buffer.from(pseudoRandom(4096, 3)),
    'noise named .pdf',
    {
      kind: 'unreadable',
      reason: 'unsupported',
    },
  );

  // --- Files from the wild (issue 13): each one record, none ends the run ---
  await add(
    'xlsx-delt-streng-bombe',
    'budsjett.xlsx',
    sharedStringBombXlsx(),
    'workbook of 12 000 cells sharing one 1 MB string',
    {
      kind: 'unreadable',
      reason: 'too-large',
      message: /for mye tekst \(over 30 000 000 tegn\)/,
    },
  );
  await add(
    'ods-regneark',
    'budsjett.ods',
    odsFile(),
    'OpenDocument spreadsheet (a zip, one document, read)',
    {
      kind: 'readable',
    },
  );
  await add('odt-tekst', 'soknad.odt', odtFile(), 'OpenDocument text (a zip, one document, read)', {
    kind: 'readable',
  });
  await add('xlsb-regneark', 'budsjett.xlsb', xlsbFile(), 'binary workbook (a zip of BIFF12 parts, read)', {
    kind: 'readable',
  });
  await mkdir(join(root, 'pptx-ved-soknad'));
  await writeFile(join(root, 'pptx-ved-soknad', 'soknad.pdf'), good);
  await add('pptx-ved-soknad', 'presentasjon.pptx', pptxFile(), 'presentation beside an application (read)', {
    kind: 'readable',
  });
  await mkdir(join(root, 'zip-tom'));
  await writeFile(join(root, 'zip-tom', 'tom.zip'), emptyZip());
  cases.push({
    source: 'zip-tom/tom.zip',
    path: 'zip-tom/tom.zip',
    what: 'zip with no entries',
    expect: { kind: 'unreadable', reason: 'empty', message: /Zip-arkivet er tomt/ },
  });
  await add(
    'xlsx-dotnet',
    'budsjett.xlsx',
    dotnetPrefixedXlsx(),
    'SpreadsheetML with x: prefixes and absolute targets',
    {
      kind: 'readable',
    },
  );
  await add(
    'xlsx-skjulte-filterknapper',
    'budsjett.xlsx',
    hiddenFilterButtonXlsx(),
    'table with hidden filter buttons, backslash names',
    {
      kind: 'readable',
    },
  );
  await add(
    'xlsx-50000-flettinger',
    'budsjett.xlsx',
    manyMergesXlsx(50_000),
    'workbook with 50 000 merged ranges',
    {
      kind: 'readable',
    },
  );
  await add(
    'docx-kommentarlengde',
    'avtale.docx',
    commentQuirkDocx(GOOD_APPLICATION),
    'Word file whose zip comment length is off',
    {
      kind: 'readable',
    },
  );
  await add('tiff-cmyk', 'skann.tif', cmykTiff((await turnedScan(0, 100)).image, 100), 'CMYK TIFF scan', {
    kind: 'readable',
  });
  await add('rtf-brev', 'soknad.rtf', rtfFile(), 'Rich Text Format letter', { kind: 'readable' });
  await add('docx-uten-tekst', 'avtale.docx', docxFile([]), 'Word file without any text', {
    kind: 'unreadable',
    reason: 'empty',
    message: /inneholder ingen tekst/,
  });

  // --- Symbolic links in folders: never followed ---
  const links = join(root, 'symlenker');
  await mkdir(links);
  await symlink('/etc/passwd', join(links, 'passord.txt'));
  await symlink('..', join(links, 'lokke'));
  await symlink('/finnes/ikke', join(links, 'dod-lenke.pdf'));
  for (const name of ['passord.txt', 'lokke', 'dod-lenke.pdf']) {
    cases.push({
      source: 'symlenker',
      path: `symlenker/${name}`,
      what: `symbolic link ${name}`,
      expect: { kind: 'unreadable', reason: 'unsupported', message: /symbolsk lenke og ble ikke fulgt/ },
    });
  }

  // --- Names that are not valid UTF-8 (Linux names are bytes) ---
  const rawDir = Buffer.concat([
    Buffer.from(`${root}/`),
    Buffer.from([0x75, 0x74, 0x66, 0x38, 0x2d, 0xe6, 0xf8, 0xe5]),
  ]);
  await mkdir(rawDir);
  await writeFile(
    Buffer.concat([rawDir, Buffer.from([0x2f, 0x73, 0xf8, 0x6b, 0x6e, 0x61, 0x64, 0x2e, 0x70, 0x64, 0x66])]),
    good,
  );
  cases.push({
    source: 'utf8-\ufffd\ufffd\ufffd',
    path: null,
    what: 'folder and file names in Latin-1 bytes',
    expect: { kind: 'readable' },
  });
  await mkdir(join(root, 'navn-med-linjeskift'));
  await writeFile(join(root, 'navn-med-linjeskift', 'søknad\n\u0007.pdf'), good);
  cases.push({
    source: 'navn-med-linjeskift',
    path: 'navn-med-linjeskift/søknad\n\u0007.pdf',
    what: 'file name with a newline and a control character',
    expect: { kind: 'readable' },
  });
  return { root, cases, goodSources, escapeNames };
}

/** Deterministic noise (a linear congruential generator), so no case depends on Math.random. */
export function pseudoRandom(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

function encryptedPdf(): Buffer {
  // The standard security handler with an owner and user entry no empty password opens.
  const hex32 = (seed: number) => Buffer.from(pseudoRandom(32, seed)).toString('hex');
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex32(1)}> /U <${hex32(2)}> /P -44 >>`,
    ],
    `/Encrypt 4 0 R /ID [<${hex32(3).slice(0, 32)}> <${hex32(3).slice(0, 32)}>] `,
  );
}

function lyingCountPdf(): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]);
}

function cyclicPagesPdf(): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>',
  ]);
}

function deeplyNestedPdf(depth: number): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Nested ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ]);
}

function deepPageTreePdf(depth: number): Buffer {
  // Object 2 is the root node, 3 … depth+1 intermediate nodes, then one page at the bottom.
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let level = 0; level < depth; level++) {
    const self = level + 2;
    const parent = level === 0 ? '' : `/Parent ${self - 1} 0 R `;
    objects.push(`<< /Type /Pages ${parent}/Kids [${self + 1} 0 R] /Count 1 >>`);
  }
  objects.push(`<< /Type /Page /Parent ${depth + 1} 0 R /MediaBox [0 0 595 842] >>`);
  return buildPdf(objects);
}

function flateBombPdf(size: number): Buffer {
  const spaces = deflateRepeated(Buffer.alloc(1024 * 1024, 0x20), size / (1024 * 1024));
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream(Buffer.concat([zlibHeader(), spaces.bytes, adler32Placeholder()]), '/Filter /FlateDecode '),
  ]);
}

/** A zlib stream is a 2-byte header, raw deflate, and an Adler-32 (pdf.js does not check it; zlib may). */
function zlibHeader(): Buffer {
  return Buffer.from([0x78, 0xda]);
}

function adler32Placeholder(): Buffer {
  return Buffer.alloc(4);
}

function laughsDoctype(root: string): string {
  let entities = '<!ENTITY lol "lol">';
  for (let level = 1; level <= 9; level++) {
    const previous = level === 1 ? '&lol;' : `&lol${level - 1};`;
    entities += `<!ENTITY lol${level} "${previous.repeat(10)}">`;
  }
  return `<!DOCTYPE ${root} [${entities}]>`;
}

function billionLaughsXlsx(): Buffer {
  const shared =
    `<?xml version="1.0" encoding="UTF-8"?>${laughsDoctype('sst')}` +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>';
  return buildXlsx(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared);
}

function hugePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header[24] = 8; // bit depth
  header[25] = 0; // greyscale
  return Buffer.concat([header, Buffer.from([0, 0, 0, 0]), Buffer.from('IEND', 'latin1'), Buffer.alloc(4)]);
}

function hugeJpeg(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]);
}

function hugeTiff(width: number, height: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(2, 8);
  const entry = (at: number, tag: number, value: number) => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(4, at + 2); // LONG
    tiff.writeUInt32LE(1, at + 4);
    tiff.writeUInt32LE(value, at + 8);
  };
  entry(10, 256, width);
  entry(22, 257, height);
  return tiff;
}

function loopingTiff(): Buffer {
  // One directory of a 10 × 10 image whose "next directory" points back at itself, and no strips.
  const tiff = hugeTiff(10, 10);
  tiff.writeUInt32LE(8, tiff.length - 4);
  return tiff;
}
