import { Redis, type RedisOptions } from 'ioredis';
import { IntakeError } from '../errors.ts';

/**
 * A connection for BullMQ: `maxRetriesPerRequest: null` so a command waits for Redis to come
 * back instead of failing the job (BullMQ's production advice), and a name so an operator (and
 * the tests) can see which process a connection belongs to in CLIENT LIST.
 */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: name,
    // Back off up to 2 s between reconnects; never give up (a worker outlives a Redis restart).
    retryStrategy: (times) => Math.min(100 * 2 ** times, 2000),
  } satisfies RedisOptions);
}

/** Fails fast with a message saying how to start Redis, instead of waiting for it for ever. */
export async function checkRedis(url: string): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new IntakeError(
      `får ikke kontakt med Redis på ${redactUrl(url)} (${(error as Error).message}). ` +
        'Start Redis (her: `redis-server --daemonize yes`, eller `docker compose up -d redis`) ' +
        'eller sett REDIS_URL.',
      'REDIS_UNAVAILABLE',
    );
  } finally {
    probe.disconnect();
  }
}

/** A URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(ugyldig URL)';
  }
}
