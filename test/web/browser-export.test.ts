import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launchChromium, signInAs } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/review/review-store.ts';
import { startWebFixture, type WebFixture } from './web-fixture.ts';

const NARVIK = 'narvik-overgang-over-cap';
const HARSTAD = 'harstad-rus-clean';
const OVERGANG_NAME = 'Kommunalt rusarbeid, overgangsordning';

let fx: WebFixture;
let browser: Browser;
let base: string;

async function user(username: string): Promise<User> {
  const u = (await fx.reviews.credentials(username))!;
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}

beforeAll(async () => {
  browser = await launchChromium();
  fx = await startWebFixture([`2023/${NARVIK}`, `2023/${HARSTAD}`]);
  // Narvik decided and done: Alice waives OVER_CAP, Bob approves, Alice closes the case.
  const id = fx.ids.get(NARVIK)!;
  const [alice, bob] = [await user('alice'), await user('bob')];
  await fx.service.claim(alice, id);
  const overCap = (await fx.service.submission(id)).findings.find((f) => f.code === 'OVER_CAP')!;
  await fx.service.resolveFinding(alice, id, overCap.key, 'waived', 'To stillinger er dokumentert');
  const decision = (await fx.service.submission(id)).findings.find((f) => f.code === 'OVER_CAP')!;
  await fx.service.approveWaiver(bob, id, decision.resolution!.id);
  await fx.service.markDone(alice, id, '');
  base = await fx.app.listen({ host: '127.0.0.1', port: 0 });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await fx?.close();
});

const signIn = (page: Page, username: string) => signInAs(page, base, username);

describe('the summary and the export in a browser', () => {
  it('shows scheme names, links its numbers to the filtered list and draws the charts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, 'alice');
    await page.goto(`${base}/summary`);
    const table = page.locator('#summary-table');
    await expect.poll(() => table.getByRole('rowheader', { name: OVERGANG_NAME }).count()).toBe(1);
    expect(await table.textContent()).not.toContain('kommunalt-rusarbeid-overgang');
    // Amounts as Norwegian writes them.
    const row = table.locator('tr', { has: page.getByRole('rowheader', { name: OVERGANG_NAME }) });
    expect((await row.textContent())!.replace(/\u00a0/g, ' ')).toContain('760 000 kr');

    // Two charts, each an image with a title and a description, and bars in it.
    const charts = page.getByRole('img');
    await expect.poll(() => charts.count()).toBe(2);
    const amounts = page.getByRole('img', { name: 'Søkt beløp per ordning og år' });
    expect(await amounts.isVisible()).toBe(true);
    expect(await amounts.locator('rect').count()).toBe(3);
    expect(await amounts.locator('desc').textContent()).toContain('Høyest');
    expect(await page.getByRole('img', { name: 'Funn per ordning og år' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'summary-chart.png'), fullPage: true });

    // The done count opens the case list filtered to that scheme, year and status.
    await row.getByRole('link', { name: /ferdig behandlet i/ }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      scheme: 'kommunalt-rusarbeid-overgang',
      year: '2023',
      status: 'done',
    });
    // The list shows the one done case of that scheme and year.
    await expect.poll(() => page.getByRole('link', { name: 'Narvik kommune' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('Harstad');
    await page.screenshot({ path: join(SCREENSHOTS, 'summary-to-cases.png') });
    await page.close();
  });

  it('filters the summary by scheme and downloads that selection as Excel through the page link', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    await signIn(page, 'alice');
    await page.goto(`${base}/summary`);
    await page.getByLabel('Ordning', { exact: true }).selectOption({ label: OVERGANG_NAME });
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/scheme=kommunalt-rusarbeid-overgang/);
    expect(await page.locator('#summary-table tbody tr').count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Excel', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('innsendinger.xlsx');
    expect(new URL(download.url()).searchParams.get('scheme')).toBe('kommunalt-rusarbeid-overgang');
    const path = join(SCREENSHOTS, '..', 'summary-export.xlsx');
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Innsendinger')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Narvik kommune');
    const funn = book.getWorksheet('Funn')!;
    const headers = (funn.getRow(1).values as unknown[]).map(String);
    const cell = (name: string) => funn.getRow(2).getCell(headers.indexOf(name)).value;
    expect(cell('Avgjørelse')).toBe('Frafalt');
    expect(cell('Avgjort av')).toBe('Alice Aas');
    expect(cell('Godkjent av')).toBe('Bob Berg');
    await page.screenshot({ path: join(SCREENSHOTS, 'summary-filtered.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone screen: no content wider than the screen, the charts still readable', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await signIn(page, 'alice');
    await page.goto(`${base}/summary`);
    const chart = page.getByRole('img', { name: 'Søkt beløp per ordning og år' });
    const box = await chart.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    expect(box!.width).toBeGreaterThan(250);
    // The page frame's header is the narrow-screen work's (item 11); the summary's own content must fit.
    const wide = await page.evaluate(`[...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.app-scroll-x'))
      .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`);
    expect(wide).toEqual([]);
    // Labels keep their size (no viewBox scaling): the first label is 14 px high or so.
    const label = await chart.locator('text').first().boundingBox();
    expect(label!.height).toBeGreaterThan(12);
    await page.screenshot({ path: join(SCREENSHOTS, 'summary-phone.png'), fullPage: true });
    await page.close();
  });
});
