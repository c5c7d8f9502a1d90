import { afterAll, describe, expect, it } from 'vitest';

import type { Box } from '../../src/domain/document.ts';
import { ocrDocument } from '../../src/ocr/ocr-document.ts';
import { ocrTextPage } from '../../src/ocr/ocr-page.ts';
import type { OcrEngine } from '../../src/ocr/ocr-pool.ts';
import { testEngines } from './ocr-engines.ts';
import type { EngineWord } from '../../src/ocr/tsv.ts';
import { readDocumentInProcess } from '../../src/read/read-document.ts';
import { accuracy, tally } from '../../bench/ocr/char-accuracy.ts';
import {
  newsletterScan,
  twoColumnScan,
  turnedScan,
  type ScanWithText,
} from '../../scripts/hostile/wild-scans.ts';
import { encodeGreyPng } from '../../scripts/scans/encode.ts';

/** Words of one engine line: each word 60 px wide with 12 px between, on a line of 30 px. */
function line(block: number, n: number, x: number, y: number, texts: string[]): EngineWord[] {
  const lineBox: Box = { x, y, width: texts.length * 72 - 12, height: 30 };
  return texts.map((text, i) => ({
    text,
    confidence: 95,
    box: { x: x + i * 72, y, width: 60, height: 30 },
    line: `${block}.1.${n}`,
    lineBox,
  }));
}

/** One line of five words of the given confidence, as a stand-in engine reads them. */
const fiveWords = (confidence: number): EngineWord[] =>
  line(1, 1, 10, 10, ['Søknad', 'om', 'tilskudd', 'til', 'rusarbeid']).map((w) => ({ ...w, confidence }));

const words = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('reading order of OCR text', () => {
  it('reads two columns of prose one after the other, as the engine found them', () => {
    const left = [0, 1, 2, 3].flatMap((n) => line(1, n, 100, 200 + n * 40, words(`v${n}_`, 5)));
    const right = [0, 1, 2, 3].flatMap((n) => line(2, n, 600, 200 + n * 40, words(`h${n}_`, 5)));
    const heading = line(0, 0, 100, 100, ['Rapport', 'om', 'tilskudd']);
    const page = ocrTextPage(1, [...heading, ...left, ...right], { scale: 1 });
    const lines = page.text.split('\n');
    expect(lines[0]).toBe('Rapport om tilskudd');
    expect(lines.slice(1, 5).every((l) => l.startsWith('v'))).toBe(true);
    expect(lines.slice(5).every((l) => l.startsWith('h'))).toBe(true);
    // Words keep the order of the text, line by line.
    expect(page.words.map((w) => w.text).join('')).toBe(page.text.replace(/\s/g, ''));
  });

  it('reads stacked paragraphs and sub-headings of a column before the next column', () => {
    // Block order as tesseract gives it: column 1 (paragraph, heading, paragraph), then column 2.
    const para = (block: number, x: number, y: number, tag: string) =>
      [0, 1, 2, 3].flatMap((n) => line(block, n, x, y + n * 40, words(`${tag}${n}_`, 5)));
    const page = ocrTextPage(
      1,
      [
        ...line(0, 0, 100, 100, ['Rapport', 'om', 'tilskudd']),
        ...para(1, 100, 200, 'a'),
        ...line(2, 0, 100, 380, ['Resultater']),
        ...para(3, 100, 440, 'b'),
        ...para(4, 600, 200, 'c'),
        ...para(5, 600, 440, 'd'),
        ...line(6, 0, 100, 700, ['Side', '1', 'av', '2', 'i', 'rapporten', 'for', 'tilskuddet']),
      ],
      { scale: 1 },
    );
    const firsts = page.text.split('\n').map((l) => l.split(/\s/)[0]!.replace(/\d+_\d+$/, ''));
    expect(firsts).toEqual([
      'Rapport',
      'a',
      'a',
      'a',
      'a',
      'Resultater',
      'b',
      'b',
      'b',
      'b',
      'c',
      'c',
      'c',
      'c',
      'd',
      'd',
      'd',
      'd',
      'Side',
    ]);
  });

  it('keeps a form row "Label⇥Value" when labels and values stand in blocks of their own', () => {
    const labels = [0, 1, 2, 3].flatMap((n) => line(1, n, 100, 200 + n * 40, [`Felt${n}:`]));
    const values = [0, 1, 2, 3].flatMap((n) => line(2, n, 600, 200 + n * 40, [`verdi${n}`]));
    const page = ocrTextPage(1, [...labels, ...values], { scale: 1 });
    expect(page.text.split('\n')).toEqual([
      'Felt0:\tverdi0',
      'Felt1:\tverdi1',
      'Felt2:\tverdi2',
      'Felt3:\tverdi3',
    ]);
  });

  it('reads a poor page upside down too when OSD is unsure, and calls the turned reading doubtful', async () => {
    // As it lies the page reads poorly (40); turned 180° well (92): the turn is a guess OSD did not confirm.
    const readings = [40, 92];
    const turns: number[] = [];
    const engine: OcrEngine = {
      detectOrientation: async () => ({ degrees: 180, confidence: 3 }),
      recognize: async () => {
        const confidence = readings[turns.push(0) - 1] ?? 92;
        return { words: fiveWords(confidence), meanConfidence: confidence };
      },
    };
    const scan = await turnedScan(0, 100);
    const bytes = encodeGreyPng(scan.image, scan.dpi);
    const read = await readDocumentInProcess(bytes, 'skann.png');
    const done = await ocrDocument(read, bytes, engine);
    expect(turns).toHaveLength(2);
    expect(done.pages[0]?.confidence).toBe(0.5);
    expect(done.pages[0]?.words.every((w) => w.confidence <= 0.5)).toBe(true);
  });

  it('asks no orientation of a page that reads well as it lies', async () => {
    let asked = 0;
    const engine: OcrEngine = {
      detectOrientation: async () => {
        asked++;
        return { degrees: 0, confidence: 20 };
      },
      recognize: async () => ({ words: fiveWords(96), meanConfidence: 96 }),
    };
    const scan = await turnedScan(0, 100);
    const bytes = encodeGreyPng(scan.image, scan.dpi);
    const done = await ocrDocument(await readDocumentInProcess(bytes, 'skann.png'), bytes, engine);
    expect(asked).toBe(0);
    expect(done.pages[0]?.confidence).toBe(0.96);
  });
});

describe.each(testEngines())('OCR of columns and turned pages with the real engine ($name)', ({ create }) => {
  const pool = create(2);
  afterAll(() => pool.terminate());

  const ocrScan = async (scan: ScanWithText) => {
    const bytes = encodeGreyPng(scan.image, scan.dpi);
    const read = await readDocumentInProcess(bytes, 'skann.png');
    return ocrDocument(read, bytes, pool);
  };
  const score = (text: string, truth: string) => accuracy(tally([{ read: text, truth }]));

  it('turns a page lying on its side that OSD could not judge, by the words standing on end', async () => {
    // The same engine without orientation detection: what a page with too little text for OSD gets.
    const blind: OcrEngine = { recognize: (request) => pool.recognize(request) };
    const scan = await turnedScan(90);
    const bytes = encodeGreyPng(scan.image, scan.dpi);
    const done = await ocrDocument(await readDocumentInProcess(bytes, 'skann.png'), bytes, blind);
    expect(score(done.pages[0]!.text, scan.truth)).toBeGreaterThan(0.98);
    expect(done.pages[0]!.confidence).toBe(0.5);
  }, 240_000);

  it('reads columns column by column (a scanned three-column newsletter too), and turned pages upright', async () => {
    const scans = [
      await twoColumnScan(),
      await turnedScan(90),
      await turnedScan(180),
      await turnedScan(270),
      await newsletterScan(3, {
        skewDegrees: 0.6,
        paper: 232,
        shading: 20,
        ink: 40,
        noise: 8,
        specks: 20,
        blur: true,
      }),
    ];
    const done = await Promise.all(scans.map(ocrScan));
    done.forEach((document, i) => {
      expect(document.failure).toBeNull();
      expect(score(document.pages[0]!.text, scans[i]!.truth)).toBeGreaterThan(0.98);
      expect(document.pages[0]!.confidence).toBeGreaterThan(0.9);
    });
    // Boxes stay on the page as it was scanned: the heading of the page turned 90° is at its right.
    const heading = done[1]!.pages[0]!.words[0]!;
    expect(heading.text).toBe('Rapport');
    expect(heading.box.x).toBeGreaterThan(scans[1]!.image.width / 2);
    expect(heading.box.height).toBeGreaterThan(heading.box.width);
  }, 240_000);
});
