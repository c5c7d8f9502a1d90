/**
 * A thin layout layer over pdfkit: flowing text, "Label: value" lines, checkboxes, bordered
 * Word-style form tables, data tables and signature blocks, with deterministic output (fixed
 * info dates, no AES, fonts from the installed packages only).
 */
import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type FontFamily = 'helvetica' | 'times' | 'liberation';
type FontStyle = 'regular' | 'bold' | 'italic';

/** Liberation Sans (metric-compatible with Arial) ships with pdfjs-dist, a dependency of pdf-parse. */
const LIBERATION_DIR = path.resolve(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts');

const FONT_NAMES: Record<FontFamily, Record<FontStyle, string>> = {
  helvetica: { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' },
  times: { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic' },
  liberation: { regular: 'LS-Regular', bold: 'LS-Bold', italic: 'LS-Italic' },
};

const MONTHS = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';

/**
 * Non-breaking spaces inside amounts, org numbers, percentages and dates, as a word processor's
 * "keep together" would: a line never breaks inside "kr 1 250 000,-" or "3. mars 2025". The page
 * looks the same and text extraction still yields ordinary spaces.
 */
export function keepTogether(text: string): string {
  return text
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0')
    .replace(/\bkr (?=\d)/g, 'kr\u00a0')
    .replace(/(\d) (?=(kr\b|kroner|mill\.|%|årsverk|stilling))/g, '$1\u00a0')
    .replace(/(\d) x (?=\d)/g, '$1\u00a0x\u00a0')
    .replace(new RegExp(`(\\d{1,2}\\.) (?=(${MONTHS}) \\d{4})`, 'g'), '$1\u00a0')
    .replace(new RegExp(`(${MONTHS}) (?=\\d{4})`, 'g'), '$1\u00a0')
    .replace(/\bNO (?=\d)/g, 'NO\u00a0')
    .replace(/(\d) MVA\b/g, '$1\u00a0MVA');
}

export interface PdfMeta {
  title: string;
  author: string;
  /** The program the document pretends to come from. */
  creator: string;
  producer?: string;
  /** ISO date; CreationDate and ModDate are that day at a fixed time (UTC). */
  date: string;
  family: FontFamily;
  /** Encrypt with RC4-128 (deterministic, unlike AES whose IVs are random). */
  userPassword?: string;
  fontSize?: number;
}

export interface TextOptions {
  x?: number;
  width?: number;
  size?: number;
  style?: FontStyle;
  align?: 'left' | 'right' | 'center' | 'justify';
  /** Space after the block, in points. */
  gap?: number;
}

export type FormRow = { label: string; value: string } | { section: string };

export interface TableOptions {
  widths: number[];
  align?: Array<'left' | 'right'>;
  /** Rows (0-based, of the body) set in bold, e.g. a sum row. */
  boldRows?: number[];
  borders?: boolean;
  size?: number;
}

export class PdfBuilder {
  readonly doc: PDFKit.PDFDocument;
  readonly left = 62;
  readonly right: number;
  readonly top = 60;
  readonly bottom: number;
  y: number;
  private readonly family: FontFamily;
  private readonly size: number;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private footerText: ((page: number, count: number) => string) | null = null;

  constructor(meta: PdfMeta) {
    const created = new Date(`${meta.date}T09:30:00Z`);
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      info: {
        Title: meta.title,
        Author: meta.author,
        Creator: meta.creator,
        Producer: meta.producer ?? meta.creator,
        CreationDate: created,
        ModDate: created,
      },
      ...(meta.userPassword
        ? {
            userPassword: meta.userPassword,
            ownerPassword: `${meta.userPassword}-eier`,
            pdfVersion: '1.4' as const,
            permissions: { printing: 'highResolution' as const },
          }
        : {}),
    });
    this.family = meta.family;
    this.size = meta.fontSize ?? 10.5;
    if (meta.family === 'liberation') {
      for (const [style, file] of [
        ['Regular', 'LiberationSans-Regular.ttf'],
        ['Bold', 'LiberationSans-Bold.ttf'],
        ['Italic', 'LiberationSans-Italic.ttf'],
      ] as const) {
        const full = path.join(LIBERATION_DIR, file);
        if (!existsSync(full)) throw new Error(`font missing: ${full} (run npm ci)`);
        this.doc.registerFont(`LS-${style}`, full);
      }
    }
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.right = this.doc.page.width - 62;
    this.bottom = this.doc.page.height - 70;
    this.y = this.top;
    this.setFont('regular');
  }

  get width(): number {
    return this.right - this.left;
  }

  setFont(style: FontStyle, size?: number): this {
    this.doc.font(FONT_NAMES[this.family][style]).fontSize(size ?? this.size);
    return this;
  }

  newPage(): this {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = this.top;
    return this;
  }

  /** Start a new page unless `height` points still fit. */
  ensure(height: number): this {
    if (this.y + height > this.bottom) this.newPage();
    return this;
  }

  space(height = 8): this {
    this.y += height;
    return this;
  }

  heightOf(text: string, width: number, style: FontStyle = 'regular', size?: number): number {
    this.setFont(style, size);
    return this.doc.heightOfString(keepTogether(text), { width, lineGap: 1.5 });
  }

  text(content: string, opts: TextOptions = {}): this {
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.right - x;
    const style = opts.style ?? 'regular';
    const h = this.heightOf(content, width, style, opts.size);
    this.ensure(h);
    this.setFont(style, opts.size);
    this.doc.text(keepTogether(content), x, this.y, { width, align: opts.align ?? 'left', lineGap: 1.5 });
    this.y += h + (opts.gap ?? 4);
    return this;
  }

  /** Several paragraphs with the usual spacing. */
  paragraphs(items: string[], gap = 7): this {
    for (const p of items) this.text(p, { gap });
    return this;
  }

  heading(content: string, size = 15): this {
    return this.text(content, { style: 'bold', size, gap: 8 });
  }

  /** A numbered or plain section heading with a thin rule under it. */
  section(content: string, size = 11.5): this {
    this.ensure(40);
    this.space(6);
    this.text(content, { style: 'bold', size, gap: 2 });
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.right, this.y)
      .lineWidth(0.5)
      .strokeColor('#777777')
      .stroke();
    this.doc.strokeColor('#000000');
    this.y += 6;
    return this;
  }

  rule(): this {
    this.doc.moveTo(this.left, this.y).lineTo(this.right, this.y).lineWidth(0.5).stroke();
    this.y += 6;
    return this;
  }

  /** "Label: value" on one line (wrapping if long), label in bold. */
  field(label: string, value: string, gap = 3): this {
    const width = this.width;
    const h = this.heightOf(`${label}: ${value}`, width, 'bold');
    this.ensure(h);
    this.setFont('bold');
    this.doc.text(keepTogether(`${label}: `), this.left, this.y, { width, continued: true, lineGap: 1.5 });
    this.setFont('regular');
    this.doc.text(keepTogether(value), { lineGap: 1.5 });
    this.y += h + gap;
    return this;
  }

  /** Label in a left column and value in a right column on the same baseline, no borders. */
  tabbed(label: string, value: string, labelWidth = 170, gap = 3): this {
    const vx = this.left + labelWidth;
    const vw = this.right - vx;
    const h = Math.max(this.heightOf(label, labelWidth - 8), this.heightOf(value, vw));
    this.ensure(h);
    this.setFont('regular');
    this.doc
      .fillColor('#333333')
      .text(keepTogether(label), this.left, this.y, { width: labelWidth - 8, lineGap: 1.5 });
    this.doc.fillColor('#000000').text(keepTogether(value), vx, this.y, { width: vw, lineGap: 1.5 });
    this.y += h + gap;
    return this;
  }

  checkbox(checked: boolean, content: string, indent = 0): this {
    return this.text(`${checked ? '[X]' : '[ ]'} ${content}`, { x: this.left + indent, gap: 2 });
  }

  /** A bordered two-column form table: label cell left, value cell right, section rows shaded. */
  formTable(rows: FormRow[], labelWidth = 190): this {
    const pad = 5;
    const vx = this.left + labelWidth;
    const vw = this.right - vx;
    for (const row of rows) {
      if ('section' in row) {
        const h = this.heightOf(row.section, this.width - 2 * pad, 'bold') + 2 * pad;
        this.ensure(h + 22);
        this.doc.rect(this.left, this.y, this.width, h).fillAndStroke('#d9e2f3', '#000000');
        this.doc.fillColor('#000000');
        this.setFont('bold');
        this.doc.text(keepTogether(row.section), this.left + pad, this.y + pad, {
          width: this.width - 2 * pad,
          lineGap: 1.5,
        });
        this.y += h;
        continue;
      }
      const h =
        Math.max(
          this.heightOf(row.label, labelWidth - 2 * pad, 'bold'),
          this.heightOf(row.value || ' ', vw - 2 * pad),
        ) +
        2 * pad;
      this.ensure(h);
      this.doc.lineWidth(0.6).rect(this.left, this.y, labelWidth, h).stroke();
      this.doc.rect(vx, this.y, vw, h).stroke();
      this.setFont('bold');
      this.doc.text(keepTogether(row.label), this.left + pad, this.y + pad, {
        width: labelWidth - 2 * pad,
        lineGap: 1.5,
      });
      this.setFont('regular');
      this.doc.text(keepTogether(row.value), vx + pad, this.y + pad, { width: vw - 2 * pad, lineGap: 1.5 });
      this.y += h;
    }
    this.y += 10;
    return this;
  }

  /** A data table with a bold header row; borders optional. */
  table(headers: string[], rows: string[][], opts: TableOptions): this {
    const pad = 4;
    const size = opts.size ?? this.size - 0.5;
    const borders = opts.borders ?? true;
    const xs: number[] = [];
    let acc = this.left;
    for (const w of opts.widths) {
      xs.push(acc);
      acc += w;
    }
    const drawRow = (cells: string[], style: FontStyle, shade: boolean): void => {
      const h =
        Math.max(
          ...cells.map((c, i) => this.heightOf(c || ' ', (opts.widths[i] ?? 60) - 2 * pad, style, size)),
        ) +
        2 * pad;
      this.ensure(h);
      cells.forEach((c, i) => {
        const x = xs[i] ?? this.left;
        const w = opts.widths[i] ?? 60;
        if (borders) {
          if (shade) this.doc.rect(x, this.y, w, h).fillAndStroke('#eeeeee', '#000000');
          else this.doc.lineWidth(0.6).rect(x, this.y, w, h).stroke();
          this.doc.fillColor('#000000');
        }
        this.setFont(style, size);
        this.doc.text(keepTogether(c), x + pad, this.y + pad, {
          width: w - 2 * pad,
          align: opts.align?.[i] ?? 'left',
          lineGap: 1.5,
        });
      });
      this.y += h;
      if (!borders && shade) {
        this.doc.moveTo(this.left, this.y).lineTo(acc, this.y).lineWidth(0.5).stroke();
      }
    };
    drawRow(headers, 'bold', true);
    rows.forEach((r, i) => drawRow(r, opts.boldRows?.includes(i) ? 'bold' : 'regular', false));
    this.y += 10;
    return this;
  }

  /** Signature blocks side by side, each a list of lines; a line is drawn where the pen goes. */
  signatures(blocks: string[][], signedNames: string[] = []): this {
    const colW = Math.min(this.width / blocks.length, 260);
    const lineHeight = this.heightOf('Xg', colW) + 2;
    const maxLines = Math.max(...blocks.map((b) => b.length));
    this.ensure(maxLines * lineHeight + 40);
    const startY = this.y;
    blocks.forEach((lines, i) => {
      const x = this.left + i * colW;
      let y = startY;
      lines.forEach((line, j) => {
        if (j === 1) {
          // the signature itself: an italic name (as a scanned/electronic signature) above a rule
          const signed = signedNames[i];
          if (signed) {
            this.setFont('italic', this.size + 2);
            this.doc.text(signed, x, y + 6, { width: colW - 20, lineBreak: false });
          }
          y += 24;
          this.doc
            .moveTo(x, y)
            .lineTo(x + colW - 24, y)
            .lineWidth(0.5)
            .stroke();
          y += 4;
        }
        this.setFont('regular');
        this.doc.text(keepTogether(line), x, y, { width: colW - 20, lineGap: 1.5 });
        y += lineHeight;
      });
    });
    this.y = startY + maxLines * lineHeight + 34;
    return this;
  }

  /** Text drawn at a fixed position, outside the flow (letterhead parts, reference blocks). */
  at(
    content: string,
    x: number,
    y: number,
    opts: { width?: number; style?: FontStyle; size?: number; align?: 'left' | 'right' } = {},
  ): this {
    this.setFont(opts.style ?? 'regular', opts.size);
    this.doc.text(keepTogether(content), x, y, {
      width: opts.width ?? this.right - x,
      align: opts.align ?? 'left',
      lineGap: 1.5,
    });
    return this;
  }

  /** A footer line on every page, drawn when the document is finished. */
  footer(make: (page: number, count: number) => string): this {
    this.footerText = make;
    return this;
  }

  async finish(): Promise<Buffer> {
    if (this.footerText) {
      const range = this.doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        this.doc.switchToPage(i);
        const text = this.footerText(i + 1, range.count);
        this.doc
          .moveTo(this.left, this.doc.page.height - 52)
          .lineTo(this.right, this.doc.page.height - 52)
          .lineWidth(0.4)
          .stroke();
        this.setFont('regular', 7.5);
        this.doc.fillColor('#444444').text(keepTogether(text), this.left, this.doc.page.height - 46, {
          width: this.width,
          align: 'center',
          lineGap: 1,
        });
        this.doc.fillColor('#000000');
      }
    }
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}
