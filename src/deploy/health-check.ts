/**
 * The containers' health check (docker-compose.yml): `node --import tsx src/deploy/health-check.ts
 * worker|web`. Exits 0 when this container can do its work: Redis and PostgreSQL answer, the blob
 * store can be used, and for `web` the app serves its sign-in page. Each problem is printed in one
 * line, so `docker inspect` shows why a container is unhealthy.
 */
import pg from 'pg';
import { openBlobStore } from '../blobs/open-blob-store.ts';
import { loadSettings, type Settings } from '../config/settings.ts';
import { checkRedis } from '../queue/redis-connection.ts';

type Role = 'worker' | 'web';
const TIMEOUT_MS = 5000;

/** What keeps this container from working; empty when it is healthy. */
export async function healthProblems(settings: Settings, role: Role): Promise<string[]> {
  const checks: Array<[string, () => Promise<void>]> = [
    ['Redis', () => checkRedis(settings.redisUrl)],
    ['filene', () => openBlobStore(settings).probe()],
  ];
  if (settings.databaseUrl) checks.push(['PostgreSQL', () => checkPostgres(settings.databaseUrl!)]);
  if (role === 'web') checks.push(['nettløsningen', () => checkWeb(settings.web.port)]);
  const results = await Promise.all(
    checks.map(async ([name, check]) => {
      try {
        await withTimeout(check());
        return null;
      } catch (error) {
        return `${name}: ${(error as Error).message}`;
      }
    }),
  );
  return results.filter((r): r is string => r !== null);
}

async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkWeb(port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}/login`;
  const reply = await fetch(url, { redirect: 'manual' }).catch((error: Error) => {
    const cause = (error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.message;
    throw new Error(`får ikke kontakt med ${url} (${cause})`);
  });
  if (reply.status !== 200) throw new Error(`/login svarte ${reply.status}`);
}

function withTimeout(work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`svarte ikke på ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const role = process.argv[2];
  if (role !== 'worker' && role !== 'web') {
    console.error('bruk: health-check.ts worker|web');
    process.exit(2);
  }
  const problems = await healthProblems(loadSettings(), role);
  for (const problem of problems) console.error(problem);
  if (problems.length === 0) console.log('frisk');
  process.exit(problems.length === 0 ? 0 : 1);
}
