import { join } from 'node:path';
import { FlowProducer, Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { Settings } from '../config/settings.ts';
import { enqueuePaths } from '../queue/enqueue.ts';
import { QUEUE_NAMES } from '../queue/job-definitions.ts';
import { createRedis } from '../queue/redis-connection.ts';
import type { Store } from '../store/store.ts';
import { registerQueueDashboard } from './queue-dashboard.ts';
import type { UploadDeps } from './uploads.ts';

/** The web app's view of the queues: uploads go on them, and admins see them in the dashboard. */
export interface WebQueues {
  uploads: UploadDeps;
  registerAdmin: (app: FastifyInstance) => Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the queues for the web app (Redis from settings, the installation's key prefix). The store
 * must be the PostgreSQL server the workers share, and `blobs` the blob folder they read.
 */
export function openWebQueues(
  settings: Pick<Settings, 'redisUrl' | 'queue' | 'dataDir' | 'maxFileBytes' | 'web' | 'readLimits'>,
  store: Store,
  blobs: BlobStore,
): WebQueues {
  const connection: Redis = createRedis(settings.redisUrl, `intake-serve-${process.pid}`);
  connection.on('error', () => undefined); // ioredis reconnects; a request meanwhile fails with 500
  const prefix = settings.queue.prefix;
  const queues = Object.values(QUEUE_NAMES).map((name) => new Queue(name, { connection, prefix }));
  const submissions = queues.find((q) => q.name === QUEUE_NAMES.submissions)!;
  const flows = new FlowProducer({ connection, prefix });
  return {
    uploads: {
      dir: join(settings.dataDir, 'uploads'),
      limits: {
        maxFileBytes: settings.maxFileBytes,
        maxFiles: settings.web.uploadMaxFiles,
        maxTotalBytes: settings.web.uploadMaxBytes,
        // Ten full uploads a day per user: room for a busy day, not for flooding the shared queues.
        maxSubmissionsPerUserPerDay: settings.web.uploadMaxFiles * 10,
      },
      enqueue: (paths) =>
        enqueuePaths(paths, {
          store,
          blobs,
          flows,
          submissions,
          queue: settings.queue,
          limits: settings.readLimits,
        }),
    },
    registerAdmin: (app) => registerQueueDashboard(app, queues),
    async close() {
      await flows.close();
      await Promise.all(queues.map((q) => q.close()));
      connection.disconnect();
    },
  };
}
