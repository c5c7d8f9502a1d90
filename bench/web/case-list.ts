/**
 * `npx tsx bench/web/case-list.ts`: how long the case lists take in Chromium until first content (the
 * first table row laid out) over a store of 5 000 submissions: the work queue (`/queue`), all
 * submissions (`/cases`), a search for a municipality (`/cases?q=…`) and page 50 of `/cases`. The
 * first list read right after the bulk insert is reported apart: the case index (migration 006) is
 * built lazily then, for every submission checked since.
 *
 * Printed beside references from the same run: the sign-in page, and the same `/cases` HTML served
 * as a fixed string by the same server (same size, same CSS and script; no database), so the ratios
 * say what the lists cost over a page of their size that needs no query.
 *
 * The store is made as a bulk import would leave it: the non-scanned samples are read once by the
 * pipeline, then cloned to 5 000 submissions with new ids and sources, applicants from the
 * municipality register, findings thinned on some (so statuses vary), and saved through `Store`.
 * Each timed load is in a new browser context (nothing cached). Needs the PostgreSQL of
 * DATABASE_URL (default the local one) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium);
 * the run's schema is dropped afterwards. BENCH_CASES and BENCH_RUNS change the size and repeats.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { FileBlobStore } from '../../src/blobs/blob-store.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { BUNDLED_REGISTER_PATH } from '../../src/register/bundled-register.ts';
import { loadRegister } from '../../src/register/municipality-register.ts';
import { hashPassword } from '../../src/review/passwords.ts';
import { ReviewService } from '../../src/review/review-service.ts';
import { ReviewStore } from '../../src/review/review-store.ts';
import { loadSchemes } from '../../src/schemes/load-schemes.ts';
import { storeSink } from '../../src/store/ingest-sink.ts';
import { Store, type ProcessedSubmission } from '../../src/store/store.ts';
import { buildServer } from '../../src/web/server.ts';

const root = join(import.meta.dirname, '../..');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CASES = Number(process.env.BENCH_CASES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PASSWORD = 'et-langt-passord-1';
const STATIC_PATH = '/bench-static-cases';

interface Municipality {
  municipalityNumber: string;
  name: string;
  orgNumber: string;
}
const MUNICIPALITIES = (
  JSON.parse(readFileSync(join(root, 'src/register/kommuner.json'), 'utf8')) as {
    municipalities: Municipality[];
  }
).municipalities;

/** "Oslo - Oslove" → "Oslo": the Norwegian name of a municipality with parallel names. */
const shortName = (m: Municipality) => m.name.split(' - ')[0]!;
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-');

/**
 * Clone `n` of 5 000: a template's record and fields under a new source, id and applicant. Every
 * third clone drops its warnings and every fifth its errors too, so the list holds accepted cases,
 * warnings only and errors in the proportions a year's intake might have.
 */
function clone(template: ProcessedSubmission, n: number): ProcessedSubmission {
  const m = MUNICIPALITIES[(n * 7) % MUNICIPALITIES.length]!;
  const record = structuredClone(template.record);
  const source = `${slug(shortName(m))}-${record.year ?? 'ukjent'}-${String(n).padStart(5, '0')}`;
  record.id = createHash('sha256').update(`bench\0${source}`).digest('hex').slice(0, 32);
  record.source = source;
  record.applicant = {
    name: `${shortName(m)} kommune`,
    orgNumber: m.orgNumber,
    municipalityNumber: m.municipalityNumber,
  };
  if (n % 3 === 0) record.findings = record.findings.filter((f) => f.severity !== 'warning');
  if (n % 5 === 0) record.findings = record.findings.filter((f) => f.severity !== 'error');
  record.status = record.findings.some((f) => f.severity === 'error' || f.severity === 'warning')
    ? 'needs-review'
    : 'accepted';
  return { record, reads: template.reads, fields: template.fields };
}

/** Sample folders read without OCR (scanned ones would only slow the setup). */
function textSamples(): string[] {
  const dirs: string[] = [];
  for (const year of readdirSync(join(root, 'samples'))) {
    const yearDir = join(root, 'samples', year);
    for (const name of readdirSync(yearDir)) if (!name.includes('skann')) dirs.push(join(yearDir, name));
  }
  return dirs;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;
const ratio = (x: number, ref: number) => `${(x / ref).toFixed(1)}×`;

/**
 * Milliseconds from navigation start until the first row of the page's table has a box: checked
 * every animation frame (a frame's callbacks run just before it is painted), from the document's
 * start.
 */
const FIRST_ROW_PROBE = `
  (function watch() {
    const row = document.querySelector('main tbody tr');
    if (row && row.getBoundingClientRect().height > 0) window.__firstRow = performance.now();
    else requestAnimationFrame(watch);
  })();`;

interface Load {
  firstRow: number;
  /** Time to the response's first byte: the server's part. */
  ttfb: number;
  bytes: number;
}

async function load(
  browser: Browser,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  url: string,
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState: state });
  const page = await context.newPage();
  await page.addInitScript(FIRST_ROW_PROBE);
  const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 600_000 });
  if (!response || response.status() !== 200) throw new Error(`${url}: ${response?.status()}`);
  await page.waitForFunction(() => (globalThis as unknown as { __firstRow?: number }).__firstRow, null, {
    timeout: 600_000,
  });
  const timing = (await page.evaluate(`(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return { firstRow: window.__firstRow, ttfb: nav.responseStart - nav.startTime, bytes: nav.decodedBodySize };
  })()`)) as Load;
  await context.close();
  return timing;
}

async function main(): Promise<void> {
  const schema = `bench_case_list_${process.pid}`;
  const dir = await mkdtemp(join(tmpdir(), 'intake-bench-cases-'));
  const store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: dir, schema, poolSize: 6 });
  let browser: Browser | null = null;
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    const ctx = {
      schemes: loadSchemes(join(root, 'schemes')),
      register: loadRegister(BUNDLED_REGISTER_PATH),
      lowConfidenceThreshold: 0.6,
    };
    const templates: ProcessedSubmission[] = [];
    const sink = storeSink(store, new FileBlobStore(join(dir, 'blobs')));
    const started = performance.now();
    await ingest({
      paths: textSamples(),
      outDir: join(dir, 'out'),
      ctx,
      limits: {},
      concurrency: 2,
      sink: {
        ...sink,
        claimDocuments: (id, source, shas) => store.claimDocuments(id, source, shas),
        save: async (result) => {
          templates.push(result);
          await store.saveProcessed(result, { withReads: true, actor: 'bench' });
        },
      },
    });
    if (templates.length === 0) throw new Error('no sample was read');
    console.log(`${templates.length} prøver lest av løypa på ${ms(performance.now() - started)}`);

    const reviews = new ReviewStore(store.sql);
    await reviews.createUser(
      { username: 'bench', displayName: 'Bench', role: 'reviewer' },
      await hashPassword(PASSWORD),
    );
    let staticCopy = '';
    app = await buildServer(
      {
        store,
        reviews,
        service: new ReviewService(store, reviews, ctx),
        blobs: new FileBlobStore(join(dir, 'blobs')),
        schemes: ctx.schemes,
      },
      { secureCookies: false, sessionHours: 1, loginAttemptsPerMinute: 1000 },
    );
    // Reference: the same list page's HTML as a fixed string, behind the same hooks (session, headers).
    app.get(STATIC_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(staticCopy),
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
    // Signed in before the bulk insert, landing on a page that reads no list.
    const signIn = await browser.newContext();
    const page = await signIn.newPage();
    await page.goto(`${base}/login?next=/upload`);
    await page.getByLabel('Brukernavn').fill('bench');
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL((url) => url.pathname === '/upload');
    const state = await signIn.storageState();
    await signIn.close();

    const insertStart = performance.now();
    const clones = CASES - templates.length;
    let next = 0;
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        while (next < clones) {
          const n = next++;
          await store.saveProcessed(clone(templates[n % templates.length]!, n), {
            withReads: false,
            actor: 'bench',
          });
        }
      }),
    );
    console.log(`${clones} kloner lagret gjennom Store på ${ms(performance.now() - insertStart)}`);

    // The first list read after the bulk insert: the case index is built for every new submission.
    const cold = await load(browser, state, `${base}/queue`);

    // A municipality with a letter the search folds (ø → o), as a case officer types it.
    const searched =
      MUNICIPALITIES.find((m) => shortName(m) === 'Tromsø') ??
      MUNICIPALITIES.find((m) => /[æøå]/i.test(shortName(m))) ??
      MUNICIPALITIES[0]!;
    const lists: Array<[string, string]> = [
      ['arbeidskøen /queue', '/queue'],
      ['alle innsendinger /cases', '/cases'],
      [`søk /cases?q=${shortName(searched)}`, `/cases?q=${encodeURIComponent(shortName(searched))}`],
      ['side 50 av /cases', '/cases?page=50'],
    ];
    // The reference copy: /cases as the server writes it now.
    const copy = await browser.newContext({ storageState: state });
    const copyPage = await copy.newPage();
    await copyPage.goto(`${base}/cases`);
    staticCopy = await copyPage.content();
    await copy.close();

    const results = new Map<string, Load[]>();
    const references: Array<[string, string]> = [
      ['innlogging /login', '/login'],
      ['/cases som fast HTML', STATIC_PATH],
    ];
    const refs = new Map<string, Load[]>();
    for (let i = 0; i < RUNS; i++) {
      for (const [name, path] of lists) {
        const url = `${base}${path}`;
        results.set(name, [...(results.get(name) ?? []), await load(browser, state, url)]);
      }
      // The sign-in page has no table: its first content is its form, timed as DOMContentLoaded.
      const login = await browser.newContext();
      const loginPage = await login.newPage();
      await loginPage.goto(`${base}/login`, { waitUntil: 'domcontentloaded' });
      const loginTiming = (await loginPage.evaluate(`(() => {
        const [nav] = performance.getEntriesByType('navigation');
        return { firstRow: nav.domContentLoadedEventEnd - nav.startTime, ttfb: nav.responseStart - nav.startTime, bytes: nav.decodedBodySize };
      })()`)) as Load;
      await login.close();
      refs.set(references[0]![0], [...(refs.get(references[0]![0]) ?? []), loginTiming]);
      refs.set(references[1]![0], [
        ...(refs.get(references[1]![0]) ?? []),
        await load(browser, state, `${base}${STATIC_PATH}`),
      ]);
    }

    const staticRef = median(refs.get(references[1]![0])!.map((l) => l.firstRow));
    const loginRef = median(refs.get(references[0]![0])!.map((l) => l.firstRow));
    const kb = (b: number) => `${Math.round(b / 1024)} kB`;
    console.log(
      `\nFørste tabellrad vist i Chromium over ${CASES} innsendinger (median av ${RUNS}, ny kontekst hver gang):`,
    );
    console.log(
      `  første listelesing etter innsettingen (/queue, saksindeksen bygges): ${ms(cold.firstRow)} ` +
        `(svar fra server ${ms(cold.ttfb)}); ${ratio(cold.firstRow, staticRef)} fast HTML`,
    );
    for (const [name] of lists) {
      const loads = results.get(name)!;
      const first = median(loads.map((l) => l.firstRow));
      console.log(
        `  ${name.padEnd(34)} ${ms(first).padStart(7)} (server ${ms(median(loads.map((l) => l.ttfb)))}, ` +
          `${kb(loads[0]!.bytes)}); ${ratio(first, staticRef)} fast HTML, ${ratio(first, loginRef)} innlogging`,
      );
    }
    console.log('Referanser i samme kjøring:');
    for (const [name] of references) {
      const loads = refs.get(name)!;
      console.log(
        `  ${name.padEnd(34)} ${ms(median(loads.map((l) => l.firstRow))).padStart(7)} ` +
          `(server ${ms(median(loads.map((l) => l.ttfb)))}, ${kb(loads[0]!.bytes)})`,
      );
    }
  } finally {
    await browser?.close();
    await app?.close();
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.end();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
