import type { ReadDocument } from '../domain/document.ts';
import { resolveLimits } from './limits.ts';
import { failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, type ReaderOptions } from './read-result.ts';
import { TextBudget } from './text-budget.ts';
import { decodeWindows1252 } from './text-reader.ts';

/** Groups whose text is not the document's: tables of fonts and colours, metadata, pictures, fields' codes. */
const SKIPPED_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'fldinst',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'mmathPr',
  'header',
  'footer',
  'headerl',
  'headerr',
  'headerf',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'annotation',
]);

/**
 * Reads a Rich Text Format document (Word and LibreOffice open it; some case systems export it) as
 * one page: paragraphs a line each, table rows a line with tabs between the cells. Characters come
 * from `\'hh` escapes in the document's code page (Windows-1252, what Norwegian documents use) and
 * from `\uN` escapes; font tables, pictures, field codes, headers and notes are left out. A
 * tokeniser over the bytes, so nesting depth costs no stack. Never throws for bad input.
 */
export async function readRtf(
  bytes: Buffer,
  path: string,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    const budget = new TextBudget(resolveLimits(options.limits).maxTextChars);
    const text = rtfText(bytes);
    budget.spend(text.length);
    return {
      ...emptyDocument(bytes, path, 'rtf', options),
      method: 'text',
      pages: [{ page: 1, text, method: 'text', confidence: null, words: [] }],
    };
  } catch (error) {
    return failedDocument(bytes, path, 'rtf', failureFromError(error), options);
  }
}

interface GroupState {
  skip: boolean;
  /** Characters to skip after a \uN (its \ucN). */
  uc: number;
}

/** The text of an RTF document, lines joined by "\n". */
export function rtfText(bytes: Buffer): string {
  const out: string[] = [];
  const stack: GroupState[] = [];
  let state: GroupState = { skip: false, uc: 1 };
  let pendingSkip = 0; // fallback characters still to drop after a \uN
  let i = 0;
  const emit = (text: string) => {
    if (state.skip) return;
    if (pendingSkip > 0) {
      const dropped = Math.min(pendingSkip, text.length);
      pendingSkip -= dropped;
      text = text.slice(dropped);
    }
    if (text) out.push(text);
  };
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c === 0x7b /* { */) {
      stack.push(state);
      state = { ...state };
      i++;
      // {\*\dest …}: an optional destination, which a reader that does not know it skips.
      if (bytes[i] === 0x5c && bytes[i + 1] === 0x2a) {
        state.skip = true;
        i += 2;
      }
      continue;
    }
    if (c === 0x7d /* } */) {
      state = stack.pop() ?? { skip: false, uc: 1 };
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    if (c !== 0x5c /* \ */) {
      let j = i;
      while (j < bytes.length && ![0x5c, 0x7b, 0x7d, 0x0d, 0x0a].includes(bytes[j]!)) j++;
      emit(decodeWindows1252(bytes.subarray(i, j)));
      i = j;
      continue;
    }
    // A control symbol or word.
    const next = bytes[i + 1];
    if (next === undefined) break;
    if (next === 0x27 /* ' */) {
      const hex = bytes.toString('latin1', i + 2, i + 4);
      const code = parseInt(hex, 16);
      if (!Number.isNaN(code)) emit(decodeWindows1252(Buffer.from([code])));
      i += 4;
      continue;
    }
    if (!isLetter(next)) {
      // \\ \{ \} are the characters; \~ a non-breaking space, \- an optional hyphen, \_ a hyphen.
      if (next === 0x5c || next === 0x7b || next === 0x7d) emit(String.fromCharCode(next));
      else if (next === 0x7e) emit('\u00a0');
      else if (next === 0x5f) emit('-');
      else if (next === 0x0a || next === 0x0d) emit('\n');
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < bytes.length && isLetter(bytes[j]!)) j++;
    const word = bytes.toString('latin1', i + 1, j);
    let k = j;
    if (bytes[k] === 0x2d || isDigit(bytes[k])) {
      k++;
      while (k < bytes.length && isDigit(bytes[k])) k++;
    }
    const parameter = k > j ? Number(bytes.toString('latin1', j, k)) : null;
    if (bytes[k] === 0x20) k++; // the space that ends a control word is part of it
    i = k;
    if (word === 'bin') {
      // Raw bytes follow (a picture's), which may hold braces: stepped over whole.
      i += Math.max(0, parameter ?? 0);
      continue;
    }
    if (SKIPPED_DESTINATIONS.has(word)) {
      state.skip = true;
      continue;
    }
    switch (word) {
      case 'par':
      case 'line':
      case 'row':
      case 'sect':
      case 'page':
        emit('\n');
        break;
      case 'tab':
      case 'cell':
        emit('\t');
        break;
      case 'uc':
        state.uc = Math.max(0, parameter ?? 1);
        break;
      case 'u': {
        if (parameter === null) break;
        const code = parameter < 0 ? parameter + 65536 : parameter;
        emit(String.fromCharCode(code));
        pendingSkip = state.skip ? 0 : state.uc;
        break;
      }
      case 'emdash':
        emit('—');
        break;
      case 'endash':
        emit('–');
        break;
      case 'bullet':
        emit('•');
        break;
      case 'lquote':
        emit('‘');
        break;
      case 'rquote':
        emit('’');
        break;
      case 'ldblquote':
        emit('“');
        break;
      case 'rdblquote':
        emit('”');
        break;
      default:
        break;
    }
  }
  return out
    .join('')
    .normalize('NFC')
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \u00a0]+/g, ' ')
        .replace(/ *\t */g, '\t')
        .replace(/\t+$/, '')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}

function isLetter(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a);
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}
