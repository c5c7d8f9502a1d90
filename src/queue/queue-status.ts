import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BatchProgress } from '../store/store.ts';
import { QUEUE_NAMES, type QueueName } from './job-definitions.ts';

const STATES = ['waiting', 'active', 'waiting-children', 'delayed', 'completed', 'failed'] as const;
export type QueueCounts = Record<QueueName, Record<(typeof STATES)[number], number>>;

/** The job counts of every queue, by state. */
export async function queueCounts(connection: Redis, prefix: string): Promise<QueueCounts> {
  const entries = await Promise.all(
    Object.values(QUEUE_NAMES).map(async (name) => {
      const queue = new Queue(name, { connection, prefix });
      try {
        const counts = await queue.getJobCounts(...STATES);
        return [name, Object.fromEntries(STATES.map((s) => [s, counts[s] ?? 0]))] as const;
      } finally {
        await queue.close();
      }
    }),
  );
  return Object.fromEntries(entries) as QueueCounts;
}

/** True when every batch is fully on the queues and none of its submissions is still pending. */
export function allDone(batches: BatchProgress[]): boolean {
  return batches.every((b) => b.enqueued && b.pending === 0);
}

/** The status report, in Norwegian, for the terminal. */
export function formatStatus(counts: QueueCounts, batches: BatchProgress[]): string {
  const lines = ['Køer (venter / aktive / venter på deljobber / utsatt / ferdige / feilet):'];
  for (const [name, c] of Object.entries(counts)) {
    lines.push(
      `  ${name.padEnd(12)} ${c.waiting} / ${c.active} / ${c['waiting-children']} / ${c.delayed} / ${c.completed} / ${c.failed}`,
    );
  }
  lines.push(batches.length === 0 ? 'Ingen innsendingsbunter ennå.' : 'Bunter:');
  for (const b of batches) {
    const total = b.enqueued ? String(b.total) : `${b.done + b.failed + b.pending}+ (legges fortsatt i kø)`;
    lines.push(
      `  ${b.id.slice(0, 8)} ${b.createdAt.toISOString()} ${b.paths.join(', ')}: ` +
        `${b.done} ferdige, ${b.failed} feilet, ${b.pending} venter av ${total}`,
    );
  }
  return lines.join('\n');
}
