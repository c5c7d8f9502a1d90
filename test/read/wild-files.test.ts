import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

import type { SheetCell } from '../../src/domain/document.ts';
import { readDocument, readDocumentInProcess } from '../../src/read/read-document.ts';
import { ReaderPool } from '../../src/read/reader-pool.ts';
import { buildZip } from '../../scripts/hostile/raw-zip.ts';
import {
  commentQuirkDocx,
  dotnetPrefixedXlsx,
  hiddenFilterButtonXlsx,
  manyMergesXlsx,
  odsFile,
  odtFile,
  pptxFile,
  rtfFile,
  sharedStringBombXlsx,
  strictXlsx,
  xlsbFile,
} from '../../scripts/hostile/wild-files.ts';

const pool = new ReaderPool({ threads: 1 });
afterAll(() => pool.close());

const values = (cells: readonly SheetCell[] | undefined) => (cells ?? []).map((c) => [c.ref, c.value]);

describe('files from the wild', () => {
  it('fails a shared-string bomb as too much text in its thread, without growing the main process', async () => {
    const bomb = sharedStringBombXlsx();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const read = await readDocument(bomb, 'budsjett.xlsx', { pool });
    expect(read.failure).toEqual({
      reason: 'too-large',
      message:
        'Dokumentet inneholder for mye tekst (over 30 000 000 tegn); grensen er 30 000 000 tegn per dokument.',
    });
    // 12 000 cells of 1 MB would be 12 GB (24 GB as UTF-16) had they been copied out of the thread.
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('bounds what leaves a reader thread, whatever the format', async () => {
    const text = Buffer.from('Søknad om tilskudd til kommunalt rusarbeid 2025\n'.repeat(100));
    const read = await readDocument(text, 'soknad.txt', { pool, limits: { maxTextChars: 1000 } });
    expect(read).toMatchObject({ failure: { reason: 'too-large' }, pages: [], sheets: [] });
    expect(read.failure?.message).toContain('grensen er 1 000 tegn');
  });

  it('reads an OpenDocument spreadsheet as typed cells, merged and repeated cells once', async () => {
    const started = performance.now();
    const read = await readDocumentInProcess(odsFile(), 'budsjett.ods');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(read).toMatchObject({ format: 'ods', method: 'spreadsheet', failure: null });
    expect(read.sheets[0]?.cells.map((c) => [c.ref, c.value, c.text])).toEqual([
      ['A1', 'Budsjett 2025', 'Budsjett 2025'],
      ['A2', 'Lønn prosjektleder', 'Lønn prosjektleder'],
      ['B2', 450_000, '450000'],
      ['A3', 'Reise og opphold', 'Reise og opphold'],
      ['B3', 50_000, '50000'],
      ['A4', 'Søkt tilskudd', 'Søkt tilskudd'],
      ['B4', 600_000, '600000'],
      ['A5', 'Egenandel', 'Egenandel'],
      ['B5', 0.25, '25%'],
      ['A6', 'Dato', 'Dato'],
      ['B6', new Date(Date.UTC(2025, 2, 3)), '2025-03-03'],
    ]);
  });

  it('reads a Rich Text Format letter as lines, without its font table, fields codes and pictures', async () => {
    const read = await readDocumentInProcess(rtfFile(), 'soknad.rtf');
    expect(read).toMatchObject({ format: 'rtf', method: 'text', failure: null });
    expect(read.pages[0]?.text).toBe(
      'Søknad om tilskudd\nSøker:\tBodø kommune\nNettside\nSøknadsbeløp\tkr 600 000',
    );
  });

  it('says a password-protected OpenDocument file is encrypted', async () => {
    const manifest =
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry ' +
      'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/>' +
      '</manifest:file-entry></manifest:manifest>';
    const bytes = buildZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', deflate: false },
      { name: 'content.xml', data: Buffer.from([0x8f, 0x12, 0x00, 0x44]) },
      { name: 'META-INF/manifest.xml', data: manifest },
    ]);
    const read = await readDocumentInProcess(bytes, 'soknad.odt');
    expect(read.failure).toEqual({
      reason: 'encrypted',
      message: 'OpenDocument-filen er passordbeskyttet og kan ikke leses.',
    });
  });

  it('reads an OpenDocument text as lines, a table row with tabs, without its notes', async () => {
    const read = await readDocumentInProcess(odtFile(), 'soknad.odt');
    expect(read).toMatchObject({ format: 'odt', method: 'text', failure: null });
    expect(read.pages[0]?.text).toBe(
      'Søknad om tilskudd til kommunalt rusarbeid 2025\nSøker:\tBodø kommune\n' +
        'Organisasjonsnummer: 972 418 013\nSøknadsbeløp\tkr 600 000',
    );
  });

  it('reads a PowerPoint presentation as a page per slide, a table row with tabs', async () => {
    const read = await readDocumentInProcess(pptxFile(), 'presentasjon.pptx');
    expect(read).toMatchObject({ format: 'pptx', method: 'text', failure: null, pageCount: 1 });
    expect(read.pages[0]?.text).toBe('Prosjektet Trygg hverdag\nSøkt tilskudd: kr 600 000\nLønn\t450 000');
  });

  it('reads a binary Excel workbook (.xlsb) as typed cells, a merged range once', async () => {
    const read = await readDocumentInProcess(xlsbFile(), 'budsjett.xlsb');
    expect(read).toMatchObject({ format: 'xlsb', method: 'spreadsheet', failure: null });
    expect(read.sheets[0]?.cells.map((c) => [c.ref, c.value, c.text])).toEqual([
      ['A1', 'Lønn prosjektleder', 'Lønn prosjektleder'],
      ['B1', 450_000, '450000'],
      ['A2', 'Reise og opphold', 'Reise og opphold'],
      ['B2', 50_000, '50000'],
      ['A3', 'Søkt tilskudd', 'Søkt tilskudd'],
      ['B3', 600_000, '600000'],
      ['A4', 'Egenandel', 'Egenandel'],
      ['B4', true, 'TRUE'],
      ['A5', 'Dato', 'Dato'],
      ['B5', new Date(Date.UTC(2025, 2, 3)), '2025-03-03'],
      ['A6', null, '#REF!'],
      ['A7', 'Sammenslått', 'Sammenslått'],
    ]);
  });

  it.each([
    [
      'tegning.vsdx',
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'visio/document.xml', data: '<VisioDocument/>' },
      ]),
      'Visio-tegning (.vsdx)',
    ],
    [
      'program.jar',
      buildZip([
        { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0' },
        { name: 'Main.class', data: 'x' },
      ]),
      'Java-arkiv (.jar)',
    ],
  ])('reads %s as one document in a format that is not supported', async (name, bytes, format) => {
    const read = await readDocumentInProcess(bytes, name);
    expect(read.failure).toEqual({ reason: 'unsupported', message: `Formatet støttes ikke: ${format}.` });
  });

  it('reads SpreadsheetML with an x: prefix, absolute targets and unnumbered rows as .NET writes it', async () => {
    const bytes = dotnetPrefixedXlsx();
    await expect(new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer)).rejects.toThrow();
    const read = await readDocumentInProcess(bytes, 'budsjett.xlsx');
    expect(read.failure).toBeNull();
    expect(read.sheets.map((s) => s.name)).toEqual(['Budsjett']);
    expect(values(read.sheets[0]?.cells)).toEqual([
      ['A1', 'Lønn prosjektleder'],
      ['B1', 450_000],
      ['A2', 'Reise og opphold'],
      ['B2', 50_000],
      ['A3', 'Søkt tilskudd'],
      ['B3', 600_000],
    ]);
  });

  it.each([
    ['backslash', true],
    ['slash', false],
  ])(
    'reads a workbook whose table hides its filter buttons (exceljs throws), with %s names',
    async (_, backslashes) => {
      const bytes = hiddenFilterButtonXlsx(backslashes);
      if (!backslashes) {
        await expect(new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer)).rejects.toThrow();
      }
      const read = await readDocumentInProcess(bytes, 'budsjett.xlsx');
      expect(read).toMatchObject({ format: 'xlsx', failure: null });
      expect(values(read.sheets[0]?.cells)).toContainEqual(['B4', 600_000]);
      expect(values(read.sheets[0]?.cells)).toContainEqual(['A1', 'Post']);
    },
  );

  it('reads a workbook in Strict Office Open XML (purl.oclc.org namespaces)', async () => {
    const read = await readDocumentInProcess(strictXlsx(), 'budsjett.xlsx');
    expect(read).toMatchObject({ format: 'xlsx', failure: null });
    expect(values(read.sheets[0]?.cells)).toEqual([
      ['A1', 'Lønn prosjektleder'],
      ['B1', 450_000],
      ['A2', 'Reise og opphold'],
      ['B2', 50_000],
      ['A3', 'Søkt tilskudd'],
      ['B3', 600_000],
    ]);
  });

  it('reads a workbook of 50 000 merged ranges in seconds, each range once', async () => {
    const started = performance.now();
    const read = await readDocumentInProcess(manyMergesXlsx(50_000), 'budsjett.xlsx');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(read.failure).toBeNull();
    expect(values(read.sheets[0]?.cells)).toEqual([
      ['A1', 'Søkt tilskudd'],
      ['C1', 600_000],
    ]);
  });

  it('types dates, percentages, booleans and errors in the tolerant reader as exceljs does', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs></styleSheet>';
    const withStyles = typedWorkbook(styles);
    const { readWorkbookTolerantly } = await import('../../src/read/xlsx-tolerant.ts');
    const { openZipArchive } = await import('../../src/read/zip-archive.ts');
    const { resolveLimits } = await import('../../src/read/limits.ts');
    const archive = await openZipArchive(withStyles);
    const [sheet] = await readWorkbookTolerantly(archive, resolveLimits());
    archive.close();
    expect(sheet!.cells.map((c) => [c.ref, c.value, c.text])).toEqual([
      ['A1', new Date(Date.UTC(2025, 2, 3)), '2025-03-03'],
      ['B1', 0.25, '25%'],
      ['C1', true, 'TRUE'],
      ['D1', null, '#REF!'],
      ['E1', new Date(Date.UTC(2025, 2, 3, 12)), '2025-03-03 12:00'],
      ['F1', 'tekst', 'tekst'],
    ]);
  });

  it('counts a workbook’s styles before exceljs makes an object of each', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<cellXfs count="500">${'<xf numFmtId="0"/>'.repeat(500)}</cellXfs></styleSheet>`;
    const read = await readDocumentInProcess(typedWorkbook(styles), 'budsjett.xlsx', {
      limits: { maxCells: 100 },
    });
    expect(read.failure).toMatchObject({
      reason: 'too-large',
      message: expect.stringContaining('stiler og relasjoner'),
    });
  });

  it('reads a Word file whose zip comment length is off, as Python zipfile does', async () => {
    const read = await readDocumentInProcess(
      commentQuirkDocx(['Søknad om tilskudd', 'Bodø kommune']),
      'a.docx',
    );
    expect(read).toMatchObject({ format: 'docx', failure: null });
    expect(read.pages[0]?.text).toBe('Søknad om tilskudd\nBodø kommune');
  });

  it('reads a zip with bytes prepended (a self-extractor or a mail gateway) as its documents', async () => {
    const { listZipEntries } = await import('../../src/read/zip-archive.ts');
    const zip = buildZip([{ name: 'soknad.txt', data: 'Søknad' }]);
    const entries = await listZipEntries(Buffer.concat([Buffer.from('MZ junk before the archive'), zip]));
    expect(entries.map((e) => e.name)).toEqual(['soknad.txt']);
  });
});

/** A workbook of one row of typed cells, with the given styles part. */
function typedWorkbook(styles: string): Buffer {
  const xml = '<?xml version="1.0" encoding="UTF-8"?>';
  const rels = (body: string) =>
    `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return buildZip([
    { name: '_rels/.rels', data: rels(rel('rId1', 'officeDocument', 'xl/workbook.xml')) },
    {
      name: 'xl/workbook.xml',
      data: `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml') + rel('rId3', 'styles', 'styles.xml')),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `${xml}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>45719</v></c><c r="B1" s="2"><v>0.25</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#REF!</v></c><c r="E1" s="3"><v>45719.5</v></c><c r="F1" t="str"><f>A1</f><v>tekst</v></c></row></sheetData></worksheet>`,
    },
    { name: 'xl/styles.xml', data: styles },
  ]);
}
