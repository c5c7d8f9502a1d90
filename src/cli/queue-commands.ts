import { FlowProducer, Queue } from 'bullmq';
import type { Command } from 'commander';
import { mkdir, open, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openBlobStore } from '../blobs/open-blob-store.ts';
import { loadSettings, type Settings } from '../config/settings.ts';
import { ConfigError, IntakeError } from '../errors.ts';
import { checkDeployment } from '../queue/deployment-check.ts';
import { enqueuePaths, staleAfterMs } from '../queue/enqueue.ts';
import { QUEUE_NAMES } from '../queue/job-definitions.ts';
import { abandonedLine, allDone, formatStatus, queueCounts } from '../queue/queue-status.ts';
import { checkRedis, createRedis } from '../queue/redis-connection.ts';
import { startWorkers } from '../queue/start-workers.ts';
import { existingPaths } from './input-paths.ts';
import { pipelineContext } from './pipeline-context.ts';
import { abandonedBatches, pendingCount } from '../store/batch-heartbeat.ts';
import { Store } from '../store/store.ts';

/** Adds `enqueue`, `worker`, `status` and `export` (CONTRACT.md) to the program. */
export function registerQueueCommands(program: Command): void {
  program
    .command('enqueue')
    .description('Legger filer og mapper i køene (Redis), én flyt per innsending, for `intake worker`.')
    .argument('<path...>', 'filer, mapper eller zip-arkiver')
    .action(runEnqueue);
  program
    .command('worker')
    .description(
      'Starter køarbeidere som behandler innsendinger fra køene; SIGTERM venter på jobbene som kjører.',
    )
    .action(runWorker);
  program
    .command('status')
    .description('Viser køene og hvor langt hver bunt har kommet.')
    .option('--wait', 'vent til alt som er lagt i kø er ferdig', false)
    .action(runStatus);
  program
    .command('export')
    .description('Skriver DIR/submissions.jsonl fra lageret, i samme format som `ingest`.')
    .option('--out <dir>', 'mappe for submissions.jsonl', 'out')
    .action(runExport);
}

/** The queues need a store every process can reach: the embedded database serves one process. */
function queueSettings(): Settings {
  const settings = loadSettings();
  if (!settings.databaseUrl) {
    throw new ConfigError(
      'køene trenger en PostgreSQL-server som alle prosessene deler: sett DATABASE_URL ' +
        '(den innebygde databasen kan bare brukes av én prosess om gangen; `intake ingest` trenger ingen server).',
    );
  }
  return settings;
}

function openStore(settings: Settings, poolSize?: number): Promise<Store> {
  return Store.open({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    schema: settings.dbSchema,
    poolSize,
  });
}

async function runEnqueue(paths: string[]): Promise<void> {
  existingPaths(paths);
  const settings = queueSettings();
  await checkRedis(settings.redisUrl);
  const store = await openStore(settings, 2);
  const connection = createRedis(settings.redisUrl, `intake-enqueue-${process.pid}`);
  const flows = new FlowProducer({ connection, prefix: settings.queue.prefix });
  const submissions = new Queue(QUEUE_NAMES.submissions, { connection, prefix: settings.queue.prefix });
  try {
    // Jobs put on another deployment's queues would be run against the wrong store.
    await checkDeployment(store.sql, connection, settings.queue.prefix);
    const result = await enqueuePaths(
      paths.map((p) => resolve(p)),
      {
        store,
        blobs: openBlobStore(settings),
        flows,
        submissions,
        queue: settings.queue,
        limits: settings.readLimits,
      },
    );
    console.log(
      `Bunt ${result.batchId}: ${result.submissions} innsendinger, ${result.enqueued} lagt i kø, ` +
        `${result.alreadyDone} var allerede behandlet.`,
    );
  } finally {
    await submissions.close();
    await flows.close();
    connection.disconnect();
    await store.close();
  }
}

async function runWorker(): Promise<void> {
  const settings = queueSettings();
  await checkRedis(settings.redisUrl);
  const ctx = pipelineContext(settings);
  const workers = await startWorkers(settings, ctx, (m) => console.error(`intake worker: ${m}`));
  const q = settings.queue;
  console.error(
    `intake worker ${process.pid}: klar (dokumenter og innsendinger ${q.workerConcurrency} om gangen, ` +
      `OCR ${q.ocrConcurrency} om gangen, kø-prefiks ${q.prefix})`,
  );
  const signal = await new Promise<string>((done) => {
    process.once('SIGTERM', () => done('SIGTERM'));
    process.once('SIGINT', () => done('SIGINT'));
  });
  console.error(`intake worker ${process.pid}: ${signal}, tar ikke nye jobber og venter på dem som kjører …`);
  await workers.close();
  console.error(`intake worker ${process.pid}: stoppet.`);
}

async function runStatus(options: { wait: boolean }): Promise<void> {
  const settings = queueSettings();
  await checkRedis(settings.redisUrl);
  const store = await openStore(settings, 1);
  const connection = createRedis(settings.redisUrl, `intake-status-${process.pid}`);
  try {
    for (;;) {
      const batches = await store.batches();
      const abandoned = await abandonedBatches(store.sql, staleAfterMs(settings.queue));
      const pending = await pendingCount(store.sql);
      const counts = await queueCounts(connection, settings.queue.prefix);
      console.log(formatStatus(counts, batches, { abandoned, pending }));
      if (!options.wait) return;
      if (allDone(batches, abandoned)) {
        // Waiting on an abandoned batch would be for ever: what it registered is done, the rest
        // needs its enqueue run again.
        if (abandoned.length > 0) {
          throw new IntakeError(`${abandoned.map(abandonedLine).join('; ')}`, 'BATCH_ABANDONED', {
            batches: abandoned.map((a) => a.id),
          });
        }
        return;
      }
      await sleep(2000);
    }
  } finally {
    connection.disconnect();
    await store.close();
  }
}

async function runExport(options: { out: string }): Promise<void> {
  const settings = loadSettings();
  const store = await openStore(settings, 1);
  try {
    const outDir = resolve(options.out);
    await mkdir(outDir, { recursive: true });
    const outFile = join(outDir, 'submissions.jsonl');
    const partial = `${outFile}.partial`;
    const out = await open(partial, 'w');
    const records = await store.records();
    try {
      for (const record of records) await out.write(`${JSON.stringify(record)}\n`);
    } finally {
      await out.close();
    }
    await rename(partial, outFile);
    console.log(`Skrev ${records.length} poster fra ${store.description} til ${outFile}`);
  } finally {
    await store.close();
  }
}
