import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReviewStore, SessionUser } from '../review/review-store.ts';
import { sendError } from './pages/error-page.ts';

export const SESSION_COOKIE = 'intake_session';
export const LOGIN_CSRF_COOKIE = 'intake_login_csrf';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function sameToken(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The signed-in user of a request, from its session cookie; null when there is none or it expired. */
export async function sessionUser(
  request: FastifyRequest,
  reviews: ReviewStore,
): Promise<SessionUser | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  return reviews.session(tokenHash(token));
}

/** The CSRF token a state-changing request carries: a form field or the X-CSRF-Token header. */
export function csrfOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?._csrf === 'string' ? body._csrf : undefined;
}

export const isApi = (request: FastifyRequest): boolean => request.url.startsWith('/api/');

/** Refuses a request without a session: 401 for the API, a redirect to sign-in for pages. */
export function refuseAnonymous(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isApi(request) || request.method !== 'GET') {
    // A form sent after the session ended gets a page with the way to sign in, not raw JSON.
    const message = isApi(request)
      ? 'Du må logge inn.'
      : 'Du er ikke logget inn, eller økten er avsluttet. Logg inn på nytt og send skjemaet igjen.';
    return sendError(request, reply, 401, message);
  }
  return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
}
