import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launchChromium, signInAs } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_SOURCE, startWebFixture, type WebFixture } from './web-fixture.ts';

const NARVIK_PDF = join(import.meta.dirname, '../../samples/2023/narvik-overgang-over-cap/soknad.pdf');

/** The part of the page's globals the tests read (the test code is typed without the DOM library). */
type Browserish = { document: { activeElement: { textContent: string | null; id: string } | null } };

let fx: WebFixture;
let browser: Browser;
let base: string;

beforeAll(async () => {
  browser = await launchChromium();
  // Narvik's application is not in the store at the start: the test uploads it, and workers in this
  // process (on the real Redis, under the fixture's own key prefix) check it.
  fx = await startWebFixture([], { queues: true, workers: true });
  base = await fx.app.listen({ host: '127.0.0.1', port: 0 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await fx?.close();
});

const signIn = (page: Page, username: string) => signInAs(page, base, username);

describe('the reviewer app in a browser', () => {
  it('signs in, uploads a submission, sees it appear in the queue, opens it, sees the evidence, corrects, resolves, finishes it and sees it leave the queue', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const scripts: string[] = [];
    page.on('pageerror', (error) => scripts.push(error.message));
    await signIn(page, 'alice');
    await expect.poll(() => page.getByRole('heading', { name: 'Arbeidskø' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Narvik kommune' }).count()).toBe(0);

    // Upload the application as one submission and watch the batch's progress until it is checked.
    await page.getByRole('navigation').getByRole('link', { name: 'Last opp' }).click();
    await page.getByLabel(/^Én innsending/).check();
    await page.getByLabel(/Navn på innsendingen/).fill('Narvik');
    // Files dropped on the field go into it (the field works without script too).
    const dropped = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['tekst'], 'dratt-inn.txt', { type: 'text/plain' }));
      return transfer;
    })()`);
    await page.dispatchEvent('[data-dropzone]', 'drop', { dataTransfer: dropped });
    await expect.poll(() => page.locator('#up-file-list').textContent()).toContain('dratt-inn.txt');
    await page.getByLabel('Filer eller zip-arkiv').setInputFiles(NARVIK_PDF);
    await expect.poll(() => page.locator('#up-file-list').textContent()).toContain('soknad.pdf');
    expect(await page.locator('#up-file-list').textContent()).not.toContain('dratt-inn.txt');
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-form.png') });
    await page.getByRole('button', { name: 'Last opp og legg i kø' }).click();
    await page.waitForURL(/\/uploads\//);
    await expect
      .poll(() => page.locator('#batch-status').textContent(), { timeout: 90_000, interval: 500 })
      .toContain('Ferdig: 1 av 1 kontrollert');
    expect(await page.locator('#batch-progress').getAttribute('value')).toBe('1');
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-progress.png') });
    expect(await page.locator('#batch-list').textContent()).toContain('ligger i arbeidskøen');

    // It is in the queue now.
    await page.getByRole('link', { name: 'Til arbeidskøen' }).click();
    await page.waitForURL(`${base}/queue`);

    await page.getByRole('link', { name: 'Narvik kommune' }).click();
    await page.waitForURL(/\/submissions\//);
    const submissionUrl = page.url();

    // The finding's evidence: a box drawn over the text on the page image.
    const finding = page.locator('article.app-finding', {
      has: page.locator('code', { hasText: 'OVER_CAP' }),
    });
    await finding.getByRole('button', { name: /Vis i dokumentet/ }).click();
    const box = page.locator('.app-page .app-box:not([hidden])');
    await expect.poll(() => box.count(), { timeout: 15_000 }).toBe(1);
    const rect = await box.boundingBox();
    expect(rect!.width).toBeGreaterThan(10);
    expect(rect!.height).toBeGreaterThan(3);
    await expect.poll(() => page.locator('#highlight-status').textContent()).toContain('side 1');
    await page.screenshot({ path: join(SCREENSHOTS, 'submission-evidence.png'), fullPage: false });

    // Correct a field: re-validated at once, still over the cap.
    const row = page.locator('tr', { has: page.locator('input[name="field"][value="requestedAmount"]') });
    await row.locator('summary').click();
    await row.getByLabel(/Ny verdi/).fill('700 000');
    await row.getByLabel('Begrunnelse').fill('Søknadsbeløpet er 700 000 i budsjettet');
    await row.getByRole('button', { name: /Lagre og kontroller/ }).click();
    await expect.poll(() => page.locator('.ds-alert').textContent()).toContain('kontrollert på nytt');
    // Amounts as the page writes them (words.ts): thousands and "kr" joined by no-break spaces.
    expect(await page.locator('[data-field-value="requestedAmount"]').textContent()).toBe(
      '700\u00a0000\u00a0kr',
    );

    // Resolve the finding with a reason.
    const open = page.locator('article.app-finding', { has: page.locator('code', { hasText: 'OVER_CAP' }) });
    await open.getByLabel('Godtatt').check();
    await open.getByLabel('Begrunnelse').fill('Overskridelsen er avklart med kommunen');
    await open.getByRole('button', { name: 'Lagre avgjørelse' }).click();
    await expect.poll(() => page.locator('.ds-alert').textContent()).toContain('Avgjørelsen er lagret');

    // The history shows both changes, with the reasons.
    const history = page.locator('table.app-history');
    await expect.poll(() => history.textContent()).toContain('Felt rettet');
    const text = (await history.textContent())!;
    expect(text).toContain('760\u00a0000\u00a0kr → 700\u00a0000\u00a0kr');
    expect(text).toContain('Funn avgjort');
    expect(text).toContain('Overskridelsen er avklart med kommunen');

    // OVER_CAP needs four eyes: still open until a second person approves the decision.
    expect(await open.textContent()).toContain('Venter på godkjenning fra en annen person');
    expect(await open.getByRole('button', { name: 'Godkjenn avgjørelsen' }).count()).toBe(0);
    const second = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(second, 'bob');
    await second.goto(submissionUrl);
    await second
      .locator('article.app-finding', { has: second.locator('code', { hasText: 'OVER_CAP' }) })
      .getByRole('button', { name: 'Godkjenn avgjørelsen' })
      .click();
    await expect.poll(() => second.locator('.ds-alert').textContent()).toContain('godkjent');
    await second.close();
    await page.reload();
    expect(await history.textContent()).toContain('Avgjørelse godkjent av en annen');
    await page.screenshot({ path: join(SCREENSHOTS, 'submission-resolved.png'), fullPage: true });

    // Every finding decided: ready to finish, still in the queue until someone marks it done.
    await page.getByRole('navigation').getByRole('link', { name: 'Arbeidskø', exact: true }).click();
    await page.waitForURL(`${base}/queue`);
    const queued = page.locator('tr', { has: page.getByRole('link', { name: 'Narvik kommune' }) });
    expect(await queued.textContent()).toContain('Klar til ferdigstilling');
    await queued.getByRole('link', { name: 'Narvik kommune' }).click();
    await page.getByRole('button', { name: 'Merk som ferdig' }).click();
    await expect.poll(() => page.locator('.ds-alert').first().textContent()).toContain('ferdig behandlet');
    // Gone from the queue, found among all submissions as done.
    await page.getByRole('navigation').getByRole('link', { name: 'Arbeidskø', exact: true }).click();
    await page.waitForURL(`${base}/queue`);
    expect(await page.getByRole('link', { name: 'Narvik kommune' }).count()).toBe(0);
    expect(page.url()).not.toBe(submissionUrl);
    await page.getByRole('navigation').getByRole('link', { name: 'Alle innsendinger' }).click();
    const all = page.locator('tr', { has: page.getByRole('link', { name: 'Narvik kommune' }) });
    expect(await all.textContent()).toContain('Ferdig');
    expect(scripts).toEqual([]);
    await page.close();
  });

  it("shows an admin the queue dashboard with its own pages working under the app's security policy", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/fonts\.googleapis/.test(message.text()))
        problems.push(message.text());
    });
    await signIn(page, 'ada');
    await page.getByRole('navigation').getByRole('link', { name: 'Køer' }).click();
    await page.waitForURL(`${base}/admin/queues`);
    await expect
      .poll(() => page.getByText('submissions', { exact: true }).first().isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => page.getByText('Loading...').count(), { timeout: 20_000 }).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-dashboard.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps markup from a document inert in the page', async () => {
    const page = await browser.newPage();
    await signIn(page, 'bob');
    await page.goto(`${base}/submissions/${fx.ids.get(XSS_SOURCE)}`);
    await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.content()).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
    await page.close();
  });

  it('can be used with the keyboard: the skip link leads to the main content', async () => {
    const page = await browser.newPage();
    await signIn(page, 'bob');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => (globalThis as unknown as Browserish).document.activeElement?.textContent),
    ).toBe('Hopp til hovedinnhold');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as unknown as Browserish).document.activeElement?.id)).toBe(
      'main',
    );
    await page.close();
  });
});
