/**
 * Scanned pages whose layout or orientation the OCR must get right (issue 13): a page of two
 * columns of prose under a heading, and a one-column letter turned 90°, 180° or 270° as a sheet fed
 * the wrong way round. Made with pdfkit and rendered by the pipeline's own renderer, so the pixels
 * are the same every time; each page comes with its text in reading order.
 */
import PDFDocument from 'pdfkit';

import type { GreyImage } from '../../src/ocr/grey-image.ts';
import { turnImage, type QuarterTurn } from '../../src/ocr/quarter-turn.ts';
import { openPdfRenderer } from '../../src/ocr/render-pdf-page.ts';
import { degrade, type ScanLook } from '../scans/degrade.ts';

export interface ScanWithText {
  image: GreyImage;
  dpi: number;
  /** The page's text in reading order (columns one after the other). */
  truth: string;
}

const HEADING = 'Rapport om bruk av tilskudd 2024';

/** Paragraphs of ordinary report prose, the kind grant reports are written in. */
export const PROSE = [
  'Kommunen har i tilskuddsperioden styrket det lavterskel tilbudet til personer med rusproblemer. ' +
    'Teamet har hatt faste åpningstider fire dager i uken og har fulgt opp brukere i egne hjem.',
  'Det ble ansatt to erfaringskonsulenter i til sammen en hel stilling. De har deltatt i oppsøkende ' +
    'arbeid og har bidratt til at flere brukere har tatt kontakt med fastlege og spesialisthelsetjeneste.',
  'Samarbeidet med helseforetaket er formalisert i en avtale om felles møter hver måned. Brukerne ' +
    'har fått raskere vurdering, og ventetiden til behandling er redusert fra ti til fire uker.',
  'Tilskuddet er brukt til lønn, reiser og kompetanseheving. Regnskapet viser et mindreforbruk på ' +
    'om lag fem prosent, som søkes overført til neste år i samråd med statsforvalteren.',
];

async function render(draw: (doc: PDFKit.PDFDocument) => void, dpi: number): Promise<GreyImage> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { CreationDate: new Date(Date.UTC(2025, 0, 1)) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  const renderer = await openPdfRenderer(await done);
  try {
    return await renderer.render(1, dpi);
  } finally {
    await renderer.close();
  }
}

/** A heading across the page over two justified columns of prose (a newsletter or a report page). */
export async function twoColumnScan(dpi = 200): Promise<ScanWithText> {
  const text = [...PROSE, ...PROSE.slice(0, 2)].join('\n');
  const image = await render((doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text(HEADING);
    doc.moveDown();
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(text, { columns: 2, columnGap: 28, align: 'justify', lineGap: 2, height: 260 });
  }, dpi);
  return { image, dpi, truth: [HEADING, text].join('\n') };
}

/**
 * A newsletter page: a heading over `columns` columns of paragraphs with space between them and a
 * sub-heading inside the text, scanned with `look` (a grey, noisy, slightly tilted sheet).
 */
export async function newsletterScan(columns: 2 | 3, look?: ScanLook, dpi = 200): Promise<ScanWithText> {
  const body = [PROSE[0]!, 'Resultater', PROSE[1]!, PROSE[2]!, 'Økonomi', PROSE[3]!];
  const clean = await render((doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text(HEADING);
    doc.moveDown();
    const width = doc.page.width - 112;
    const gap = 24;
    const columnWidth = (width - gap * (columns - 1)) / columns;
    // Each column set by hand: pdfkit's own columns cannot hold a sub-heading in another font.
    const perColumn = Math.ceil(body.length / columns);
    const top = doc.y;
    for (let c = 0; c < columns; c++) {
      doc.y = top;
      for (const part of body.slice(c * perColumn, (c + 1) * perColumn)) {
        const heading = part.length < 20;
        doc
          .font(heading ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(heading ? 12 : 10)
          .text(part, 56 + c * (columnWidth + gap), doc.y, {
            width: columnWidth,
            align: 'left',
            paragraphGap: 8,
          });
      }
    }
  }, dpi);
  const image = look ? degrade(clean, look, 13) : clean;
  return { image, dpi, truth: [HEADING, ...body].join('\n') };
}

/** A one-column letter, turned clockwise by `degrees` (as fed into the scanner the wrong way). */
export async function turnedScan(degrees: QuarterTurn, dpi = 200): Promise<ScanWithText> {
  const text = PROSE.join('\n');
  const image = await render((doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text(HEADING);
    doc.moveDown();
    doc.font('Helvetica').fontSize(11).text(text, { lineGap: 2 });
  }, dpi);
  return { image: turnImage(image, degrees), dpi, truth: [HEADING, text].join('\n') };
}
