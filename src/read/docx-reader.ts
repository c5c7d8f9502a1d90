import type { ReadDocument } from '../domain/document.ts';
import { resolveLimits } from './limits.ts';
import { ReadError, corruptMessage, failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, throwIfAborted, type ReaderOptions } from './read-result.ts';
import { OoxmlPackage } from './ooxml-package.ts';
import { openZipArchive, type ZipArchive } from './zip-archive.ts';

const MAIN_PART = 'word/document.xml';
const HEADER_PART = /^word\/header(\d*)\.xml$/;
const FOOTER_PART = /^word\/footer(\d*)\.xml$/;
const WORDPROCESSING_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

/**
 * Reads a Word document (docx) as ONE text page: page headers (letterheads carry the applicant), the
 * body, then page footers (often the organisation number). Each paragraph is a line; a table row is
 * a line with a tab between its cells (paragraphs inside a cell joined by spaces). Tracked deletions,
 * field codes and the fallback copies of drawings are left out; text boxes are kept.
 *
 * Never throws for bad input: a missing or damaged main part fails with 'corrupt', and so does any
 * DOCTYPE/ENTITY declaration, refused outright because entity expansion is how XML bombs work.
 */
export async function readDocx(
  bytes: Buffer,
  path: string,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    const text = await extractDocxText(bytes, options);
    return {
      ...emptyDocument(bytes, path, 'docx', options),
      method: 'text',
      pages: [{ page: 1, text, method: 'text', confidence: null, words: [] }],
    };
  } catch (error) {
    return failedDocument(bytes, path, 'docx', failureFromError(error), options);
  }
}

async function extractDocxText(bytes: Buffer, options: ReaderOptions): Promise<string> {
  const archive = await openZipArchive(bytes, resolveLimits(options.limits));
  try {
    const main = await mainPart(archive);
    if (!main) {
      throw new ReadError(
        'corrupt',
        corruptMessage('Word-dokumentet mangler hoveddelen (word/document.xml)'),
      );
    }
    const body = wordXmlToLines(await readPart(archive, main));
    throwIfAborted(options.signal);
    const headers = await partLines(archive, HEADER_PART);
    const footers = await partLines(archive, FOOTER_PART);
    return [...headers, ...body, ...footers].join('\n');
  } finally {
    archive.close();
  }
}

/** The main part: word/document.xml, else wherever the package's officeDocument relationship points. */
async function mainPart(archive: ZipArchive): Promise<string | null> {
  const pkg = new OoxmlPackage(archive);
  if (pkg.entry(MAIN_PART)) return pkg.entry(MAIN_PART)!.name;
  const related = (await pkg.relationships('')).find((r) => r.kind === 'officedocument' && r.part);
  return (related?.part && pkg.entry(related.part)?.name) || null;
}

async function readPart(archive: ZipArchive, name: string): Promise<string> {
  const bytes = await archive.read(name);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Lines of all headers (or footers), in part order, each distinct line once (first/even/default repeat). */
async function partLines(archive: ZipArchive, pattern: RegExp): Promise<string[]> {
  const parts = archive.entries
    .filter((entry) => pattern.test(entry.name) && !entry.problem)
    .sort((a, b) => Number(pattern.exec(a.name)?.[1] || 0) - Number(pattern.exec(b.name)?.[1] || 0));
  const lines: string[] = [];
  for (const part of parts) {
    for (const line of wordXmlToLines(await readPart(archive, part.name))) {
      if (!lines.includes(line)) lines.push(line);
    }
  }
  return lines;
}

/** Where finished paragraphs go: the body's lines, or the parts of the table cell being read. */
type Frame =
  | { kind: 'lines'; lines: string[] }
  | { kind: 'table' }
  | { kind: 'row'; cells: string[] }
  | { kind: 'cell'; parts: string[] };

/**
 * Lines of a WordprocessingML part (document, header or footer). A tokeniser over tags rather than an
 * XML parser: only paragraphs, runs, text, tabs, breaks and tables matter here.
 */
export function wordXmlToLines(xml: string): string[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ReadError(
      'corrupt',
      corruptMessage('Word-dokumentet inneholder DOCTYPE/ENTITY-deklarasjoner, som ikke tillates'),
    );
  }
  const prefix = wordPrefix(xml);
  const frames: Frame[] = [{ kind: 'lines', lines: [] }];
  const paragraphs: string[] = [];
  let runDepth = 0;
  let textDepth = 0;
  let skipDepth = 0;

  const top = (): Frame => frames[frames.length - 1]!;
  const inCell = (): boolean => frames.some((frame) => frame.kind === 'cell');
  const emit = (line: string): void => {
    const frame = top();
    if (frame.kind === 'lines') {
      for (const part of line.split('\n')) {
        const clean = part.replace(/[ \u00a0]+/g, ' ').trim();
        if (clean) frame.lines.push(clean);
      }
    } else if (frame.kind === 'cell') {
      const clean = line.replace(/\s+/g, ' ').trim();
      if (clean) frame.parts.push(clean);
    }
  };
  const append = (text: string): void => {
    if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += text;
  };

  for (const token of tokenise(xml)) {
    if (token.type === 'text') {
      if (skipDepth === 0 && textDepth > 0) append(decodeEntities(token.text));
      continue;
    }
    const { name, closing, selfClosing } = token;
    if (skipDepth > 0) {
      // Only the element that started the skip (or one like it nested inside) changes the depth.
      if (isSkipped(name, prefix)) skipDepth += closing ? -1 : selfClosing ? 0 : 1;
      continue;
    }
    if (isSkipped(name, prefix)) {
      if (!closing && !selfClosing) skipDepth = 1;
      continue;
    }
    const local = localName(name, prefix);
    if (local === null) continue;
    switch (local) {
      case 'p':
        if (selfClosing) break;
        if (!closing) paragraphs.push('');
        else emit(paragraphs.pop() ?? '');
        break;
      case 'r':
        if (!selfClosing) runDepth += closing ? -1 : 1;
        break;
      case 't':
        if (!selfClosing) textDepth += closing ? -1 : 1;
        break;
      case 'tab':
        // Outside runs, <w:tab> defines tab stops and is not text.
        if (runDepth > 0 && !closing) append(inCell() ? ' ' : '\t');
        break;
      case 'br':
      case 'cr':
        if (runDepth > 0 && !closing) append(inCell() ? ' ' : '\n');
        break;
      case 'noBreakHyphen':
        if (!closing) append('-');
        break;
      case 'tbl':
        if (selfClosing) break;
        if (!closing) frames.push({ kind: 'table' });
        else if (top().kind === 'table') frames.pop();
        break;
      case 'tr':
        if (selfClosing) break;
        if (!closing) frames.push({ kind: 'row', cells: [] });
        else {
          const row = top();
          if (row.kind !== 'row') break;
          frames.pop();
          if (top().kind === 'table') frames.pop();
          const line = row.cells.join('\t').replace(/\t+$/, '');
          // The row lands wherever the table lives: the body, or the cell of an outer table.
          emit(inCell() ? line.replace(/\t/g, ' ') : line);
          frames.push({ kind: 'table' });
        }
        break;
      case 'tc':
        if (selfClosing) {
          const row = top();
          if (row.kind === 'row') row.cells.push('');
          break;
        }
        if (!closing) frames.push({ kind: 'cell', parts: [] });
        else {
          const cell = top();
          if (cell.kind !== 'cell') break;
          frames.pop();
          const row = top();
          if (row.kind === 'row') row.cells.push(cell.parts.join(' '));
        }
        break;
      default:
        break;
    }
  }
  // Unclosed paragraphs (a truncated part) still count.
  while (paragraphs.length > 0) emit(paragraphs.shift() ?? '');
  const body = frames[0];
  return body?.kind === 'lines' ? body.lines : [];
}

/** Deleted text, field instructions and the fallback copy of alternate content are not document text. */
function isSkipped(name: string, prefix: string): boolean {
  const local = localName(name, prefix);
  return local === 'delText' || local === 'instrText' || /(^|:)Fallback$/.test(name);
}

/** The element's name without the WordprocessingML prefix, or null for other namespaces. */
function localName(name: string, prefix: string): string | null {
  if (prefix === '') return name.includes(':') ? null : name;
  return name.startsWith(`${prefix}:`) ? name.slice(prefix.length + 1) : null;
}

/** The prefix the part binds to the WordprocessingML namespace ("w" in everything Word writes). */
function wordPrefix(xml: string): string {
  for (const match of xml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if (WORDPROCESSING_NAMESPACES.includes(match[2] ?? '')) return match[1] ?? '';
  }
  return 'w';
}

type Token =
  { type: 'text'; text: string } | { type: 'tag'; name: string; closing: boolean; selfClosing: boolean };

/** Tags and text between them; comments, processing instructions and CDATA are handled, nothing else. */
function* tokenise(xml: string): Generator<Token> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      yield { type: 'text', text: xml.slice(i) };
      return;
    }
    if (lt > i) yield { type: 'text', text: xml.slice(i, lt) };
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end === -1 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      // CDATA is literal text: escape it so decodeEntities leaves it as written.
      const raw = xml.slice(lt + 9, end === -1 ? xml.length : end);
      yield { type: 'text', text: raw.replace(/&/g, '&amp;').replace(/</g, '&lt;') };
      i = end === -1 ? xml.length : end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt);
      i = end === -1 ? xml.length : end + 1;
      continue;
    }
    // Find the tag's end, stepping over quoted attribute values (they may contain '>').
    let j = lt + 1;
    let quote = '';
    for (; j < xml.length; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const body = xml.slice(lt + 1, j);
    i = j + 1;
    const closing = body.startsWith('/');
    const selfClosing = body.endsWith('/');
    const name = /^\/?\s*([^\s/>]+)/.exec(body)?.[1] ?? '';
    yield { type: 'tag', name, closing, selfClosing };
  }
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five XML entities and numeric character references; anything else is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}
