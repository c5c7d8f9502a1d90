import { describe, expect, it } from 'vitest';
import { allDone, formatStatus, type QueueCounts } from '../../src/queue/queue-status.ts';
import type { BatchProgress } from '../../src/store/store.ts';

const idle = { waiting: 0, active: 0, 'waiting-children': 0, delayed: 0, completed: 0, failed: 0 };
const empty: QueueCounts = { submissions: { ...idle }, documents: { ...idle }, ocr: { ...idle } };

const batch = (over: Partial<BatchProgress>): BatchProgress => ({
  id: '0d3c8a6e-1f4e-4a8e-9d7b-3a1c2b4d5e6f',
  createdAt: new Date('2026-12-04T10:00:00Z'),
  paths: ['/arkiv/2024'],
  total: 47,
  enqueued: true,
  done: 0,
  failed: 0,
  pending: 47,
  ...over,
});

const abandoned = { id: '0d3c8a6e-1f4e-4a8e-9d7b-3a1c2b4d5e6f', paths: ['/arkiv/2024'], registered: 12 };

describe('the queue status', () => {
  it('says that pending submissions have no jobs left, and that they are being added again', () => {
    const text = formatStatus(empty, [batch({})], { abandoned: [], pending: 47 });
    expect(text).toContain('47 venter, men ingen jobber i køen: legges inn på nytt');
  });

  it('says nothing of the kind while jobs are still on the queues', () => {
    const busy = { ...empty, documents: { ...idle, waiting: 3 } };
    expect(formatStatus(busy, [batch({})], { abandoned: [], pending: 47 })).not.toMatch(/ingen jobber/);
  });

  it('names an abandoned batch, what it registered and the command that completes it', () => {
    const text = formatStatus(empty, [batch({ enqueued: false, pending: 0, done: 12 })], {
      abandoned: [abandoned],
      pending: 0,
    });
    expect(text).toContain('12 ferdige, 0 feilet, 0 venter av 12 (avbrutt)');
    expect(text).toContain(
      'bunt 0d3c8a6e (/arkiv/2024) ble avbrutt etter 12 registrerte innsendinger: ' +
        'kjør `intake enqueue /arkiv/2024` på nytt for å fullføre den',
    );
  });

  it('waits for a batch still being enqueued, but not for one whose enqueue was abandoned', () => {
    const open = batch({ enqueued: false, pending: 0, done: 12 });
    expect(allDone([open])).toBe(false);
    expect(allDone([open], [abandoned])).toBe(true);
    expect(allDone([batch({ enqueued: false, pending: 2 })], [abandoned])).toBe(false);
  });
});
