import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../src/blobs/blob-store.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { storeSink } from '../../src/store/ingest-sink.ts';
import { makePdf, makeXlsx } from '../support/document-fixtures.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { PASSWORD, startWebFixture, type WebFixture } from './web-fixture.ts';

const LONG_PAGES = 36;
/** The page of the long application that holds the amount applied for (its evidence). */
const EVIDENCE_PAGE = 30;
/** getComputedStyle in the page (the test code is typed without the DOM library). */
type Css = { getComputedStyle(el: unknown, pseudo?: string): { display: string; content: string } };
const PAGE_IMAGE = /\/submissions\/[^/]+\/documents\/(\d+)\/pages\/(\d+)/;

/** The part of the page's globals the tests read (the test code is typed without the DOM library). */
type Browserish = {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    activeElement: { id: string } | null;
    getElementById(id: string): { scrollTop: number } | null;
  };
};

/** A long application: the form's head on page 1, attachments, and the amount on page 30. */
function longApplication(): Promise<Buffer> {
  return makePdf((doc) => {
    for (let n = 1; n <= LONG_PAGES; n++) {
      if (n > 1) doc.addPage();
      doc.fontSize(11);
      if (n === 1) {
        doc.fontSize(16).text('Søknad om tilskudd til kommunalt rusarbeid 2025').moveDown();
        doc.fontSize(11).text('Søker: Storby kommune').text('Organisasjonsnummer: 964 338 531').moveDown();
        doc.text('Søknaden med vedlegg følger på de neste sidene.');
      } else if (n === EVIDENCE_PAGE) {
        doc.text('Budsjett og omfang').moveDown();
        doc.text('Søknadsbeløp: kr 480 000').text('Antall årsverk: 2');
      } else {
        doc.text(`Vedlegg til søknaden, side ${n}`).moveDown();
        doc.text('Beskrivelse av tiltaket, målgruppen og samarbeidet med tjenestene i kommunen. '.repeat(12));
      }
    }
  });
}

const shortPdf = (title: string, body: string, pages = 2) =>
  makePdf((doc) => {
    for (let n = 1; n <= pages; n++) {
      if (n > 1) doc.addPage();
      doc.fontSize(14).text(title).moveDown().fontSize(11).text(`${body} (side ${n})`);
    }
  });

/**
 * Two generated submissions, loaded as `intake ingest` loads an archive (files into the blob store
 * through the store's sink): a 36-page application, and ten documents whose application comes last
 * in the folder.
 */
async function loadViewerCases(fx: WebFixture): Promise<{ long: string; many: string }> {
  const root = join(fx.dir, 'viewer-in');
  await mkdir(join(root, 'storby-lang-soknad'), { recursive: true });
  await writeFile(join(root, 'storby-lang-soknad', 'soknad.pdf'), await longApplication());
  const many = join(root, 'fjellby-ti-dokumenter');
  await mkdir(many, { recursive: true });
  await writeFile(
    join(many, '01-budsjett.xlsx'),
    await makeXlsx((wb) => {
      const sheet = wb.addWorksheet('Budsjett');
      sheet.addRow(['Post', 'Beløp']);
      sheet.addRow(['Lønn', 400000]);
    }),
  );
  await writeFile(
    join(many, '02-samarbeidsavtale.pdf'),
    await shortPdf('Samarbeidsavtale', 'Samarbeidsavtale mellom Fjellby kommune og helseforetaket.'),
  );
  for (let i = 3; i <= 9; i++)
    await writeFile(
      join(many, `0${i}-vedlegg.pdf`),
      await shortPdf(`Vedlegg ${i}`, 'Referat fra møte om tiltaket.', i % 3 === 0 ? 3 : 1),
    );
  await writeFile(
    join(many, 'soknad.pdf'),
    await makePdf((doc) => {
      doc.fontSize(16).text('Søknad om tilskudd til kommunalt rusarbeid 2025').moveDown();
      doc.fontSize(11).text('Søker: Fjellby kommune').text('Organisasjonsnummer: 964 338 531');
      doc.text('Søknadsbeløp: kr 300 000').text('Antall årsverk: 1');
    }),
  );
  const ids = new Map<string, string>();
  await ingest({
    paths: [root],
    outDir: join(fx.dir, 'viewer-out'),
    ctx: { schemes, register, lowConfidenceThreshold: 0.6 },
    limits: {},
    concurrency: 2,
    sink: storeSink(fx.store, new FileBlobStore(join(fx.dir, 'blobs'))),
    onRecord: (record) => ids.set(record.source, record.id),
  });
  return { long: ids.get('storby-lang-soknad')!, many: ids.get('fjellby-ti-dokumenter')! };
}

let fx: WebFixture;
let browser: Browser;
let base: string;
let cases: { long: string; many: string };

beforeAll(async () => {
  browser = await launchChromium();
  // A scanned application (OCR'd by the fixture's ingest) for the text alternative of a page.
  fx = await startWebFixture(['2023/harstad-rus-clean-skannet']);
  cases = await loadViewerCases(fx);
  base = await fx.app.listen({ host: '127.0.0.1', port: 0 });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await fx?.close();
});

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/login`);
  await page.getByLabel('Brukernavn').fill('alice');
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

/** Page images the browser asks for, as "document/page". */
function countImages(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const match = PAGE_IMAGE.exec(request.url());
    if (match) asked.push(`${match[1]}/${match[2]}`);
  });
  return asked;
}

/** Whether the page's image has arrived and been decoded. */
const loaded = (page: Page, doc: number, n: number) =>
  page.locator(`#doc-${doc}-side-${n} img`).evaluate((img) => {
    const i = img as unknown as { complete: boolean; naturalWidth: number };
    return i.complete && i.naturalWidth > 0;
  });

describe('the document viewer of a large case', () => {
  it('loads only the pages near the view, jumps to page 25, and highlights evidence on page 30', async () => {
    const page = await signedIn({ width: 1400, height: 900 });
    const asked = countImages(page);
    await page.goto(`${base}/submissions/${cases.long}`);
    await expect.poll(() => loaded(page, 0, 1), { timeout: 30_000 }).toBe(true);
    await expect(page.locator('.app-doc-index li').textContent()).resolves.toMatch(/Søknad · 36 sider/);
    // Placeholders have the page's shape before the image comes: the last page is as tall as the first.
    const first = await page.locator('#doc-0-side-1').boundingBox();
    const last = await page.locator(`#doc-0-side-${LONG_PAGES}`).boundingBox();
    expect(Math.abs(first!.height - last!.height)).toBeLessThan(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'viewer-large-case.png') });
    const atStart = [...new Set(asked)];
    expect(atStart).toContain('0/1');
    expect(atStart.length).toBeLessThanOrEqual(6);
    expect(atStart).not.toContain(`0/${EVIDENCE_PAGE}`);

    // Jump to page 25: shown at the top of the document area, loaded; the pages between are not asked for.
    await page.getByLabel('Gå til side').fill('25');
    await page.getByRole('button', { name: 'Vis siden' }).click();
    await expect.poll(() => loaded(page, 0, 25), { timeout: 30_000 }).toBe(true);
    const area = (await page.locator('#doc-scroll').boundingBox())!;
    const p25 = (await page.locator('#doc-0-side-25').boundingBox())!;
    expect(p25.y).toBeGreaterThanOrEqual(area.y - 2);
    expect(p25.y).toBeLessThan(area.y + area.height / 2);
    expect(await page.evaluate(() => (globalThis as unknown as Browserish).document.activeElement?.id)).toBe(
      'doc-0-side-25',
    );
    expect(asked).not.toContain('0/12');
    await page.screenshot({ path: join(SCREENSHOTS, 'viewer-jump-page-25.png') });

    // The amount's evidence is on page 30: clicking it scrolls there, loads it and draws the box.
    const evidence = page.locator(`[data-evidence*='"page":${EVIDENCE_PAGE},']`).first();
    await evidence.click();
    const box = page.locator(`#doc-0-side-${EVIDENCE_PAGE} .app-box:not([hidden])`);
    await expect.poll(() => box.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => loaded(page, 0, EVIDENCE_PAGE), { timeout: 30_000 }).toBe(true);
    const rect = (await box.boundingBox())!;
    expect(rect.width).toBeGreaterThan(10);
    expect(rect.y).toBeGreaterThanOrEqual(area.y - 2);
    expect(rect.y + rect.height).toBeLessThanOrEqual(area.y + area.height + 2);
    await expect
      .poll(() => page.locator('#highlight-status').textContent())
      .toContain(`side ${EVIDENCE_PAGE}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'viewer-evidence-page-30.png') });
    // Far fewer images than pages were asked for, each once (the browser keeps them).
    expect(new Set(asked).size).toBeLessThan(LONG_PAGES / 2);
    await page.close();
  }, 120_000);

  it('lists ten documents with their types and pages, the application first', async () => {
    const page = await signedIn({ width: 1400, height: 900 });
    await page.goto(`${base}/submissions/${cases.many}`);
    const items = page.locator('.app-doc-index li');
    expect(await items.count()).toBe(10);
    const texts = (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(texts[0]).toMatch(/^soknad\.pdf Søknad · 1 side$/);
    expect(texts.find((t) => t.startsWith('02-samarbeidsavtale.pdf'))).toMatch(/Samarbeidsavtale · 2 sider/);
    expect(texts.find((t) => t.startsWith('03-vedlegg.pdf'))).toMatch(/· 3 sider$/);
    expect(texts.find((t) => t.startsWith('01-budsjett.xlsx'))).toMatch(/· 1 ark$/);
    // The documents follow in the list's order; the list's links lead to them.
    const headings = await page.locator('.app-document h3').allTextContents();
    expect(headings[0]).toContain('soknad.pdf');
    await items.nth(4).getByRole('link').click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#doc-\d+$/);
    // Jump to a page of another document: the page field follows the chosen document's length.
    await page.getByLabel('Dokument', { exact: true }).selectOption({ label: '03-vedlegg.pdf' });
    expect(await page.getByLabel('Gå til side').getAttribute('max')).toBe('3');
    await page.getByLabel('Gå til side').fill('3');
    await page.getByRole('button', { name: 'Vis siden' }).click();
    const section = page.locator('.app-document', { hasText: '03-vedlegg.pdf' });
    const doc = Number(await section.getAttribute('data-doc'));
    await expect.poll(() => loaded(page, doc, 3), { timeout: 30_000 }).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as Browserish).document.activeElement?.id)).toBe(
      `doc-${doc}-side-3`,
    );
    const area = (await page.locator('#doc-scroll').boundingBox())!;
    const shown = (await page.locator(`#doc-${doc}-side-3`).boundingBox())!;
    expect(shown.y).toBeGreaterThanOrEqual(area.y - 2);
    expect(shown.y).toBeLessThan(area.y + area.height / 2);
    // The list keeps its height beside the documents (it is not squeezed by the pages below it).
    expect((await page.locator('.app-doc-index').boundingBox())!.height).toBeGreaterThan(150);
    await page.screenshot({ path: join(SCREENSHOTS, 'viewer-ten-documents.png') });
    await page.close();
  }, 60_000);

  it('is reachable and scrollable with the keyboard', async () => {
    const page = await signedIn({ width: 1400, height: 900 });
    await page.goto(`${base}/submissions/${cases.long}`);
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached =
        (await page.evaluate(() => (globalThis as unknown as Browserish).document.activeElement?.id)) ===
        'doc-scroll';
    }
    expect(reached).toBe(true);
    expect(await page.locator('#doc-scroll').getAttribute('aria-label')).toBe('Dokumentvisning');
    const scrollTop = () =>
      page.evaluate(
        () => (globalThis as unknown as Browserish).document.getElementById('doc-scroll')!.scrollTop,
      );
    expect(await scrollTop()).toBe(0);
    await page.keyboard.press('PageDown');
    await expect.poll(scrollTop, { timeout: 10_000 }).toBeGreaterThan(100);
    await page.screenshot({ path: join(SCREENSHOTS, 'viewer-keyboard.png') });
    await page.close();
  }, 60_000);

  it('gives a scanned page its OCR text as a text alternative', async () => {
    const page = await signedIn({ width: 1400, height: 900 });
    await page.goto(`${base}/submissions/${fx.ids.get('harstad-rus-clean-skannet')}`);
    const details = page.locator('#doc-0-side-1 details.app-page-text');
    await details.locator('summary', { hasText: 'Tekst fra siden (OCR)' }).click();
    await expect.poll(() => details.locator('pre').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await details.locator('pre').textContent()).toMatch(/Harstad/i);
    expect((await page.locator('#doc-0-side-1 img').getAttribute('alt'))!.length).toBeLessThan(120);
    await page.screenshot({ path: join(SCREENSHOTS, 'viewer-ocr-text.png') });
    await page.close();
  }, 60_000);

  it('serves page images for the browser to keep, and answers a repeated ask without drawing', async () => {
    const url = `${base}/submissions/${cases.long}/documents/0/pages/2`;
    const page = await signedIn({ width: 800, height: 600 });
    const first = await page.request.get(url);
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toMatch(/^private, max-age=\d+/);
    const etag = first.headers()['etag']!;
    const again = await page.request.get(url, { headers: { 'if-none-match': etag } });
    expect(again.status()).toBe(304);
    await page.close();
  }, 60_000);
});

describe('the case page on a narrow screen', () => {
  for (const width of [375, 320]) {
    it(`reflows at ${width} px: no sideways scrolling, documents and findings one above the other`, async () => {
      const page = await signedIn({ width, height: 740 });
      await page.goto(`${base}/submissions/${cases.many}`);
      const doc = Number(await firstDoc(page));
      await expect.poll(() => loaded(page, doc, 1), { timeout: 30_000 }).toBe(true);
      const overflow = await page.evaluate(
        () =>
          (globalThis as unknown as Browserish).document.documentElement.scrollWidth -
          (globalThis as unknown as Browserish).innerWidth,
      );
      expect(overflow, await widest(page)).toBeLessThanOrEqual(0);
      const docs = (await page.locator('.app-documents').boundingBox())!;
      const side = (await page.locator('.app-side').boundingBox())!;
      expect(docs.x + docs.width).toBeLessThanOrEqual(width);
      expect(side.x + side.width).toBeLessThanOrEqual(width);
      expect(docs.y + docs.height).toBeLessThanOrEqual(side.y);
      await page.screenshot({ path: join(SCREENSHOTS, `viewer-narrow-${width}.png`) });
      await page.screenshot({ path: join(SCREENSHOTS, `viewer-narrow-${width}-full.png`), fullPage: true });
      await page.close();
    }, 60_000);

    it(`shows the lists' rows as cards at ${width} px, without sideways scrolling`, async () => {
      const page = await signedIn({ width, height: 740 });
      for (const path of ['/queue', '/cases']) {
        const response = await page.goto(`${base}${path}`);
        if (response?.status() === 404) continue; // a list not built yet
        const overflow = await page.evaluate(
          () =>
            (globalThis as unknown as Browserish).document.documentElement.scrollWidth -
            (globalThis as unknown as Browserish).innerWidth,
        );
        expect(overflow, `${path}: ${await widest(page)}`).toBeLessThanOrEqual(0);
        const rows = page.locator('table.app-cards tbody tr');
        if ((await rows.count()) === 0) continue;
        expect(
          await rows.first().evaluate((tr) => (globalThis as unknown as Css).getComputedStyle(tr).display),
        ).toBe('block');
        const labelled = page.locator('table.app-cards tbody td[data-label]:not([data-label=""])').first();
        const label = await labelled.getAttribute('data-label');
        expect(
          await labelled.evaluate(
            (td) => (globalThis as unknown as Css).getComputedStyle(td, '::before').content,
          ),
        ).toContain(label);
        await page.screenshot({
          path: join(SCREENSHOTS, `list-cards-${path.slice(1)}-${width}.png`),
          fullPage: true,
        });
      }
      await page.close();
    }, 60_000);
  }

  it('keeps the lists as tables on a wide screen', async () => {
    const page = await signedIn({ width: 1280, height: 800 });
    await page.goto(`${base}/queue`);
    const rows = page.locator('table.app-cards tbody tr');
    if ((await rows.count()) > 0)
      expect(
        await rows.first().evaluate((tr) => (globalThis as unknown as Css).getComputedStyle(tr).display),
      ).toBe('table-row');
    await page.close();
  }, 60_000);
});

const firstDoc = (page: Page) => page.locator('.app-document').first().getAttribute('data-doc');

/** The innermost elements reaching past the window's right edge (the message of a failed reflow). */
const widest = (page: Page): Promise<string> =>
  page.evaluate(`(() => {
    const wide = [...document.querySelectorAll('body *')].filter(
      (el) => el.getBoundingClientRect().right > innerWidth + 0.5,
    );
    return wide
      .filter((el) => !wide.some((other) => other !== el && el.contains(other)))
      .slice(0, 8)
      .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.') +
        ' «' + (el.textContent || '').trim().slice(0, 30) + '» in ' +
        [el.parentElement, el.parentElement && el.parentElement.parentElement]
          .map((p) => p && p.tagName.toLowerCase() + '.' + [...p.classList].join('.')).join(' < ') +
        ' right ' + Math.round(el.getBoundingClientRect().right))
      .join(', ');
  })()`);
