import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BlobError, type BlobStore } from '../blobs/blob-store.ts';
import { DUMMY_HASH, verifyPassword } from '../review/passwords.ts';
import { ReviewError } from '../review/review-error.ts';
import type { QueueFilter, ReviewService } from '../review/review-service.ts';
import type { ReviewStore, SessionUser } from '../review/review-store.ts';
import { deactivateUser, saveUser } from '../review/user-admin.ts';
import type { Store } from '../store/store.ts';
import {
  LOGIN_CSRF_COOKIE,
  SESSION_COOKIE,
  csrfOf,
  newToken,
  refuseAnonymous,
  sameToken,
  sessionUser,
  tokenHash,
} from './auth.ts';
import { PAGE_IMAGE_CACHE, PageFiles, PageImages, RenderBusyError } from './page-images.ts';
import { exportCsv, exportXlsx } from './export.ts';
import { exportCases, exportFilterOf } from '../review/decision-export.ts';
import { caseFilter, queryString, readCaseQuery } from './case-query.ts';
import { findingFigures } from '../review/summary-figures.ts';
import { sendError } from './pages/error-page.ts';
import { correctionAnchor, correctionProblem, fieldErrorOf, fieldErrorQuery } from './pages/fields-form.ts';
import { withRuleSources } from '../review/rule-source.ts';
import { countWord } from './words.ts';
import { loginPage } from './pages/login-page.ts';
import type { PageOptions } from './pages/layout.ts';
import { registerCaseRoutes } from './case-routes.ts';
import { confirmCorrectionPage } from './pages/confirm-correction-page.ts';
import { summaryPage } from './pages/summary-page.ts';
import { documentViews } from './document-views.ts';
import { submissionPage } from './pages/submission-page.ts';
import {
  batchPage,
  batchStatus,
  noQueuesPage,
  submissionStateLabel,
  uploadPage,
} from './pages/upload-page.ts';
import { auditPage } from './pages/audit-page.ts';
import { usersPage } from './pages/users-page.ts';
import { noticeFromQuery, noticeQuery } from './notices.ts';
import { DASHBOARD_PATH } from './queue-dashboard.ts';
import { badParams, publicErrorMessage } from './request-checks.ts';
import { safeNext } from './safe-next.ts';
import { UploadError, receiveUpload, type UploadDeps } from './uploads.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyInstance {
    /** "METHOD /url" of every route, as registered (tests check each one's access rules). */
    routeList: string[];
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, assets). */
    public?: boolean;
    /** A multipart upload: the handler checks the CSRF form field, which comes before the files. */
    csrfInForm?: boolean;
  }
}

export interface WebOptions {
  /** Cookies only over HTTPS (set behind a TLS proxy). */
  secureCookies: boolean;
  sessionHours: number;
  /** Sign-in attempts per minute from one address. */
  loginAttemptsPerMinute: number;
  logger?: boolean;
}

export interface WebDeps {
  store: Store;
  reviews: ReviewStore;
  service: ReviewService;
  blobs: BlobStore;
  /** Scheme names for the pages; whole scheme files (as `intake serve` gives) also show each rule's source. */
  schemes: Array<{ id: string; name: string }>;
  /** Uploads onto the queues; absent when the queues are not configured (the page says so). */
  uploads?: UploadDeps;
  /** Extra admin-only routes (the queue dashboard), registered when queues are configured. */
  registerAdmin?: (app: FastifyInstance) => Promise<void>;
  /** The page-image renderer and cache; one of the app's own (closed with it) when absent. */
  pageImages?: PageImages;
}

const require = createRequire(import.meta.url);
const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'assets');
const ASSETS: Record<string, { path: string; type: string }> = {
  'designsystemet.css': { path: require.resolve('@digdir/designsystemet-css'), type: 'text/css' },
  'designsystemet-theme.css': {
    path: require.resolve('@digdir/designsystemet-theme/digdir.css'),
    type: 'text/css',
  },
  'app.css': { path: join(ASSETS_DIR, 'app.css'), type: 'text/css' },
  'app.js': { path: join(ASSETS_DIR, 'app.js'), type: 'text/javascript' },
};

const ERROR_STATUS = { NOT_FOUND: 404, INVALID_INPUT: 400, FORBIDDEN: 403, CONFLICT: 409 } as const;

/** The reviewer web app and its JSON API (see README "Reviewer web app"). */
export async function buildServer(deps: WebDeps, options: WebOptions): Promise<FastifyInstance> {
  const { reviews, service } = deps;
  const app = Fastify({ logger: options.logger ?? false, trustProxy: false });
  const pageImages = deps.pageImages ?? new PageImages();
  const pageFiles = new PageFiles(deps.store);
  if (!deps.pageImages) app.addHook('onClose', () => pageImages.close());
  app.decorate('routeList', [] as string[]);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.routeList.push(`${method} ${route.url}`);
  });
  await app.register(cookie);
  await app.register(formbody);
  // Limits are given per upload (receiveUpload); files are streamed to disk, never held in memory.
  await app.register(multipart);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Intake – API for saksbehandlere', version: '1.0.0' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
      security: [{ session: [] }],
    },
  });

  app.decorateRequest('user', null);
  // Pages, JSON and exports are never kept by a browser or proxy; static assets set their own.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.addHook('onRequest', async (request, reply) => {
    // Ids, positions and pages are checked before anything reads them: a bad one is a 400, never a 500.
    const bad = badParams(request.params as Record<string, string> | undefined);
    if (bad) return sendError(request, reply, 400, bad);
    if (request.routeOptions.config.public) return;
    request.user = await sessionUser(request, reviews);
    if (!request.user) return refuseAnonymous(request, reply);
    const path = request.routeOptions.url ?? request.url;
    if ((path.startsWith('/admin') || path.startsWith('/api/admin')) && request.user.role !== 'admin') {
      return sendError(request, reply, 403, 'Bare administratorer har tilgang til denne siden.');
    }
  });
  // Text with NUL cannot be stored (PostgreSQL refuses it in text and jsonb): a 400, not a 500.
  app.addHook('preValidation', async (request, reply) => {
    if (hasNul(request.body) || hasNul(request.query))
      return sendError(request, reply, 400, 'Teksten inneholder et ugyldig tegn (NUL).');
  });
  // Forms send text fields only; a page route given JSON of other types sees those fields as absent.
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (request.method !== 'POST' || request.url.startsWith('/api/') || request.isMultipart()) return;
    if (request.url.startsWith(`${DASHBOARD_PATH}/`)) return;
    // The one list field: the checked cases of a bulk form (`ids`, repeated), strings only.
    const keep = ([k, v]: [string, unknown]) =>
      typeof v === 'string' || (k === 'ids' && Array.isArray(v) && v.every((x) => typeof x === 'string'));
    request.body =
      body && typeof body === 'object' && !Array.isArray(body)
        ? Object.fromEntries(Object.entries(body).filter(keep))
        : {};
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404, 'Finnes ikke.'));
  // Every state-changing request carries the session's CSRF token (form field or X-CSRF-Token);
  // bodies are parsed after onRequest, so the check runs here.
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.public || request.method === 'GET' || request.method === 'HEAD') return;
    if (request.routeOptions.config.csrfInForm && request.isMultipart()) return;
    // The queue dashboard's script sends no token: its requests must come from this app's own pages.
    const dashboard = request.routeOptions.url?.startsWith(`${DASHBOARD_PATH}/`) ?? false;
    if (dashboard && csrfOf(request) === undefined) {
      if (!sameOrigin(request)) return reply.code(403).send({ error: 'Forespørselen kom ikke fra Intake.' });
    } else if (!sameToken(csrfOf(request), request.user!.csrfToken)) {
      return sendError(request, reply, 403, 'Ugyldig eller manglende CSRF-token. Last siden på nytt.');
    }
    // Every queue action (retry, clean, pause, remove…) is audited before it runs: no row, no action.
    if (dashboard) {
      await reviews.transaction((tx) =>
        reviews.audit(tx, request.user!.username, 'queue-action', null, {
          method: request.method,
          path: request.url.slice(0, 500),
          params: request.params ?? {},
        }),
      );
    }
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ReviewError) {
      return sendError(request, reply, ERROR_STATUS[error.reviewCode], error.message);
    }
    if (error instanceof UploadError) return sendError(request, reply, error.statusCode, error.message);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    // Fastify's and its plugins' own messages are English and technical: a reviewer gets Norwegian.
    return sendError(request, reply, status, publicErrorMessage(status));
  });

  /** An audit row about no submission in particular (sign-in, users, exports). */
  const audit = (actor: string, action: string, details: Record<string, unknown>) =>
    reviews.transaction((tx) => reviews.audit(tx, actor, action, null, details));
  /** Ends every session of a user ("sign out everywhere"), audited with how many there were. */
  const endAllSessions = (user: SessionUser) =>
    reviews.transaction(async (tx) => {
      const sessions = await reviews.endSessions(tx, user.id);
      await reviews.audit(tx, user.username, 'signed-out-everywhere', null, { sessions });
      return sessions;
    });

  // Assets: Designsystemet's CSS from the installed packages (nothing from a CDN) and our own.
  app.get<{ Params: { name: string } }>(
    '/assets/:name',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const asset = Object.hasOwn(ASSETS, request.params.name) ? ASSETS[request.params.name] : undefined;
      if (!asset) return reply.code(404).send({ error: 'Finnes ikke.' });
      return reply
        .type(`${asset.type}; charset=utf-8`)
        .header('cache-control', 'public, max-age=3600')
        .send(await readFile(asset.path));
    },
  );

  // Sign-in. The form carries a double-submit token so another site cannot sign a browser in.
  app.get<{ Querystring: { next?: string } }>(
    '/login',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      // An existing token is kept: a second sign-in page (another tab, the browser's favicon request
      // sent here) must not invalidate the form already shown.
      const existing = request.cookies[LOGIN_CSRF_COOKIE];
      const csrf = existing && /^[\w-]{43}$/.test(existing) ? existing : newToken();
      reply.setCookie(LOGIN_CSRF_COOKIE, csrf, {
        path: '/login',
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
      });
      const next = typeof request.query.next === 'string' ? request.query.next : undefined;
      return reply.type('text/html; charset=utf-8').send(loginPage(csrf, safeNext(next), null));
    },
  );
  app.post<{ Body: { username?: string; password?: string; next?: string; _csrf?: string } }>(
    '/login',
    {
      config: { public: true, rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: 60_000 } },
      schema: { hide: true },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
      const fail = (message: string, code: number) => {
        const csrf = newToken();
        reply.setCookie(LOGIN_CSRF_COOKIE, csrf, {
          path: '/login',
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookies,
        });
        return reply
          .code(code)
          .type('text/html; charset=utf-8')
          .send(loginPage(csrf, next, message));
      };
      const cookieToken = request.cookies[LOGIN_CSRF_COOKIE];
      if (!cookieToken || !sameToken(body._csrf, cookieToken))
        return fail('Skjemaet var utløpt. Prøv igjen.', 403);
      const username = typeof body.username === 'string' ? body.username.trim().slice(0, 64) : '';
      const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
      const user = await reviews.credentials(username);
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      if (!user || !ok || !user.active) {
        const reason = !user ? 'unknown-user' : !ok ? 'wrong-password' : 'inactive';
        await audit(username || '(tomt)', 'sign-in-failed', { reason, address: request.ip });
        return fail('Feil brukernavn eller passord.', 401);
      }
      const token = newToken();
      const expires = new Date(Date.now() + options.sessionHours * 3_600_000);
      await reviews.createSession(user.id, tokenHash(token), newToken(), expires);
      await audit(user.username, 'signed-in', { address: request.ip });
      reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/login' });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        expires,
      });
      return reply.redirect(next, 303);
    },
  );
  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await reviews.deleteSession(tokenHash(token));
    await audit(request.user!.username, 'signed-out', {});
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });
  app.post('/logout/everywhere', { schema: { hide: true } }, async (request, reply) => {
    await endAllSessions(request.user!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });

  // Pages.
  const page = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
  const noticeOf = (request: FastifyRequest): PageOptions['notice'] =>
    noticeFromQuery(request.query as Record<string, unknown>);
  /** Runs a form's action and goes back to `to` with a message; a refused action shows why. */
  const formAction = async (reply: FastifyReply, to: string, action: () => Promise<string>) => {
    try {
      const ok = await action();
      return reply.redirect(`${to}?${noticeQuery('success', ok)}`, 303);
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      return reply.redirect(`${to}?${noticeQuery('danger', error.message)}`, 303);
    }
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/queue', 303));
  registerCaseRoutes(app, { service, reviews, schemes: deps.schemes });
  app.get('/summary', { schema: { hide: true } }, async (request, reply) =>
    page(
      reply,
      summaryPage(request.user!, {
        rows: await service.summary(),
        figures: await findingFigures(deps.store.sql),
        schemes: deps.schemes,
        filter: exportFilterOf(request.query),
      }),
    ),
  );
  app.get<{ Params: { id: string } }>(
    '/submissions/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const view = await service.submission(request.params.id);
      const { documents, targetOf } = await documentViews(deps, request.params.id, view.record.documents);
      const stored = await reviews.fieldEvidence(request.params.id);
      const fieldTargets = new Map([...stored].map(([name, e]) => [name, targetOf(e)]));
      const findingTargets = new Map(view.findings.map((f) => [f.key, targetOf(f.evidence)]));
      const notice = noticeOf(request);
      // What the finding cards and the correction form add: each rule's source, scheme names, a refused correction.
      const shown = {
        ...view,
        findings: withRuleSources(view.findings, view.record, deps.schemes),
        schemes: deps.schemes,
        fieldError: fieldErrorOf(request.query as Record<string, unknown>, notice),
      };
      return page(
        reply,
        submissionPage(request.user!, shown, documents, fieldTargets, findingTargets, notice, {
          ...(await service.caseWork(request.params.id)),
          users: await reviews.users(),
          schemes: deps.schemes,
          schemeDeadline: service.deadline(view.record),
          today: service.cases.today(),
        }),
      );
    },
  );
  app.get<{ Params: { id: string; pos: string; page: string } }>(
    '/submissions/:id/documents/:pos/pages/:page',
    { schema: { hide: true } },
    async (request, reply) => {
      const doc = await pageFiles.find(request.params.id, Number(request.params.pos));
      if (!doc) return reply.code(404).send({ error: 'Fant ikke dokumentet.' });
      const page = Number(request.params.page);
      if (doc.pageCount !== null && page > doc.pageCount)
        return reply.code(404).send({ error: 'Fant ikke siden.' });
      // A page of given bytes never changes: the browser keeps it (private: behind a sign-in) and
      // asks again only with the tag, answered without drawing anything.
      const etag = `"${doc.sha256.slice(0, 32)}-${page}"`;
      reply.header('cache-control', PAGE_IMAGE_CACHE).header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      let image;
      try {
        image = await pageImages.page(doc.sha256, doc.format, page, () => deps.blobs.get(doc.sha256));
      } catch (error) {
        reply.removeHeader('etag').header('cache-control', 'no-store');
        if (error instanceof RenderBusyError)
          return reply.code(503).header('retry-after', '2').send({ error: error.message });
        if (error instanceof BlobError) {
          // A file that is not there is gone; a store that is away or damaged may answer later.
          return error.code === 'BLOB_MISSING'
            ? reply.code(404).send({ error: 'Filen er ikke lagret.' })
            : reply.code(503).send({ error: 'Filen kan ikke leses fra lageret nå.' });
        }
        throw error;
      }
      if (!image)
        return reply.code(404).header('cache-control', 'no-store').send({ error: 'Fant ikke siden.' });
      return reply.type('image/png').send(image.png);
    },
  );

  type FormBody = Record<string, string | undefined>;
  const formRoute = (
    path: string,
    action: (request: FastifyRequest<{ Params: { id: string }; Body: FormBody }>) => Promise<string>,
  ) =>
    app.post<{ Params: { id: string }; Body: FormBody }>(
      path,
      { schema: { hide: true } },
      async (request, reply) => formAction(reply, `/submissions/${request.params.id}`, () => action(request)),
    );
  formRoute('/submissions/:id/claim', async (r) => {
    await service.claim(r.user!, r.params.id);
    return 'Du har tatt saken.';
  });
  formRoute('/submissions/:id/release', async (r) => {
    await service.release(r.user!, r.params.id);
    return 'Saken er frigitt.';
  });
  // A refused correction goes back to its form: the message (signed) beside the field, what was typed kept.
  app.post<{ Params: { id: string }; Body: FormBody }>(
    '/submissions/:id/fields',
    { schema: { hide: true } },
    async (request, reply) => {
      const { field = '', value = '', reason = '' } = request.body;
      const back = `/submissions/${request.params.id}`;
      const refuse = (message: string) =>
        reply.redirect(
          `${back}?${noticeQuery('danger', message)}${fieldErrorQuery(field, value, reason)}#${correctionAnchor(field)}`,
          303,
        );
      const problem = correctionProblem(field, value);
      if (problem) return refuse(problem);
      try {
        // A correction that would leave nothing open asks first: the case becomes ready to finish.
        if (request.body.confirm !== 'yes') {
          const preview = await service.previewCorrection(request.params.id, field, value);
          if (preview.openBefore > 0 && preview.openAfter === 0 && !preview.needsApproval) {
            const { record } = await service.submission(request.params.id);
            return page(
              reply,
              confirmCorrectionPage(
                request.user!,
                request.params.id,
                record.applicant.name ?? record.source,
                {
                  field,
                  value,
                  reason,
                },
              ),
            );
          }
        }
        const record = await service.correctField(request.user!, request.params.id, field, value, reason);
        const found = countWord(record.findings.length, 'funn', 'funn');
        return reply.redirect(
          `${back}?${noticeQuery('success', `Feltet er rettet og innsendingen kontrollert på nytt: ${found}.`)}`,
          303,
        );
      } catch (error) {
        if (!(error instanceof ReviewError)) throw error;
        return refuse(error.message);
      }
    },
  );
  formRoute('/submissions/:id/findings/resolve', async (r) => {
    await service.resolveFinding(
      r.user!,
      r.params.id,
      r.body.key ?? '',
      r.body.resolution ?? '',
      r.body.reason ?? '',
    );
    return 'Avgjørelsen er lagret.';
  });
  app.post<{ Params: { id: string; rid: string }; Body: FormBody }>(
    '/submissions/:id/resolutions/:rid/approve',
    { schema: { hide: true } },
    async (request, reply) =>
      formAction(reply, `/submissions/${request.params.id}`, async () => {
        await service.approveWaiver(request.user!, request.params.id, Number(request.params.rid));
        return 'Avgjørelsen er godkjent.';
      }),
  );
  app.post<{ Params: { id: string; cid: string }; Body: FormBody }>(
    '/submissions/:id/corrections/:cid/approve',
    { schema: { hide: true } },
    async (request, reply) =>
      formAction(reply, `/submissions/${request.params.id}`, async () => {
        await service.approveCorrection(request.user!, request.params.id, Number(request.params.cid));
        return 'Rettingen er godkjent.';
      }),
  );
  formRoute('/submissions/:id/document-requests', async (r) => {
    await service.requestDocument(
      r.user!,
      r.params.id,
      r.body.document ?? '',
      r.body.message ?? '',
      r.body.replyBy ?? '',
    );
    return 'Forespørselen er registrert.';
  });
  formRoute('/submissions/:id/done', async (r) => {
    await service.markDone(r.user!, r.params.id, r.body.comment ?? '');
    return 'Innsendingen er ferdig behandlet.';
  });
  formRoute('/submissions/:id/reopen', async (r) => {
    await service.reopen(r.user!, r.params.id, r.body.reason ?? '');
    return 'Innsendingen er gjenåpnet.';
  });

  /**
   * The cases of an export with their decisions, following the list's filter (the query string of
   * /cases), audited: who took which format, with which filter, and how many submissions.
   */
  const exported = async (request: FastifyRequest, format: 'xlsx' | 'csv') => {
    const query = readCaseQuery(request.query as Record<string, string | undefined>);
    // The case list's own answer to its filter, so the export holds exactly the cases the list shows.
    const ids = await service.caseIds(caseFilter(query, request.user!, await reviews.users()));
    const cases = await exportCases(deps.store.sql, exportFilterOf(request.query), request.user!.id, ids);
    await audit(request.user!.username, 'exported', {
      format,
      rows: cases.length,
      filter: queryString(query).slice(1),
    });
    return cases;
  };
  app.get('/export.xlsx', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="innsendinger.xlsx"')
      .send(await exportXlsx(await exported(request, 'xlsx'), deps.schemes)),
  );
  app.get('/export.csv', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="innsendinger.csv"')
      .send(exportCsv(await exported(request, 'csv'), deps.schemes)),
  );

  // Upload onto the queues, and the progress of an upload's batch.
  app.get('/upload', { schema: { hide: true } }, async (request, reply) =>
    page(reply, uploadPage(request.user!, deps.uploads?.limits ?? null, noticeOf(request))),
  );
  app.post('/upload', { schema: { hide: true }, config: { csrfInForm: true } }, async (request, reply) => {
    try {
      const { result } = await upload(deps, request);
      return reply.redirect(`/uploads/${result.batchId}`, 303);
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      return reply.redirect(`/upload?${noticeQuery('danger', error.message)}`, 303);
    }
  });
  app.get<{ Params: { id: string } }>('/uploads/:id', { schema: { hide: true } }, async (request, reply) => {
    const batch = await reviews.batch(request.params.id);
    if (!batch) return reply.code(404).send({ error: 'Fant ikke opplastingen.' });
    return page(reply, batchPage(request.user!, batch, noticeOf(request)));
  });

  app.get<{ Querystring: { before?: string } }>(
    '/admin/audit',
    { schema: { hide: true } },
    async (request, reply) => {
      const rows = await reviews.auditLog(auditCursor(request.query.before), AUDIT_PAGE);
      return page(reply, auditPage(request.user!, rows, rows.length === AUDIT_PAGE ? rows.at(-1)!.id : null));
    },
  );
  app.get('/admin/users', { schema: { hide: true } }, async (request, reply) =>
    page(reply, usersPage(request.user!, await reviews.users(), noticeOf(request))),
  );
  app.post<{ Body: FormBody }>('/admin/users', { schema: { hide: true } }, async (request, reply) =>
    formAction(reply, '/admin/users', async () => {
      const { username, created } = await saveUser(reviews, request.user!, request.body);
      return created ? `Brukeren ${username} er opprettet.` : `Brukeren ${username} er endret.`;
    }),
  );
  app.post<{ Params: { username: string }; Body: FormBody }>(
    '/admin/users/:username/deactivate',
    { schema: { hide: true } },
    async (request, reply) =>
      formAction(reply, '/admin/users', async () => {
        await deactivateUser(reviews, request.user!, request.params.username, request.body.reason);
        return `Brukeren ${request.params.username} er deaktivert.`;
      }),
  );

  registerApi(app, deps, endAllSessions);
  if (deps.registerAdmin) await deps.registerAdmin(app);
  else {
    app.get(DASHBOARD_PATH, { schema: { hide: true } }, async (request, reply) =>
      page(reply, noQueuesPage(request.user!)),
    );
  }
  return app;
}

/** Takes an upload onto the queues and notes in each submission's history who uploaded it. */
async function upload(deps: WebDeps, request: FastifyRequest) {
  if (!deps.uploads) {
    throw new UploadError('Opplasting krever køene (DATABASE_URL og Redis) og en køarbeider.', 503);
  }
  const user = request.user!;
  const perDay = deps.uploads.limits.maxSubmissionsPerUserPerDay;
  const quotaLeft =
    perDay === undefined ? Infinity : perDay - (await deps.reviews.uploadedToday(user.username));
  if (quotaLeft <= 0) {
    throw new UploadError(`Du har lastet opp ${perDay} innsendinger det siste døgnet; vent litt.`, 429);
  }
  const received = await receiveUpload(
    request,
    deps.uploads,
    (token) => sameToken(token, user.csrfToken),
    quotaLeft,
  );
  await deps.reviews.recordUpload(user.username, received.result.batchId);
  return received;
}

/** True when any string (or key) in a parsed body or query, however deep, holds a NUL character. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 20) return false;
  if (Buffer.isBuffer(value)) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/** True when the browser says the request comes from a page of this app (Sec-Fetch-Site or Origin). */
function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The JSON API: the same operations as the pages, documented at /api/openapi.json. */
function registerApi(
  app: FastifyInstance,
  deps: WebDeps,
  endAllSessions: (user: SessionUser) => Promise<number>,
): void {
  const { service, reviews } = deps;
  const tags = ['saksbehandling'];
  const idParam = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;
  const errorReply = { type: 'object', properties: { error: { type: 'string' } } } as const;
  const okReply = { type: 'object', properties: { ok: { type: 'boolean' } } } as const;
  const reasonBody = (extra: Record<string, unknown>, required: string[]) =>
    ({
      type: 'object',
      properties: { ...extra, reason: { type: 'string' } },
      required: [...required, 'reason'],
    }) as const;

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/me', { schema: { tags, summary: 'Den innloggede brukeren' } }, async (request) => {
    const { csrfToken, ...user } = request.user!;
    return { ...user, csrfToken };
  });
  app.post(
    '/api/me/sessions/end-all',
    {
      schema: {
        tags,
        summary: 'Logg ut overalt: avslutt alle øktene til den innloggede brukeren',
        response: { 200: { type: 'object', properties: { sessions: { type: 'integer' } } } },
      },
    },
    async (request, reply) => {
      const sessions = await endAllSessions(request.user!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { sessions };
    },
  );
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/api/queue',
    {
      schema: {
        tags,
        summary: 'Arbeidskøen: innsendinger med åpne funn, nærmeste frist først',
        querystring: {
          type: 'object',
          properties: {
            scheme: { type: 'string' },
            year: { type: 'integer' },
            municipality: { type: 'string' },
            code: { type: 'string' },
            severity: { type: 'string', enum: ['error', 'warning'] },
          },
        },
      },
    },
    async (request) => ({ items: await service.queue(queueFilter(request.query)) }),
  );
  app.get<{ Params: { id: string } }>(
    '/api/submissions/:id',
    {
      schema: {
        tags,
        summary: 'En innsending med funn, avgjørelser og historikk',
        params: idParam,
        response: { 404: errorReply },
      },
    },
    async (request) => service.submission(request.params.id),
  );
  app.post<{ Params: { id: string } }>(
    '/api/submissions/:id/claim',
    {
      schema: {
        tags,
        summary: 'Ta en innsending',
        params: idParam,
        response: { 200: okReply, 409: errorReply },
      },
    },
    async (request) => {
      await service.claim(request.user!, request.params.id);
      return { ok: true };
    },
  );
  app.post<{ Params: { id: string } }>(
    '/api/submissions/:id/release',
    { schema: { tags, summary: 'Frigi en innsending', params: idParam, response: { 200: okReply } } },
    async (request) => {
      await service.release(request.user!, request.params.id);
      return { ok: true };
    },
  );
  app.post<{ Params: { id: string }; Body: { field: string; value: string; reason: string } }>(
    '/api/submissions/:id/fields',
    {
      schema: {
        tags,
        summary: 'Rett et felt; innsendingen kontrolleres på nytt med en gang',
        params: idParam,
        body: reasonBody({ field: { type: 'string' }, value: { type: 'string' } }, ['field', 'value']),
      },
    },
    async (request) => ({
      record: await service.correctField(
        request.user!,
        request.params.id,
        request.body.field,
        request.body.value,
        request.body.reason,
      ),
    }),
  );
  app.post<{ Params: { id: string }; Body: { key: string; resolution: string; reason: string } }>(
    '/api/submissions/:id/findings/resolve',
    {
      schema: {
        tags,
        summary: 'Avgjør et funn: godtatt, frafalt (OVER_CAP krever godkjenning av en annen) eller avvist',
        params: idParam,
        body: reasonBody(
          {
            key: { type: 'string' },
            resolution: { type: 'string', enum: ['accepted', 'waived', 'rejected'] },
          },
          ['key', 'resolution'],
        ),
        response: { 200: okReply },
      },
    },
    async (request) => {
      await service.resolveFinding(
        request.user!,
        request.params.id,
        request.body.key,
        request.body.resolution,
        request.body.reason,
      );
      return { ok: true };
    },
  );
  app.post<{ Params: { id: string; rid: number } }>(
    '/api/submissions/:id/resolutions/:rid/approve',
    {
      schema: {
        tags,
        summary: 'Godkjenn et frafall (en annen saksbehandler enn den som frafalt)',
        params: {
          type: 'object',
          properties: { id: { type: 'string' }, rid: { type: 'integer' } },
          required: ['id', 'rid'],
        },
        response: { 200: okReply },
      },
    },
    async (request) => {
      await service.approveWaiver(request.user!, request.params.id, request.params.rid);
      return { ok: true };
    },
  );
  app.post<{ Params: { id: string; cid: number } }>(
    '/api/submissions/:id/corrections/:cid/approve',
    {
      schema: {
        tags,
        summary: 'Godkjenn en retting som fjernet et funn med fireøyneprinsipp (en annen enn den som rettet)',
        params: {
          type: 'object',
          properties: { id: { type: 'string' }, cid: { type: 'integer' } },
          required: ['id', 'cid'],
        },
        response: { 200: okReply },
      },
    },
    async (request) => {
      await service.approveCorrection(request.user!, request.params.id, request.params.cid);
      return { ok: true };
    },
  );
  app.post<{ Params: { id: string }; Body: { document: string; message: string } }>(
    '/api/submissions/:id/document-requests',
    {
      schema: {
        tags,
        summary: 'Etterspør et manglende dokument fra kommunen',
        params: idParam,
        body: {
          type: 'object',
          properties: { document: { type: 'string' }, message: { type: 'string' } },
          required: ['document', 'message'],
        },
        response: { 200: okReply },
      },
    },
    async (request) => {
      await service.requestDocument(
        request.user!,
        request.params.id,
        request.body.document,
        request.body.message,
      );
      return { ok: true };
    },
  );
  app.post<{ Params: { id: string }; Body: { comment?: string } }>(
    '/api/submissions/:id/done',
    {
      schema: {
        tags,
        summary: 'Merk innsendingen som ferdig behandlet (alle funn må være avgjort)',
        params: idParam,
        body: { type: 'object', properties: { comment: { type: 'string' } } },
        response: { 200: okReply },
      },
    },
    async (request) => {
      await service.markDone(request.user!, request.params.id, request.body?.comment ?? '');
      return { ok: true };
    },
  );
  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/api/submissions/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Gjenåpne en ferdig behandlet innsending (med begrunnelse)',
        params: idParam,
        body: reasonBody({}, []),
        response: { 200: okReply, 409: errorReply },
      },
    },
    async (request) => {
      await service.reopen(request.user!, request.params.id, request.body.reason);
      return { ok: true };
    },
  );
  app.post(
    '/api/uploads',
    {
      config: { csrfInForm: true },
      schema: {
        tags,
        summary:
          'Last opp filer (multipart/form-data: _csrf eller X-CSRF-Token, layout one|many, name, files) og legg dem i køene',
        consumes: ['multipart/form-data'],
        response: {
          200: {
            type: 'object',
            properties: {
              batchId: { type: 'string' },
              files: { type: 'integer' },
              submissions: { type: 'integer' },
              enqueued: { type: 'integer' },
              alreadyDone: { type: 'integer' },
            },
          },
          413: errorReply,
        },
      },
    },
    async (request) => {
      const { result, files } = await upload(deps, request);
      return { ...result, files };
    },
  );
  app.get<{ Params: { id: string } }>(
    '/api/batches/:id',
    {
      schema: {
        tags,
        summary: 'Hvor langt en opplasting har kommet: innsendingene og tilstanden deres',
        params: idParam,
        response: { 404: errorReply },
      },
    },
    async (request, reply) => {
      const batch = await reviews.batch(request.params.id);
      if (!batch) return reply.code(404).send({ error: 'Fant ikke opplastingen.' });
      return {
        ...batch,
        statusText: batchStatus(batch),
        submissions: batch.submissions.map((s) => ({ ...s, label: submissionStateLabel(s) })),
      };
    },
  );
  app.get('/api/summary', { schema: { tags, summary: 'Oversikt per ordning og år' } }, async () => ({
    rows: await service.summary(),
  }));
  app.get(
    '/api/admin/users',
    { schema: { tags: ['administrasjon'], summary: 'Alle brukere (administrator)' } },
    async () => ({
      users: await reviews.users(),
    }),
  );
  app.post<{ Body: Record<string, string | undefined> }>(
    '/api/admin/users',
    {
      schema: {
        tags: ['administrasjon'],
        summary: 'Opprett eller endre en bruker (administrator)',
        body: {
          type: 'object',
          properties: {
            username: { type: 'string' },
            displayName: { type: 'string' },
            password: { type: 'string' },
            role: { type: 'string', enum: ['reviewer', 'admin'] },
          },
          required: ['username', 'displayName', 'password', 'role'],
        },
      },
    },
    async (request) => ({ username: (await saveUser(reviews, request.user!, request.body)).username }),
  );
  app.get<{ Querystring: { before?: number; limit?: number } }>(
    '/api/admin/audit',
    {
      schema: {
        tags: ['administrasjon'],
        summary: 'Revisjonsloggen, nyeste først (administrator); before = eldre enn rad nr.',
        querystring: {
          type: 'object',
          properties: {
            before: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
            limit: { type: 'integer', minimum: 1, maximum: 1000 },
          },
        },
      },
    },
    async (request) => {
      const { before, limit } = request.query;
      // The schema's integer lets "1e309" through as Infinity.
      for (const n of [before, limit])
        if (n !== undefined && !Number.isSafeInteger(n))
          throw new ReviewError('Ugyldig tall.', 'INVALID_INPUT');
      return { rows: await reviews.auditLog(before ?? null, limit ?? AUDIT_PAGE) };
    },
  );
  app.post<{ Params: { username: string }; Body: { reason: string } }>(
    '/api/admin/users/:username/deactivate',
    {
      schema: {
        tags: ['administrasjon'],
        summary: 'Deaktiver en bruker: innlogging stengt og alle økter avsluttet (administrator)',
        params: {
          type: 'object',
          properties: { username: { type: 'string' } },
          required: ['username'],
        },
        body: reasonBody({}, []),
        response: { 200: okReply },
      },
    },
    async (request) => {
      await deactivateUser(reviews, request.user!, request.params.username, request.body.reason);
      return { ok: true };
    },
  );
}

/** Audit rows per page of the audit log. */
const AUDIT_PAGE = 200;

/** `?before=` of the audit page: a row number, or none. */
function auditCursor(value: string | undefined): number | null {
  const n = Number(value);
  return value !== undefined && /^\d{1,15}$/.test(value) && n > 0 ? n : null;
}

function queueFilter(query: Record<string, string | undefined>): QueueFilter {
  const year = Number(query.year);
  return {
    scheme: query.scheme || undefined,
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    municipality: query.municipality?.trim() || undefined,
    code: query.code || undefined,
    severity: query.severity === 'error' || query.severity === 'warning' ? query.severity : undefined,
  };
}
