import type { FlowProducer } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueSettings } from '../config/settings.ts';
import { pendingOutsideLiveBatches } from '../store/batch-heartbeat.ts';
import type { Store } from '../store/store.ts';
import { checkDeployment } from './deployment-check.ts';
import { staleAfterMs } from './enqueue.ts';
import { QUEUE_NAMES, jobIds, jobOptions } from './job-definitions.ts';
import { submissionFlow } from './submission-flow.ts';

/** Pending submissions looked at per store query and Redis round trip. */
const PAGE_SIZE = 500;

export interface ReconcilerDeps {
  store: Store;
  redis: Redis;
  flows: FlowProducer;
  queue: QueueSettings;
  log: (message: string) => void;
  /** Pending submissions per store query and Redis round trip (tests make it small). */
  pageSize?: number;
}

/**
 * One round of the reconciler: finds submissions pending in the store whose flow is not in Redis
 * (Redis restarted without persistence, or its data was flushed) and adds their flows again, with
 * a child only for the documents not yet read. One worker per round does it (a lock key that
 * lives one interval); two at once would still be safe, as job ids come from the content and
 * adding an existing job is a no-op in BullMQ. Returns how many flows it added.
 */
export async function reconcileOnce(deps: ReconcilerDeps): Promise<number> {
  const { store, redis, queue } = deps;
  // The lock ends a little before the next round, so the worker that holds it may go again.
  const lockMs = Math.max(100, Math.floor(queue.reconcileMs * 0.8));
  const locked = await redis.set(`${queue.prefix}:reconciler`, String(process.pid), 'PX', lockMs, 'NX');
  if (locked !== 'OK') return 0;
  // Redis that lost its data lost the deployment's id too: name the queues again (or stop here,
  // should another deployment have taken them meanwhile).
  await checkDeployment(store.sql, redis, queue.prefix);
  const options = jobOptions(queue);
  let added = 0;
  for (let afterId = ''; ;) {
    const pending = await pendingOutsideLiveBatches(
      store.sql,
      staleAfterMs(queue),
      afterId,
      deps.pageSize ?? PAGE_SIZE,
    );
    if (pending.length === 0) break;
    afterId = pending.at(-1)!.id;
    const pipeline = redis.pipeline();
    for (const p of pending) {
      pipeline.exists(`${queue.prefix}:${QUEUE_NAMES.submissions}:${jobIds.submission(p.id)}`);
    }
    const exists = (await pipeline.exec()) ?? [];
    for (const [i, p] of pending.entries()) {
      if (exists[i]?.[1] !== 0) continue;
      const unread = (await store.documents(p.id)).filter((d) => d.state !== 'done');
      await deps.flows.add(submissionFlow(p.id, p.batchId, unread, options));
      added++;
    }
  }
  if (added > 0) {
    deps.log(
      `${added} innsendinger ventet i lageret uten jobb i køen (har Redis mistet dataene?): lagt inn på nytt`,
    );
  }
  return added;
}

/** Runs {@link reconcileOnce} now and every `reconcileMs`, one round at a time, until stopped. */
export function startReconciler(deps: ReconcilerDeps): { stop(): Promise<void> } {
  let round: Promise<unknown> = Promise.resolve();
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    round = reconcileOnce(deps)
      .catch((error: unknown) => {
        // Redis or PostgreSQL away: the outage is logged elsewhere; the next round tries again.
        if ((error as { code?: string }).code === 'DEPLOYMENT_MISMATCH') deps.log((error as Error).message);
      })
      .finally(() => (running = false));
  };
  run();
  const timer = setInterval(run, deps.queue.reconcileMs);
  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
