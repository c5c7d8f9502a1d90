import type { SqlExecutor } from './sql-client.ts';
import { StoreError } from './store-error.ts';

/** The id this store was given at its first migration (007-queue-health.sql). */
export async function storeDeploymentId(db: SqlExecutor): Promise<string> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM deployment');
  if (!row)
    throw new StoreError('lageret har ingen installasjons-id (tabellen deployment er tom)', 'STORE_CONFIG');
  return row.id;
}
