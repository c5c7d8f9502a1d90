import { FlowProducer, Queue, Worker, type Job, type WorkerOptions } from 'bullmq';
import { openBlobStore } from '../blobs/open-blob-store.ts';
import type { Settings } from '../config/settings.ts';
import type { PipelineContext } from '../pipeline/process-submission.ts';
import { Store } from '../store/store.ts';
import { checkSubmissionProcessor } from '../../workers/check-submission.worker.ts';
import { readDocumentProcessor } from '../../workers/read-document.worker.ts';
import type { WorkerDeps } from '../../workers/worker-deps.ts';
import { checkDeployment } from './deployment-check.ts';
import { OutageLog } from './outage-log.ts';
import { startReconciler } from './reconciler.ts';
import { QUEUE_NAMES, jobOptions } from './job-definitions.ts';
import { createRedis } from './redis-connection.ts';

const OCR_SANDBOX = new URL('../../workers/ocr-document.sandbox.js', import.meta.url);

export interface RunningWorkers {
  /** Stops taking jobs, lets the running ones finish, then closes the connections. */
  close(): Promise<void>;
}

/**
 * Starts this process's workers: documents and submissions in the main thread (concurrency from
 * settings), OCR in sandboxed worker threads with a concurrency of its own. A job's lock lasts
 * `lockMs` and is renewed halfway; workers look for jobs whose lock ran out every `stalledMs`, so a
 * killed worker's job runs again elsewhere within about lockMs + stalledMs.
 */
export async function startWorkers(
  settings: Settings,
  ctx: PipelineContext,
  log: (message: string) => void = () => undefined,
): Promise<RunningWorkers> {
  const q = settings.queue;
  const store = await Store.open({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    schema: settings.dbSchema,
  });
  const connection = createRedis(settings.redisUrl, `intake-worker-${process.pid}`);
  const blobs = openBlobStore(settings);
  try {
    // A worker on another deployment's store would take the good workers' jobs and fail them.
    await checkDeployment(store.sql, connection, q.prefix);
    // So would one that cannot read the files (wrong bucket or keys, an unmounted folder).
    await blobs.probe();
  } catch (error) {
    connection.disconnect();
    await store.close();
    throw error;
  }
  // ioredis reconnects by itself and jobs are retried: an outage is said once, and its end.
  const outage = new OutageLog(log);
  connection.on('error', (error) => outage.error(error));
  connection.on('ready', () => outage.recovered());
  const ocrQueue = new Queue(QUEUE_NAMES.ocr, { connection, prefix: q.prefix });
  ocrQueue.on('error', (error) => outage.error(error));
  const deps: WorkerDeps = {
    store,
    blobs,
    limits: settings.readLimits,
    ctx,
    ocrQueue,
    jobOptions: jobOptions(q),
  };
  const common: WorkerOptions = {
    connection,
    prefix: q.prefix,
    lockDuration: q.lockMs,
    stalledInterval: q.stalledMs,
    maxStalledCount: 2,
  };
  const workers = [
    new Worker(QUEUE_NAMES.submissions, checkSubmissionProcessor(deps), {
      ...common,
      concurrency: q.workerConcurrency,
    }),
    new Worker(QUEUE_NAMES.documents, readDocumentProcessor(deps), {
      ...common,
      concurrency: q.workerConcurrency,
    }),
    new Worker(QUEUE_NAMES.ocr, OCR_SANDBOX, {
      ...common,
      concurrency: q.ocrConcurrency,
      useWorkerThreads: true,
    }),
  ];
  for (const worker of workers) {
    worker.on('error', (error) => outage.error(error)); // BullMQ reconnects by itself
    worker.on('failed', (job, error) => {
      // A flow's parent failed by its child (BullMQ's deferred failure): the child's own failure
      // has said why, in the log and in the store; saying "child … failed" over it says less.
      if (job?.deferredFailure) return;
      if (job && isFinalFailure(job, error)) {
        const { submissionId } = job.data as { submissionId?: string };
        log(`jobb ${job.name} ${job.id} feilet for godt: ${error.message}`);
        // The flow's parent fails with its child; the store says so too, for status and retries.
        if (submissionId) store.markFailed(submissionId, error.message).catch(() => undefined);
      }
    });
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const flows = new FlowProducer({ connection, prefix: q.prefix });
  flows.on('error', (error) => outage.error(error));
  const reconciler = startReconciler({ store, redis: connection, flows, queue: q, log });
  return {
    async close() {
      await reconciler.stop();
      await flows.close();
      await Promise.all(workers.map((w) => w.close()));
      await ocrQueue.close();
      await store.close();
      connection.disconnect();
    },
  };
}

function isFinalFailure(job: Job, error: Error): boolean {
  return error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}
