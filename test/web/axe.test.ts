import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../src/blobs/blob-store.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import type { User } from '../../src/review/review-store.ts';
import { storeSink } from '../../src/store/ingest-sink.ts';
import { makePdf } from '../support/document-fixtures.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { axeViolations, describeViolations, type AxeScope } from './axe-check.ts';
import { PASSWORD, startWebFixture, type WebFixture } from './web-fixture.ts';

/**
 * Every page type of the reviewer app through axe-core (WCAG 2.0 and 2.1, A and AA) in Chromium,
 * at desktop width and, for the pages used on the move, at phone width. A failure lists each
 * violation's rule, impact, help and the elements it hit.
 */
const NARVIK = 'narvik-overgang-over-cap';
const HARSTAD = 'harstad-rus-clean';
const LONG = 'tromsby-30-sider';
const LONG_PAGES = 30;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

/** A 30-page application with its amount on the last page, as a large case arrives. */
function longApplication(): Promise<Buffer> {
  return makePdf((doc) => {
    for (let n = 1; n <= LONG_PAGES; n++) {
      if (n > 1) doc.addPage();
      if (n === 1) {
        doc.fontSize(16).text('Søknad om tilskudd til kommunalt rusarbeid 2025').moveDown();
        doc.fontSize(11).text('Søker: Tromsby kommune').text('Organisasjonsnummer: 964 338 531');
      } else if (n === LONG_PAGES) {
        doc.fontSize(11).text('Budsjett og omfang').moveDown();
        doc.text('Søknadsbeløp: kr 480 000').text('Antall årsverk: 2');
      } else {
        doc.fontSize(11).text(`Vedlegg til søknaden, side ${n}`).moveDown();
        doc.text('Beskrivelse av tiltaket og samarbeidet med tjenestene i kommunen. '.repeat(10));
      }
    }
  });
}

/** Loads the long application as `intake ingest` loads an archive, files into the blob store. */
async function loadLongCase(fx: WebFixture): Promise<string> {
  const root = join(fx.dir, 'axe-in');
  await mkdir(join(root, LONG), { recursive: true });
  await writeFile(join(root, LONG, 'soknad.pdf'), await longApplication());
  let id = '';
  await ingest({
    paths: [root],
    outDir: join(fx.dir, 'axe-out'),
    ctx: { schemes, register, lowConfidenceThreshold: 0.6 },
    limits: {},
    concurrency: 1,
    sink: storeSink(fx.store, new FileBlobStore(join(fx.dir, 'blobs'))),
    onRecord: (record) => {
      if (record.source === LONG) id = record.id;
    },
  });
  if (!id) throw new Error('the 30-page application was not stored');
  return id;
}

let fx: WebFixture;
let browser: Browser;
let base: string;
let longId: string;

const user = async (username: string): Promise<User> =>
  (await fx.reviews.users()).find((u) => u.username === username)!;

beforeAll(async () => {
  browser = await launchChromium();
  fx = await startWebFixture([`2023/${NARVIK}`, `2023/${HARSTAD}`], { queues: true });
  longId = await loadLongCase(fx);
  // The case page's work panel with everything in it: an assignee, a note, a document request.
  const alice = await user('alice');
  const narvik = fx.ids.get(NARVIK)!;
  await fx.service.assign(alice, narvik, alice.id);
  await fx.service.comment(alice, narvik, 'Ringte kommunen om budsjettet.');
  await fx.service.requestDocument(alice, narvik, 'Revidert budsjett', 'Budsjettet mangler lønnspostene.');
  // A finished case: Harstad has nothing open.
  await fx.service.markDone(alice, fx.ids.get(HARSTAD)!, 'Alt i orden.');
  base = await fx.app.listen({ host: '127.0.0.1', port: 0 });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await fx?.close();
});

async function signedIn(username: string, viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/login`);
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

/** Opens every disclosure so the forms inside them (corrections, decisions) are checked too. */
const openDetails = (page: Page) =>
  page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);

/** Runs axe on the page as shown and fails with every violation spelled out. */
async function expectNoViolations(
  page: Page,
  where: string,
  screenshot?: string,
  scope: AxeScope = {},
): Promise<void> {
  // Hover is not what is checked here: the pointer goes to the corner, not left where the last
  // click put it while the page scrolls under it.
  await page.mouse.move(0, 0);
  let violations = await axeViolations(page, scope);
  if (violations.length > 0) {
    // Once in about five CI runs the case page at 375 px showed one colour-contrast violation
    // against a blue (#0062ba) background that is behind no text in the settled page; not
    // reproduced by hand. A violation that stays once the page has settled still fails.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    violations = await axeViolations(page, scope);
  }
  if (screenshot) await page.screenshot({ path: join(SCREENSHOTS, `axe-${screenshot}.png`) });
  expect(describeViolations(where, violations)).toBe(`${where}: no violations`);
}

describe('axe-core finds what it should', () => {
  it('reports an unlabelled field and an image without text on a page made to fail', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="nb"><head><title>x</title></head><body><main>' +
        '<h1>Skjema</h1><input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
    );
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toContain('label');
    expect(ids).toContain('image-alt');
    await page.close();
  });
});

describe('every page of the reviewer app passes axe-core WCAG 2.1 A/AA', () => {
  it('the sign-in page', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${base}/login`);
    await expectNoViolations(page, '/login', 'login');
    await page.close();
  });

  it("the work queue with today's counts", async () => {
    const page = await signedIn('alice');
    await page.goto(`${base}/queue`);
    await expect.poll(() => page.locator('main tbody tr').count()).toBeGreaterThan(0);
    await expectNoViolations(page, '/queue', 'queue');
    await page.close();
  });

  it('all submissions, with results and with none', async () => {
    const page = await signedIn('alice');
    await page.goto(`${base}/cases`);
    await expect.poll(() => page.locator('main tbody tr').count()).toBeGreaterThan(1);
    await openDetails(page);
    await expectNoViolations(page, '/cases', 'cases');
    await page.goto(`${base}/cases?q=ingen-slik-kommune`);
    expect(await page.locator('main tbody tr').count()).toBe(0);
    await expectNoViolations(page, '/cases?q=ingen-slik-kommune', 'cases-empty');
    await page.close();
  });

  it('a case page with findings, work panel, note and document request, forms open', async () => {
    const page = await signedIn('alice');
    await page.goto(`${base}/submissions/${fx.ids.get(NARVIK)}`);
    await expect.poll(() => page.locator('article.app-finding').count()).toBeGreaterThan(0);
    await openDetails(page);
    await expectNoViolations(page, 'case page (Narvik)', 'case');
    await page.close();
  });

  it('a case page of a 30-page application, and after jumping to its last page with the evidence shown', async () => {
    const page = await signedIn('alice');
    await page.goto(`${base}/submissions/${longId}`);
    await expect.poll(() => page.locator('.app-page').count()).toBeGreaterThanOrEqual(LONG_PAGES);
    await expectNoViolations(page, 'case page (30 pages)', 'case-30-pages');
    await page.getByLabel('Gå til side').fill(String(LONG_PAGES));
    await page.getByRole('button', { name: 'Vis siden' }).click();
    await page.locator(`[data-evidence*='"page":${LONG_PAGES},']`).first().click();
    await expect.poll(() => page.locator('.app-box:not([hidden])').count(), { timeout: 15_000 }).toBe(1);
    await expectNoViolations(
      page,
      'case page (30 pages, evidence on page 30 shown)',
      'case-30-pages-evidence',
    );
    await page.close();
  });

  it('a finished case', async () => {
    const page = await signedIn('alice');
    await page.goto(`${base}/submissions/${fx.ids.get(HARSTAD)}`);
    await openDetails(page);
    await expectNoViolations(page, 'case page (done)', 'case-done');
    await page.close();
  });

  it('the summary with its charts', async () => {
    const page = await signedIn('alice');
    await page.goto(`${base}/summary`);
    await expectNoViolations(page, '/summary', 'summary');
    await page.close();
  });

  it('the upload page and an upload batch page', async () => {
    const page = await signedIn('alice');
    await page.goto(`${base}/upload`);
    await expectNoViolations(page, '/upload', 'upload');
    await page.getByLabel(/^Én innsending/).check();
    await page.getByLabel(/Navn på innsendingen/).fill('Axe');
    await page.getByLabel('Filer eller zip-arkiv').setInputFiles({
      name: 'soknad.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Søknad om tilskudd til kommunalt rusarbeid 2025\nSøker: Axe kommune\n'),
    });
    await page.getByRole('button', { name: 'Last opp og legg i kø' }).click();
    await page.waitForURL(/\/uploads\//);

    await expectNoViolations(page, '/uploads/:batch', 'upload-batch');
    await page.close();
  });

  it('the admin pages: users, audit log and the queue dashboard', async () => {
    const page = await signedIn('ada');
    await page.goto(`${base}/admin/users`);
    await openDetails(page);
    await expectNoViolations(page, '/admin/users', 'admin-users');
    await page.goto(`${base}/admin/audit`);
    await expect.poll(() => page.locator('main tbody tr').count()).toBeGreaterThan(0);
    await expectNoViolations(page, '/admin/audit', 'admin-audit');
    await page.goto(`${base}/admin/queues`);
    // bull-board draws itself with script: wait for its queue list.
    await expect
      .poll(() => page.getByText('submissions', { exact: true }).first().isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => page.getByText('Laster …').count(), { timeout: 20_000 }).toBe(0);
    // The app's frame around the dashboard (header, way back, skip link) must pass like any page.
    await expectNoViolations(page, '/admin/queues (the app frame)', 'admin-queues', { exclude: ['#root'] });
    // bull-board's own React page inside it (#root) has violations the app cannot fix without
    // patching its script: unlabelled icon buttons, its logo, a badge's colour and label. They are
    // pinned here so that any new kind fails, and printed so that they stay visible.
    const inside = await axeViolations(page, { include: ['#root'] });
    const known = ['button-name', 'color-contrast', 'label-content-name-mismatch', 'svg-img-alt'];
    expect(
      inside.filter((v) => !known.includes(v.id)),
      describeViolations('/admin/queues (bull-board)', inside),
    ).toEqual([]);
    await page.close();
  });

  it('the error pages: not found and forbidden', async () => {
    const page = await signedIn('alice');
    const missing = await page.goto(`${base}/finnes/ikke`);
    expect(missing!.status()).toBe(404);
    await expectNoViolations(page, '404', 'error-404');
    const forbidden = await page.goto(`${base}/admin/users`);
    expect(forbidden!.status()).toBe(403);
    await expectNoViolations(page, '403', 'error-403');
    await page.close();
  });
});

describe('at phone width (375 px)', () => {
  it('the work queue, all submissions and a case page', async () => {
    const page = await signedIn('alice', PHONE);
    await page.goto(`${base}/queue`);
    await expectNoViolations(page, '/queue at 375 px', 'phone-queue');
    await page.goto(`${base}/cases`);
    await expectNoViolations(page, '/cases at 375 px', 'phone-cases');
    await page.goto(`${base}/submissions/${fx.ids.get(NARVIK)}`);
    await openDetails(page);
    await expectNoViolations(page, 'case page at 375 px', 'phone-case');
    await page.goto(`${base}/submissions/${longId}`);
    await expectNoViolations(page, 'case page (30 pages) at 375 px', 'phone-case-30-pages');
    await page.close();
  });
});

describe('pages in the middle of work', () => {
  it('a refused correction beside its field, a decision waiting for approval and the colleague who may approve it', async () => {
    const page = await signedIn('alice');
    await page.goto(`${base}/submissions/${fx.ids.get(NARVIK)}`);
    const row = page.locator('tr', { has: page.locator('input[name="field"][value="requestedAmount"]') });
    await row.locator('summary').click();
    await row.getByLabel(/Ny verdi/).fill('mye');
    await row.getByLabel('Begrunnelse').fill('Prøver en verdi som ikke kan leses');
    await row.getByRole('button', { name: /Lagre og kontroller/ }).click();
    await expect.poll(() => page.locator('.ds-alert').first().textContent()).toContain('mye');
    await expectNoViolations(page, 'case page with a refused correction', 'case-refused-correction');

    const overCap = page.locator('article.app-finding', {
      has: page.locator('code', { hasText: 'OVER_CAP' }),
    });
    await overCap.getByLabel('Godtatt').check();
    await overCap.getByLabel('Begrunnelse').fill('Overskridelsen er avklart med kommunen');
    await overCap.getByRole('button', { name: 'Lagre avgjørelse' }).click();
    await expect
      .poll(() => page.locator('.ds-alert').first().textContent())
      .toContain('Avgjørelsen er lagret');
    await expectNoViolations(
      page,
      'case page with a decision waiting for approval',
      'case-awaiting-approval',
    );
    await page.close();

    const bob = await signedIn('bob');
    await bob.goto(`${base}/submissions/${fx.ids.get(NARVIK)}`);
    await expect.poll(() => bob.getByRole('button', { name: 'Godkjenn avgjørelsen' }).count()).toBe(1);
    await openDetails(bob);
    await expectNoViolations(bob, 'case page as the colleague who may approve', 'case-approver');
    await bob.goto(`${base}/queue?approver=1`);
    await expectNoViolations(bob, '/queue, waiting for my approval');
    await bob.close();
  });
});
