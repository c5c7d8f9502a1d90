import type { ReadDocument, TextPage } from '../domain/document.ts';
import { resolveLimits } from './limits.ts';
import { ReadError, corruptMessage, failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, throwIfAborted, type ReaderOptions } from './read-result.ts';
import { OoxmlPackage } from './ooxml-package.ts';
import { TextBudget } from './text-budget.ts';
import { streamXml } from './xml-stream.ts';
import { openZipArchive } from './zip-archive.ts';

/** DrawingML, where slide text lives (transitional and strict). */
const DRAWING = new Set([
  'http://schemas.openxmlformats.org/drawingml/2006/main',
  'http://purl.oclc.org/ooxml/drawingml/main',
]);

/**
 * Reads a PowerPoint presentation (.pptx): one text page per slide, in the presentation's slide
 * order, each paragraph a line and a table row a line with tabs between its cells. Slides are found
 * through relationships; speaker notes and slide masters are left out. Never throws for bad input.
 */
export async function readPptx(
  bytes: Buffer,
  path: string,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    const limits = resolveLimits(options.limits);
    const archive = await openZipArchive(bytes, limits);
    try {
      const pkg = new OoxmlPackage(archive);
      const budget = new TextBudget(limits.maxTextChars);
      const pages: TextPage[] = [];
      for (const [index, part] of (await slideParts(pkg)).entries()) {
        throwIfAborted(options.signal);
        const xml = await pkg.read(part);
        if (!xml) continue;
        if (xml.includes('<!DOCTYPE', 0, 'latin1') || xml.includes('<!ENTITY', 0, 'latin1')) {
          throw new ReadError(
            'corrupt',
            corruptMessage('Presentasjonen inneholder DOCTYPE/ENTITY-deklarasjoner, som ikke tillates'),
          );
        }
        const text = slideLines(xml).join('\n');
        budget.spend(text.length);
        pages.push({ page: index + 1, text, method: 'text', confidence: null, words: [] });
      }
      return {
        ...emptyDocument(bytes, path, 'pptx', options),
        method: 'text',
        pageCount: pages.length,
        pages,
      };
    } finally {
      archive.close();
    }
  } catch (error) {
    return failedDocument(bytes, path, 'pptx', failureFromError(error), options);
  }
}

/** The slide parts in the order the presentation lists them (sldIdLst), else by their number. */
async function slideParts(pkg: OoxmlPackage): Promise<string[]> {
  const main = (await pkg.relationships('')).find((r) => r.kind === 'officedocument' && r.part)?.part;
  const presentation = main && pkg.entry(main) ? pkg.entry(main)!.name : 'ppt/presentation.xml';
  const rels = await pkg.relationships(presentation);
  const xml = await pkg.read(presentation);
  const ids: string[] = [];
  if (xml) {
    streamXml(xml, {
      open: (element) => {
        if (element.local === 'sldId' && element.attributes.id) ids.push(element.attributes.id);
      },
    });
  }
  const listed = ids.flatMap((id) => {
    const part = rels.find((r) => r.id === id)?.part;
    return part && pkg.entry(part) ? [pkg.entry(part)!.name] : [];
  });
  if (listed.length > 0) return listed;
  const number = (name: string) => Number(/(\d+)\.xml$/i.exec(name)?.[1] ?? 0);
  return pkg
    .names()
    .filter((name) => /(^|\/)slides\/slide\d+\.xml$/i.test(name))
    .sort((a, b) => number(a) - number(b));
}

/** The lines of one slide: DrawingML paragraphs, and table rows with tabs between their cells. */
function slideLines(xml: Buffer): string[] {
  const lines: string[] = [];
  let paragraph: string[] | null = null;
  let inText = 0;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  streamXml(xml, {
    open: (element) => {
      if (!DRAWING.has(element.uri)) return;
      switch (element.local) {
        case 'p':
          paragraph = [];
          break;
        case 't':
          inText++;
          break;
        case 'br':
          paragraph?.push('\n');
          break;
        case 'tr':
          row = [];
          break;
        case 'tc':
          cell = [];
          break;
      }
    },
    close: (local, uri) => {
      if (!DRAWING.has(uri)) return;
      if (local === 't') inText--;
      else if (local === 'p' && paragraph) {
        const text = paragraph
          .join('')
          .replace(/[ \u00a0]+/g, ' ')
          .trim();
        paragraph = null;
        if (!text) return;
        if (cell) cell.push(text.replace(/\s+/g, ' '));
        else
          lines.push(
            ...text
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          );
      } else if (local === 'tc' && cell) {
        row?.push(cell.join(' '));
        cell = null;
      } else if (local === 'tr' && row) {
        const line = row.join('\t').replace(/\t+$/, '');
        if (line.trim()) lines.push(line);
        row = null;
      }
    },
    text: (chunk) => {
      if (paragraph && inText > 0) paragraph.push(chunk);
    },
  });
  return lines;
}
