/**
 * `npx tsx bench/web/viewer.ts`: how long a case with a 40-page PDF takes in Chromium until first
 * content, the first page image loaded and decoded, timed from the start of the navigation. Printed
 * beside references from the same run: a static page (the sign-in form) loaded in the same browser,
 * and page 1 of the same PDF drawn in this process (the renderer alone, no server, no browser).
 *
 * The app runs as `intake serve` runs it (its page-image thread started at boot). Each case-page
 * load is in a new browser context (nothing in the browser's cache). The first load is also the
 * server's first for this case (no layout or page image cached: a case opened for the first time);
 * the rest show a case opened again. Needs the PostgreSQL of DATABASE_URL (default the local one)
 * and Chromium (CHROMIUM_PATH, default /usr/bin/chromium); the run's schema is dropped afterwards.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import { chromium, type Browser } from 'playwright-core';
import { FileBlobStore } from '../../src/blobs/blob-store.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { BUNDLED_REGISTER_PATH } from '../../src/register/bundled-register.ts';
import { loadRegister } from '../../src/register/municipality-register.ts';
import { hashPassword } from '../../src/review/passwords.ts';
import { ReviewService } from '../../src/review/review-service.ts';
import { ReviewStore } from '../../src/review/review-store.ts';
import { loadSchemes } from '../../src/schemes/load-schemes.ts';
import { storeSink } from '../../src/store/ingest-sink.ts';
import { Store } from '../../src/store/store.ts';
import { renderPage } from '../../src/web/document-pages.ts';
import { PageImages } from '../../src/web/page-images.ts';
import { buildServer } from '../../src/web/server.ts';

const root = join(import.meta.dirname, '../..');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGES = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PASSWORD = 'et-langt-passord-1';

/** A 40-page application with text on every page, as pdfkit writes it (A4). */
function longPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let n = 1; n <= PAGES; n++) {
      if (n > 1) doc.addPage();
      if (n === 1) {
        doc.fontSize(16).text('Søknad om tilskudd til kommunalt rusarbeid 2025').moveDown();
        doc.fontSize(11).text('Søker: Storby kommune').text('Organisasjonsnummer: 964 338 531');
        doc.text('Søknadsbeløp: kr 480 000').text('Antall årsverk: 2');
      } else {
        doc.fontSize(11).text(`Vedlegg, side ${n}`).moveDown();
        doc.text('Beskrivelse av tiltaket, målgruppen og samarbeidet med tjenestene. '.repeat(30));
      }
    }
    doc.end();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

/** Milliseconds from navigation start until the first page image of the viewer is loaded and decoded. */
const FIRST_IMAGE_PROBE = `
  document.addEventListener('load', (event) => {
    const img = event.target;
    if (!(img instanceof HTMLImageElement) || !img.closest('.app-page') || window.__firstImage) return;
    window.__firstImage = true;
    img.decode().then(() => (window.__firstDecoded = performance.now()), () => (window.__firstDecoded = performance.now()));
  }, true);`;

async function main(): Promise<void> {
  const schema = `bench_viewer_${process.pid}`;
  const dir = await mkdtemp(join(tmpdir(), 'intake-bench-viewer-'));
  const store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: dir, schema, poolSize: 4 });
  let browser: Browser | null = null;
  const pageImages = new PageImages();
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    const pdf = await longPdf();
    const longPdfWarmUp = Buffer.concat([pdf, Buffer.from('\n%warm-up\n')]);
    await mkdir(join(dir, 'in', 'storby-40-sider'), { recursive: true });
    await writeFile(join(dir, 'in', 'storby-40-sider', 'soknad.pdf'), pdf);
    const ctx = {
      schemes: loadSchemes(join(root, 'schemes')),
      register: loadRegister(BUNDLED_REGISTER_PATH),
      lowConfidenceThreshold: 0.6,
    };
    let id = '';
    const blobs = new FileBlobStore(join(dir, 'blobs'));
    await ingest({
      paths: [join(dir, 'in')],
      outDir: join(dir, 'out'),
      ctx,
      limits: {},
      concurrency: 1,
      sink: storeSink(store, blobs),
      onRecord: (record) => (id = record.id),
    });
    const reviews = new ReviewStore(store.sql);
    await reviews.createUser(
      { username: 'bench', displayName: 'Bench', role: 'reviewer' },
      await hashPassword(PASSWORD),
    );
    // As `intake serve` runs it: the page-image pool handed to the app, its thread started at boot
    // (a server up for a while; the bench waits until the thread has drawn something).
    pageImages.warm();
    await pageImages.page('warm-up', 'pdf', 1, async () => longPdfWarmUp);
    app = await buildServer(
      {
        pageImages,
        store,
        reviews,
        service: new ReviewService(store, reviews, ctx),
        blobs,
        schemes: ctx.schemes.map((s) => ({ id: s.id, name: s.name })),
      },
      { secureCookies: false, sessionHours: 1, loginAttemptsPerMinute: 1000 },
    );
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });

    // Reference: the renderer alone, page 1 of the same PDF (median of RUNS).
    const rendered: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await renderPage(pdf, 'pdf', 1);
      rendered.push(performance.now() - start);
    }

    const staticLoads: number[] = [];
    const firstContent: number[] = [];
    const htmlReady: number[] = [];
    const requested: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      // Reference: a static page (the sign-in form, its CSS and script) in a fresh context.
      await page.goto(`${base}/login`, { waitUntil: 'load' });
      staticLoads.push(
        (await page.evaluate(`(() => {
          const [nav] = performance.getEntriesByType('navigation');
          return nav.loadEventEnd - nav.startTime;
        })()`)) as number,
      );
      await page.getByLabel('Brukernavn').fill('bench');
      await page.getByLabel('Passord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.addInitScript(FIRST_IMAGE_PROBE);
      let images = 0;
      page.on('request', (r) => {
        if (/\/pages\/\d+/.test(r.url())) images++;
      });
      await page.goto(`${base}/submissions/${id}`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(
        () => (globalThis as unknown as { __firstDecoded?: number }).__firstDecoded,
        null,
        {
          timeout: 30_000,
        },
      );
      const timing = (await page.evaluate(`(() => {
        const [nav] = performance.getEntriesByType('navigation');
        return { first: window.__firstDecoded, html: nav.domContentLoadedEventEnd - nav.startTime };
      })()`)) as { first: number; html: number };
      firstContent.push(timing.first);
      htmlReady.push(timing.html);
      requested.push(images);
      await context.close();
    }

    console.log(
      `Saksside med ${PAGES} sider (PDF), ${RUNS} innlastinger i Chromium, hver i en ny nettleserkontekst:`,
    );
    console.log(
      `  første sidebilde vist (lastet og dekodet): første gang ${ms(firstContent[0]!)}, ` +
        `deretter median ${ms(median(firstContent.slice(1)))} (alle: ${firstContent.map(ms).join(', ')})`,
    );
    console.log(
      `  siden klar (DOMContentLoaded):            første gang ${ms(htmlReady[0]!)}, ` +
        `deretter median ${ms(median(htmlReady.slice(1)))}`,
    );
    console.log(`  sidebilder bedt om ved åpning:            ${requested.join(', ')} av ${PAGES}`);
    console.log('Referanser i samme kjøring:');
    console.log(`  statisk side (innlogging) lastet:          median ${ms(median(staticLoads))}`);
    console.log(`  side 1 tegnet i prosessen (uten server):   median ${ms(median(rendered))}`);
  } finally {
    await browser?.close();
    await app?.close();
    await pageImages.close();
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.end();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
