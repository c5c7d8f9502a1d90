import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../store/sql-client.ts';

/** The hash the first row of the audit log follows. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit row as the chain hashes it: every field as text, as PostgreSQL writes it. */
export interface ChainRow {
  id: string;
  /** UTC, microseconds: YYYY-MM-DDTHH:MM:SS.ffffffZ */
  at: string;
  actor: string;
  action: string;
  submissionId: string | null;
  /** The jsonb details as PostgreSQL prints them (its own key order and spacing). */
  details: string | null;
  prevHash: string;
  hash: string;
}

export interface ChainBreak {
  id: string;
  problem: 'altered' | 'missing-before';
  /** Norwegian, for whoever runs `intake audit verify`. */
  message: string;
}

export interface ChainReport {
  rows: number;
  /** The last row's hash: note it somewhere else, so removing rows at the end shows too. */
  head: string;
  breaks: ChainBreak[];
}

const part = (value: string | null): string =>
  value === null ? 'N' : `${Buffer.byteLength(value, 'utf8')}:${value}`;

/** sha256 over the row's fields and the previous hash (the same as audit_row_hash in migration 004). */
export function rowHash(row: Omit<ChainRow, 'hash'>): string {
  const text = [row.id, row.at, row.actor, row.action, row.submissionId, row.details, row.prevHash]
    .map(part)
    .join('');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Checks the chain: each row's hash is that of its fields and the row before it, and names the
 * previous row's hash. A row changed by hand breaks its own hash; a row removed breaks the link of
 * the one after it. Rows removed from the end show only against a head noted earlier.
 */
export function verifyChain(rows: readonly ChainRow[]): ChainReport {
  const breaks: ChainBreak[] = [];
  let previous = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== previous) {
      breaks.push({
        id: row.id,
        problem: 'missing-before',
        message: `Rad ${row.id}: raden før den mangler eller er endret (kjeden henger ikke sammen).`,
      });
    }
    if (rowHash(row) !== row.hash) {
      breaks.push({
        id: row.id,
        problem: 'altered',
        message: `Rad ${row.id}: innholdet stemmer ikke med hashen (raden er endret).`,
      });
    }
    previous = row.hash;
  }
  return { rows: rows.length, head: previous, breaks };
}

/** Reads the audit log in chain order, every field as the hash took it. */
export async function readChain(db: SqlExecutor): Promise<ChainRow[]> {
  const rows = await db.query<{
    id: string;
    at: string;
    actor: string;
    action: string;
    submission_id: string | null;
    details: string | null;
    prev_hash: string;
    hash: string;
  }>(
    `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, actor,
       action, submission_id, details::text AS details, prev_hash, hash
     FROM audit_log ORDER BY audit_log.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    submissionId: r.submission_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
