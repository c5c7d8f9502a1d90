import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startWebFixture, type Session, type WebFixture } from './web-fixture.ts';

/**
 * Bad input to every route of the OpenAPI description (and the form twin of each, the same path
 * without /api): wrong types, huge values, prototype keys, NUL bytes. Every answer is below 500,
 * and every refusal says in Norwegian what is wrong.
 */

const NARVIK = 'narvik-overgang-over-cap';
let fx: WebFixture;
let sessions: Record<'ada' | 'alice', Session>;

beforeAll(async () => {
  fx = await startWebFixture([`2023/${NARVIK}`], { queues: true, loginAttemptsPerMinute: 100_000 });
  sessions = { ada: await signIn(fx.app, 'ada'), alice: await signIn(fx.app, 'alice') };
}, 120_000);
afterAll(async () => {
  await fx?.close();
});

interface Operation {
  method: 'GET' | 'POST';
  path: string;
  params: string[];
  query: string[];
  body: string[];
}

interface SpecOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

/** The operations of the OpenAPI description, with the names of their parameters and body fields. */
async function operations(): Promise<Operation[]> {
  const spec = (await fx.app.inject({ method: 'GET', url: '/api/openapi.json', ...as(sessions.ada) })).json();
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, SpecOperation>>(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const parameters = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
      out.push({
        method: method.toUpperCase() as 'GET' | 'POST',
        path,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: Object.keys(body),
      });
    }
  }
  return out;
}

const as = (session: Session) => ({ cookies: { intake_session: session.cookie } });

/** Values no route expects: wrong types, huge, NUL bytes, prototype names, markup. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '\u0000',
    'a\u0000b',
    '%00',
    '../../etc/passwd',
    'NaN',
    '1.5',
    '-1',
    '1e309',
    '9'.repeat(40),
    '<script>alert(1)</script>',
    ' ',
    '',
  ),
  fc.constant('x'.repeat(200_000)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}')),
);

/** A path parameter: mostly one that exists (so the handler runs on the bad body), else hostile. */
const pathValue = (name: string): fc.Arbitrary<string> => {
  const real: Record<string, () => string> = {
    id: () => fx.ids.get(NARVIK)!,
    rid: () => '1',
    cid: () => '1',
    username: () => 'nobody',
  };
  return fc.oneof(
    { arbitrary: fc.constant(name).map((n) => real[n]?.() ?? 'x'), weight: 3 },
    { arbitrary: hostileString, weight: 1 },
  );
};

/** A JSON body with the operation's fields given hostile values, some left out, prototype keys added. */
const hostileBody = (fields: string[]) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] }),
      fc.boolean(),
    )
    .map(([body, proto]) =>
      proto
        ? `{"__proto__": {"role": "admin"}, ${JSON.stringify(body).slice(1)}`.replace(', }', '}')
        : JSON.stringify(body),
    );

/** JSON routes whose page twin (the same path without /api) takes the same fields as a form. */
const FORM_TWINS = ['/api/submissions/', '/api/admin/users'];

/** Refusals a reviewer can read: Norwegian, never the English of Fastify, AJV or PostgreSQL. */
const ENGLISH = /\b(must|should|the|body|property|unexpected|invalid|required|expected|route|error)\b/i;

async function request(op: Operation, url: string, body: string, who: 'ada' | 'alice') {
  const session = sessions[who];
  const res = await fx.app.inject({
    method: op.method,
    url,
    ...as(session),
    headers: { 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    payload: op.method === 'POST' ? body : undefined,
  });
  // An operation that ended the session (sign out everywhere): sign in again for the next one.
  if (res.statusCode === 401) sessions[who] = await signIn(fx.app, who);
  return res;
}

describe('bad input to every route', () => {
  it('gets a 4xx with a Norwegian message, never a 500', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(15);
    const seen = new Set<string>();
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            params: fc.tuple(...op.params.map((name) => pathValue(name)), fc.constant('')),
            query: fc.dictionary(fc.constantFrom(...op.query, '__proto__', 'x'), hostileString, {
              maxKeys: 3,
            }),
            body: hostileBody(op.body),
            who: fc.constantFrom('ada' as const, 'alice' as const),
            form: fc.boolean(),
          }),
          async ({ params, query, body, who, form }) => {
            let path = op.path;
            op.params.forEach((name, i) => {
              path = path.replace(`{${name}}`, encodeURIComponent(params[i]!.slice(0, 5000)));
            });
            // The page twin of a JSON route takes the same input as a form post.
            if (form && op.method === 'POST' && FORM_TWINS.some((p) => path.startsWith(p)))
              path = path.slice(4);
            const search = new URLSearchParams(
              Object.entries(query).map(([k, v]): [string, string] => [k, v.slice(0, 2000)]),
            ).toString();
            const url = search ? `${path}?${search}` : path;
            const res = await request(op, url, body, who);
            seen.add(`${op.method} ${op.path} ${res.statusCode}`);
            expect(res.statusCode, `${op.method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
            if (res.statusCode >= 400 && String(res.headers['content-type']).includes('json')) {
              const error = res.json().error as string;
              expect(typeof error, url).toBe('string');
              expect(error, `${op.method} ${url}`).not.toMatch(ENGLISH);
            }
          },
        ),
        { numRuns: 60 },
      );
    }
    // Some refusals of each kind were seen (the generators reach past the session checks).
    expect([...seen].some((s) => s.endsWith(' 400'))).toBe(true);
  }, 600_000);

  it('refuses prototype keys, NUL bytes and wrong types in a known-good request', async () => {
    const s = fx.ids.get(NARVIK)!;
    const cases: Array<[string, string]> = [
      [
        `/api/submissions/${s}/fields`,
        '{"__proto__": {"x": 1}, "field": "positions", "value": "2", "reason": "r"}',
      ],
      [`/api/submissions/${s}/fields`, '{"field": "positions", "value": "2", "reason": "a\\u0000b"}'],
      [`/api/submissions/${s}/fields`, '{"field": ["positions"], "value": 2, "reason": {}}'],
      [`/api/submissions/${s}/findings/resolve`, '{"key": "x", "resolution": "accepted", "reason": 5}'],
      ['/api/admin/users', '{"username": "a\\u0000", "displayName": "x", "password": "y", "role": "admin"}'],
      [`/api/submissions/${s}/done`, '[1, 2, 3]'],
      [`/api/submissions/${s}/done`, '{"comment": "' + 'x'.repeat(2_000_000) + '"}'],
    ];
    for (const [url, payload] of cases) {
      const res = await request(
        { method: 'POST', path: url, params: [], query: [], body: [] },
        url,
        payload,
        'ada',
      );
      expect(res.statusCode, `${url} ${payload.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${url} ${payload.slice(0, 80)}`).toBeLessThan(500);
      expect(res.json().error).not.toMatch(ENGLISH);
    }
  });
});
