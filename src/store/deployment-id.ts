import type { SqlExecutor } from './sql-client.ts';
import { StoreError } from './store-error.ts';

/**
 * The id of the deployment this store belongs to (007-queue-health.sql), made at its first use:
 * a random one, kept for good. Of two processes that ask at once, one makes it; both read it.
 */
export async function storeDeploymentId(db: SqlExecutor): Promise<string> {
  await db.query(
    'INSERT INTO deployment (id) VALUES (gen_random_uuid()::text) ON CONFLICT (singleton) DO NOTHING',
  );
  const [row] = await db.query<{ id: string }>('SELECT id FROM deployment');
  if (!row)
    throw new StoreError('lageret har ingen installasjons-id (tabellen deployment er tom)', 'STORE_CONFIG');
  return row.id;
}
