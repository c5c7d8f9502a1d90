import {
  asArray,
  decodeStream,
  PdfDict,
  PdfLexer,
  PdfName,
  PdfObjects,
  PdfRef,
  PdfStream,
  type PdfValue,
} from './pdf-objects.ts';
import { multiply, type Matrix } from './pdf-matrix.ts';

/** The one image a scanned PDF page consists of, as stored: a JPEG file, or raw 8-bit pixels. */
export type ScanImage = {
  width: number;
  height: number;
  /** Its resolution: pixels over the size it is drawn at (the smaller of across and down). */
  dpi: number;
} & ({ kind: 'jpeg'; bytes: Uint8Array } | { kind: 'raw'; channels: 1 | 3; pixels: Uint8Array });

/** What pdf.js knows of the page: its object, visible area (crop box) and turn. */
export interface PageFrame {
  ref: { num: number; gen: number };
  /** [x0, y0, x1, y1] in points. */
  view: readonly number[];
  rotate: number;
}

/** Operators that draw nothing and change nothing an image's pixels depend on. */
const HARMLESS = new Set(['q', 'Q', 'cm', 'w', 'J', 'j', 'M', 'd', 'ri', 'i']);
/** How far (points) the image's edges may lie from the page's: scanners round the page size. */
const EDGE_TOLERANCE = 2;

/**
 * The image of a page that is nothing but one upright image covering it (what a scanner writes),
 * or null for any other page: text, vector drawing, annotations, a turned page, masks, colour
 * spaces or filters beyond DeviceGray/DeviceRGB JPEG and Flate. Such pages go to pdf.js; this only
 * spares scans pdf.js's JavaScript image decoding, which it would otherwise do twice.
 */
export function scanPageImage(objects: PdfObjects, frame: PageFrame): ScanImage | null {
  if (frame.rotate % 360 !== 0) return null;
  const page = objects.resolve(new PdfRef(frame.ref.num, frame.ref.gen));
  if (!(page instanceof PdfDict)) return null;
  if (asArray(objects.get(page, 'Annots')).length > 0) return null;
  const resources = inherited(objects, page, 'Resources');
  if (!(resources instanceof PdfDict)) return null;
  const xobjects = objects.get(resources, 'XObject');
  if (!(xobjects instanceof PdfDict)) return null;

  const drawn = singleImageDraw(objects, page);
  if (!drawn) return null;
  const stream = objects.resolve(xobjects.get(drawn.name));
  if (!(stream instanceof PdfStream)) return null;

  // The unit square through the matrix must be the page, upright: [w 0 0 h x y] with w, h > 0.
  const [a, b, c, d, e, f] = drawn.matrix;
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0) return null;
  const [x0, y0, x1, y1] = frame.view as [number, number, number, number];
  const covers =
    Math.abs(e - x0) <= EDGE_TOLERANCE &&
    Math.abs(f - y0) <= EDGE_TOLERANCE &&
    Math.abs(e + a - x1) <= EDGE_TOLERANCE &&
    Math.abs(f + d - y1) <= EDGE_TOLERANCE;
  if (!covers) return null;
  return imageOf(objects, stream, a, d);
}

/** A page attribute from the page or the nearest ancestor that has it. */
function inherited(objects: PdfObjects, page: PdfDict, key: string): PdfValue | undefined {
  let node: PdfValue | undefined = page;
  for (let depth = 0; node instanceof PdfDict && depth < 64; depth++) {
    const value = objects.get(node, key);
    if (value !== undefined) return value;
    node = objects.get(node, 'Parent');
  }
  return undefined;
}

/** The image's name and matrix when the content draws exactly one XObject and nothing else. */
function singleImageDraw(objects: PdfObjects, page: PdfDict): { name: string; matrix: Matrix } | null {
  const parts = asArray(page.get('Contents')).flatMap((part) => {
    const resolved = objects.resolve(part);
    return Array.isArray(resolved) ? resolved.map((p) => objects.resolve(p)) : [resolved];
  });
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    if (!(part instanceof PdfStream)) return null;
    chunks.push(decodeStream(objects, part), new Uint8Array([0x0a]));
  }
  const lexer = new PdfLexer(Buffer.concat(chunks));
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let operands: PdfValue[] = [];
  let drawn: { name: string; matrix: Matrix } | null = null;
  for (let token = lexer.next(); token; token = lexer.next()) {
    if ('value' in token) {
      operands.push(token.value);
      continue;
    }
    const op = token.operator;
    if (op === 'Do') {
      const name = operands[0];
      if (drawn || !(name instanceof PdfName)) return null;
      drawn = { name: name.name, matrix: ctm };
    } else if (!HARMLESS.has(op)) return null;
    if (op === 'q') stack.push(ctm);
    if (op === 'Q') ctm = stack.pop() ?? ctm;
    if (op === 'cm') {
      if (operands.length !== 6 || !operands.every((v) => typeof v === 'number')) return null;
      ctm = multiply(ctm, operands as Matrix);
    }
    operands = [];
  }
  return drawn;
}

/** The image's stored bytes when they are a plain JPEG or 8-bit grey/RGB pixels; else null. */
function imageOf(
  objects: PdfObjects,
  stream: PdfStream,
  drawnWide: number,
  drawnHigh: number,
): ScanImage | null {
  const name = (key: string) => {
    const v = objects.get(stream, key);
    return v instanceof PdfName ? v.name : undefined;
  };
  if (name('Subtype') !== 'Image') return null;
  const width = objects.get(stream, 'Width');
  const height = objects.get(stream, 'Height');
  if (typeof width !== 'number' || typeof height !== 'number' || width < 1 || height < 1) return null;
  // Masks, decode arrays and stencils change what the pixels mean: pdf.js knows how.
  for (const key of ['SMask', 'Mask', 'Decode', 'ImageMask', 'SMaskInData']) {
    const v = objects.get(stream, key);
    if (v !== undefined && v !== false && v !== 0) return null;
  }
  const colorSpace = name('ColorSpace');
  const channels = colorSpace === 'DeviceGray' ? 1 : colorSpace === 'DeviceRGB' ? 3 : null;
  if (channels === null) return null;
  const dpi = Math.min(width / drawnWide, height / drawnHigh) * 72;
  const filters = asArray(objects.get(stream, 'Filter')).map((f) => (f instanceof PdfName ? f.name : '?'));
  if (filters.length === 1 && (filters[0] === 'DCTDecode' || filters[0] === 'DCT')) {
    return { kind: 'jpeg', bytes: stream.raw, width, height, dpi };
  }
  if (objects.get(stream, 'BitsPerComponent') !== 8) return null;
  if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) return null;
  const pixels = decodeStream(objects, stream);
  if (pixels.length < width * height * channels) return null;
  return { kind: 'raw', channels, pixels, width, height, dpi };
}
