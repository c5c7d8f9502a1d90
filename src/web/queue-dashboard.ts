import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

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
    options: { uiConfig: { boardTitle: 'Intake – køer' } },
  });
  await app.register(
    async (scope) => {
      scope.addHook('onSend', async (_request, reply, payload) => {
        reply.header('content-security-policy', DASHBOARD_CSP);
        return payload;
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: DASHBOARD_PATH },
  );
}
