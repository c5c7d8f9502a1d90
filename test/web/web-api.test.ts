import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import ExcelJS from 'exceljs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewService } from '../../src/review/review-service.ts';
import { buildServer } from '../../src/web/server.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { FileBlobStore } from '../../src/blobs/blob-store.ts';
import { makeZip } from '../support/document-fixtures.ts';
import {
  PASSWORD,
  XSS_SOURCE,
  signIn,
  startWebFixture,
  REDIS_URL,
  type Session,
  type WebFixture,
} from './web-fixture.ts';

const NARVIK = 'narvik-overgang-over-cap';
const SOLA = 'sola-tryggest-over-cap';
const LILLEHAMMER = 'lillehammer-fact-ung-no-agreement';

let fx: WebFixture;
let alice: Session;
let bob: Session;
let ada: Session;
const id = (source: string) => fx.ids.get(source)!;

beforeAll(async () => {
  fx = await startWebFixture([`2023/${NARVIK}`, `2025/${SOLA}`, `2024/${LILLEHAMMER}`], { queues: true });
  alice = await signIn(fx.app, 'alice');
  bob = await signIn(fx.app, 'bob');
  ada = await signIn(fx.app, 'ada');
}, 120_000);
afterAll(async () => {
  await fx?.close();
});

const as = (session: Session) => ({ cookies: { intake_session: session.cookie } });
const post = (session: Session, url: string, payload: Record<string, unknown> = {}) =>
  fx.app.inject({ method: 'POST', url, ...as(session), headers: { 'x-csrf-token': session.csrf }, payload });
const get = (session: Session, url: string) => fx.app.inject({ method: 'GET', url, ...as(session) });
const queueIds = async (session: Session, query = '') =>
  (await get(session, `/api/queue${query}`)).json<{ items: Array<{ id: string }> }>().items.map((i) => i.id);
const findingKey = async (submission: string, code: string) =>
  (await get(alice, `/api/submissions/${submission}`))
    .json<{ findings: Array<{ key: string; code: string }> }>()
    .findings.find((f) => f.code === code)!.key;

/** Every route of the app but sign-in and assets, with a URL that reaches it. */
function everyRoute(): Array<[string, string]> {
  const s = id(NARVIK);
  return [
    ['GET', '/'],
    ['GET', '/queue'],
    ['GET', '/cases'],
    ['POST', '/cases/bulk'],
    ['POST', '/filters'],
    ['POST', '/filters/1/delete'],
    ['POST', `/submissions/${s}/assign`],
    ['POST', `/submissions/${s}/comments`],
    ['POST', `/submissions/${s}/document-requests/1/close`],
    ['GET', '/summary'],
    ['GET', `/submissions/${s}`],
    ['GET', `/submissions/${s}/documents/0/pages/1`],
    ['POST', `/submissions/${s}/claim`],
    ['POST', `/submissions/${s}/release`],
    ['POST', `/submissions/${s}/fields`],
    ['POST', `/submissions/${s}/findings/resolve`],
    ['POST', `/submissions/${s}/resolutions/1/approve`],
    ['POST', `/submissions/${s}/corrections/1/approve`],
    ['POST', `/submissions/${s}/document-requests`],
    ['POST', `/submissions/${s}/done`],
    ['POST', `/submissions/${s}/reopen`],
    ['GET', '/export.xlsx'],
    ['GET', '/export.csv'],
    ['GET', '/admin/users'],
    ['GET', '/admin/audit'],
    ['POST', '/admin/users'],
    ['POST', '/admin/users/nobody/deactivate'],
    ['POST', '/logout'],
    ['POST', '/logout/everywhere'],
    ['GET', '/api/openapi.json'],
    ['GET', '/api/me'],
    ['POST', '/api/me/sessions/end-all'],
    ['GET', '/api/queue'],
    ['GET', '/api/cases'],
    ['GET', `/api/submissions/${s}`],
    ['POST', `/api/submissions/${s}/claim`],
    ['POST', `/api/submissions/${s}/release`],
    ['POST', `/api/submissions/${s}/fields`],
    ['POST', `/api/submissions/${s}/findings/resolve`],
    ['POST', `/api/submissions/${s}/resolutions/1/approve`],
    ['POST', `/api/submissions/${s}/corrections/1/approve`],
    ['POST', `/api/submissions/${s}/document-requests`],
    ['POST', `/api/submissions/${s}/done`],
    ['POST', `/api/submissions/${s}/reopen`],
    ['GET', '/api/summary'],
    ['GET', '/api/admin/users'],
    ['GET', '/api/admin/audit'],
    ['POST', '/api/admin/users'],
    ['POST', '/api/admin/users/nobody/deactivate'],
    ['GET', '/upload'],
    ['POST', '/upload'],
    ['GET', '/uploads/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/uploads'],
    ['GET', '/api/batches/00000000-0000-4000-8000-000000000000'],
  ];
}

/** The queue dashboard's routes (bull-board's own), with made-up values for their parameters. */
function dashboardRoutes(): Array<[string, string]> {
  return fx.app.routeList
    .filter((r) => r.split(' ')[1]!.startsWith('/admin/queues'))
    .map((r) => {
      const [method, url] = r.split(' ') as [string, string];
      return [method, url.replace(/:\w+/g, 'x').replace('*', 'x.js')];
    });
}

/** A multipart/form-data body: fields first (the CSRF token must come before the files), then files. */
function multipart(fields: Record<string, string>, files: Array<{ name: string; data: Buffer }>) {
  const boundary = `----intake${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const sampleFiles = async (sample: string) => {
  const dir = join(import.meta.dirname, '../../samples', sample);
  return Promise.all(
    (await readdir(dir)).sort().map(async (name) => ({ name, data: await readFile(join(dir, name)) })),
  );
};

describe('sign-in and access', () => {
  it('covers every registered route in these access tests', () => {
    const listed = everyRoute().map(
      ([m, u]) =>
        `${m} ${u
          .replace(id(NARVIK), ':id')
          .replace('/0/pages/1', '/:pos/pages/:page')
          .replace('/resolutions/1/', '/resolutions/:rid/')
          .replace('/corrections/1/', '/corrections/:cid/')
          .replace('/document-requests/1/', '/document-requests/:rid/')
          .replace('/filters/1/', '/filters/:fid/')
          .replace('/users/nobody/', '/users/:username/')}`,
    );
    const registered = fx.app.routeList.filter((r) => !r.split(' ')[1]!.startsWith('/admin/queues'));
    const open = ['GET /login', 'POST /login', 'GET /assets/:name'];
    expect(new Set(registered)).toEqual(
      new Set([...listed.map((r) => r.replace(/\/00000000-[\w-]+/, '/:id')), ...open]),
    );
    // The dashboard's routes are tested one by one below.
    expect(dashboardRoutes().length).toBeGreaterThan(20);
    expect(dashboardRoutes()).toContainEqual(['GET', '/admin/queues']);
  });

  it('refuses every route without a session: 401 for the API and forms, a redirect to sign-in for pages', async () => {
    for (const [method, url] of [...everyRoute(), ...dashboardRoutes()]) {
      const res = await fx.app.inject({
        method: method as 'GET' | 'POST' | 'PUT' | 'PATCH',
        url,
        payload: method === 'POST' ? {} : undefined,
      });
      if (method === 'GET' && !url.startsWith('/api/')) {
        expect([res.statusCode, res.headers.location], `${method} ${url}`).toEqual([
          303,
          `/login?next=${encodeURIComponent(url)}`,
        ]);
      } else {
        expect(res.statusCode, `${method} ${url}`).toBe(401);
      }
    }
  });

  it('refuses an expired or made-up session cookie', async () => {
    const res = await fx.app.inject({
      method: 'GET',
      url: '/api/queue',
      cookies: { intake_session: 'made-up' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('keeps reviewers out of every admin route', async () => {
    for (const [method, url] of [...everyRoute(), ...dashboardRoutes()].filter(
      ([, u]) => u.startsWith('/admin') || u.startsWith('/api/admin'),
    )) {
      const res = await fx.app.inject({
        method: method as 'GET' | 'POST' | 'PUT' | 'PATCH',
        url,
        ...as(alice),
        headers: { 'x-csrf-token': alice.csrf },
        payload: method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await get(ada, '/admin/users')).statusCode).toBe(200);
    expect(
      (await get(ada, '/api/admin/users')).json().users.map((u: { username: string }) => u.username),
    ).toEqual(['ada', 'alice', 'bob']);
  });

  it('refuses a wrong password and a sign-in form without its token', async () => {
    const form = await fx.app.inject({ method: 'GET', url: '/login' });
    const token = form.cookies.find((c) => c.name === 'intake_login_csrf')!.value;
    const wrong = await fx.app.inject({
      method: 'POST',
      url: '/login',
      cookies: { intake_login_csrf: token },
      payload: { username: 'alice', password: 'feil-passord-123', _csrf: token },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Feil brukernavn eller passord.');
    const forged = await fx.app.inject({
      method: 'POST',
      url: '/login',
      payload: { username: 'alice', password: PASSWORD, _csrf: 'x' },
    });
    expect(forged.statusCode).toBe(403);
  });

  it('sends a signed-in user only to a local page after sign-in', async () => {
    const form = await fx.app.inject({ method: 'GET', url: '/login' });
    const token = form.cookies.find((c) => c.name === 'intake_login_csrf')!.value;
    const res = await fx.app.inject({
      method: 'POST',
      url: '/login',
      cookies: { intake_login_csrf: token },
      payload: { username: 'alice', password: PASSWORD, _csrf: token, next: '//evil.example/' },
    });
    expect(res.headers.location).toBe('/queue');
  });

  it('refuses a state-changing request without the session CSRF token', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: `/api/submissions/${id(NARVIK)}/claim`,
      ...as(alice),
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    const wrong = await fx.app.inject({
      method: 'POST',
      url: `/submissions/${id(NARVIK)}/claim`,
      ...as(alice),
      payload: { _csrf: bob.csrf },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('sends security headers and serves Designsystemet from the app itself', async () => {
    const res = await get(alice, '/queue');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.body).toContain('href="/assets/designsystemet.css"');
    expect(res.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const css = await fx.app.inject({ method: 'GET', url: '/assets/designsystemet.css' });
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('.ds-button');
    const theme = await fx.app.inject({ method: 'GET', url: '/assets/designsystemet-theme.css' });
    expect(theme.body).toContain('--ds-color');
    expect((await fx.app.inject({ method: 'GET', url: '/assets/..%2Fserver.ts' })).statusCode).toBe(404);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const deps = {
      store: fx.store,
      reviews: fx.reviews,
      service: new ReviewService(fx.store, fx.reviews, { schemes, register, lowConfidenceThreshold: 0.6 }),
      blobs: new FileBlobStore('/nonexistent'),
      schemes: [],
    };
    const app = await buildServer(deps, { secureCookies: false, sessionHours: 1, loginAttemptsPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (await app.inject({ method: 'POST', url: '/login', payload: { username: 'alice', password: 'x' } }))
            .statusCode,
        );
      }
      expect(codes).toEqual([403, 403, 403, 429, 429]);
    } finally {
      await app.close();
    }
  });

  it('ends the session on sign-out', async () => {
    const session = await signIn(fx.app, 'bob');
    expect((await post(session, '/logout')).statusCode).toBe(303);
    expect((await get(session, '/api/queue')).statusCode).toBe(401);
  });
});

describe('the queue', () => {
  it('lists submissions with open error or warning findings, with filters', async () => {
    expect(new Set(await queueIds(alice))).toEqual(
      new Set([id(NARVIK), id(SOLA), id(LILLEHAMMER), id(XSS_SOURCE)]),
    );
    expect(new Set(await queueIds(alice, '?code=OVER_CAP'))).toEqual(new Set([id(NARVIK), id(SOLA)]));
    expect(await queueIds(alice, '?scheme=tryggest')).toEqual([id(SOLA)]);
    expect(await queueIds(alice, '?year=2023&code=OVER_CAP')).toEqual([id(NARVIK)]);
    expect(await queueIds(alice, '?municipality=narvik')).toEqual([id(NARVIK)]);
    expect(await queueIds(alice, '?municipality=1806')).toEqual([id(NARVIK)]);
    const page = await get(alice, '/queue?code=OVER_CAP');
    expect(page.body).toContain('Narvik kommune');
    expect(page.body).not.toContain('Lillehammer kommune');
  });

  it('sorts by deadline, nearest first', async () => {
    const items = (await get(alice, '/api/queue')).json<{ items: Array<{ deadline: string | null }> }>()
      .items;
    const deadlines = items.map((i) => i.deadline ?? '9999');
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('lets one reviewer take a submission and shows it to the others', async () => {
    expect((await post(alice, `/api/submissions/${id(SOLA)}/claim`)).statusCode).toBe(200);
    const taken = await post(bob, `/api/submissions/${id(SOLA)}/claim`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toContain('En annen saksbehandler');
    const items = (await get(bob, '/api/queue?scheme=tryggest')).json<{
      items: Array<{ claimedBy: string }>;
    }>().items;
    expect(items[0]!.claimedBy).toBe('Alice Aas');
    expect((await post(bob, `/api/submissions/${id(SOLA)}/release`)).statusCode).toBe(403);
    const form = await fx.app.inject({
      method: 'POST',
      url: `/submissions/${id(SOLA)}/release`,
      ...as(alice),
      payload: { _csrf: alice.csrf },
    });
    expect(form.statusCode).toBe(303);
    expect((await get(bob, '/api/queue?scheme=tryggest')).json().items[0].claimedBy).toBeNull();
  });
});

describe('a submission', () => {
  it('shows documents as page images beside findings whose evidence has a box on the page', async () => {
    const page = await get(alice, `/submissions/${id(NARVIK)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/submissions/${id(NARVIK)}/documents/0/pages/1`);
    const evidence = [...page.body.matchAll(/data-evidence="([^"]+)"/g)].map((m) =>
      JSON.parse(
        m[1]!
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>'),
      ),
    );
    expect(evidence.some((e) => e.box && e.box.width > 0 && e.page === 1)).toBe(true);
    const image = await get(alice, `/submissions/${id(NARVIK)}/documents/0/pages/1`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await get(alice, `/submissions/${id(NARVIK)}/documents/0/pages/99`)).statusCode).toBe(404);
    expect((await get(alice, '/api/submissions/nope')).statusCode).toBe(404);
  });

  it('shows text from documents escaped, so markup and script in a sample stay inert', async () => {
    const page = await get(alice, `/submissions/${id(XSS_SOURCE)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
    expect(page.body).not.toContain('<script>window.__xss');
    expect(page.body).not.toMatch(/<img src=x/);
    expect(page.body.match(/<script/g)).toHaveLength(1); // only the app's own script tag
    expect((await get(alice, '/queue')).body).not.toContain('<script>window');
  });

  it('re-validates at once when a field is corrected, and records it in the history', async () => {
    const res = await post(alice, `/api/submissions/${id(NARVIK)}/fields`, {
      field: 'requestedAmount',
      value: 'kr 660 000,-',
      reason: 'Riktig beløp står i budsjettet',
    });
    expect(res.statusCode).toBe(200);
    const record = res.json().record;
    expect(record.requestedAmount).toBe(660000);
    expect(record.findings.map((f: { code: string }) => f.code)).not.toContain('OVER_CAP');
    expect(record.status).toBe('accepted');
    // OVER_CAP gone by a correction: four eyes, so the case waits for a second person's approval.
    expect(await queueIds(alice)).toContain(id(NARVIK));
    const pending = (await get(alice, `/api/submissions/${id(NARVIK)}`)).json().pendingCorrections;
    expect(pending).toMatchObject([{ field: 'requestedAmount', removedFindings: [{ code: 'OVER_CAP' }] }]);
    expect(
      (await post(bob, `/api/submissions/${id(NARVIK)}/corrections/${pending[0].id}/approve`)).statusCode,
    ).toBe(200);
    expect(await queueIds(alice)).not.toContain(id(NARVIK));
    const view = (await get(alice, `/api/submissions/${id(NARVIK)}`)).json();
    const entry = view.history.find((h: { action: string }) => h.action === 'field-corrected');
    expect(entry).toMatchObject({
      actor: 'alice',
      details: {
        field: 'requestedAmount',
        before: 760000,
        after: 660000,
        reason: 'Riktig beløp står i budsjettet',
      },
    });
    const page = await get(alice, `/submissions/${id(NARVIK)}`);
    expect(page.body).toContain('Felt rettet');
    expect(page.body).toContain('760\u00a0000\u00a0kr → 660\u00a0000\u00a0kr');
  });

  it('refuses a correction it cannot read, of an unknown field, or without a reason', async () => {
    const url = `/api/submissions/${id(LILLEHAMMER)}/fields`;
    expect((await post(alice, url, { field: 'requestedAmount', value: 'mye', reason: 'x' })).statusCode).toBe(
      400,
    );
    expect((await post(alice, url, { field: 'status', value: 'accepted', reason: 'x' })).statusCode).toBe(
      400,
    );
    expect((await post(alice, url, { field: 'positions', value: '2', reason: '  ' })).statusCode).toBe(400);
    const form = await fx.app.inject({
      method: 'POST',
      url: `/submissions/${id(LILLEHAMMER)}/fields`,
      ...as(alice),
      payload: { _csrf: alice.csrf, field: 'requestedAmount', value: 'mye', reason: 'x' },
    });
    expect(form.statusCode).toBe(303);
    expect((await get(alice, form.headers.location as string)).body).toContain('kan ikke leses');
  });

  it('keeps both of two corrections made at the same time', async () => {
    const url = `/api/submissions/${id(XSS_SOURCE)}/fields`;
    const results = await Promise.all([
      post(alice, url, { field: 'requestedAmount', value: '450 000', reason: 'Beløpet i budsjettet' }),
      post(bob, url, { field: 'positions', value: '2,5', reason: 'Årsverk i bemanningsplanen' }),
      post(alice, url, { field: 'applicant.orgNumber', value: '942110464', reason: 'Fra Enhetsregisteret' }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const view = (await get(alice, `/api/submissions/${id(XSS_SOURCE)}`)).json();
    expect(view.record).toMatchObject({
      requestedAmount: 450000,
      positions: 2.5,
      applicant: { orgNumber: '942110464' },
    });
    const corrected = view.history.filter((h: { action: string }) => h.action === 'field-corrected');
    expect(corrected).toHaveLength(3);
  });

  it('needs a second reviewer to approve waiving OVER_CAP', async () => {
    const key = await findingKey(id(SOLA), 'OVER_CAP');
    expect(
      (
        await post(alice, `/api/submissions/${id(SOLA)}/findings/resolve`, {
          key,
          resolution: 'waived',
          reason: 'Særskilt begrunnet',
        })
      ).statusCode,
    ).toBe(200);
    expect(await queueIds(alice)).toContain(id(SOLA));
    const resolution = (await get(alice, `/api/submissions/${id(SOLA)}`))
      .json()
      .findings.find((f: { key: string }) => f.key === key).resolution;
    expect(resolution.needsApproval).toBe(true);
    const self = await post(alice, `/api/submissions/${id(SOLA)}/resolutions/${resolution.id}/approve`);
    expect(self.statusCode).toBe(403);
    const other = await post(bob, `/api/submissions/${id(SOLA)}/resolutions/${resolution.id}/approve`);
    expect(other.statusCode).toBe(200);
    expect(await queueIds(alice)).not.toContain(id(SOLA));
    expect(
      (await post(bob, `/api/submissions/${id(SOLA)}/resolutions/${resolution.id}/approve`)).statusCode,
    ).toBe(409);
    const actions = (await get(alice, `/api/submissions/${id(SOLA)}`))
      .json()
      .history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['processed', 'claimed', 'released', 'finding-resolved', 'decision-approved']);
  });

  it('asks for a missing document, refuses done while findings are open, then marks it done', async () => {
    const s = id(LILLEHAMMER);
    const request = await post(alice, `/api/submissions/${s}/document-requests`, {
      document: 'samarbeidsavtale',
      message: 'Send samarbeidsavtalen med helseforetaket.',
    });
    expect(request.statusCode).toBe(200);
    expect((await post(alice, `/api/submissions/${s}/done`, {})).statusCode).toBe(409);
    const view = (await get(alice, `/api/submissions/${s}`)).json();
    for (const f of view.findings.filter((f: { open: boolean }) => f.open)) {
      const res = await post(alice, `/api/submissions/${s}/findings/resolve`, {
        key: f.key,
        resolution: 'accepted',
        reason: 'Avtale etterspurt',
      });
      expect(res.statusCode).toBe(200);
    }
    expect(await queueIds(alice)).not.toContain(s);
    expect((await post(alice, `/api/submissions/${s}/done`, { comment: 'Ferdig' })).statusCode).toBe(200);
    expect((await post(alice, `/api/submissions/${s}/done`, {})).statusCode).toBe(409);
    const resolve = await post(alice, `/api/submissions/${s}/findings/resolve`, {
      key: 'x',
      resolution: 'maybe',
      reason: 'r',
    });
    expect(resolve.statusCode).toBe(400);
  });

  it('keeps the audit log from being changed or deleted', async () => {
    await expect(fx.store.sql.query("UPDATE audit_log SET actor = 'mallory'")).rejects.toThrow(
      /kan ikke endres/,
    );
    await expect(fx.store.sql.query('DELETE FROM audit_log')).rejects.toThrow(/kan ikke endres/);
    await expect(fx.store.sql.query('TRUNCATE audit_log')).rejects.toThrow(/kan ikke endres/);
  });
});

describe('summaries, export and administration', () => {
  it('sums submissions, amounts and open findings per scheme and year', async () => {
    const rows = (await get(alice, '/api/summary')).json<{ rows: Array<Record<string, unknown>> }>().rows;
    expect(rows.find((r) => r.scheme === 'kommunalt-rusarbeid-overgang' && r.year === 2023)).toMatchObject({
      submissions: 1,
      requestedAmount: 660000,
      openFindings: 0,
    });
    expect(rows.reduce((n, r) => n + (r.submissions as number), 0)).toBe(4);
    expect((await get(alice, '/summary')).body).toContain('Oversikt per ordning og år');
  });

  it('exports records to Excel and CSV with formula-looking text made harmless', async () => {
    const xlsx = await get(alice, '/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Innsendinger')!;
    expect(sheet.rowCount).toBe(5);
    const cells = sheet
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string') as string[];
    expect(cells.some((v) => /^[=+\-@]/.test(v))).toBe(false);
    expect(workbook.getWorksheet('Funn')!.rowCount).toBeGreaterThan(1);
    const csv = await get(alice, '/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('id;kilde;type;ordning');
    expect(csv.body).not.toMatch(/(^|;)[=+\-@]/m);
  });

  it('lets an admin create users, with a strong enough password', async () => {
    const weak = await post(ada, '/api/admin/users', {
      username: 'carl',
      displayName: 'Carl',
      password: 'kort',
      role: 'reviewer',
    });
    expect(weak.statusCode).toBe(400);
    const ok = await post(ada, '/api/admin/users', {
      username: 'carl',
      displayName: 'Carl C',
      password: 'et-langt-passord-2',
      role: 'reviewer',
    });
    expect(ok.statusCode).toBe(200);
    expect((await signIn(fx.app, 'carl', 'et-langt-passord-2')).cookie).toBeTruthy();
    const form = await fx.app.inject({
      method: 'POST',
      url: '/admin/users',
      ...as(ada),
      payload: {
        _csrf: ada.csrf,
        username: 'dina',
        displayName: 'Dina',
        password: 'et-langt-passord-3',
        role: 'admin',
      },
    });
    expect(form.statusCode).toBe(303);
    expect((await get(ada, '/admin/users')).body).toContain('Dina');
  });

  it('documents the JSON API with OpenAPI', async () => {
    const spec = (await get(alice, '/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/queue',
      '/api/submissions/{id}',
      '/api/submissions/{id}/fields',
      '/api/submissions/{id}/findings/resolve',
      '/api/summary',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
  });
});

describe('upload', () => {
  const upload = (
    session: Session | null,
    fields: Record<string, string>,
    files: Array<{ name: string; data: Buffer }>,
    url = '/api/uploads',
    app = fx.app,
  ) => {
    const body = multipart(fields, files);
    return app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: body.headers,
      ...(session ? as(session) : {}),
    });
  };
  const batchCount = async () =>
    Number((await fx.store.sql.query<{ n: string }>('SELECT count(*) AS n FROM batches'))[0]!.n);

  it('puts the files of one submission on the queues and shows the batch progress', async () => {
    const files = await sampleFiles('2025/sandnes-fact-ung-over-cap');
    const res = await upload(alice, { _csrf: alice.csrf, layout: 'one', name: 'Sandnes' }, files);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ files: 3, submissions: 1, enqueued: 1, alreadyDone: 0 });
    const batch = (await get(alice, `/api/batches/${result.batchId}`)).json();
    expect(batch).toMatchObject({ total: 1, pending: 1, done: 0, enqueued: true });
    expect(batch.submissions).toMatchObject([
      { source: 'Sandnes', state: 'pending', label: 'venter på kontroll' },
    ]);
    expect(batch.statusText).toContain('1 venter');
    // On the queues: the submission's flow waits for its three document jobs.
    const redis = new Redis(REDIS_URL);
    try {
      const submissions = new Queue('submissions', { connection: redis, prefix: fx.prefix });
      const documents = new Queue('documents', { connection: redis, prefix: fx.prefix });
      expect(await submissions.getJobCounts('waiting-children')).toEqual({ 'waiting-children': 1 });
      expect((await documents.getJobCounts('waiting')).waiting).toBe(3);
      await Promise.all([submissions.close(), documents.close()]);
    } finally {
      redis.disconnect();
    }
    // Who uploaded it is in the submission's history.
    const audit = await fx.store.sql.query<{ actor: string; action: string }>(
      'SELECT actor, action FROM audit_log WHERE submission_id = $1',
      [batch.submissions[0].id],
    );
    expect(audit).toEqual([{ actor: 'alice', action: 'uploaded' }]);
    // The temporary folder is gone once the files are in the blob store.
    expect(await readdir(join(fx.dir, 'uploads'))).toEqual([]);
    // The same files again make no second submission.
    const again = await upload(alice, { _csrf: alice.csrf, layout: 'one', name: 'Sandnes' }, files);
    expect(again.json()).toMatchObject({ submissions: 1, enqueued: 0 });
  });

  it('makes each file a submission of its own with layout many, and shows the progress page', async () => {
    const files = [
      ...(await sampleFiles('2023/bodo-rus-late')).map((f) => ({ ...f, name: '../bodo.pdf' })),
      ...(await sampleFiles('2023/sarpsborg-rus-sum-mismatch')).map((f) => ({
        ...f,
        name: '.sarpsborg.pdf',
      })),
    ];
    const res = await upload(alice, { _csrf: alice.csrf, layout: 'many' }, files, '/upload');
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/uploads\/[\w-]+$/);
    const page = await get(alice, location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('0 av 2 ferdig, 2 venter');
    // Names from the browser lose their folders and leading dots.
    expect(page.body).toContain('bodo.pdf');
    expect(page.body).toContain('sarpsborg.pdf');
    expect(page.body).not.toContain('../bodo.pdf');
    expect((await get(alice, '/uploads/nope')).statusCode).toBe(404);
    expect((await get(alice, '/api/batches/nope')).statusCode).toBe(404);
  });

  it('answers a malformed multipart body with 400, not 500', async () => {
    const broken = await fx.app.inject({
      method: 'POST',
      url: '/api/uploads',
      ...as(alice),
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', 'x-csrf-token': alice.csrf },
      payload: '--xyz\r\nContent-Disposition: form-data; name="files"; filename="a"\r\n\r\nabc',
    });
    expect(broken.statusCode).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode).toBeLessThan(500);
    expect(broken.json().error).toMatch(/[æøå]|Ugyldig|Velg/);
  });

  it('refuses an upload without a session or without the CSRF token before taking any file', async () => {
    const files = await sampleFiles('2023/bodo-rus-late');
    const before = await batchCount();
    expect((await upload(null, { layout: 'one' }, files)).statusCode).toBe(401);
    const noToken = await upload(alice, { layout: 'one' }, files);
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toContain('CSRF');
    expect((await upload(alice, { _csrf: bob.csrf, layout: 'one' }, files)).statusCode).toBe(403);
    const form = await upload(alice, { layout: 'one' }, files, '/upload');
    expect(form.statusCode).toBe(303);
    expect((await get(alice, form.headers.location as string)).body).toContain('CSRF');
    expect(await batchCount()).toBe(before);
    expect(await readdir(join(fx.dir, 'uploads'))).toEqual([]);
  });

  it('refuses an upload without files, and files over the size and count limits', async () => {
    const limited = await buildServer(
      {
        store: fx.store,
        reviews: fx.reviews,
        service: fx.service,
        blobs: new FileBlobStore(join(fx.dir, 'blobs')),
        schemes: [],
        uploads: { ...fx.queues!.uploads, limits: { maxFileBytes: 1000, maxFiles: 2, maxTotalBytes: 1500 } },
      },
      { secureCookies: false, sessionHours: 1, loginAttemptsPerMinute: 50 },
    );
    try {
      const before = await batchCount();
      const csrf = { _csrf: alice.csrf };
      const small = (name: string) => ({ name, data: Buffer.alloc(800, 'a') });
      const big = await upload(
        alice,
        csrf,
        [{ name: 'stor.txt', data: Buffer.alloc(1001, 'a') }],
        undefined,
        limited,
      );
      expect([big.statusCode, big.json().error]).toEqual([413, '«stor.txt» er større enn 1 kB.']);
      const total = await upload(alice, csrf, [small('a.txt'), small('b.txt')], undefined, limited);
      expect([total.statusCode, total.json().error]).toEqual([
        413,
        'Opplastingen er større enn 2 kB til sammen.',
      ]);
      const many = await upload(
        alice,
        csrf,
        [small('a.txt'), small('b.txt'), small('c.txt')].map((f) => ({ ...f, data: Buffer.from('x') })),
        undefined,
        limited,
      );
      expect([many.statusCode, many.json().error]).toEqual([413, 'Last opp høyst 2 filer om gangen.']);
      const none = await upload(alice, csrf, [], undefined, limited);
      expect([none.statusCode, none.json().error]).toEqual([400, 'Velg minst én fil.']);
      expect(await batchCount()).toBe(before);
      expect(await readdir(join(fx.dir, 'uploads'))).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('counts the submissions and files inside a zip against the limit, and keeps a per-user quota', async () => {
    const limited = (limits: Record<string, number>) =>
      buildServer(
        {
          store: fx.store,
          reviews: fx.reviews,
          service: fx.service,
          blobs: new FileBlobStore(join(fx.dir, 'blobs')),
          schemes: [],
          uploads: { ...fx.queues!.uploads, limits: { ...fx.queues!.uploads.limits, ...limits } },
        },
        { secureCookies: false, sessionHours: 1, loginAttemptsPerMinute: 50 },
      );
    const before = await batchCount();
    // One zip of 60 folders: one file uploaded, 60 submissions inside.
    const zip = await makeZip(
      Array.from({ length: 60 }, (_, i) => ({ name: `kommune-${i}/soknad.txt`, data: `Søknad ${i}` })),
    );
    const five = await limited({ maxFiles: 5 });
    try {
      const res = await upload(
        alice,
        { _csrf: alice.csrf, layout: 'many' },
        [{ name: 'arkiv.zip', data: zip }],
        undefined,
        five,
      );
      expect([res.statusCode, res.json().error]).toEqual([
        413,
        'Opplastingen har flere enn 5 filer når zip-arkivene er pakket ut; last opp høyst 5 om gangen.',
      ]);
    } finally {
      await five.close();
    }
    // Alice uploaded earlier today: with a quota of one submission a day she gets no more.
    const quota = await limited({ maxSubmissionsPerUserPerDay: 1 });
    try {
      const res = await upload(
        alice,
        { _csrf: alice.csrf, layout: 'one' },
        [{ name: 'a.txt', data: Buffer.from('x') }],
        undefined,
        quota,
      );
      expect(res.statusCode).toBe(429);
      expect(res.json().error).toContain('siste døgnet');
    } finally {
      await quota.close();
    }
    expect(await batchCount()).toBe(before);
    expect(await readdir(join(fx.dir, 'uploads'))).toEqual([]);
  });

  it('says on the upload page what the limits are, with a labelled file field', async () => {
    const page = await get(alice, '/upload');
    expect(page.body).toContain('<label class="ds-label" for="up-files">Filer eller zip-arkiv</label>');
    expect(page.body).toMatch(
      /<input\s+class="ds-input"\s+type="file"\s+id="up-files"\s+name="files"\s+multiple/,
    );
    expect(page.body).toContain('Høyst 500 filer');
  });
});

describe('the queue dashboard', () => {
  it('shows admins failed jobs with their errors and retries them; only from the app itself', async () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('ocr', { connection: redis, prefix: fx.prefix });
    const worker = new Worker(
      'ocr',
      async () => {
        throw new Error('Testfeil: siden kunne ikke leses');
      },
      { connection: redis, prefix: fx.prefix, autorun: false },
    );
    try {
      const job = await queue.add('ocr-document', { test: true }, { attempts: 1 });
      const failed = new Promise<void>((done) => worker.once('failed', () => done()));
      void worker.run();
      await failed;
      await worker.close();

      const page = await get(ada, '/admin/queues');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      const list = await get(ada, '/admin/queues/api/queues?activeQueue=ocr&status=failed');
      expect(list.statusCode).toBe(200);
      const ocr = list.json().queues.find((q: { name: string }) => q.name === 'ocr');
      expect(ocr.counts.failed).toBe(1);
      expect(ocr.jobs[0].failedReason).toBe('Testfeil: siden kunne ikke leses');

      const retry = `/admin/queues/api/queues/ocr/${job.id}/retry`;
      // No CSRF token, from another site or from nowhere: refused.
      for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }, {}]) {
        const res = await fx.app.inject({ method: 'PUT', url: retry, ...as(ada), headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      }
      expect(await job.getState()).toBe('failed');
      const ok = await fx.app.inject({
        method: 'PUT',
        url: retry,
        ...as(ada),
        headers: { 'sec-fetch-site': 'same-origin' },
      });
      expect(ok.statusCode).toBe(204);
      expect(await job.getState()).toBe('waiting');
      // The retry is in the audit log, with who did it; the refused attempts are not (they did nothing).
      const actions = await fx.store.sql.query<{ actor: string; details: { method: string; path: string } }>(
        "SELECT actor, details FROM audit_log WHERE action = 'queue-action'",
      );
      expect(actions).toEqual([
        { actor: 'ada', details: expect.objectContaining({ method: 'PUT', path: retry }) },
      ]);
      expect((await get(alice, '/admin/queues')).statusCode).toBe(403);
    } finally {
      await worker.close();
      await queue.close();
      redis.disconnect();
    }
  });
});
