import type { SqlExecutor } from '../store/sql-client.ts';

export interface DocumentRequestRow {
  id: number;
  document: string;
  message: string;
  by: string;
  at: Date;
  /** yyyy-mm-dd; null on requests made before reply deadlines existed. */
  replyBy: string | null;
  closed: { by: string; at: Date; note: string | null } | null;
}

export interface CommentRow {
  id: number;
  body: string;
  by: string;
  at: Date;
}

export interface SavedFilter {
  id: number;
  name: string;
  /** The list's query string, without the page. */
  query: string;
}

/** The tables of migration 006 besides the case index: assignments, requests, notes, saved filters. */
export class CaseWorkStore {
  /** Gives the case to a user (replacing whoever had it); `by` is who assigned it. */
  async assign(tx: SqlExecutor, submissionId: string, userId: number, by: number): Promise<void> {
    await tx.query(
      `INSERT INTO claims (submission_id, user_id, assigned_by) VALUES ($1, $2, $3)
       ON CONFLICT (submission_id) DO UPDATE SET user_id = EXCLUDED.user_id,
         assigned_by = EXCLUDED.assigned_by, claimed_at = now()`,
      [submissionId, userId, by === userId ? null : by],
    );
  }

  async addRequest(
    tx: SqlExecutor,
    r: { submissionId: string; document: string; message: string; userId: number; replyBy: string },
  ): Promise<number> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO document_requests (submission_id, document, message, user_id, reply_by)
       VALUES ($1, $2, $3, $4, $5::date) RETURNING id`,
      [r.submissionId, r.document, r.message, r.userId, r.replyBy],
    );
    return Number(row!.id);
  }

  async requests(db: SqlExecutor, submissionId: string): Promise<DocumentRequestRow[]> {
    const rows = await db.query<{
      id: string;
      document: string;
      message: string;
      by: string;
      created_at: string | Date;
      reply_by: string | null;
      closed_by: string | null;
      closed_at: string | Date | null;
      note: string | null;
    }>(
      `SELECT d.id, d.document, d.message, u.display_name AS by, d.created_at, to_char(d.reply_by, 'YYYY-MM-DD') AS reply_by,
         cu.display_name AS closed_by, x.closed_at, x.note
       FROM document_requests d JOIN users u ON u.id = d.user_id
       LEFT JOIN document_request_closures x ON x.request_id = d.id LEFT JOIN users cu ON cu.id = x.user_id
       WHERE d.submission_id = $1 ORDER BY d.id`,
      [submissionId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      document: r.document,
      message: r.message,
      by: r.by,
      at: new Date(r.created_at),
      replyBy: r.reply_by,
      closed:
        r.closed_at === null ? null : { by: r.closed_by ?? '', at: new Date(r.closed_at), note: r.note },
    }));
  }

  /** Closes an open request; false when it was closed already or is not this submission's. */
  async closeRequest(
    tx: SqlExecutor,
    submissionId: string,
    requestId: number,
    userId: number,
    note: string | null,
  ): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO document_request_closures (request_id, submission_id, user_id, note)
       SELECT d.id, d.submission_id, $3, $4 FROM document_requests d WHERE d.id = $1 AND d.submission_id = $2
       ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
      [requestId, submissionId, userId, note],
    );
    return rows.length > 0;
  }

  /** Closes every open request of a submission (it is done: nobody waits any more). */
  async closeOpenRequests(
    tx: SqlExecutor,
    submissionId: string,
    userId: number,
    note: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO document_request_closures (request_id, submission_id, user_id, note)
       SELECT d.id, d.submission_id, $2, $3 FROM document_requests d
       WHERE d.submission_id = $1 AND NOT EXISTS (SELECT 1 FROM document_request_closures x WHERE x.request_id = d.id)`,
      [submissionId, userId, note],
    );
  }

  async addComment(tx: SqlExecutor, submissionId: string, userId: number, body: string): Promise<number> {
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO case_comments (submission_id, user_id, body) VALUES ($1, $2, $3) RETURNING id',
      [submissionId, userId, body],
    );
    return Number(row!.id);
  }

  async comments(db: SqlExecutor, submissionId: string): Promise<CommentRow[]> {
    const rows = await db.query<{ id: string; body: string; by: string; created_at: string | Date }>(
      `SELECT c.id, c.body, u.display_name AS by, c.created_at FROM case_comments c
       JOIN users u ON u.id = c.user_id WHERE c.submission_id = $1 ORDER BY c.id`,
      [submissionId],
    );
    return rows.map((r) => ({ id: Number(r.id), body: r.body, by: r.by, at: new Date(r.created_at) }));
  }

  async savedFilters(db: SqlExecutor, userId: number): Promise<SavedFilter[]> {
    const rows = await db.query<{ id: string; name: string; query: string }>(
      'SELECT id, name, query FROM saved_filters WHERE user_id = $1 ORDER BY lower(name), id',
      [userId],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name, query: r.query }));
  }

  /** Saves a named filter; the same name again replaces its query. */
  async saveFilter(db: SqlExecutor, userId: number, name: string, query: string): Promise<void> {
    await db.query(
      `INSERT INTO saved_filters (user_id, name, query) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, name) DO UPDATE SET query = EXCLUDED.query, created_at = now()`,
      [userId, name, query],
    );
  }

  async deleteFilter(db: SqlExecutor, userId: number, id: number): Promise<boolean> {
    const rows = await db.query('DELETE FROM saved_filters WHERE id = $1 AND user_id = $2 RETURNING id', [
      id,
      userId,
    ]);
    return rows.length > 0;
  }
}
