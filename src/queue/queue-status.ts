import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AbandonedBatch } from '../store/batch-heartbeat.ts';
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

/** What `status` knows beside the queue counts and the batches. */
export interface StatusNotes {
  /** Batches whose enqueue stopped before they were fully on the queues. */
  abandoned: AbandonedBatch[];
  /** Submissions pending in the store (a submission in several batches counts once). */
  pending: number;
}

/**
 * True when nothing more will finish by waiting: every batch is fully on the queues or abandoned,
 * and none of its submissions is still pending.
 */
export function allDone(batches: BatchProgress[], abandoned: AbandonedBatch[] = []): boolean {
  const gone = new Set(abandoned.map((a) => a.id));
  return batches.every((b) => (b.enqueued || gone.has(b.id)) && b.pending === 0);
}

/** Jobs that will still run (waiting, active, waiting for children or delayed), on every queue. */
export function liveJobs(counts: QueueCounts): number {
  return Object.values(counts).reduce(
    (sum, c) => sum + c.waiting + c.active + c['waiting-children'] + c.delayed,
    0,
  );
}

/** The line naming an abandoned batch and how to complete it. */
export function abandonedLine(batch: AbandonedBatch): string {
  return (
    `bunt ${batch.id.slice(0, 8)} (${batch.paths.join(', ')}) ble avbrutt etter ${batch.registered} ` +
    `registrerte innsendinger: kjør \`intake enqueue ${batch.paths.join(' ')}\` på nytt for å fullføre den`
  );
}

/** The status report, in Norwegian, for the terminal. */
export function formatStatus(
  counts: QueueCounts,
  batches: BatchProgress[],
  notes: StatusNotes = { abandoned: [], pending: 0 },
): string {
  const lines = ['Køer (venter / aktive / venter på deljobber / utsatt / ferdige / feilet):'];
  for (const [name, c] of Object.entries(counts)) {
    lines.push(
      `  ${name.padEnd(12)} ${c.waiting} / ${c.active} / ${c['waiting-children']} / ${c.delayed} / ${c.completed} / ${c.failed}`,
    );
  }
  if (notes.pending > 0 && liveJobs(counts) === 0) {
    // Redis lost its jobs (a restart without persistence): the workers' reconciler adds them again.
    lines.push(`  ${notes.pending} venter, men ingen jobber i køen: legges inn på nytt`);
  }
  const gone = new Set(notes.abandoned.map((a) => a.id));
  lines.push(batches.length === 0 ? 'Ingen innsendingsbunter ennå.' : 'Bunter:');
  for (const b of batches) {
    const total = b.enqueued
      ? String(b.total)
      : gone.has(b.id)
        ? `${b.done + b.failed + b.pending} (avbrutt)`
        : `${b.done + b.failed + b.pending}+ (legges fortsatt i kø)`;
    lines.push(
      `  ${b.id.slice(0, 8)} ${b.createdAt.toISOString()} ${b.paths.join(', ')}: ` +
        `${b.done} ferdige, ${b.failed} feilet, ${b.pending} venter av ${total}`,
    );
  }
  for (const a of notes.abandoned) lines.push(`Merk: ${abandonedLine(a)}.`);
  return lines.join('\n');
}
