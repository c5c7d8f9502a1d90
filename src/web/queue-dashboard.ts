import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DASHBOARD_WORDS_NB, layMessages } from './queue-dashboard-words.ts';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board's own page sets inline styles and loads its scripts from its static folder: the same
 * policy as the app's (nothing from other sites) but with inline styles allowed, for these pages only.
 */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/**
 * The app's frame around bull-board's page: a Norwegian header with the way back into the app and a
 * skip link. bull-board has no Norwegian translation; its most used words are given in Norwegian
 * (messages below), the rest stay in English, and the frame says so. Inline styles, as the dashboard's policy allows them and the app's stylesheets are not loaded.
 * bull-board pins its header and menu with position: fixed; a transform on #root makes #root their
 * containing block, so they sit below the frame instead of over it (no reliance on its class names).
 */
const FRAME = `<style>.intake-skip{position:absolute;left:-10000px}.intake-skip:focus{position:static}
body{display:flex;flex-direction:column;height:100vh;margin:0}
#root{flex:1;min-height:0;overflow:auto;transform:translateZ(0)}</style>
<header style="display:flex;flex-wrap:wrap;gap:0.5rem 1.5rem;align-items:center;padding:0.5rem 1rem;background:#ffffff;color:#1e2b3c;border-bottom:1px solid #c3c9d1;font-family:system-ui,sans-serif;font-size:1rem">
<a class="intake-skip" href="#root">Hopp til køene</a>
<p style="margin:0;font-weight:600">Intake – tilskuddskontroll: køer</p>
<nav aria-label="Intake" style="display:flex;gap:1rem">
<a href="/queue" style="color:#0a5cad">Tilbake til arbeidskøen</a>
<a href="/admin/users" style="color:#0a5cad">Brukere</a>
<a href="/admin/audit" style="color:#0a5cad">Revisjonslogg</a>
</nav>
<p style="margin:0;font-size:0.875rem">Noen av køoversiktens tekster finnes bare på engelsk.</p>
</header>`;

/** bull-board's entry page in Norwegian: language, title, the app's frame, no font from another site. */
export function inNorwegianFrame(page: string): string {
  return page
    .replace('<html lang="en"', '<html lang="nb"')
    .replace(/<link href="https:\/\/fonts\.googleapis\.com[^>]*>\s*/, '')
    .replace(/(<body[^>]*>)/, `$1${FRAME}`)
    .replace(/>\s*Loading\s*</, '>Laster …<');
}

const require = createRequire(import.meta.url);
let messages: Promise<string> | null = null;
/** bull-board's en-US words with the Norwegian ones laid over them, read once. */
const norwegianMessages = (): Promise<string> =>
  (messages ??= readFile(
    join(dirname(require.resolve('@bull-board/ui/package.json')), 'dist/static/locales/en-US/messages.json'),
    'utf8',
  ).then((text) => JSON.stringify(layMessages(JSON.parse(text), DASHBOARD_WORDS_NB))));

/**
 * The BullMQ dashboard (bull-board) under /admin/queues: every queue with its jobs by state, failed
 * jobs with their errors and stack, and retry. The app's hooks apply to it as to every route: a
 * session is required, only admins get in, and a state-changing request must come from the app's own
 * pages (the dashboard's script sends no CSRF token, so the check is on Origin / Sec-Fetch-Site).
 */
export async function registerQueueDashboard(app: FastifyInstance, queues: Queue[]): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q, { allowRetries: true })),
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: 'Intake – køer',
        miscLinks: [{ text: 'Tilbake til Intake', url: '/queue' }],
        hideDocsLink: true,
      },
    },
  });
  await app.register(
    async (scope) => {
      scope.addHook('onSend', async (_request, reply, payload) => {
        reply.header('content-security-policy', DASHBOARD_CSP);
        const type = String(reply.getHeader('content-type') ?? '');
        return typeof payload === 'string' && type.startsWith('text/html')
          ? inNorwegianFrame(payload)
          : payload;
      });
      // bull-board loads its words for its default language (en-US) from this address; answered here
      // with Norwegian laid over them. A language a user picks in its settings is served as shipped.
      scope.get('/static/locales/en-US/messages.json', { schema: { hide: true } }, async (_request, reply) =>
        reply.type('application/json; charset=utf-8').send(await norwegianMessages()),
      );
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: DASHBOARD_PATH },
  );
}
