import type { Redis } from 'ioredis';
import { IntakeError } from '../errors.ts';
import type { SqlExecutor } from '../store/sql-client.ts';
import { storeDeploymentId } from '../store/deployment-id.ts';

/** The Redis key that names the deployment the queues under `prefix` belong to. */
export const deploymentKey = (prefix: string) => `${prefix}:deployment`;

/** The store and the queues belong to different deployments. */
export class DeploymentMismatchError extends IntakeError {
  constructor(storeId: string, queueId: string, prefix: string) {
    super(
      `lageret og køene hører til ulike installasjoner: lageret (DATABASE_URL, INTAKE_DB_SCHEMA) har ` +
        `id ${storeId}, køene i Redis (REDIS_URL, INTAKE_QUEUE_PREFIX=${prefix}) har id ${queueId}. ` +
        'Sjekk at DATABASE_URL, INTAKE_DB_SCHEMA, REDIS_URL og INTAKE_QUEUE_PREFIX er de samme som for ' +
        'de andre prosessene; arbeideren starter ikke.',
      'DEPLOYMENT_MISMATCH',
      { storeId, queueId, prefix },
    );
  }
}

/**
 * Checks that the store and the queues belong to one deployment. The queues take the store's id
 * when they have none (a fresh Redis, or one that lost its data); SET NX, so of two processes that
 * start at once on different stores only one names the queues, and the other is refused.
 * Returns the deployment's id.
 */
export async function checkDeployment(db: SqlExecutor, redis: Redis, prefix: string): Promise<string> {
  const storeId = await storeDeploymentId(db);
  const key = deploymentKey(prefix);
  await redis.set(key, storeId, 'NX');
  const queueId = await redis.get(key);
  if (queueId !== null && queueId !== storeId) throw new DeploymentMismatchError(storeId, queueId, prefix);
  return storeId;
}
