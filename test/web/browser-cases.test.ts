import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launchChromium, signInAs } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, type WebFixture } from './web-fixture.ts';

const SAMPLES = [
  '2023/narvik-overgang-over-cap',
  '2023/alesund-voksne-late',
  '2023/bodo-rus-late',
  '2025/nittedal-rus-missing-orgnr',
  '2022/stavanger-rus-clean',
];

let fx: WebFixture;
let browser: Browser;
let base: string;

beforeAll(async () => {
  browser = await launchChromium();
  fx = await startWebFixture(SAMPLES);
  base = await fx.app.listen({ host: '127.0.0.1', port: 0 });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await fx?.close();
});

async function signIn(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await signInAs(page, base, username);
  return page;
}

const notice = (page: Page) => page.locator('main .ds-alert').first().textContent();
const caseRow = (page: Page, name: string) =>
  page.locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) });

describe('the case officer finds and works cases', () => {
  it("sees today's counts, finds Ålesund by typing 'alesund', sees an empty result with a reset link, and saves a filter", async () => {
    const page = await signIn('alice');
    const counts = page.locator('.app-counts');
    expect(await counts.textContent()).toMatch(/\d+\s*nye/);
    expect(await counts.textContent()).toContain('venter på min godkjenning');
    await page.screenshot({ path: join(SCREENSHOTS, 'cases-today.png') });

    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Alle innsendinger' })
      .click();
    await page.waitForURL(`${base}/cases`);
    // Every checked submission is here, the clean one too (it never was in the queue).
    expect(await caseRow(page, 'Stavanger kommune').textContent()).toContain('Godkjent av kontrollen');

    await page.getByLabel('Søk', { exact: true }).fill('alesund');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/q=alesund/);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody').textContent()).toContain('Ålesund');
    expect(await page.locator('main').textContent()).toContain('1 innsending.');

    await page.getByLabel('Lagre dette filteret som').fill('Ålesund-saker');
    await page.getByRole('button', { name: 'Lagre filter' }).click();
    await expect.poll(() => notice(page)).toContain('er lagret');
    await page
      .getByRole('navigation', { name: 'Lagrede filtre' })
      .getByRole('link', { name: 'Ålesund-saker' })
      .click();
    await page.waitForURL(/q=alesund/);
    expect(await page.locator('tbody tr').count()).toBe(1);

    await page.goto(`${base}/cases?q=finnesikke-kommune`);
    expect(await page.locator('.app-empty').textContent()).toContain(
      'Ingen innsendinger passer til filteret',
    );
    await page.locator('.app-empty').getByRole('link', { name: 'Nullstill filteret' }).click();
    await page.waitForURL(`${base}/cases`);
    expect(await page.locator('tbody tr').count()).toBe(SAMPLES.length + 1);
    await page.screenshot({ path: join(SCREENSHOTS, 'cases-all.png') });
    await page.close();
  });

  it('pages through a long list, keeping the filter, and marks cases past their processing deadline', async () => {
    // 60 more copies of the Nittedal record (a missing org. number), loaded 40 days ago: past the
    // default 30 days of processing.
    await fx.store.sql.query(
      `INSERT INTO submissions (id, source, state, scheme, year, status, record, created_at, updated_at)
       SELECT 'copy' || n, 'kopi/nittedal-' || n, 'done', s.scheme, s.year, 'needs-review',
         jsonb_set(jsonb_set(s.record, '{id}', to_jsonb('copy' || n)), '{source}', to_jsonb('kopi/nittedal-' || n)),
         now() - interval '40 days', now()
       FROM submissions s, generate_series(1, 60) n WHERE s.id = $1`,
      [fx.ids.get('nittedal-rus-missing-orgnr')],
    );
    const page = await signIn('alice');
    await page.goto(`${base}/cases?q=kopi`);
    expect(await page.locator('main').textContent()).toContain('60 innsendinger.');
    const pager = page.getByRole('navigation', { name: 'Sider' });
    expect(await pager.textContent()).toContain('Viser 1–50 av 60');
    expect(await page.locator('tbody tr').count()).toBe(50);
    await pager.getByRole('link', { name: 'Neste' }).click();
    await page.waitForURL(/q=kopi&page=2/);
    expect(await page.locator('tbody tr').count()).toBe(10);
    expect(await page.getByRole('navigation', { name: 'Sider' }).textContent()).toContain(
      'Viser 51–60 av 60',
    );
    expect(await page.locator('tbody .ds-tag', { hasText: 'Forfalt' }).count()).toBe(10);
    await page.goto(`${base}/queue`);
    expect(await page.locator('.app-counts').textContent()).toMatch(/60\s*forfalt/);
    await page.getByRole('link', { name: /forfalt/ }).click();
    await page.waitForURL(/overdue=1/);
    expect(await page.locator('main').textContent()).toContain('60 innsendinger.');
    await page.screenshot({ path: join(SCREENSHOTS, 'cases-paging.png') });
    await page.close();
  });

  it('accepts the late submission of two cases at once with one reason, recorded in each case', async () => {
    const page = await signIn('alice');
    await page.goto(`${base}/cases?code=LATE_SUBMISSION`);
    expect(await page.locator('tbody tr').count()).toBe(2);
    for (const box of await page.locator('tbody input[name="ids"]').all()) await box.check();
    await page.getByText('Med valgte saker').click();
    await page.getByLabel('Funnet som avgjøres').selectOption('LATE_SUBMISSION');
    await page.getByLabel('Avgjørelse').selectOption('accepted');
    await page.getByLabel('Begrunnelse (lagres i hver sak)').fill('Forsinket post, godtatt etter avtale.');
    await page.getByRole('button', { name: 'Avgjør i valgte saker' }).click();
    await expect.poll(() => notice(page)).toContain('Avgjort i 2 saker');
    await page.screenshot({ path: join(SCREENSHOTS, 'cases-bulk.png') });
    for (const source of ['alesund-voksne-late', 'bodo-rus-late']) {
      const history = await fx.reviews.history(fx.ids.get(source)!);
      const decided = history.filter((h) => h.action === 'finding-resolved');
      expect(decided).toHaveLength(1);
      expect(decided[0]!.details).toMatchObject({ reason: 'Forsinket post, godtatt etter avtale.' });
    }
    await page.close();
  });

  it('assigns a case to a colleague, who finds it under "Mine saker", and warns the others', async () => {
    const alice = await signIn('alice');
    const narvik = `${base}/submissions/${fx.ids.get('narvik-overgang-over-cap')}`;
    await alice.goto(narvik);
    expect(await alice.locator('#status').textContent()).toContain('Ny');
    await alice.getByLabel('Tildel til').selectOption({ label: 'Bob Berg' });
    await alice.getByRole('button', { name: 'Tildel', exact: true }).click();
    await expect.poll(() => notice(alice)).toContain('tildelt');
    expect(await alice.locator('main').textContent()).toContain('Bob Berg har saken');
    expect(await alice.locator('#status').textContent()).toContain('Tatt av Bob Berg');

    const bob = await signIn('bob');
    expect(await bob.locator('.app-counts').textContent()).toMatch(/1\s*mine saker/);
    await bob.getByRole('link', { name: /mine saker/ }).click();
    expect(await bob.locator('tbody tr').count()).toBe(1);
    expect(await bob.locator('tbody').textContent()).toContain('Narvik');
    // Bob decides OVER_CAP; it waits for a second person, and Alice sees it under her approvals.
    await bob.goto(narvik);
    const card = bob.locator('article.app-finding', { has: bob.locator('code', { hasText: 'OVER_CAP' }) });
    await card.getByLabel('Frafalt').check();
    await card.getByLabel('Begrunnelse').fill('Overskridelsen er avklart i møte.');
    await card.getByRole('button', { name: 'Lagre avgjørelse' }).click();
    await expect.poll(() => bob.locator('#status').textContent()).toContain('Venter på godkjenning');
    await alice.goto(`${base}/queue`);
    expect(await alice.locator('.app-counts').textContent()).toMatch(/1\s*venter på min godkjenning/);
    await alice.getByRole('link', { name: /venter på min godkjenning/ }).click();
    expect(await alice.locator('tbody').textContent()).toContain('Narvik');
    await alice.screenshot({ path: join(SCREENSHOTS, 'cases-my-approvals.png') });
    await alice.close();
    await bob.close();
  });

  it('asks the municipality for a document with a reply deadline, notes it, and closes the request when it comes', async () => {
    const page = await signIn('alice');
    await page.goto(`${base}/submissions/${fx.ids.get('bodo-rus-late')}`);
    await page.getByLabel('Etterspør dokument fra kommunen').fill('samarbeidsavtale');
    await page.getByLabel('Melding').fill('Send den signerte avtalen med helseforetaket.');
    expect(await page.getByLabel('Svarfrist').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('button', { name: 'Send forespørsel' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Venter på kommunen');
    expect(await page.locator('.app-requests').textContent()).toContain('svarfrist');

    await page.getByLabel('Ny merknad').fill('Ringte kommunen, avtalen kommer på e-post.');
    await page.getByRole('button', { name: 'Lagre merknad' }).click();
    await expect.poll(() => page.locator('.app-comments').textContent()).toContain('Ringte kommunen');
    expect(await page.locator('.app-comments').textContent()).toContain('Alice Aas');

    await page.goto(`${base}/queue`);
    expect(await page.locator('.app-counts').textContent()).toMatch(/1\s*venter på kommunen/);
    await page.goto(`${base}/cases?q=tilbake%20ringte`);
    expect(await page.locator('.app-empty').count()).toBe(1);
    await page.goto(`${base}/cases?q=ringte`);
    expect(await page.locator('tbody').textContent()).toContain('Bodø');

    await page.goto(`${base}/submissions/${fx.ids.get('bodo-rus-late')}`);
    await page.getByRole('button', { name: /Dokumentet er mottatt/ }).click();
    await expect.poll(() => page.locator('#status').textContent()).not.toContain('Venter på kommunen');
    expect(await page.locator('.app-requests').textContent()).toContain('Avsluttet');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-request-closed.png'), fullPage: true });
    await page.close();
  });

  it('asks before a correction removes the last open finding, then shows the case ready to finish', async () => {
    const page = await signIn('alice');
    const url = `${base}/submissions/${fx.ids.get('nittedal-rus-missing-orgnr')}`;
    await page.goto(url);
    const correct = async () => {
      const row = page.locator('tr', {
        has: page.locator('input[name="field"][value="applicant.orgNumber"]'),
      });
      await row.locator('summary').click();
      await row.getByLabel(/Ny verdi/).fill('971 643 870');
      await row.getByLabel('Begrunnelse').fill('Org.nr. fra Enhetsregisteret');
      await row.getByRole('button', { name: /Lagre og kontroller/ }).click();
      await page.waitForURL(/\/fields$/);
    };
    await correct();
    expect((await page.locator('main').textContent())!.replace(/\s+/g, ' ')).toContain(
      'fjerner det siste åpne funnet',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'correction-confirm.png') });
    // Cancelling changes nothing.
    await page.getByRole('link', { name: 'Avbryt og gå tilbake til saken' }).click();
    expect(await page.locator('[data-field-value="applicant.orgNumber"]').textContent()).not.toContain('971');
    expect(
      (await fx.reviews.history(fx.ids.get('nittedal-rus-missing-orgnr')!)).map((h) => h.action),
    ).not.toContain('field-corrected');
    await correct();
    await page.getByRole('button', { name: 'Ja, lagre rettingen' }).click();
    await expect.poll(() => notice(page)).toContain('kontrollert på nytt');
    expect(await page.locator('#status').textContent()).toContain('Klar til ferdigstilling');
    // Finished cases hide "Ta saken".
    await page.getByRole('button', { name: 'Merk som ferdig' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Ferdig');
    expect(await page.getByRole('button', { name: 'Ta saken' }).count()).toBe(0);
    await page.close();
  });
});
