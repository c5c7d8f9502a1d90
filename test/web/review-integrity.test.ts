import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../src/domain/document.ts';
import { checkSubmission } from '../../src/pipeline/process-submission.ts';
import { revalidateStore } from '../../src/pipeline/revalidate.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { PASSWORD, signIn, startWebFixture, type Session, type WebFixture } from './web-fixture.ts';

/**
 * Issue 11, "What broke": each item reproduced through the HTTP API against the real PostgreSQL,
 * and the rule that now holds instead.
 */

const NARVIK = 'narvik-overgang-over-cap'; // OVER_CAP on 760 000 kr
const SOLA = 'sola-tryggest-over-cap'; // OVER_CAP
const RINGSAKER = 'ringsaker-voksne-forprosjekt-over-cap'; // OVER_CAP
const KRISTIANSUND = 'kristiansund-stiftelse-ineligible-applicant'; // INELIGIBLE_APPLICANT
const HARSTAD = 'harstad-rus-clean';
const ALTA = 'alta-overgang-clean';
const SANDNES = 'sandnes-fact-ung-over-cap'; // OVER_CAP

let fx: WebFixture;
let alice: Session;
let bob: Session;
let ada: Session;
const id = (source: string) => fx.ids.get(source)!;

beforeAll(async () => {
  fx = await startWebFixture([
    `2023/${NARVIK}`,
    `2025/${SOLA}`,
    `2023/${RINGSAKER}`,
    `2023/${KRISTIANSUND}`,
    `2023/${HARSTAD}`,
    `2023/${ALTA}`,
    `2025/${SANDNES}`,
  ]);
  alice = await signIn(fx.app, 'alice');
  bob = await signIn(fx.app, 'bob');
  ada = await signIn(fx.app, 'ada');
}, 180_000);
afterAll(async () => {
  await fx?.close();
});

const as = (session: Session) => ({ cookies: { intake_session: session.cookie } });
const post = (session: Session, url: string, payload: Record<string, unknown> = {}) =>
  fx.app.inject({ method: 'POST', url, ...as(session), headers: { 'x-csrf-token': session.csrf }, payload });
const get = (session: Session, url: string) => fx.app.inject({ method: 'GET', url, ...as(session) });

interface FindingView {
  key: string;
  code: string;
  field: string | null;
  message: string;
  open: boolean;
  resolution: { id: number; resolution: string; needsApproval: boolean; approvedAt: string | null } | null;
}
const view = async (submission: string) =>
  (await get(alice, `/api/submissions/${submission}`)).json<{
    findings: FindingView[];
    done: boolean;
    history: Array<{ id: number; actor: string; action: string; details: Record<string, unknown> }>;
    record: { source: string; requestedAmount: number | null; status: string };
  }>();
const finding = async (submission: string, code: string) =>
  (await view(submission)).findings.find((f) => f.code === code)!;
const resolve = (session: Session, submission: string, key: string, resolution: string, reason = 'Vurdert') =>
  post(session, `/api/submissions/${submission}/findings/resolve`, { key, resolution, reason });
const approve = (session: Session, submission: string, rid: number) =>
  post(session, `/api/submissions/${submission}/resolutions/${rid}/approve`);
const queueIds = async () =>
  (await get(alice, '/api/queue')).json<{ items: Array<{ id: string }> }>().items.map((i) => i.id);
const auditRows = (where = 'TRUE', params: unknown[] = []) =>
  fx.store.sql.query<{
    id: string;
    actor: string;
    action: string;
    submission_id: string | null;
    details: Record<string, unknown>;
  }>(`SELECT id, actor, action, submission_id, details FROM audit_log WHERE ${where} ORDER BY id`, params);

/** An admin-created user, signed in. */
async function newUser(username: string, role: 'reviewer' | 'admin' = 'reviewer', by = ada) {
  const res = await post(by, '/api/admin/users', {
    username,
    displayName: `${username} Testesen`,
    password: PASSWORD,
    role,
  });
  expect(res.statusCode, res.body).toBe(200);
  return signIn(fx.app, username);
}

describe('1. a decision is bound to the values it was made on', () => {
  it('lets an approved waiver lapse when a correction raises the amount, and says why in the history', async () => {
    const s = id(NARVIK);
    const before = await finding(s, 'OVER_CAP');
    expect(before.message).toContain('760 000');
    expect((await resolve(alice, s, before.key, 'waived', 'Særskilt begrunnet')).statusCode).toBe(200);
    const pending = await finding(s, 'OVER_CAP');
    expect((await approve(bob, s, pending.resolution!.id)).statusCode).toBe(200);
    expect((await finding(s, 'OVER_CAP')).open).toBe(false);
    expect(await queueIds()).not.toContain(s);

    const corrected = await post(alice, `/api/submissions/${s}/fields`, {
      field: 'requestedAmount',
      value: '9 000 000',
      reason: 'Beløpet i budsjettet',
    });
    expect(corrected.statusCode).toBe(200);
    const after = await finding(s, 'OVER_CAP');
    expect(after.message).toContain('9 000 000');
    expect(after.open).toBe(true);
    expect(after.resolution).toBeNull();
    expect(await queueIds()).toContain(s);
    const lapsed = (await view(s)).history.find((h) => h.action === 'resolution-lapsed');
    expect(lapsed).toMatchObject({ actor: 'alice', details: { code: 'OVER_CAP', resolution: 'waived' } });
    expect(JSON.stringify(lapsed!.details)).toContain('9 000 000');
    // A submission with a lapsed decision cannot be marked done.
    expect((await post(alice, `/api/submissions/${s}/done`, {})).statusCode).toBe(409);
  });
});

describe('2. four eyes on OVER_CAP and INELIGIBLE_APPLICANT, whatever the decision', () => {
  it('keeps OVER_CAP open when one reviewer accepts or rejects it, until a second approves', async () => {
    const s = id(SOLA);
    const key = (await finding(s, 'OVER_CAP')).key;
    for (const decision of ['accepted', 'rejected']) {
      expect((await resolve(alice, s, key, decision)).statusCode).toBe(200);
      const f = await finding(s, 'OVER_CAP');
      expect([decision, f.resolution?.needsApproval, f.open]).toEqual([decision, true, true]);
    }
    // A pending waiver overwritten by its requester with "accepted" still waits for a second person.
    expect((await resolve(alice, s, key, 'waived')).statusCode).toBe(200);
    expect((await resolve(alice, s, key, 'accepted')).statusCode).toBe(200);
    const pending = await finding(s, 'OVER_CAP');
    expect(pending.open).toBe(true);
    expect(await queueIds()).toContain(s);
    expect((await approve(alice, s, pending.resolution!.id)).statusCode).toBe(403);
    expect((await approve(bob, s, pending.resolution!.id)).statusCode).toBe(200);
    expect((await finding(s, 'OVER_CAP')).open).toBe(false);
  });

  it('needs a second person for INELIGIBLE_APPLICANT too (the scheme file says so)', async () => {
    const s = id(KRISTIANSUND);
    const f = await finding(s, 'INELIGIBLE_APPLICANT');
    expect((await resolve(bob, s, f.key, 'accepted', 'Stiftelsen drives for kommunen')).statusCode).toBe(200);
    const pending = await finding(s, 'INELIGIBLE_APPLICANT');
    expect(pending.open).toBe(true);
    expect((await approve(alice, s, pending.resolution!.id)).statusCode).toBe(200);
    expect((await finding(s, 'INELIGIBLE_APPLICANT')).open).toBe(false);
  });

  it('makes no exception for admins, nor for a user the admin created', async () => {
    const s = id(RINGSAKER);
    const key = (await finding(s, 'OVER_CAP')).key;
    expect((await resolve(ada, s, key, 'waived', 'Jeg bestemmer')).statusCode).toBe(200);
    const pending = await finding(s, 'OVER_CAP');
    expect((await approve(ada, s, pending.resolution!.id)).statusCode).toBe(403);
    // The second account the admin made for herself cannot approve her request.
    const eve = await newUser('eve-ada', 'admin');
    const own = await approve(eve, s, pending.resolution!.id);
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatch(/opprettet|passord/);
    expect((await finding(s, 'OVER_CAP')).open).toBe(true);
  });
});

describe('1b. a decision lapses when a machine pass changes its finding', () => {
  it('lets the approved OVER_CAP decision on Sola lapse when the cap in the scheme changes', async () => {
    const s = id(SOLA);
    expect((await finding(s, 'OVER_CAP')).open).toBe(false); // decided and approved in 2.
    // The scheme's cap lowered from 400 000 to 300 000 kr, and the rules run again over the store.
    const lowered = schemes.map((x) =>
      x.id === 'tryggest' ? { ...x, caps: x.caps.map((c) => ({ ...c, maxAmount: 300_000 })) } : x,
    );
    await revalidateStore(fx.store, { schemes: lowered, register, lowConfidenceThreshold: 0.6 });
    const after = await finding(s, 'OVER_CAP');
    expect(after.message).toContain('300 000');
    expect(after.open).toBe(true);
    const lapsed = (await view(s)).history.filter((h) => h.action === 'resolution-lapsed');
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0]).toMatchObject({ actor: 'revalidate', details: { code: 'OVER_CAP' } });
    expect(JSON.stringify(lapsed[0]!.details)).toContain('400 000');
    // The same rules again change nothing more: no second history line.
    await revalidateStore(fx.store, { schemes: lowered, register, lowConfidenceThreshold: 0.6 });
    expect((await view(s)).history.filter((h) => h.action === 'resolution-lapsed')).toHaveLength(1);
  });
  it("lets a decision lapse when a worker's new pass over the same bytes changes its finding", async () => {
    const s = id(KRISTIANSUND);
    expect((await finding(s, 'INELIGIBLE_APPLICANT')).open).toBe(false); // approved in 2.
    // A newer extractor (here: the scheme under another name) checks the same documents again.
    const renamed = schemes.map((x) => ({ ...x, name: `${x.name} (ny)` }));
    const reads = (await fx.store.documents(s)).map((d) => d.read as ReadDocument);
    const checked = checkSubmission((await view(s)).record.source, reads, new Map(), {
      schemes: renamed,
      register,
      lowConfidenceThreshold: 0.6,
    });
    expect(checked.record.id).toBe(s);
    await fx.store.saveProcessed({ ...checked, reads }, { withReads: false, actor: 'worker' });
    expect((await finding(s, 'INELIGIBLE_APPLICANT')).open).toBe(true);
    const lapsed = (await view(s)).history.filter((h) => h.action === 'resolution-lapsed');
    expect(lapsed).toMatchObject([{ actor: 'worker', details: { code: 'INELIGIBLE_APPLICANT' } }]);
  });
});

describe('2a. decisions stored before four eyes applied', () => {
  it('counts an OVER_CAP accepted by one person before the rule as not decided, and says so', async () => {
    const s = id(NARVIK);
    const f = await finding(s, 'OVER_CAP');
    const [alice_] = await fx.store.sql.query<{ id: string }>(
      "SELECT id FROM users WHERE username = 'alice'",
    );
    // A row as the app wrote it before migration 004: no basis, no approval needed.
    await fx.store.sql.query(
      `INSERT INTO finding_resolutions (submission_id, finding_key, code, resolution, reason, user_id, needs_approval)
       VALUES ($1, $2, 'OVER_CAP', 'accepted', 'Gammel avgjørelse', $3, false)`,
      [s, f.key, alice_!.id],
    );
    const after = await finding(s, 'OVER_CAP');
    expect([after.resolution?.resolution, after.open]).toEqual(['accepted', true]);
    expect((await get(alice, `/submissions/${s}`)).body).toContain('Tatt før fireøyneprinsippet gjaldt');
    expect((await approve(bob, s, after.resolution!.id)).statusCode).toBe(404);
  });
});

describe('2b. four eyes on a correction that makes a four-eyes finding disappear', () => {
  it('keeps the case from "done" until a second person approves the correction', async () => {
    const s = id(RINGSAKER);
    const over = await finding(s, 'OVER_CAP');
    const field = over.field as 'requestedAmount' | 'positions';
    const res = await post(alice, `/api/submissions/${s}/fields`, {
      field,
      value: field === 'positions' ? '0,5' : '1 000',
      reason: 'Rett tall fra budsjettet',
    });
    expect(res.statusCode).toBe(200);
    const v = (await get(alice, `/api/submissions/${s}`)).json<{
      findings: FindingView[];
      pendingCorrections: Array<{ id: number; removedFindings: Array<{ code: string }> }>;
    }>();
    expect(v.findings.map((f) => f.code)).not.toContain('OVER_CAP');
    expect(v.pendingCorrections).toHaveLength(1);
    expect(v.pendingCorrections[0]!.removedFindings.map((f) => f.code)).toEqual(['OVER_CAP']);
    expect(await queueIds()).toContain(s);
    const done = await post(alice, `/api/submissions/${s}/done`, {});
    expect(done.statusCode).toBe(409);
    expect(done.json().error).toContain('En retting som fjernet OVER_CAP venter på godkjenning');
    const cid = v.pendingCorrections[0]!.id;
    expect((await post(alice, `/api/submissions/${s}/corrections/${cid}/approve`)).statusCode).toBe(403);
    expect((await post(bob, `/api/submissions/${s}/corrections/${cid}/approve`)).statusCode).toBe(200);
    expect((await post(bob, `/api/submissions/${s}/corrections/${cid}/approve`)).statusCode).toBe(404);
    const after = (await get(alice, `/api/submissions/${s}`)).json<{ pendingCorrections: unknown[] }>();
    expect(after.pendingCorrections).toEqual([]);
    const again = await post(alice, `/api/submissions/${s}/done`, {});
    if (again.statusCode !== 200) expect(again.json().error).not.toContain('retting');
    expect((await view(s)).history.map((h) => h.action)).toContain('correction-approved');
  });
});

describe('3. a finished case is locked', () => {
  it('refuses corrections and decisions after done, until it is re-opened with a reason', async () => {
    const s = id(HARSTAD);
    expect((await post(alice, `/api/submissions/${s}/done`, { comment: 'Ferdig' })).statusCode).toBe(200);
    const summaryBefore = (await get(alice, '/api/summary')).json();
    const correction = await post(bob, `/api/submissions/${s}/fields`, {
      field: 'requestedAmount',
      value: '99 000 000',
      reason: 'Prøver etter ferdig',
    });
    expect(correction.statusCode).toBe(409);
    expect(correction.json().error).toContain('ferdig behandlet');
    const v = await view(s);
    const anyKey = v.findings[0]?.key ?? 'x';
    expect((await resolve(bob, s, anyKey, 'accepted')).statusCode).toBe(409);
    const request = await post(bob, `/api/submissions/${s}/document-requests`, {
      document: 'budsjett',
      message: 'Send budsjett',
    });
    expect(request.statusCode).toBe(409);
    expect((await get(alice, '/api/summary')).json()).toEqual(summaryBefore);
    expect((await view(s)).record.requestedAmount).toBe(v.record.requestedAmount);

    const page = (await get(bob, `/submissions/${s}`)).body;
    expect(page).toContain('ferdig behandlet og låst');
    expect(page).toContain('Gjenåpne');
    expect(page).not.toContain('Merk som ferdig');
    expect((await post(bob, `/api/submissions/${s}/reopen`, { reason: '  ' })).statusCode).toBe(400);
    expect((await post(bob, `/api/submissions/${s}/reopen`, { reason: 'Ny opplysning' })).statusCode).toBe(
      200,
    );
    expect((await view(s)).done).toBe(false);
    expect(
      (
        await post(bob, `/api/submissions/${s}/fields`, {
          field: 'positions',
          value: '1',
          reason: 'Rettet etter gjenåpning',
        })
      ).statusCode,
    ).toBe(200);
    const actions = (await view(s)).history.map((h) => h.action);
    expect(actions.slice(-3)).toEqual(['marked-done', 'reopened', 'field-corrected']);
  });
});

describe('4. done is idempotent under concurrency', () => {
  it('accepts one of eight simultaneous "done" requests: one review row, one audit row', async () => {
    const s = id(ALTA);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post(i % 2 ? alice : bob, `/api/submissions/${s}/done`, {})),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const reviews = await fx.store.sql.query('SELECT * FROM reviews WHERE submission_id = $1', [s]);
    expect(reviews).toHaveLength(1);
    expect(await auditRows("submission_id = $1 AND action = 'marked-done'", [s])).toHaveLength(1);
  });

  it('ends 20 simultaneous approvals, "done" and corrections on one case in one consistent state', async () => {
    const s = id(SANDNES);
    const approvers = await Promise.all(['c1', 'c2', 'c3', 'c4'].map((u) => newUser(`conc-${u}`)));
    // Every open finding decided by alice: the four-eyes ones (OVER_CAP at least) wait for approval.
    const v = await view(s);
    for (const f of v.findings.filter((f) => f.open))
      expect((await resolve(alice, s, f.key, f.code === 'OVER_CAP' ? 'waived' : 'accepted')).statusCode).toBe(
        200,
      );
    const pending = (await view(s)).findings.filter((f) => f.resolution?.needsApproval);
    expect(pending.map((f) => f.code)).toContain('OVER_CAP');
    const amount = v.record.requestedAmount!;
    const requests = [
      ...Array.from({ length: 20 }, (_, i) =>
        approve(approvers[i % 4]!, s, pending[i % pending.length]!.resolution!.id),
      ),
      ...Array.from({ length: 5 }, () => post(bob, `/api/submissions/${s}/done`, {})),
      // The same amount again (no finding changes) and a higher one (the waiver lapses).
      ...Array.from({ length: 5 }, (_, i) =>
        post(alice, `/api/submissions/${s}/fields`, {
          field: 'requestedAmount',
          value: String(i % 2 ? amount : amount + 100_000),
          reason: 'Samtidig retting',
        }),
      ),
    ];
    const results = await Promise.all(requests);
    expect(results.every((r) => r.statusCode < 500)).toBe(true);
    const final = await view(s);
    const dones = await fx.store.sql.query<{ id: string }>(
      "SELECT id FROM reviews WHERE submission_id = $1 AND decision = 'done'",
      [s],
    );
    expect(dones.length).toBeLessThanOrEqual(1);
    const history = await auditRows('submission_id = $1', [s]);
    const doneAt = history.find((h) => h.action === 'marked-done');
    if (doneAt) {
      expect(final.done).toBe(true);
      // Nothing changed the case after it was done, and it had no open finding when it was done.
      expect(history.filter((h) => Number(h.id) > Number(doneAt.id))).toEqual([]);
      expect(final.findings.filter((f) => f.open)).toEqual([]);
    }
    // Each decision approved at most once.
    const approved = history.filter((h) => h.action === 'waiver-approved').map((h) => h.details.resolution);
    expect(new Set(approved).size).toBe(approved.length);
    const corrections = results.slice(25).filter((r) => r.statusCode === 200).length;
    expect(history.filter((h) => h.action === 'field-corrected')).toHaveLength(corrections);
  });
});

describe('5. sessions end', () => {
  it('on a password reset, a role change, deactivation and "sign out everywhere"', async () => {
    await newUser('frida');
    const first = await signIn(fx.app, 'frida');
    // Password reset by an admin.
    expect(
      (
        await post(ada, '/api/admin/users', {
          username: 'frida',
          displayName: 'frida Testesen',
          password: 'et-nytt-langt-passord',
          role: 'reviewer',
        })
      ).statusCode,
    ).toBe(200);
    expect((await get(first, '/api/me')).statusCode).toBe(401);
    // Role change.
    const second = await signIn(fx.app, 'frida', 'et-nytt-langt-passord');
    expect(
      (
        await post(ada, '/api/admin/users', {
          username: 'frida',
          displayName: 'frida Testesen',
          password: 'et-nytt-langt-passord',
          role: 'admin',
        })
      ).statusCode,
    ).toBe(200);
    expect((await get(second, '/api/me')).statusCode).toBe(401);
    // Sign out everywhere.
    const a = await signIn(fx.app, 'frida', 'et-nytt-langt-passord');
    const b = await signIn(fx.app, 'frida', 'et-nytt-langt-passord');
    expect((await post(a, '/api/me/sessions/end-all')).statusCode).toBe(200);
    expect((await get(a, '/api/me')).statusCode).toBe(401);
    expect((await get(b, '/api/me')).statusCode).toBe(401);
    // Deactivation.
    const c = await signIn(fx.app, 'frida', 'et-nytt-langt-passord');
    expect((await post(ada, '/api/admin/users/frida/deactivate', { reason: 'Sluttet' })).statusCode).toBe(
      200,
    );
    expect((await get(c, '/api/me')).statusCode).toBe(401);
    await expect(signIn(fx.app, 'frida', 'et-nytt-langt-passord')).rejects.toThrow(/401/);
  });
});

describe('6. the audit log is complete', () => {
  it('records user changes, sign-in, failed sign-in, sign-out and exports, with who and what', async () => {
    const from = Number((await auditRows()).at(-1)?.id ?? 0);
    const gina = await newUser('gina');
    await post(ada, '/api/admin/users', {
      username: 'gina',
      displayName: 'Gina G',
      password: 'et-annet-langt-passord',
      role: 'admin',
    });
    await expect(signIn(fx.app, 'gina', 'feil-passord-1234')).rejects.toThrow();
    const g = await signIn(fx.app, 'gina', 'et-annet-langt-passord');
    expect((await get(g, '/export.csv')).statusCode).toBe(200);
    expect((await get(g, '/export.xlsx')).statusCode).toBe(200);
    await post(g, '/logout');
    void gina;
    const rows = (await auditRows('id > $1', [from])).map((r) => [r.actor, r.action]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['ada', 'user-created'],
        ['gina', 'signed-in'],
        ['ada', 'user-changed'],
        ['gina', 'sign-in-failed'],
        ['gina', 'exported'],
        ['gina', 'signed-out'],
      ]),
    );
    const changed = (await auditRows("id > $1 AND action = 'user-changed'", [from]))[0]!;
    expect(changed.details).toMatchObject({
      username: 'gina',
      before: { role: 'reviewer', displayName: 'gina Testesen' },
      after: { role: 'admin', displayName: 'Gina G' },
      passwordChanged: true,
    });
    expect(JSON.stringify(changed.details)).not.toMatch(/argon2|et-annet-langt/);
    const exports = await auditRows("id > $1 AND action = 'exported'", [from]);
    expect(exports.map((e) => e.details.format).sort()).toEqual(['csv', 'xlsx']);
    // An admin reads the same in the app: who created the account that signed in, and when.
    const log = (await get(ada, '/api/admin/audit?limit=50')).json<{
      rows: Array<{ actor: string; action: string }>;
    }>();
    expect(log.rows.map((r) => `${r.actor} ${r.action}`)).toContain('ada user-created');
    const page = await get(ada, '/admin/audit');
    expect(page.body).toContain('Bruker opprettet');
    expect((await get(alice, '/api/admin/audit')).statusCode).toBe(403);
  });
});

describe('7. the smaller holes', () => {
  it('sends a user only to a same-origin path after sign-in, after URL parsing', async () => {
    for (const next of [
      '/%09/evil.example/',
      '/\t/evil.example/',
      '/\\evil.example',
      'https://evil.example',
    ]) {
      const form = await fx.app.inject({ method: 'GET', url: '/login' });
      const token = form.cookies.find((c) => c.name === 'intake_login_csrf')!.value;
      const res = await fx.app.inject({
        method: 'POST',
        url: '/login',
        cookies: { intake_login_csrf: token },
        payload: { username: 'alice', password: PASSWORD, _csrf: token, next },
      });
      const location = res.headers.location as string;
      expect(new URL(location, 'http://intake.test').host, next).toBe('intake.test');
      expect(location.startsWith('//') || location.startsWith('/\\')).toBe(false);
    }
  });

  it('answers bad ids, pages and asset names with 4xx, never 500', async () => {
    const s = id(NARVIK);
    for (const url of [
      '/assets/__proto__',
      '/assets/constructor',
      `/submissions/${s}/documents/0/pages/NaN`,
      `/submissions/${s}/documents/0/pages/1.5`,
      `/submissions/${s}/documents/x/pages/1`,
      '/api/submissions/%00',
      '/submissions/a%00b',
      '/uploads/%00',
      '/api/batches/%00',
    ]) {
      const res = await get(alice, url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    // A malformed multipart body: test/web/web-api.test.ts (uploads need the queues).
  });

  it('shows only notices from a fixed list, not any text from the address', async () => {
    const page = await get(alice, '/queue?error=Ring%20555%2012345%20for%20hjelp');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Ring 555');
  });

  it('sends Cache-Control: no-store on pages, JSON and exports, but not on static assets', async () => {
    for (const url of ['/queue', '/api/queue', '/export.csv', `/api/submissions/${id(NARVIK)}`]) {
      expect((await get(alice, url)).headers['cache-control'], url).toBe('no-store');
    }
    expect((await fx.app.inject({ method: 'GET', url: '/login' })).headers['cache-control']).toBe('no-store');
    const css = await fx.app.inject({ method: 'GET', url: '/assets/app.css' });
    expect(css.headers['cache-control']).toContain('max-age');
  });
});
