import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Block, PdfModel } from './document-model.ts';

/** Draws a PdfModel with pdfkit: a text layer only (scans and OCR are out of scope). */

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const FONT_FILES: Record<'dejavu-sans' | 'dejavu-serif', [string, string]> = {
  'dejavu-sans': [`${DEJAVU}/DejaVuSans.ttf`, `${DEJAVU}/DejaVuSans-Bold.ttf`],
  'dejavu-serif': [`${DEJAVU}/DejaVuSerif.ttf`, `${DEJAVU}/DejaVuSerif-Bold.ttf`],
};
const STANDARD: Record<'helvetica' | 'times', [string, string]> = {
  helvetica: ['Helvetica', 'Helvetica-Bold'],
  times: ['Times-Roman', 'Times-Bold'],
};

/** The standard 14 fonts only know WinAnsi: write what they cannot draw in the nearest form they can. */
const winAnsi = (s: string): string => s.replace(/\u2009/g, ' ').replace(/\u2212/g, '-');

export function renderPdf(model: PdfModel): Promise<Buffer> {
  const { style } = model;
  const created = new Date(model.created);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: style.margin, bottom: style.margin, left: style.margin, right: style.margin },
    info: {
      Title: model.title,
      Creator: 'Microsoft Word',
      Producer: 'intake accuracy corpus',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let fix = (s: string): string => s;
  let regular: string;
  let bold: string;
  if (
    (style.font === 'dejavu-sans' || style.font === 'dejavu-serif') &&
    existsSync(FONT_FILES[style.font][0])
  ) {
    const [r, b] = FONT_FILES[style.font];
    doc.registerFont('regular', r);
    doc.registerFont('bold', b);
    regular = 'regular';
    bold = 'bold';
  } else {
    [regular, bold] =
      STANDARD[style.font === 'times' || style.font === 'dejavu-serif' ? 'times' : 'helvetica'];
    fix = winAnsi;
  }

  const size = style.size;
  const left = style.margin;
  const width = doc.page.width - 2 * style.margin;
  const bottom = (): number => doc.page.height - style.margin;
  const ensure = (h: number): void => {
    if (doc.y + h > bottom()) {
      doc.addPage();
      doc.y = style.margin;
    }
  };
  const text = (s: string, opts: PDFKit.Mixins.TextOptions = {}): void => {
    doc.text(fix(s), left, doc.y, { width, ...opts });
  };

  const drawBlock = (b: Block): void => {
    switch (b.t) {
      case 'letterhead':
        doc.font(bold).fontSize(size + 5);
        text(b.name);
        doc.font(regular).fontSize(size - 1);
        for (const l of b.lines) text(l);
        doc.moveDown(0.8);
        break;
      case 'title':
        doc.moveDown(0.4);
        if (b.aside) {
          // The aside sits right-aligned on the title's first line; the title wraps in the space left.
          ensure(size * 5);
          const y = doc.y;
          doc.font(regular).fontSize(size - 0.5);
          const asideWidth = Math.min(width * 0.38, doc.widthOfString(fix(b.aside)) + 4);
          doc.text(fix(b.aside), left + width - asideWidth, y + 2, { width: asideWidth, align: 'right' });
          doc.font(bold).fontSize(size + 5);
          doc.text(fix(b.text), left, y, { width: width - asideWidth - 12 });
          doc.x = left;
        } else {
          doc.font(bold).fontSize(size + 5);
          text(b.text);
        }
        doc.moveDown(0.4);
        break;
      case 'subtitle':
        doc.font(bold).fontSize(size + 1.5);
        text(b.text);
        doc.moveDown(0.5);
        break;
      case 'heading':
        doc.moveDown(0.6);
        ensure(size * 4);
        doc.font(bold).fontSize(size + 1.5);
        text(b.text);
        doc.moveDown(0.3);
        break;
      case 'para':
        doc.font(regular).fontSize(size);
        text(b.text, { lineGap: 1.5 });
        doc.moveDown(0.6);
        break;
      case 'small':
        doc
          .font(regular)
          .fontSize(size - 2)
          .fillColor('#555555');
        text(b.text);
        doc.fillColor('black');
        doc.moveDown(0.5);
        break;
      case 'lines':
        doc.font(regular).fontSize(size);
        for (const l of b.lines) {
          if (l === '') doc.moveDown(0.6);
          else text(l);
        }
        doc.moveDown(0.6);
        break;
      case 'right':
        doc.font(regular).fontSize(size);
        for (const l of b.lines) text(l, { align: 'right' });
        doc.moveDown(0.6);
        break;
      case 'gap':
        doc.moveDown(1);
        break;
      case 'rule':
        doc
          .moveTo(left, doc.y)
          .lineTo(left + width, doc.y)
          .lineWidth(0.5)
          .stroke();
        doc.moveDown(0.5);
        break;
      case 'pagebreak':
        doc.addPage();
        break;
      case 'fields':
        drawFields(b.rows, b.style ?? style.fields);
        break;
      case 'table':
        drawTable(b);
        break;
      case 'formgrid':
        drawFormGrid(b.rows);
        break;
    }
  };

  const drawFormGrid = (rows: { label: string; value: string }[][]): void => {
    const pad = 4;
    const labelSize = size - 2;
    for (const cells of rows) {
      if (cells.length === 0) continue;
      const w = width / cells.length;
      const heights = cells.map((c) => {
        doc.font(regular).fontSize(labelSize);
        const hl = doc.heightOfString(fix(c.label), { width: w - 2 * pad });
        doc.font(regular).fontSize(size);
        const hv = doc.heightOfString(fix(c.value || ' '), { width: w - 2 * pad });
        return hl + hv + 2 * pad + 3;
      });
      const h = Math.max(...heights);
      ensure(h + 2);
      const y = doc.y;
      cells.forEach((c, i) => {
        const x = left + i * w;
        doc.lineWidth(0.6).rect(x, y, w, h).stroke();
        doc
          .font(regular)
          .fontSize(labelSize)
          .fillColor('#444444')
          .text(fix(c.label), x + pad, y + pad, { width: w - 2 * pad });
        doc.fillColor('black');
        const vy = doc.y + 3;
        doc
          .font(regular)
          .fontSize(size)
          .text(fix(c.value), x + pad, vy, { width: w - 2 * pad });
      });
      doc.x = left;
      doc.y = y + h;
    }
    doc.moveDown(0.8);
  };

  const drawFields = (rows: [string, string][], fieldStyle: PdfModel['style']['fields']): void => {
    doc.fontSize(size);
    const lw = style.labelWidth;
    for (const [label, value] of rows) {
      switch (fieldStyle) {
        case 'colon':
          ensure(size * 1.6);
          doc.font(regular);
          text(value === '' ? `${label}:` : `${label}: ${value}`);
          doc.moveDown(0.25);
          break;
        case 'stacked':
          ensure(size * 3.2);
          doc.font(bold);
          text(label);
          doc.font(regular);
          text(value === '' ? ' ' : value);
          doc.moveDown(0.45);
          break;
        case 'tab':
        case 'grid': {
          const pad = fieldStyle === 'grid' ? 4 : 0;
          doc.font(bold);
          const hl = doc.heightOfString(fix(label), { width: lw - 2 * pad - 4 });
          doc.font(regular);
          const hv = doc.heightOfString(fix(value || ' '), { width: width - lw - 2 * pad });
          const h = Math.max(hl, hv) + 2 * pad;
          ensure(h + 2);
          const y = doc.y;
          if (fieldStyle === 'grid') {
            doc.lineWidth(0.6).rect(left, y, lw, h).stroke();
            doc.rect(left + lw, y, width - lw, h).stroke();
          }
          doc.font(bold).text(fix(label), left + pad, y + pad, { width: lw - 2 * pad - 4 });
          doc.font(regular).text(fix(value), left + lw + pad, y + pad, { width: width - lw - 2 * pad });
          doc.x = left;
          doc.y = y + h + (fieldStyle === 'grid' ? 0 : 3);
          break;
        }
      }
    }
    doc.moveDown(0.5);
  };

  const drawTable = (b: Extract<Block, { t: 'table' }>): void => {
    const n = b.header.length;
    const first = n === 2 ? width * 0.6 : n === 3 ? width * 0.4 : width * 0.31;
    const widths = b.widths
      ? b.widths.map((f) => f * width)
      : [first, ...Array.from({ length: n - 1 }, () => (width - first) / (n - 1))];
    const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, c) => a + c, 0));
    const pad = 4;
    const grid = style.fields === 'grid' || model.template.endsWith('grid') || size < 11;
    const row = (cells: string[], isBold: boolean, shade: boolean): void => {
      doc.font(isBold ? bold : regular).fontSize(size - 0.5);
      // A header word wider than its column is set smaller rather than broken mid-word.
      let cellSize = size - 0.5;
      while (
        cellSize > 6 &&
        cells.some((c, i) =>
          c.split(/\s+/).some((word) => doc.widthOfString(fix(word)) > (widths[i] as number) - 2 * pad),
        )
      ) {
        cellSize -= 0.5;
        doc.fontSize(cellSize);
      }
      const h =
        Math.max(
          ...cells.map((c, i) =>
            doc.heightOfString(fix(c || ' '), { width: (widths[i] as number) - 2 * pad }),
          ),
        ) +
        2 * pad;
      ensure(h + 2);
      const y = doc.y;
      if (shade) doc.rect(left, y, width, h).fill('#e8e8e8').fillColor('black');
      cells.forEach((c, i) => {
        if (grid)
          doc
            .lineWidth(0.5)
            .rect(xs[i] as number, y, widths[i] as number, h)
            .stroke();
        doc.font(isBold ? bold : regular).text(fix(c), (xs[i] as number) + pad, y + pad, {
          width: (widths[i] as number) - 2 * pad,
          align: b.numeric[i] ? 'right' : 'left',
        });
      });
      if (!grid)
        doc
          .moveTo(left, y + h)
          .lineTo(left + width, y + h)
          .lineWidth(0.4)
          .stroke();
      doc.x = left;
      doc.y = y + h;
    };
    doc.moveDown(0.3);
    row(b.header, true, true);
    for (const r of b.rows) row(r, false, false);
    if (b.total) row(b.total, true, false);
    doc.moveDown(0.8);
  };

  for (const b of model.blocks) drawBlock(b);
  doc.end();
  return done;
}
