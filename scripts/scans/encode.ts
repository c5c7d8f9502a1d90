/**
 * Writes scanned pages the way scanners and phones deliver them: greyscale PNG, JPEG, bilevel
 * multi-page TIFF (fax), image-only PDF, and a typed PDF with one page swapped for its scan.
 */
import { crc32, deflateSync } from 'node:zlib';

import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

import type { GreyImage } from '../../src/ocr/grey-image.ts';

/** 8-bit greyscale PNG (smaller than the RGBA a canvas writes), with the resolution in pHYs. */
export function encodeGreyPng(image: GreyImage, dpi: number): Buffer {
  const { width, height, data } = image;
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    raw[row] = 2; // filter "Up": scanned paper varies slowly from row to row
    for (let x = 0; x < width; x++) {
      const above = y > 0 ? data[(y - 1) * width + x]! : 0;
      raw[row + 1 + x] = (data[y * width + x]! - above) & 0xff;
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const perMetre = Math.round(dpi / 0.0254);
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(perMetre, 0);
  phys.writeUInt32BE(perMetre, 4);
  phys[8] = 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('pHYs', phys),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** JPEG at `quality` (0-1); low qualities give the blocky artefacts of phone and e-mail scans. */
export function encodeJpeg(image: GreyImage, quality: number): Buffer {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i]!;
    pixels.data[i * 4] = v;
    pixels.data[i * 4 + 1] = v;
    pixels.data[i * 4 + 2] = v;
    pixels.data[i * 4 + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return canvas.toBuffer('image/jpeg', Math.round(quality * 100));
}

/**
 * Bilevel TIFF, one page per image, PackBits-compressed, as fax software and old office scanners
 * write them. Pixels darker than `threshold` become black.
 */
export function encodeBilevelTiff(pages: GreyImage[], dpi: number, threshold = 150): Buffer {
  const header = Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0]);
  const parts: Buffer[] = [header];
  let offset = header.length;
  // Each directory ends with the offset of the next one; the header points at the first.
  let pointer = { buffer: header, at: 4 };
  for (const page of pages) {
    const strip = packBits(bilevelRows(page, threshold));
    const stripOffset = offset;
    parts.push(strip);
    offset += strip.length;
    if (offset % 2 === 1) {
      parts.push(Buffer.alloc(1));
      offset++;
    }
    const resolutionOffset = offset;
    const resolution = Buffer.alloc(8);
    resolution.writeUInt32LE(dpi, 0);
    resolution.writeUInt32LE(1, 4);
    parts.push(resolution);
    offset += 8;
    const tags: Array<[number, number, number, number]> = [
      [256, 4, 1, page.width], // ImageWidth
      [257, 4, 1, page.height], // ImageLength
      [258, 3, 1, 1], // BitsPerSample
      [259, 3, 1, 32773], // Compression: PackBits
      [262, 3, 1, 0], // Photometric: WhiteIsZero
      [273, 4, 1, stripOffset], // StripOffsets
      [277, 3, 1, 1], // SamplesPerPixel
      [278, 4, 1, page.height], // RowsPerStrip
      [279, 4, 1, strip.length], // StripByteCounts
      [282, 5, 1, resolutionOffset], // XResolution
      [283, 5, 1, resolutionOffset], // YResolution
      [296, 3, 1, 2], // ResolutionUnit: inch
    ];
    const ifd = Buffer.alloc(2 + tags.length * 12 + 4);
    ifd.writeUInt16LE(tags.length, 0);
    tags.forEach(([tag, type, count, value], i) => {
      const at = 2 + i * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(count, at + 4);
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    pointer.buffer.writeUInt32LE(offset, pointer.at);
    pointer = { buffer: ifd, at: 2 + tags.length * 12 };
    parts.push(ifd);
    offset += ifd.length;
  }
  return Buffer.concat(parts);
}

/** Rows packed 8 pixels a byte, 1 = black (WhiteIsZero). */
function bilevelRows({ width, height, data }: GreyImage, threshold: number): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const out = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! < threshold) out[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** PackBits (TIFF compression 32773); rows are packed as one run, which the format allows per strip. */
function packBits(input: Buffer): Buffer {
  const out: number[] = [];
  let i = 0;
  while (i < input.length) {
    let run = 1;
    while (i + run < input.length && run < 128 && input[i + run] === input[i]) run++;
    if (run >= 3) {
      out.push(257 - run, input[i]!);
      i += run;
      continue;
    }
    const start = i;
    let literal = 0;
    while (i < input.length && literal < 128) {
      if (i + 2 < input.length && input[i] === input[i + 1] && input[i] === input[i + 2]) break;
      i++;
      literal++;
    }
    out.push(literal - 1, ...input.subarray(start, start + literal));
  }
  return Buffer.from(out);
}

/** A page of a PDF: its size in points, and the scan to put on it. */
export interface ScannedPdfPage {
  widthPt: number;
  heightPt: number;
  jpeg: Buffer;
  /** Text for the page's text layer, drawn invisibly (a scanner's junk OCR layer) or as a small stamp. */
  textLayer?: { text: string; invisible: boolean };
}

/** An image-only PDF as a scanner writes it: one JPEG per page, fixed dates so the bytes never change. */
export function imagePdf(pages: ScannedPdfPage[], title: string, date: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const created = new Date(`${date}T10:15:00Z`);
    const doc = new PDFDocument({
      autoFirstPage: false,
      info: { Title: title, Creator: 'RICOH MP C3004', Producer: 'RICOH MP C3004', CreationDate: created },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const page of pages) {
      doc.addPage({ size: [page.widthPt, page.heightPt], margin: 0 });
      doc.image(page.jpeg, 0, 0, { width: page.widthPt, height: page.heightPt });
      if (page.textLayer) {
        doc.save();
        doc.font('Helvetica').fontSize(page.textLayer.invisible ? 9 : 7);
        if (page.textLayer.invisible) doc.fillOpacity(0);
        doc.text(page.textLayer.text, 40, page.heightPt - 30, { lineBreak: false });
        doc.restore();
      }
    }
    doc.end();
  });
}

/**
 * Replaces pages of a pdfkit-written PDF with scans by an incremental update (new page objects under
 * the old numbers, appended with their own xref), the way a "typed application with a scanned
 * signature page" comes out of PDF tools. `pages` maps 1-based page numbers to their scans; `refs`
 * gives each page's object number.
 */
export function replacePagesWithScans(
  pdf: Buffer,
  scans: Map<
    number,
    { objectNumber: number; widthPt: number; heightPt: number; jpeg: Buffer; size: [number, number] }
  >,
): Buffer {
  const text = pdf.toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text);
  if (!trailer) throw new Error('no classic trailer to update');
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer[1]!)![1]!;
  const info = /\/Info (\d+ \d+ R)/.exec(trailer[1]!)?.[1];
  const id = /\/ID (\[[^\]]*\])/.exec(trailer[1]!)?.[1];
  const prev = Number(trailer[2]);

  const parts: Buffer[] = [pdf, Buffer.from('\n', 'latin1')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  let next = size;
  const add = (number: number, body: Buffer) => {
    offsets.set(number, offset);
    const head = Buffer.from(`${number} 0 obj\n`, 'latin1');
    const tail = Buffer.from('\nendobj\n', 'latin1');
    parts.push(head, body, tail);
    offset += head.length + body.length + tail.length;
  };
  const stream = (dict: string, data: Buffer) =>
    Buffer.concat([
      Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);

  for (const [, scan] of [...scans].sort((a, b) => a[0] - b[0])) {
    const parent = new RegExp(`\\n${scan.objectNumber} 0 obj\\s*<<[\\s\\S]*?/Parent (\\d+ \\d+ R)`).exec(
      text,
    );
    if (!parent) throw new Error(`page object ${scan.objectNumber} not found`);
    const image = next++;
    const content = next++;
    const [w, h] = scan.size;
    add(
      image,
      stream(
        `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`,
        scan.jpeg,
      ),
    );
    add(
      content,
      stream('', Buffer.from(`q ${scan.widthPt} 0 0 ${scan.heightPt} 0 0 cm /Scan Do Q`, 'latin1')),
    );
    add(
      scan.objectNumber,
      Buffer.from(
        `<< /Type /Page /Parent ${parent[1]} /MediaBox [0 0 ${scan.widthPt} ${scan.heightPt}] ` +
          `/Contents ${content} 0 R /Resources << /XObject << /Scan ${image} 0 R >> >> >>`,
        'latin1',
      ),
    );
  }

  const xrefOffset = offset;
  const entries = [...offsets].sort((a, b) => a[0] - b[0]);
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (const [number, at] of entries) xref += `${number} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  xref +=
    `trailer\n<< /Size ${next} /Root ${root}${info ? ` /Info ${info}` : ''}${id ? ` /ID ${id}` : ''} /Prev ${prev} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
