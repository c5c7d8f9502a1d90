/**
 * `npm run screenshots`: the README's walkthrough of a case officer's day, as PNG files in
 * docs/screenshots/. Starts the app as the web tests do (a fixture over a fresh PostgreSQL schema
 * holding some samples, users alice and bob (reviewers) and ada (admin)), drives Chromium through
 * the day and takes each picture at 1200×720 (375×740 for the phone), the viewport only, so each
 * file stays small. Needs PostgreSQL (DATABASE_URL or the local one) and Chromium (CHROMIUM_PATH,
 * default /usr/bin/chromium). The fixture's schema and folder are removed afterwards.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { PASSWORD, startWebFixture, type WebFixture } from '../test/web/web-fixture.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join(import.meta.dirname, '../docs/screenshots');
const DESKTOP = { width: 1200, height: 720 };
const PHONE = { width: 375, height: 740 };
const NARVIK = 'narvik-overgang-over-cap';
/** Samples read without OCR: an over-cap case for the day's main case, others to fill the lists. */
const SAMPLES = [
  `2023/${NARVIK}`,
  '2023/alesund-voksne-late',
  '2023/bodo-rus-late',
  '2023/sarpsborg-rus-sum-mismatch',
  '2023/larvik-rus-ineligible-cost',
  '2023/ringsaker-voksne-forprosjekt-over-cap',
  '2023/gjovik-voksne-forprosjekt-clean',
  '2023/harstad-rus-clean',
  '2023/kristiansund-stiftelse-ineligible-applicant',
];

let fx: WebFixture;
let base: string;
const taken: string[] = [];

async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  if (focus) await focus.first().scrollIntoViewIfNeeded();
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  taken.push(`${name}.png (${Math.round((await stat(path)).size / 1024)} kB)`);
}

async function signIn(
  browser: Browser,
  username: string,
  viewport = DESKTOP,
  picture?: string,
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/login`);
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord').fill(PASSWORD);
  if (picture) await shot(page, picture);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

const finding = (page: Page, code: string) =>
  page.locator('article.app-finding', { has: page.locator('code', { hasText: code }) });

/** Waits for the notice a form leaves after its redirect, and fails loudly when it says otherwise. */
async function notice(page: Page, expected: RegExp): Promise<void> {
  const alert = page.locator('.ds-alert').first();
  await alert.waitFor({ timeout: 15_000 });
  const text = (await alert.textContent()) ?? '';
  if (!expected.test(text)) throw new Error(`expected a notice like ${expected}, got «${text.trim()}»`);
}

/** A finding code open in at least two cases and not under four eyes: one for the bulk decision. */
async function sharedCode(): Promise<string> {
  const counts = new Map<string, number>();
  for (const record of await fx.store.records()) {
    for (const code of new Set(
      record.findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => f.code),
    )) {
      if (code !== 'OVER_CAP' && code !== 'INELIGIBLE_APPLICANT')
        counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  const [best] = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]);
  if (!best) throw new Error('no finding code is open in two cases');
  return best[0];
}

async function day(browser: Browser): Promise<void> {
  // 1. Sign in; the work queue with today's counts.
  const page = await signIn(browser, 'alice', DESKTOP, '01-logg-inn');
  await page.waitForURL(`${base}/queue`);
  await shot(page, '02-i-dag-og-arbeidsko');

  // 2. Open the Narvik case, take it, show the evidence of the over-cap finding and its rule source.
  await page.getByRole('link', { name: 'Narvik kommune' }).first().click();
  await page.waitForURL(/\/submissions\//);
  const caseUrl = page.url();
  await page.getByRole('button', { name: 'Ta saken' }).click();
  await notice(page, /.*/);
  const overCap = finding(page, 'OVER_CAP');
  await overCap.getByRole('button', { name: /Vis i dokumentet/ }).click();
  await page.locator('.app-page .app-box:not([hidden])').first().waitFor({ timeout: 20_000 });
  await shot(page, '03-sak-med-bevis', overCap.locator('.app-rule-source'));

  // 3. Correct a value: the amount applied for, with a reason; checked again at once.
  const row = page.locator('tr', { has: page.locator('input[name="field"][value="requestedAmount"]') });
  await row.locator('summary').click();
  await row.getByLabel(/Ny verdi/).fill('700 000');
  await row.getByLabel('Begrunnelse').fill('Søknadsbeløpet er 700 000 i budsjettet');
  await shot(page, '04-rett-en-verdi', row);
  await row.getByRole('button', { name: /Lagre og kontroller/ }).click();
  await notice(page, /kontrollert på nytt/);

  // 4. Decide the finding: over the cap, so it waits for a second person.
  const decided = finding(page, 'OVER_CAP');
  // The form is open while the finding is; open it if it is not.
  const form = decided.locator('details', { has: page.locator('summary', { hasText: 'Avgjør funnet' }) });
  if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
  await decided.getByLabel('Godtatt').check();
  await decided.getByLabel('Begrunnelse').fill('Overskridelsen er avklart med kommunen i telefonmøte.');
  await decided.getByRole('button', { name: 'Lagre avgjørelse' }).click();
  await notice(page, /Avgjørelsen er lagret/);
  await shot(page, '05-avgjor-funn', finding(page, 'OVER_CAP'));

  // 5. A colleague approves it.
  const bob = await signIn(browser, 'bob');
  await bob.goto(caseUrl);
  await finding(bob, 'OVER_CAP').getByRole('button', { name: 'Godkjenn avgjørelsen' }).click();
  await notice(bob, /godkjent/);
  await shot(bob, '06-kollega-godkjenner', finding(bob, 'OVER_CAP'));
  await bob.close();

  // 6. Ask the municipality for a document, with a reply deadline; a note on the case.
  await page.goto(caseUrl);
  await page.getByLabel('Etterspør dokument fra kommunen').fill('Signert samarbeidsavtale');
  await page.getByLabel('Melding').fill('Avtalen i søknaden er ikke signert. Send en signert kopi.');
  await page.getByRole('button', { name: 'Send forespørsel' }).click();
  await notice(page, /.*/);
  await shot(page, '07-etterspor-dokument', page.locator('#requests-heading'));
  await page.getByLabel('Ny merknad').fill('Ringte økonomisjefen: signert avtale kommer i neste uke.');
  await page.getByRole('button', { name: 'Lagre merknad' }).click();
  await notice(page, /.*/);
  await shot(page, '08-merknader', page.locator('#comments-heading'));

  // 7. Search all submissions without the Å: Ålesund is found.
  await page.goto(`${base}/cases`);
  await page.getByLabel('Søk', { exact: true }).fill('alesund');
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  await page.waitForURL(/q=alesund/);
  await shot(page, '09-sok-uten-aksenter');

  // 8. One decision on the same finding in several cases.
  const code = await sharedCode();
  await page.goto(`${base}/cases?code=${code}`);
  for (const box of await page.locator('input[name="ids"]').all()) await box.check();
  await page.locator('summary', { hasText: 'Med valgte saker' }).click();
  await page.getByLabel('Funnet som avgjøres').selectOption(code);
  await page.getByLabel('Avgjørelse', { exact: true }).selectOption('waived');
  await page
    .getByLabel(/Begrunnelse \(lagres i hver sak\)/)
    .fill('Fristen ble forlenget for alle kommuner i 2023.');
  await shot(page, '10-samlet-avgjorelse', page.locator('.app-bulk-actions'));
  await page.getByRole('button', { name: 'Avgjør i valgte saker' }).click();
  await notice(page, /.*/);

  // 9. A saved filter: overdue cases with errors.
  await page.goto(`${base}/cases?severity=error&status=queue`);
  await page.getByLabel('Lagre dette filteret som').fill('Feil i køen');
  await page.getByRole('button', { name: 'Lagre filter' }).click();
  await notice(page, /.*/);
  await shot(page, '11-lagret-filter');

  // 10. The summary with its chart, and the export it links to.
  await page.goto(`${base}/summary`);
  await shot(page, '12-oversikt-med-diagram', page.locator('figure.app-figure'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Excel' }).first().click(),
  ]);
  const saved = join(OUT, '../../out/eksport.xlsx');
  await download.saveAs(saved);
  if ((await stat(saved)).size < 1000) throw new Error('the Excel export is empty');
  await page.getByRole('link', { name: 'Excel' }).first().focus();
  await shot(page, '13-eksport');
  await page.close();

  // 11. On the phone: the work queue and a case.
  const phone = await signIn(browser, 'alice', PHONE);
  await phone.goto(`${base}/queue`);
  await shot(phone, '14-mobil-arbeidsko');
  await phone.goto(caseUrl);
  await shot(phone, '15-mobil-sak', finding(phone, 'OVER_CAP'));
  await phone.close();
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  fx = await startWebFixture(SAMPLES);
  base = await fx.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    await day(browser);
    console.log(`docs/screenshots/: ${taken.join(', ')}`);
  } finally {
    await browser.close();
    await fx.close();
  }
}

await main();
