import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ReviewError } from '../review/review-error.ts';
import type { BulkResult, ReviewService } from '../review/review-service.ts';
import type { ReviewStore } from '../review/review-store.ts';
import {
  FILTER_KEYS,
  PAGE_SIZE,
  caseFilter,
  queryString,
  readCaseQuery,
  type CaseQuery,
} from './case-query.ts';
import { noticeFromQuery, noticeQuery } from './notices.ts';
import { casesPage, queuePage } from './pages/cases-page.ts';
import { safeNext } from './safe-next.ts';
import { countWord } from './words.ts';

type Query = Record<string, string | undefined>;
type Body = Record<string, string | string[] | undefined>;

/**
 * The lists of cases and the work on many or on one case that is not a decision: the work queue
 * with today's counts, "Alle innsendinger", bulk decisions and assignment, saved filters,
 * assignment, notes and closing document requests on the case page.
 */
export function registerCaseRoutes(
  app: FastifyInstance,
  deps: {
    service: ReviewService;
    reviews: ReviewStore;
    schemes: ReadonlyArray<{ id: string; name: string }>;
  },
): void {
  const { service, reviews } = deps;
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
  const back = (reply: FastifyReply, to: string, kind: 'success' | 'danger', text: string) =>
    reply.redirect(`${to}${to.includes('?') ? '&' : '?'}${noticeQuery(kind, text)}`, 303);
  /** Runs an action and goes back with what happened; a refused action says why. */
  const act = async (reply: FastifyReply, to: string, action: () => Promise<string>) => {
    try {
      return back(reply, to, 'success', await action());
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      return back(reply, to, 'danger', error.message);
    }
  };
  const listOf = async (request: FastifyRequest, query: CaseQuery, defaultStatus: 'queue' | 'all') => {
    const users = await reviews.users();
    const filter = caseFilter(query, request.user!, users, defaultStatus);
    let { items, total } = await service.listCases(filter, {
      offset: (query.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    // A page past the end (the list shrank) shows the last page instead of nothing.
    if (items.length === 0 && total > 0 && query.page > 1) {
      query.page = Math.ceil(total / PAGE_SIZE);
      ({ items, total } = await service.listCases(filter, {
        offset: (query.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }));
    }
    return {
      user: request.user!,
      query,
      items,
      total,
      schemes: deps.schemes,
      users,
      savedFilters: await service.work.savedFilters(reviews.sql, request.user!.id),
      notice: noticeFromQuery(request.query as Record<string, unknown>),
    };
  };

  app.get<{ Querystring: Query }>('/queue', { schema: { hide: true } }, async (request, reply) => {
    const list = await listOf(request, readCaseQuery(request.query), 'queue');
    return html(reply, queuePage({ ...list, counts: await service.caseCounts(request.user!) }));
  });
  app.get<{ Querystring: Query }>('/cases', { schema: { hide: true } }, async (request, reply) =>
    html(reply, casesPage(await listOf(request, readCaseQuery(request.query), 'all'))),
  );

  app.get<{ Querystring: Query }>(
    '/api/cases',
    {
      schema: {
        tags: ['saksbehandling'],
        summary: 'Alle innsendinger: søk og filter som listen, 50 per side, nærmeste behandlingsfrist først',
        querystring: {
          type: 'object',
          properties: Object.fromEntries(
            [...FILTER_KEYS, 'page'].map((k) => [k, { type: 'string', maxLength: 200 }]),
          ),
        },
      },
    },
    async (request) => {
      const query = readCaseQuery(request.query);
      const filter = caseFilter(query, request.user!, await reviews.users(), 'all');
      const { items, total } = await service.listCases(filter, {
        offset: (query.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      return { total, page: query.page, pageSize: PAGE_SIZE, items };
    },
  );

  app.post<{ Body: Body }>('/cases/bulk', { schema: { hide: true } }, async (request, reply) => {
    const body = request.body ?? {};
    // The list's own address (filter and page kept), never another site.
    const to = safeNext(typeof body.back === 'string' ? body.back : '/cases');
    const ids = [body.ids ?? []].flat().filter((v): v is string => typeof v === 'string');
    return act(reply, to, async () => {
      let result: BulkResult;
      if (body.action === 'assign') {
        result = await service.bulkAssign(request.user!, ids, Number(body.assignee));
      } else if (body.action === 'resolve') {
        result = await service.bulkResolve(
          request.user!,
          ids,
          String(body.code ?? ''),
          String(body.resolution ?? ''),
          String(body.reason ?? ''),
        );
      } else throw new ReviewError('Velg hva som skal gjøres med de valgte sakene.', 'INVALID_INPUT');
      const done = body.action === 'assign' ? 'Tildelt' : 'Avgjort';
      const skipped = result.skipped.map((s) => `${s.source} (${s.why})`).join('; ');
      return `${done} i ${countWord(result.changed.length, 'sak', 'saker')}.${
        skipped ? ` Hoppet over ${countWord(result.skipped.length, 'sak', 'saker')}: ${skipped}.` : ''
      }`;
    });
  });

  app.post<{ Body: Body }>('/filters', { schema: { hide: true } }, async (request, reply) => {
    const name = String(request.body.name ?? '').trim();
    const query = readCaseQuery(Object.fromEntries(new URLSearchParams(String(request.body.query ?? ''))));
    return act(reply, '/cases', async () => {
      if (name.length === 0 || name.length > 80)
        throw new ReviewError('Gi filteret et navn (høyst 80 tegn).', 'INVALID_INPUT');
      await service.work.saveFilter(reviews.sql, request.user!.id, name, queryString(query));
      return `Filteret «${name}» er lagret.`;
    });
  });
  app.post<{ Params: { fid: string } }>(
    '/filters/:fid/delete',
    { schema: { hide: true } },
    async (request, reply) =>
      act(reply, '/cases', async () => {
        const ok = await service.work.deleteFilter(reviews.sql, request.user!.id, Number(request.params.fid));
        if (!ok) throw new ReviewError('Fant ikke filteret.', 'NOT_FOUND');
        return 'Filteret er slettet.';
      }),
  );

  // The case page's own work besides decisions.
  const caseAction = (
    path: string,
    action: (request: FastifyRequest<{ Params: { id: string }; Body: Body }>) => Promise<string>,
  ) =>
    app.post<{ Params: { id: string }; Body: Body }>(
      path,
      { schema: { hide: true } },
      async (request, reply) => act(reply, `/submissions/${request.params.id}`, () => action(request)),
    );
  caseAction('/submissions/:id/assign', async (r) => {
    await service.assign(r.user!, r.params.id, Number(r.body.assignee));
    return 'Saken er tildelt.';
  });
  caseAction('/submissions/:id/comments', async (r) => {
    await service.comment(r.user!, r.params.id, String(r.body.body ?? ''));
    return 'Merknaden er lagret.';
  });
  caseAction('/submissions/:id/document-requests/:rid/close', async (r) => {
    const params = r.params as { id: string; rid?: string };
    await service.closeRequest(r.user!, r.params.id, Number(params.rid), String(r.body.note ?? ''));
    return 'Forespørselen er avsluttet; saken venter ikke lenger på kommunen.';
  });
}
