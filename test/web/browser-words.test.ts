import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launchChromium, signInAs } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe-check.ts';
import { startWebFixture, type WebFixture } from './web-fixture.ts';

/**
 * Issue 12, items 1, 2, 12 and the error pages of 3, as a case officer meets them in Chromium:
 * Norwegian finding titles with the code beside them, the rule's source under the finding, dates
 * and amounts in one format, a refused correction explained beside its field, Norwegian error pages,
 * and the queue dashboard inside the app's frame.
 */
const NARVIK = 'narvik-overgang-over-cap';
const NBSP = '\u00a0';

let fx: WebFixture;
let browser: Browser;
let base: string;

beforeAll(async () => {
  browser = await launchChromium();
  fx = await startWebFixture(['2023/narvik-overgang-over-cap'], { queues: true });
  base = await fx.app.listen({ host: '127.0.0.1', port: 0 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await fx?.close();
});

const signIn = (page: Page, username: string) => signInAs(page, base, username);

const narvikUrl = () => `${base}/submissions/${fx.ids.get(NARVIK)}`;

describe('Norwegian words, the rule source and corrections that help, in a browser', () => {
  it('shows OVER_CAP by its Norwegian title, the code small beside it, and the rule quoted from the scheme under it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, 'alice');
    await page.goto(narvikUrl());
    const card = page.locator('article.app-finding', { has: page.locator('code', { hasText: 'OVER_CAP' }) });
    const title = card.getByRole('heading', { level: 3 });
    expect(await title.textContent()).toContain('Over tilskuddsgrensen');
    // The code is a secondary label: small, in a <code>, after the title.
    expect(await card.locator('h3 small code').textContent()).toBe('OVER_CAP');
    // The rule behind it: the scheme's cap for 2023-2024, quoted as the scheme file cites it.
    const source = card.locator('.app-rule-source');
    expect(await source.textContent()).toContain('Regelverket: «2023 – 2024 → 330 000 pr. stilling»');
    expect(await source.textContent()).toContain('Kommunalt rusarbeid, overgangsordning');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'words-finding-rule-source.png') });

    // Amounts in kroner with grouped thousands; dates dd.mm.åååå.
    expect(await page.locator('[data-field-value="requestedAmount"]').textContent()).toBe(
      `760${NBSP}000${NBSP}kr`,
    );
    expect(await page.locator('[data-field-value="positions"]').textContent()).toBe('2');
    expect(await page.locator('[data-field-value="submittedDate"]').textContent()).toBe('27.01.2023');
    expect(await page.locator('[data-field-value="scheme"]').textContent()).toBe(
      'Kommunalt rusarbeid, overgangsordning',
    );
    const firstTime = await page.locator('.app-history tbody tr td').first().textContent();
    expect(firstTime).toMatch(/^\d{2}\.\d{2}\.\d{4} kl\. \d{2}:\d{2}$/);
    expect(await page.locator('.app-history').textContent()).not.toContain('processed');
    await page.close();
  });

  it('sends a correction it cannot read back to its field, naming the field and the format, with what was typed kept', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, 'alice');
    await page.goto(narvikUrl());
    const form = page.locator('#rett-requestedAmount');
    await form.locator('summary').click();
    const input = form.getByLabel('Ny verdi for søknadsbeløp');
    // The expected format stands beside the field and is read out with it.
    const hintId = (await input.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await page.locator(`#${hintId}`).textContent()).toContain('Beløp i hele kroner, f.eks. 1 250 000');
    expect(await input.inputValue()).toBe(`760${NBSP}000`);
    await input.fill('mye penger');
    await form.getByLabel('Begrunnelse').fill('Beløpet står i budsjettet');
    await form.getByRole('button', { name: /Lagre og kontroller/ }).click();
    await page.waitForURL(/field=requestedAmount/);

    // Back on the case: the form open, the input marked invalid, the error beside it and read with it.
    const again = page.locator('#rett-requestedAmount');
    expect(await again.getAttribute('open')).not.toBeNull();
    const invalid = again.getByLabel('Ny verdi for søknadsbeløp');
    expect(await invalid.getAttribute('aria-invalid')).toBe('true');
    expect(await invalid.inputValue()).toBe('mye penger');
    expect(await again.getByLabel('Begrunnelse').inputValue()).toBe('Beløpet står i budsjettet');
    const described = (await invalid.getAttribute('aria-describedby'))!.split(' ');
    const error = page.locator(`#${described[1]}`);
    expect(await error.getAttribute('class')).toContain('ds-validation-message');
    expect(await error.textContent()).toContain('Søknadsbeløp: «mye penger» kan ikke leses som et beløp');
    expect(await error.textContent()).toContain('f.eks. 1 250 000');
    // Nothing was changed.
    expect(await page.locator('[data-field-value="requestedAmount"]').textContent()).toBe(
      `760${NBSP}000${NBSP}kr`,
    );
    await again.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'words-correction-error.png') });
    // The form in its error state passes WCAG 2.1 A/AA too.
    const violations = await axeViolations(page);
    expect(violations, describeViolations('the case page with a refused correction', violations)).toEqual([]);

    // A correction it can read goes through and is shown in the field's format, in the history too.
    await invalid.fill('700 000');
    await again.getByRole('button', { name: /Lagre og kontroller/ }).click();
    await expect.poll(() => page.locator('.ds-alert').first().textContent()).toContain('kontrollert på nytt');
    expect(await page.locator('[data-field-value="requestedAmount"]').textContent()).toBe(
      `700${NBSP}000${NBSP}kr`,
    );
    const history = await page.locator('.app-history').textContent();
    expect(history).toContain('Felt rettet');
    expect(history).toContain(`760${NBSP}000${NBSP}kr → 700${NBSP}000${NBSP}kr`);

    // A correction that takes OVER_CAP away waits for a second person: said in words and formats too.
    const form3 = page.locator('#rett-requestedAmount');
    await form3.locator('summary').click();
    await form3.getByLabel('Ny verdi for søknadsbeløp').fill('600 000');
    await form3.getByLabel('Begrunnelse').fill('Kommunen har redusert søknaden');
    await form3.getByRole('button', { name: /Lagre og kontroller/ }).click();
    const pending = page.locator('.ds-alert[data-color="warning"]', {
      hasText: 'En annen person må godkjenne',
    });
    await expect.poll(() => pending.count()).toBe(1);
    // Line breaks of the markup folded; the no-break spaces of the amounts kept.
    const said = (await pending.textContent())!.replace(/[ \n]+/g, ' ');
    expect(said).toContain(`(700${NBSP}000${NBSP}kr → 600${NBSP}000${NBSP}kr)`);
    expect(said).toContain('forsvant Over tilskuddsgrensen');
    expect(said).not.toContain('OVER_CAP');
    await page.close();
  });

  it('shows a missing page, a missing case and an admin page as Norwegian pages in the app frame, with a way back', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await signIn(page, 'bob');

    const missing = await page.goto(`${base}/finnes/ikke`);
    expect(missing!.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Siden finnes ikke');
    expect(await page.getByRole('navigation', { name: 'Hovedmeny' }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'words-not-found.png') });
    await page.getByRole('link', { name: 'Til arbeidskøen' }).click();
    await page.waitForURL(`${base}/queue`);

    const noCase = await page.goto(`${base}/submissions/finnes-ikke`);
    expect(noCase!.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Siden finnes ikke');
    expect(await page.locator('#error-message').textContent()).not.toBe('');

    const admin = await page.goto(`${base}/admin/users`);
    expect(admin!.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ingen tilgang');
    expect(await page.locator('#error-message').textContent()).toContain('Bare administratorer');
    await page.screenshot({ path: join(SCREENSHOTS, 'words-forbidden.png') });

    // A script's request (no text/html in Accept) and the API keep their JSON.
    const api = await page.request.get(`${base}/api/submissions/finnes-ikke`);
    expect(api.status()).toBe(404);
    expect(((await api.json()) as { error: string }).error).not.toBe('');
    const scripted = await page.request.get(`${base}/finnes/ikke`, {
      headers: { accept: 'application/json' },
    });
    expect(scripted.headers()['content-type']).toContain('application/json');
    await page.close();
  });

  it('answers a form sent after the session ended with a Norwegian page that leads to sign-in', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'bob');
    await page.goto(narvikUrl());
    const form = page.locator('#rett-positions');
    await form.locator('summary').click();
    await form.getByLabel('Ny verdi for antall stillinger (årsverk)').fill('3');
    await form.getByLabel('Begrunnelse').fill('Tre årsverk i budsjettet');
    // The session ends (signed out in another tab, or expired) before the form is sent.
    await context.clearCookies();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/fields')),
      form.getByRole('button', { name: /Lagre og kontroller/ }).click(),
    ]);
    expect(response.status()).toBe(401);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Du må logge inn');
    expect(await page.locator('#error-message').textContent()).toContain('Logg inn på nytt');
    await page.screenshot({ path: join(SCREENSHOTS, 'words-session-ended.png') });
    await page.getByRole('link', { name: 'Til innloggingen' }).click();
    await page.waitForURL(/\/login/);
    await context.close();
  });

  it('frames the queue dashboard in Norwegian with a way back into the app, and writes the audit log in words', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await signIn(page, 'ada');
    await page.goto(`${base}/admin/queues`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    const back = page
      .getByRole('navigation', { name: 'Intake' })
      .getByRole('link', { name: 'Tilbake til arbeidskøen' });
    await expect.poll(() => back.isVisible()).toBe(true);
    // bull-board's own words in Norwegian where given (its queue names are the app's own).
    await expect.poll(() => page.getByPlaceholder('Filtrer køer').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText('Laster', { exact: false }).count(), { timeout: 20_000 }).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'words-queue-dashboard.png') });
    await back.click();
    await page.waitForURL(`${base}/queue`);

    // The audit log in words: actions and details in Norwegian, no raw JSON.
    await page.goto(`${base}/admin/audit`);
    const log = page.locator('main table');
    expect(await log.textContent()).toContain('Logget inn');
    expect(await log.textContent()).toContain('adresse: 127.0.0.1');
    expect(await log.textContent()).not.toContain('{"');
    expect(await log.textContent()).toContain('status: trenger kontroll');
    expect(await log.textContent()).not.toContain('needs-review');
    await page.screenshot({ path: join(SCREENSHOTS, 'words-audit-log.png') });
    await page.close();
  });
});
