import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_IMAGE_CACHE, PageImages, RenderBusyError } from '../../src/web/page-images.ts';
import { signIn, startWebFixture, type Session, type WebFixture } from './web-fixture.ts';

const SCAN = join(import.meta.dirname, '../../samples/2025/tromso-voksne-fact-clean-skannet/soknad.pdf');

describe('page images', () => {
  it('renders a page once, however many ask for it at the same time, and serves it from the cache after', async () => {
    const images = new PageImages({ threads: 1 });
    try {
      const bytes = await readFile(SCAN);
      let loads = 0;
      const load = async () => (loads++, bytes);
      const first = await Promise.all(Array.from({ length: 5 }, () => images.page('scan', 'pdf', 1, load)));
      expect(loads).toBe(1);
      expect(first.every((p) => p === first[0])).toBe(true);
      expect(first[0]!.png.subarray(1, 4).toString()).toBe('PNG');
      expect(await images.page('scan', 'pdf', 1, load)).toBe(first[0]);
      expect(loads).toBe(1);
      expect(await images.page('scan', 'pdf', 9, load)).toBeNull();
    } finally {
      await images.close();
    }
  }, 60_000);

  it('keeps the event loop free while six scanned pages are drawn (the request thread answers others)', async () => {
    // Drawn on the request thread, these six pages held the event loop for about 0.8 s at a time.
    const images = new PageImages({ threads: 1 });
    try {
      images.warm();
      const bytes = await readFile(SCAN);
      await images.page('warm-up', 'pdf', 1, async () => bytes);
      let last = performance.now();
      let worst = 0;
      const tick = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last - 5);
        last = now;
      }, 5);
      await Promise.all(
        [1, 2, 3, 1, 2, 3].map((page, i) => images.page(`six-${i}`, 'pdf', page, async () => bytes)),
      );
      clearInterval(tick);
      expect(worst).toBeLessThan(200);
    } finally {
      await images.close();
    }
  }, 60_000);

  it('refuses more waiting pages than it holds, instead of queueing without bound', async () => {
    const images = new PageImages({ threads: 1, maxWaiting: 1 });
    try {
      const bytes = await readFile(SCAN);
      const results = await Promise.allSettled(
        [1, 2, 3].map((page) => images.page(`scan-${page}`, 'pdf', page, async () => bytes)),
      );
      const busy = results.filter((r) => r.status === 'rejected' && r.reason instanceof RenderBusyError);
      expect(busy.length).toBeGreaterThan(0);
      expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    } finally {
      await images.close();
    }
  }, 60_000);
});

describe('page images through the app', () => {
  let fx: WebFixture;
  let alice: Session;
  beforeAll(async () => {
    fx = await startWebFixture(['2025/sola-tryggest-over-cap', '2025/trondheim-fact-ung-clean']);
    alice = await signIn(fx.app, 'alice');
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  });
  const get = (url: string) =>
    fx.app.inject({ method: 'GET', url, cookies: { intake_session: alice.cookie } });

  it('keeps /api/me quick while pages are drawn, and lets the browser keep a page (private, by its tag)', async () => {
    const urls = [...fx.ids.values()].flatMap((id) =>
      [1, 2].map((p) => `/submissions/${id}/documents/0/pages/${p}`),
    );
    const pages = Promise.all(urls.map(get));
    const started = performance.now();
    const me = await get('/api/me');
    const meMs = performance.now() - started;
    const answers = await pages;
    expect(me.statusCode).toBe(200);
    expect(meMs).toBeLessThan(500);
    expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThan(0);
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 404 || a.statusCode === 503)).toBe(
      true,
    );
    const served = answers.findIndex((a) => a.statusCode === 200);
    const again = await get(urls[served]!);
    expect(again.statusCode).toBe(200);
    expect(again.headers['cache-control']).toBe(PAGE_IMAGE_CACHE);
    // Asked again with its tag: 304, no image sent.
    const revalidated = await fx.app.inject({
      method: 'GET',
      url: urls[served]!,
      cookies: { intake_session: alice.cookie },
      headers: { 'if-none-match': String(again.headers.etag) },
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    // A page that is not there is not kept.
    const missing = await get(urls[served]!.replace(/pages\/\d+$/, 'pages/99'));
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  }, 60_000);
});
