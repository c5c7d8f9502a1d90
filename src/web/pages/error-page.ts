import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { layout } from './layout.ts';

/** The heading of an error page, as a case officer reads what happened. */
const TITLES: Record<number, string> = {
  400: 'Forespørselen kan ikke brukes',
  401: 'Du må logge inn',
  403: 'Ingen tilgang',
  404: 'Siden finnes ikke',
  409: 'Saken er endret av noen andre',
  413: 'For stor forespørsel',
  429: 'For mange forespørsler',
};

/** What the reader can do next, beside the message. */
const ADVICE: Record<number, string> = {
  400: 'Sjekk adressen eller feltene og prøv igjen.',
  403: 'Spør en administrator om du trenger tilgang.',
  404: 'Adressen kan være skrevet feil, eller saken kan være slettet.',
  409: 'Last siden på nytt og se hva som er endret før du prøver igjen.',
};

export const errorTitle = (status: number): string =>
  TITLES[status] ?? (status >= 500 ? 'Noe gikk galt' : 'Forespørselen kunne ikke behandles');

/** An error as a page in the app's frame, with a way back; for a browser that asked for a page. */
export function errorPage(status: number, message: string, user: SessionUser | null): string {
  const advice =
    status >= 500
      ? 'Prøv igjen om litt. Hvis feilen gjentar seg, si fra til en administrator.'
      : ADVICE[status];
  const back = user
    ? html`<a class="ds-link" href="/queue">Til arbeidskøen</a>`
    : html`<a class="ds-link" href="/login">Til innloggingen</a>`;
  return layout(
    { title: errorTitle(status), user },
    html`<h1 class="ds-heading" data-size="lg">${errorTitle(status)}</h1>
      <p class="ds-paragraph" id="error-message">${message}</p>
      ${advice ? html`<p class="ds-paragraph">${advice}</p>` : ''}
      <p class="ds-paragraph">${back}</p>
      <p class="ds-paragraph" data-size="sm">Feilkode ${status}</p>`,
  );
}

/**
 * A browser's navigation asks for HTML; the JSON API (/api/), fetch calls (which accept JSON or
 * anything) and images do not. Those keep their JSON error.
 */
export function wantsPage(request: Pick<FastifyRequest, 'url' | 'headers'>): boolean {
  if (request.url.startsWith('/api/')) return false;
  const accept = request.headers.accept ?? '';
  return /\btext\/html\b/i.test(accept);
}

/** Sends an error as a Norwegian page to a browser and as `{ error }` to everything else. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
): FastifyReply {
  reply.code(status);
  if (!wantsPage(request)) return reply.send({ error: message });
  return reply.type('text/html; charset=utf-8').send(errorPage(status, message, request.user ?? null));
}
