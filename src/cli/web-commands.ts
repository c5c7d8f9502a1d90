import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { openBlobStore } from '../blobs/open-blob-store.ts';
import { loadSettings, type Settings } from '../config/settings.ts';
import { IntakeError } from '../errors.ts';
import { checkDeployment } from '../queue/deployment-check.ts';
import { checkRedis, createRedis } from '../queue/redis-connection.ts';
import { ReviewService } from '../review/review-service.ts';
import { ReviewStore } from '../review/review-store.ts';
import { pipelineContext } from './pipeline-context.ts';
import { Store } from '../store/store.ts';
import { saveUser } from '../review/user-admin.ts';
import { PageImages } from '../web/page-images.ts';
import { buildServer } from '../web/server.ts';
import { openWebQueues, type WebQueues } from '../web/web-queues.ts';

/** Adds `serve` (the reviewer web app) and `user add` to the program. */
export function registerWebCommands(program: Command): void {
  program
    .command('serve')
    .description(
      'Starter nettløsningen for saksbehandlere og JSON-API-et (INTAKE_WEB_HOST, INTAKE_WEB_PORT).',
    )
    .option('--port <port>', 'port (standard: INTAKE_WEB_PORT eller 3000)')
    .option('--host <host>', 'adresse (standard: INTAKE_WEB_HOST eller 127.0.0.1)')
    .action(runServe);
  const user = program.command('user').description('Brukere av nettløsningen');
  user
    .command('add')
    .description(
      'Oppretter en bruker (eller gir en som finnes nytt passord, navn og rolle). Passordet leses fra standard inn.',
    )
    .argument('<username>', 'brukernavn')
    .requiredOption('--name <name>', 'fullt navn')
    .option('--role <role>', 'reviewer eller admin', 'reviewer')
    .action(runUserAdd);
}

const openStore = (settings: Settings) =>
  Store.open({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, schema: settings.dbSchema });

async function runServe(options: { port?: string; host?: string }): Promise<void> {
  const settings = loadSettings();
  const ctx = pipelineContext(settings);
  const store = await openStore(settings);
  const reviews = new ReviewStore(store.sql);
  const blobs = openBlobStore(settings);
  // Uploads and the queue dashboard need the queues, and a store the workers share (PostgreSQL).
  let queues: WebQueues | null = null;
  if (settings.databaseUrl) {
    await checkRedis(settings.redisUrl);
    // Uploads put jobs on these queues for the workers of the store's deployment: they must match.
    const redis = createRedis(settings.redisUrl, `intake-serve-check-${process.pid}`);
    try {
      await checkDeployment(store.sql, redis, settings.queue.prefix);
    } finally {
      redis.disconnect();
    }
    queues = openWebQueues(settings, store, blobs);
  } else {
    console.error(
      'intake serve: DATABASE_URL er ikke satt; opplasting og kø-oversikten er slått av (de trenger køene).',
    );
  }
  const pageImages = new PageImages();
  pageImages.warm();
  const app = await buildServer(
    {
      store,
      reviews,
      service: new ReviewService(store, reviews, ctx),
      blobs,
      // Whole scheme files: the pages show names, and each finding the source of its rule.
      schemes: ctx.schemes,
      uploads: queues?.uploads,
      registerAdmin: queues?.registerAdmin,
      pageImages,
    },
    { ...settings.web, logger: true },
  );
  const port = options.port === undefined ? settings.web.port : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new IntakeError(`ugyldig port: ${options.port}`, 'USAGE');
  const address = await app.listen({ host: options.host ?? settings.web.host, port });
  console.log(`intake serve: ${address} (lager: ${store.description})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await pageImages.close();
  await queues?.close();
  await store.close();
}

async function runUserAdd(username: string, options: { name: string; role: string }): Promise<void> {
  const password = await readPassword();
  const settings = loadSettings();
  const store = await openStore(settings);
  try {
    // Audited as the operating-system user who ran the command; a new password ends the user's sessions.
    await saveUser(
      new ReviewStore(store.sql),
      { id: null, username: `cli:${userInfo().username}` },
      { username, displayName: options.name, role: options.role, password },
    );
    console.log(`Brukeren ${username} (${options.role}) er lagret.`);
  } finally {
    await store.close();
  }
}

/** The password from standard input: typed at a prompt, or piped (`echo … | intake user add …`). */
async function readPassword(): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdin.isTTY ? process.stderr : undefined,
  });
  try {
    const line = await rl.question(process.stdin.isTTY ? 'Passord (minst 12 tegn): ' : '');
    return line.replace(/\r?\n$/, '');
  } finally {
    rl.close();
  }
}
