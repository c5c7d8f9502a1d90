import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

import { readPdf } from '../../src/read/pdf-reader.ts';
import { PNG_1X1, drawFormTable, makePdf } from '../support/document-fixtures.ts';

const FORM_ROWS: [string, string][] = [
  ['Søker', 'Trondheim kommune'],
  ['Organisasjonsnummer', '942 110 464'],
  ['Søknadsbeløp', 'kr 1 250 000'],
  ['Antall årsverk', '2,5'],
];

const BODY =
  'Kommunen søker om midler til å styrke det tverrfaglige arbeidet med barn og unge. ' +
  'Tiltaket skal gi bedre oppfølging og økt samarbeid mellom tjenestene i hele kommunen.';

describe('readPdf', () => {
  it('reads each row of a two-column form table as one line with a tab between label and value', async () => {
    const pdf = await makePdf((doc) => {
      doc.fontSize(16).text('Søknad om tilskudd for 2025', 50, 60);
      drawFormTable(doc, FORM_ROWS);
    });
    const result = await readPdf(pdf, 'soknad.pdf');
    expect(result.failure).toBeNull();
    expect(result.pages[0]?.text.split('\n')).toEqual([
      'Søknad om tilskudd for 2025',
      'Søker\tTrondheim kommune',
      'Organisasjonsnummer\t942 110 464',
      'Søknadsbeløp\tkr 1 250 000',
      'Antall årsverk\t2,5',
    ]);
  });

  it('keeps rows in reading order even when a generator draws all labels first and all values after', async () => {
    const pdf = await makePdf((doc) => {
      doc.fontSize(11);
      FORM_ROWS.forEach(([label], i) => doc.font('Helvetica-Bold').text(label, 56, 100 + i * 22));
      FORM_ROWS.forEach(([, value], i) =>
        doc
          .font('Helvetica')
          .fontSize(9)
          .text(value, 236, 101 + i * 22),
      );
    });
    const lines = (await readPdf(pdf, 'flattened.pdf')).pages[0]?.text.split('\n');
    expect(lines).toEqual(FORM_ROWS.map(([label, value]) => `${label}\t${value}`));
  });

  it('puts the values typed into form fields beside their labels', async () => {
    const pdf = await makePdf((doc) => {
      doc.initForm();
      doc.fontSize(11).text('Kontaktperson', 56, 100);
      doc.formText('kontakt', 236, 96, 200, 18, { value: 'Kari Nordmann' });
      doc.text('Samarbeidsavtale vedlagt', 56, 130);
      doc.formCheckbox('avtale', 236, 128, 12, 12, { value: 'Yes' });
    });
    const text = (await readPdf(pdf, 'skjema.pdf')).pages[0]?.text;
    expect(text).toBe('Kontaktperson\tKari Nordmann\nSamarbeidsavtale vedlagt\t☒');
  });

  it('reads every page of a multi-page PDF in order, with page numbers', async () => {
    const pdf = await makePdf((doc) => {
      for (let n = 1; n <= 3; n++) {
        if (n > 1) doc.addPage();
        doc.fontSize(11).text(`Side ${n}: ${BODY}`);
      }
    });
    const result = await readPdf(pdf, 'rapport.pdf');
    expect(result.pageCount).toBe(3);
    expect(result.method).toBe('text');
    expect(result.pages.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(result.pages.map((page) => page.text.slice(0, 7))).toEqual(['Side 1:', 'Side 2:', 'Side 3:']);
    expect(result.pages.every((page) => page.method === 'text' && page.confidence === null)).toBe(true);
    expect(result.pagesNeedingOcr).toEqual([]);
  });

  it('keeps the Norwegian letters æ, ø and å (upper and lower case)', async () => {
    const pdf = await makePdf((doc) =>
      doc.fontSize(12).text('Ærlig søknad fra Østre Åsen: blåbær, økonomi, Ødegård'),
    );
    const text = (await readPdf(pdf, 'x.pdf')).pages[0]?.text;
    expect(text).toBe('Ærlig søknad fra Østre Åsen: blåbær, økonomi, Ødegård');
  });

  it('lists a page with only an image or a drawing in pagesNeedingOcr, and not a page with text', async () => {
    const pdf = await makePdf((doc) => {
      doc.fontSize(11).text(BODY);
      doc.addPage();
      doc.image(PNG_1X1, 50, 50, { width: 400, height: 500 });
      doc.rect(50, 600, 300, 100).fill('#777777');
      doc.addPage();
      doc.fontSize(9).text('Side 3', 280, 760, { lineBreak: false });
    });
    const result = await readPdf(pdf, 'skannet.pdf');
    expect(result.pageCount).toBe(3);
    expect(result.pagesNeedingOcr).toEqual([2, 3]);
    // Pages waiting for OCR stay in pages with whatever text layer they had.
    expect(result.pages.map((page) => [page.page, page.text])).toEqual([
      [1, expect.stringContaining('tverrfaglige')],
      [2, ''],
      [3, 'Side 3'],
    ]);
    expect(result.method).toBe('text');
  });

  it("says method 'none' when no page of the PDF has a usable text layer", async () => {
    const pdf = await makePdf((doc) => doc.image(PNG_1X1, 50, 50, { width: 400, height: 500 }));
    const result = await readPdf(pdf, 'skannet.pdf');
    expect(result).toMatchObject({ method: 'none', pageCount: 1, pagesNeedingOcr: [1], failure: null });
  });

  it('fails an encrypted PDF with reason encrypted', async () => {
    const pdf = await makePdf((doc) => doc.text(BODY), { userPassword: 'hemmelig', ownerPassword: 'eier' });
    const result = await readPdf(pdf, 'kryptert.pdf');
    expect(result.failure).toEqual({
      reason: 'encrypted',
      message: 'PDF-filen er kryptert eller passordbeskyttet og kan ikke leses.',
    });
    expect(result.pages).toEqual([]);
    expect(result.method).toBe('none');
  });

  it('reads a PDF that only has an owner password (restrictions, no password to open)', async () => {
    const pdf = await makePdf((doc) => doc.text(BODY), {
      ownerPassword: 'eier',
      permissions: { copying: false },
    });
    const result = await readPdf(pdf, 'begrenset.pdf');
    expect(result.failure).toBeNull();
    expect(result.pages[0]?.text).toContain('tverrfaglige');
  });

  it('fails a PDF cut off at half its length as corrupt', async () => {
    const pdf = await makePdf((doc) => {
      doc.text(BODY);
      doc.addPage().text(BODY);
    });
    const result = await readPdf(pdf.subarray(0, Math.floor(pdf.length / 2)), 'avkuttet.pdf');
    expect(result.failure?.reason).toBe('corrupt');
    expect(result.failure?.message).toMatch(/^Filen er skadet og kan ikke leses: /);
  });

  it('fails a PDF whose structure is garbage as corrupt', async () => {
    const bytes = Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const result = await readPdf(bytes, 'rot.pdf');
    expect(result.failure?.reason).toBe('corrupt');
  });

  it('fails a PDF with more pages than the limit as too-large', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('1');
      doc.addPage().text('2');
      doc.addPage().text('3');
    });
    const result = await readPdf(pdf, 'lang.pdf', { limits: { maxPages: 2 } });
    expect(result.failure?.reason).toBe('too-large');
  });

  it('reports the sha256 of the bytes and the path with forward slashes', async () => {
    const pdf = await makePdf((doc) => doc.text(BODY));
    const result = await readPdf(pdf, '2025\\Trondheim\\soknad.pdf');
    expect(result.path).toBe('2025/Trondheim/soknad.pdf');
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.format).toBe('pdf');
  });
});

describe("pdf.js's replacement of Array.prototype.push", () => {
  /** A fresh Node process (this one has loaded pdf.js already): is push still the engine's own? */
  const pushAfter = async (load: string): Promise<string> => {
    const script = `
      const push = Array.prototype.push;
      ${load}
      console.log(Array.prototype.push === push ? 'native' : 'replaced');`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: join(import.meta.dirname, '../..') },
    );
    return stdout.trim();
  };

  it('happens when the legacy build is imported as it is', async () => {
    expect(await pushAfter("await import('pdfjs-dist/legacy/build/pdf.mjs');")).toBe('replaced');
  });

  it('is undone once the reader has loaded pdf.js and read a PDF', async () => {
    const pdf = (await makePdf((doc) => doc.text(BODY, 50, 60))).toString('base64');
    expect(
      await pushAfter(`
        const { readPdf } = await import('./src/read/pdf-reader.ts');
        const result = await readPdf(Buffer.from('${pdf}', 'base64'), 'notat.pdf');
        if (!result.pages[0].text.startsWith('Kommunen søker')) throw new Error('not read');`),
    ).toBe('native');
  });
});
