import { inflateSync } from 'node:zlib';

/**
 * A minimal reader of a PDF's objects, enough to find the one image a scanned page draws without
 * pdf.js decoding it. Objects are found by scanning for `N G obj` (as repair tools do), not through
 * the cross-reference table, so a damaged table does not matter; objects inside object streams are
 * read too (streams themselves can never be inside one). Anything it does not understand is a
 * {@link PdfSyntaxError}, and the caller falls back to pdf.js.
 */

export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict | PdfStream;

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The stream's bytes as stored (still filtered). */
    readonly raw: Uint8Array,
  ) {}
}

export class PdfSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = this.constructor.name;
  }
}

/** A content-stream or object token: a value, or an operator (a bare keyword). */
export type PdfToken = { value: PdfValue } | { operator: string };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (c: number | undefined) => c !== undefined && !WHITESPACE.has(c) && !DELIMITERS.has(c);

/** Reads PDF syntax from a byte range: values, and bare keywords as operators. */
export class PdfLexer {
  constructor(
    private readonly bytes: Uint8Array,
    public at = 0,
    private readonly end = bytes.length,
    /** Resolves an indirect /Length while reading a stream. */
    private readonly lengthOf?: (ref: PdfRef) => number | undefined,
  ) {}

  /** The next token, or null at the end. */
  next(): PdfToken | null {
    this.skipSpace();
    if (this.at >= this.end) return null;
    const c = this.bytes[this.at]!;
    if (c === 0x2f) return { value: this.name() };
    if (c === 0x28) return { value: this.literalString() };
    if (c === 0x3c && this.bytes[this.at + 1] === 0x3c) {
      this.at += 2;
      return { value: this.dictOrStream() };
    }
    if (c === 0x3c) return { value: this.hexString() };
    if (c === 0x5b) {
      this.at++;
      return { value: this.array() };
    }
    if (c === 0x5d || c === 0x3e || c === 0x7b || c === 0x7d || c === 0x29) {
      this.at++;
      return { operator: String.fromCharCode(c) };
    }
    const start = this.at;
    while (this.at < this.end && isRegular(this.bytes[this.at])) this.at++;
    const word = latin1(this.bytes, start, this.at);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { value: this.numberOrRef(Number(word), word) };
    if (word === 'true' || word === 'false') return { value: word === 'true' };
    if (word === 'null') return { value: null };
    return { operator: word };
  }

  /** The next value; an operator where a value must stand is a syntax error. */
  value(): PdfValue {
    const token = this.next();
    if (!token || !('value' in token)) throw new PdfSyntaxError(`a value expected at ${this.at}`);
    return token.value;
  }

  private numberOrRef(n: number, word: string): PdfValue {
    if (!/^\d+$/.test(word)) return n;
    // "12 0 R" is a reference: look ahead without consuming unless it is one.
    const save = this.at;
    this.skipSpace();
    const genStart = this.at;
    while (this.at < this.end && this.bytes[this.at]! >= 0x30 && this.bytes[this.at]! <= 0x39) this.at++;
    if (this.at > genStart) {
      const gen = Number(latin1(this.bytes, genStart, this.at));
      this.skipSpace();
      if (this.bytes[this.at] === 0x52 && !isRegular(this.bytes[this.at + 1])) {
        this.at++;
        return new PdfRef(n, gen);
      }
    }
    this.at = save;
    return n;
  }

  private skipSpace(): void {
    while (this.at < this.end) {
      const c = this.bytes[this.at]!;
      if (WHITESPACE.has(c)) this.at++;
      else if (c === 0x25)
        while (this.at < this.end && this.bytes[this.at] !== 0x0a && this.bytes[this.at] !== 0x0d) this.at++;
      else break;
    }
  }

  private name(): PdfName {
    const start = ++this.at;
    while (this.at < this.end && isRegular(this.bytes[this.at])) this.at++;
    return new PdfName(
      latin1(this.bytes, start, this.at).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) =>
        String.fromCharCode(parseInt(h, 16)),
      ),
    );
  }

  private literalString(): string {
    let depth = 0;
    let out = '';
    for (this.at++; this.at < this.end; this.at++) {
      const c = this.bytes[this.at]!;
      if (c === 0x5c) {
        this.at++;
        out += String.fromCharCode(this.bytes[this.at] ?? 0);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29 && depth-- === 0) {
        this.at++;
        return out;
      }
      out += String.fromCharCode(c);
    }
    throw new PdfSyntaxError('unterminated string');
  }

  private hexString(): string {
    const close = this.bytes.indexOf(0x3e, this.at);
    if (close < 0 || close > this.end) throw new PdfSyntaxError('unterminated hex string');
    const hex = latin1(this.bytes, this.at + 1, close).replace(/\s+/g, '');
    this.at = close + 1;
    let out = '';
    for (let i = 0; i < hex.length; i += 2)
      out += String.fromCharCode(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    return out;
  }

  private array(): PdfValue[] {
    const items: PdfValue[] = [];
    for (;;) {
      const token = this.next();
      if (!token) throw new PdfSyntaxError('unterminated array');
      if ('operator' in token) {
        if (token.operator === ']') return items;
        throw new PdfSyntaxError(`unexpected ${token.operator} in an array`);
      }
      items.push(token.value);
    }
  }

  private dictOrStream(): PdfDict | PdfStream {
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
        this.at += 2;
        break;
      }
      const key = this.next();
      if (!key || !('value' in key) || !(key.value instanceof PdfName))
        throw new PdfSyntaxError(`a name expected in a dictionary at ${this.at}`);
      entries.set(key.value.name, this.value());
    }
    const dict = new PdfDict(entries);
    const save = this.at;
    this.skipSpace();
    if (latin1(this.bytes, this.at, this.at + 6) !== 'stream' || isRegular(this.bytes[this.at + 6])) {
      this.at = save;
      return dict;
    }
    this.at += 6;
    if (this.bytes[this.at] === 0x0d) this.at++;
    if (this.bytes[this.at] === 0x0a) this.at++;
    const start = this.at;
    const declared = dict.get('Length');
    const length = declared instanceof PdfRef ? this.lengthOf?.(declared) : declared;
    let stop = typeof length === 'number' ? start + length : -1;
    if (stop < start || stop > this.end || !latin1(this.bytes, stop, stop + 12).includes('endstream')) {
      // A wrong or unknown /Length: the data runs to "endstream", less its end-of-line.
      stop = indexOfText(this.bytes, 'endstream', start);
      if (stop < 0) throw new PdfSyntaxError('unterminated stream');
      if (this.bytes[stop - 1] === 0x0a) stop--;
      if (this.bytes[stop - 1] === 0x0d) stop--;
    }
    this.at = stop;
    return new PdfStream(dict, this.bytes.subarray(start, stop));
  }
}

/** The objects of a PDF file by number, the last definition of each winning (incremental updates). */
export class PdfObjects {
  private readonly offsets = new Map<number, number>();
  private readonly compressed = new Map<number, PdfValue>();
  private readonly cache = new Map<number, PdfValue>();

  constructor(private readonly bytes: Uint8Array) {
    const text = latin1(bytes, 0, bytes.length);
    const header = /(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g;
    const objectStreams: number[] = [];
    for (let m = header.exec(text); m; m = header.exec(text)) {
      const num = Number(m[1]);
      this.offsets.set(num, m.index + m[0].length);
      // Skip over stream data, whose bytes could look like an object header.
      const streamAt = text.indexOf('stream', header.lastIndex);
      const nextObj = text.indexOf(' obj', header.lastIndex);
      if (streamAt >= 0 && (nextObj < 0 || streamAt < nextObj)) {
        const end = text.indexOf('endstream', streamAt);
        if (end > 0) header.lastIndex = end;
      }
      if (/\/Type\s*\/ObjStm\b/.test(text.slice(m.index, m.index + 400))) objectStreams.push(num);
    }
    for (const num of objectStreams) this.readObjectStream(num);
  }

  /** The object `ref` points to (or `value` itself when it is no reference); undefined when absent. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (!(value instanceof PdfRef)) return value;
    const cached = this.cache.get(value.num);
    if (cached !== undefined) return cached;
    let object: PdfValue | undefined = this.compressed.get(value.num);
    const offset = this.offsets.get(value.num);
    if (offset !== undefined) {
      const lexer = new PdfLexer(this.bytes, offset, this.bytes.length, (ref) => {
        const length = this.resolve(ref);
        return typeof length === 'number' ? length : undefined;
      });
      object = lexer.value();
    }
    if (object !== undefined) this.cache.set(value.num, object);
    return object;
  }

  /** A dictionary entry, resolved. */
  get(dict: PdfDict | PdfStream, key: string): PdfValue | undefined {
    const entries = dict instanceof PdfStream ? dict.dict : dict;
    return this.resolve(entries.get(key));
  }

  private readObjectStream(num: number): void {
    const stream = this.resolve(new PdfRef(num, 0));
    if (!(stream instanceof PdfStream)) return;
    const type = this.get(stream, 'Type');
    if (!(type instanceof PdfName) || type.name !== 'ObjStm') return;
    let data: Uint8Array;
    try {
      data = decodeStream(this, stream);
    } catch {
      return;
    }
    const count = this.get(stream, 'N');
    const first = this.get(stream, 'First');
    if (typeof count !== 'number' || typeof first !== 'number') return;
    const lexer = new PdfLexer(data, 0, first);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) pairs.push([Number(lexer.value()), Number(lexer.value())]);
    for (const [objNum, offset] of pairs) {
      // An object written later in the file, outside any object stream, wins.
      if (this.offsets.has(objNum) && this.offsets.get(objNum)! > 0) continue;
      try {
        this.compressed.set(objNum, new PdfLexer(data, first + offset).value());
      } catch {
        // One unreadable object does not spoil the rest.
      }
    }
  }
}

/** A stream's data with its filters undone; only FlateDecode (no predictor) or none. */
export function decodeStream(objects: PdfObjects, stream: PdfStream): Uint8Array {
  const filters = asArray(objects.get(stream, 'Filter'));
  if (filters.length === 0) return stream.raw;
  if (filters.length === 1 && filters[0] instanceof PdfName && filters[0].name === 'FlateDecode') {
    const params = objects.get(stream, 'DecodeParms');
    const predictor = params instanceof PdfDict ? objects.resolve(params.get('Predictor')) : undefined;
    if (predictor !== undefined && predictor !== 1) throw new PdfSyntaxError('a predictor is not supported');
    return inflateSync(stream.raw);
  }
  throw new PdfSyntaxError('unsupported stream filter');
}

export function asArray(value: PdfValue | undefined): PdfValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(
    bytes.buffer,
    bytes.byteOffset + start,
    Math.max(0, Math.min(end, bytes.length) - start),
  ).toString('latin1');
}

function indexOfText(bytes: Uint8Array, text: string, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(text, from, 'latin1');
}
