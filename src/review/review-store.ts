import type { RecordEvidence } from '../domain/record.ts';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import type { SqlClient, SqlExecutor } from '../store/sql-client.ts';
import type { CorrectableField, FieldValue } from './corrections.ts';

export type Role = 'reviewer' | 'admin';
export type Resolution = 'accepted' | 'waived' | 'rejected';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** A user as administration sees it: active or not, and who created them and set their password. */
export interface StoredUser extends User {
  active: boolean;
  createdBy: number | null;
  passwordSetBy: number | null;
  passwordHash: string;
}

/** A four-eyes finding that a correction made disappear. */
export interface RemovedFinding {
  key: string;
  code: string;
  message: string;
}

/** A correction that made a four-eyes finding disappear, waiting for a second person's approval. */
export interface PendingCorrection {
  id: number;
  field: string;
  before: unknown;
  after: unknown;
  reason: string;
  by: string;
  byId: number;
  at: Date;
  removedFindings: RemovedFinding[];
}

/** What a finding looked like when it was decided: a decision counts only while it still does. */
export interface DecisionBasis {
  message: string;
  value: string | number | null;
}

export interface SessionUser extends User {
  csrfToken: string;
}

/** A submission as the queue lists it: the record and who has taken it. */
export interface QueueRow {
  record: ProcessedRecord;
  createdAt: Date;
  claimedBy: string | null;
}

export interface ResolutionRow {
  id: number;
  findingKey: string;
  code: string;
  resolution: Resolution;
  reason: string;
  by: string;
  byId: number;
  at: Date;
  needsApproval: boolean;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** The finding as decided; null on resolutions made before decisions were bound to it. */
  basis: DecisionBasis | null;
  /** Set when a correction changed the finding's values after the decision. */
  lapsed: boolean;
}

/** An upload's batch as its progress page shows it. */
export interface BatchView {
  id: string;
  createdAt: Date;
  /** Set once every submission of the batch is on the queues. */
  enqueued: boolean;
  total: number;
  done: number;
  failed: number;
  pending: number;
  submissions: Array<{
    id: string;
    source: string;
    state: 'pending' | 'done' | 'failed';
    needsReview: boolean;
    applicant: string | null;
    error: string | null;
  }>;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  details: Record<string, unknown> | null;
}

/** An audit row as the whole log shows it: with its submission, if any, and its hash. */
export interface AuditEntry extends AuditRow {
  submissionId: string | null;
  hash: string;
}

/** The reviewer app's tables (migration 002) and its reads of the store's submissions. */
export class ReviewStore {
  constructor(private readonly db: SqlClient) {}

  /** The connection, for reads of other review modules (the case index, case work). */
  get sql(): SqlClient {
    return this.db;
  }

  /**
   * Creates a user or, when the username exists, gives them a new name, role and password (the
   * sign-in command and tests; the app goes through user-admin.ts, which audits and ends sessions).
   */
  async createUser(user: Omit<User, 'id'>, passwordHash: string): Promise<User> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE SET display_name = $2, password_hash = $3, role = $4 RETURNING id`,
      [user.username, user.displayName, passwordHash, user.role],
    );
    return { ...user, id: Number(row!.id) };
  }

  /** A user by name with the row locked for the transaction, or null. */
  async lockedUser(tx: SqlExecutor, username: string): Promise<StoredUser | null> {
    const [row] = await tx.query<DbStoredUser>(
      `SELECT id, username, display_name, role, password_hash, active, created_by, password_set_by
       FROM users WHERE username = $1 FOR UPDATE`,
      [username],
    );
    return row ? toStoredUser(row) : null;
  }

  /** Who created a user and who last set their password (the ties that bar approving). */
  async userTies(
    tx: SqlExecutor,
    userId: number,
  ): Promise<{ createdBy: number | null; passwordSetBy: number | null }> {
    const [row] = await tx.query<{ created_by: string | null; password_set_by: string | null }>(
      'SELECT created_by, password_set_by FROM users WHERE id = $1',
      [userId],
    );
    const n = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
    return { createdBy: n(row?.created_by), passwordSetBy: n(row?.password_set_by) };
  }

  async insertUser(
    tx: SqlExecutor,
    user: Omit<User, 'id'>,
    passwordHash: string,
    by: number | null,
  ): Promise<number> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash, role, created_by, password_set_by)
       VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [user.username, user.displayName, passwordHash, user.role, by],
    );
    return Number(row!.id);
  }

  /** Changes name, role, activity and (when given) password; `by` is who set the password. */
  async updateUser(
    tx: SqlExecutor,
    id: number,
    change: {
      displayName: string;
      role: Role;
      active: boolean;
      password?: { hash: string; by: number | null };
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE users SET display_name = $2, role = $3, active = $4,
         password_hash = coalesce($5, password_hash),
         password_set_by = CASE WHEN $5::text IS NULL THEN password_set_by ELSE $6 END
       WHERE id = $1`,
      [
        id,
        change.displayName,
        change.role,
        change.active,
        change.password?.hash ?? null,
        change.password?.by ?? null,
      ],
    );
  }

  /** Ends every session of a user; returns how many there were. */
  async endSessions(tx: SqlExecutor, userId: number): Promise<number> {
    return (await tx.query('DELETE FROM sessions WHERE user_id = $1 RETURNING user_id', [userId])).length;
  }

  async credentials(username: string): Promise<(User & { passwordHash: string; active: boolean }) | null> {
    const [row] = await this.db.query<DbUser & { password_hash: string; active: boolean }>(
      'SELECT id, username, display_name, role, password_hash, active FROM users WHERE username = $1',
      [username],
    );
    return row ? { ...toUser(row), passwordHash: row.password_hash, active: row.active } : null;
  }

  async users(): Promise<Array<User & { active: boolean }>> {
    const rows = await this.db.query<DbUser & { active: boolean }>(
      'SELECT id, username, display_name, role, active FROM users ORDER BY username',
    );
    return rows.map((r) => ({ ...toUser(r), active: r.active }));
  }

  async createSession(userId: number, tokenHash: string, csrfToken: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      'INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)',
      [tokenHash, userId, csrfToken, expiresAt],
    );
  }

  async session(tokenHash: string): Promise<SessionUser | null> {
    const [row] = await this.db.query<DbUser & { csrf_token: string }>(
      `SELECT u.id, u.username, u.display_name, u.role, s.csrf_token FROM sessions s
       JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
      [tokenHash],
    );
    return row ? { ...toUser(row), csrfToken: row.csrf_token } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1 OR expires_at < now()', [tokenHash]);
  }

  /**
   * Checked submissions not marked done that need review, or have a correction waiting for a second
   * person, with their claims.
   */
  async reviewCandidates(): Promise<QueueRow[]> {
    const rows = await this.db.query<{
      record: ProcessedRecord;
      created_at: string | Date;
      claimed_by: string | null;
    }>(
      `SELECT s.record, s.created_at, u.display_name AS claimed_by FROM submissions s
       LEFT JOIN claims c ON c.submission_id = s.id LEFT JOIN users u ON u.id = c.user_id
       WHERE s.state = 'done' AND NOT ${IS_DONE}
         AND (s.status = 'needs-review' OR EXISTS (SELECT 1 FROM field_corrections fc
           WHERE fc.submission_id = s.id AND fc.removed_findings IS NOT NULL AND fc.approved_by IS NULL))`,
    );
    return rows.map((r) => ({
      record: r.record,
      createdAt: new Date(r.created_at),
      claimedBy: r.claimed_by,
    }));
  }

  async submission(id: string): Promise<{ record: ProcessedRecord; createdAt: Date; done: boolean } | null> {
    const [row] = await this.db.query<{ record: ProcessedRecord; created_at: string | Date; done: boolean }>(
      `SELECT record, created_at, ${IS_DONE} AS done FROM submissions s WHERE id = $1 AND state = 'done'`,
      [id],
    );
    return row ? { record: row.record, createdAt: new Date(row.created_at), done: row.done } : null;
  }

  /** The evidence of each stored field, by field name ("applicant.orgNumber"). */
  async fieldEvidence(submissionId: string): Promise<Map<string, RecordEvidence | null>> {
    const rows = await this.db.query<{ name: string; evidence: RecordEvidence | null }>(
      'SELECT name, evidence FROM fields WHERE submission_id = $1',
      [submissionId],
    );
    return new Map(rows.map((r) => [r.name, r.evidence]));
  }

  /** Every checked submission's record with whether a reviewer marked it done (summaries, export). */
  async allRecords(): Promise<Array<{ record: ProcessedRecord; done: boolean }>> {
    return this.db.query<{ record: ProcessedRecord; done: boolean }>(
      `SELECT record, ${IS_DONE} AS done FROM submissions s WHERE state = 'done' ORDER BY source, id`,
    );
  }

  async claimant(submissionId: string): Promise<{ userId: number; name: string } | null> {
    const [row] = await this.db.query<{ user_id: string; display_name: string }>(
      'SELECT c.user_id, u.display_name FROM claims c JOIN users u ON u.id = c.user_id WHERE submission_id = $1',
      [submissionId],
    );
    return row ? { userId: Number(row.user_id), name: row.display_name } : null;
  }

  /** Takes a submission; returns who holds it afterwards (someone else's claim is kept). */
  async claim(tx: SqlExecutor, submissionId: string, userId: number): Promise<number> {
    const [row] = await tx.query<{ user_id: string }>(
      `INSERT INTO claims (submission_id, user_id) VALUES ($1, $2)
       ON CONFLICT (submission_id) DO UPDATE SET submission_id = claims.submission_id RETURNING user_id`,
      [submissionId, userId],
    );
    return Number(row!.user_id);
  }

  async release(tx: SqlExecutor, submissionId: string): Promise<void> {
    await tx.query('DELETE FROM claims WHERE submission_id = $1', [submissionId]);
  }

  /**
   * A checked submission's record, with its row locked until the transaction ends: two corrections
   * of one submission run one after the other, each on top of the other's result.
   */
  async lockedRecord(tx: SqlExecutor, submissionId: string): Promise<ProcessedRecord | null> {
    const [row] = await tx.query<{ record: ProcessedRecord }>(
      `SELECT record FROM submissions WHERE id = $1 AND state = 'done' FOR UPDATE`,
      [submissionId],
    );
    return row?.record ?? null;
  }

  /**
   * Whether a submission is done and its round (how often it was re-opened). Call after
   * lockedRecord, in its transaction: a statement of its own sees what committed while it waited.
   */
  async reviewState(tx: SqlExecutor, submissionId: string): Promise<{ done: boolean; round: number }> {
    const [row] = await tx.query<{ done: boolean; round: string }>(
      `SELECT ${IS_DONE} AS done,
         (SELECT count(*) FROM reviews r WHERE r.submission_id = s.id AND r.decision = 'reopened') AS round
       FROM submissions s WHERE s.id = $1`,
      [submissionId],
    );
    return { done: row?.done ?? false, round: Number(row?.round ?? 0) };
  }

  /** The latest correction of each field (inside a transaction: pass its executor). */
  async corrections(
    submissionId: string,
    db: SqlExecutor = this.db,
  ): Promise<Map<CorrectableField, FieldValue>> {
    const rows = await db.query<{ field: CorrectableField; after: FieldValue }>(
      `SELECT DISTINCT ON (field) field, after FROM field_corrections WHERE submission_id = $1
       ORDER BY field, id DESC`,
      [submissionId],
    );
    return new Map(rows.map((r) => [r.field, r.after]));
  }

  /** Records a correction; `removedFindings` are the four-eyes findings it made disappear. */
  async addCorrection(
    tx: SqlExecutor,
    c: {
      submissionId: string;
      field: string;
      before: unknown;
      after: unknown;
      reason: string;
      userId: number;
      removedFindings: RemovedFinding[];
    },
  ): Promise<number> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO field_corrections (submission_id, field, before, after, reason, user_id, removed_findings)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7::jsonb) RETURNING id`,
      [
        c.submissionId,
        c.field,
        JSON.stringify(c.before),
        JSON.stringify(c.after),
        c.reason,
        c.userId,
        c.removedFindings.length > 0 ? JSON.stringify(c.removedFindings) : null,
      ],
    );
    return Number(row!.id);
  }

  /** Corrections that made a four-eyes finding disappear and wait for a second person, oldest first. */
  async pendingCorrections(submissionId: string, db: SqlExecutor = this.db): Promise<PendingCorrection[]> {
    return (await this.pendingCorrectionsOf([submissionId], db)).get(submissionId) ?? [];
  }

  /** The pending corrections of several submissions at once, by submission id. */
  async pendingCorrectionsOf(
    submissionIds: readonly string[],
    db: SqlExecutor = this.db,
  ): Promise<Map<string, PendingCorrection[]>> {
    const rows = await db.query<{
      submission_id: string;
      id: string;
      field: string;
      before: unknown;
      after: unknown;
      reason: string;
      user_id: string;
      by: string;
      created_at: string | Date;
      removed_findings: RemovedFinding[];
    }>(
      `SELECT c.submission_id, c.id, c.field, c.before, c.after, c.reason, c.user_id, u.display_name AS by,
         c.created_at, c.removed_findings
       FROM field_corrections c JOIN users u ON u.id = c.user_id
       WHERE c.submission_id = ANY($1::text[]) AND c.removed_findings IS NOT NULL AND c.approved_by IS NULL
       ORDER BY c.id`,
      [submissionIds],
    );
    return groupBy(rows, (r) => ({
      id: Number(r.id),
      field: r.field,
      before: r.before,
      after: r.after,
      reason: r.reason,
      byId: Number(r.user_id),
      by: r.by,
      at: new Date(r.created_at),
      removedFindings: r.removed_findings,
    }));
  }

  /** Approves a correction by someone other than its maker; false when nothing was approved. */
  async approveCorrection(
    tx: SqlExecutor,
    submissionId: string,
    correctionId: number,
    userId: number,
  ): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE field_corrections SET approved_by = $3, approved_at = now()
       WHERE id = $2 AND submission_id = $1 AND removed_findings IS NOT NULL AND approved_by IS NULL
         AND user_id <> $3
       RETURNING id`,
      [submissionId, correctionId, userId],
    );
    return rows.length === 1;
  }

  /** Every resolution of the submission's findings, oldest first (the latest per key applies). */
  async resolutions(submissionId: string, db: SqlExecutor = this.db): Promise<ResolutionRow[]> {
    return (await this.resolutionsOf([submissionId], db)).get(submissionId) ?? [];
  }

  /** The resolutions of several submissions at once, by submission id, oldest first. */
  async resolutionsOf(
    submissionIds: readonly string[],
    db: SqlExecutor = this.db,
  ): Promise<Map<string, ResolutionRow[]>> {
    const rows = await db.query<{
      submission_id: string;
      id: string;
      finding_key: string;
      code: string;
      resolution: Resolution;
      reason: string;
      by: string;
      user_id: string;
      created_at: string | Date;
      needs_approval: boolean;
      approved_by: string | null;
      approved_at: string | Date | null;
      basis: DecisionBasis | null;
      lapsed: boolean;
    }>(
      `SELECT r.submission_id, r.id, r.finding_key, r.code, r.resolution, r.reason, u.display_name AS by,
         r.user_id, r.created_at, r.needs_approval, a.display_name AS approved_by, r.approved_at, r.basis,
         EXISTS (SELECT 1 FROM resolution_lapses l WHERE l.resolution_id = r.id) AS lapsed
       FROM finding_resolutions r JOIN users u ON u.id = r.user_id LEFT JOIN users a ON a.id = r.approved_by
       WHERE r.submission_id = ANY($1::text[]) ORDER BY r.id`,
      [submissionIds],
    );
    return groupBy(rows, (r) => ({
      id: Number(r.id),
      findingKey: r.finding_key,
      code: r.code,
      resolution: r.resolution,
      reason: r.reason,
      by: r.by,
      byId: Number(r.user_id),
      at: new Date(r.created_at),
      needsApproval: r.needs_approval,
      approvedBy: r.approved_by,
      approvedAt: r.approved_at === null ? null : new Date(r.approved_at),
      basis: r.basis,
      lapsed: r.lapsed,
    }));
  }

  async addResolution(
    tx: SqlExecutor,
    r: {
      submissionId: string;
      findingKey: string;
      code: string;
      resolution: Resolution;
      reason: string;
      userId: number;
      needsApproval: boolean;
      basis: DecisionBasis;
    },
  ): Promise<number> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO finding_resolutions
         (submission_id, finding_key, code, resolution, reason, user_id, needs_approval, basis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`,
      [
        r.submissionId,
        r.findingKey,
        r.code,
        r.resolution,
        r.reason,
        r.userId,
        r.needsApproval,
        JSON.stringify(r.basis),
      ],
    );
    return Number(row!.id);
  }

  /** Marks a resolution as lapsed for good (its finding's values changed after it was made). */
  async lapse(tx: SqlExecutor, submissionId: string, resolutionId: number): Promise<void> {
    await tx.query(
      'INSERT INTO resolution_lapses (resolution_id, submission_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [resolutionId, submissionId],
    );
  }

  /** Approves a decision by a reviewer other than the one who made it; false when nothing was approved. */
  async approve(
    tx: SqlExecutor,
    submissionId: string,
    resolutionId: number,
    userId: number,
  ): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE finding_resolutions SET approved_by = $3, approved_at = now()
       WHERE id = $2 AND submission_id = $1 AND needs_approval AND approved_by IS NULL AND user_id <> $3
       RETURNING id`,
      [submissionId, resolutionId, userId],
    );
    return rows.length === 1;
  }

  async addDocumentRequest(
    tx: SqlExecutor,
    r: { submissionId: string; document: string; message: string; userId: number },
  ): Promise<void> {
    await tx.query(
      'INSERT INTO document_requests (submission_id, document, message, user_id) VALUES ($1, $2, $3, $4)',
      [r.submissionId, r.document, r.message, r.userId],
    );
  }

  /**
   * Marks a submission done in its current round; false when that round is done already (the unique
   * index on reviews decides, whatever the callers checked before).
   */
  async markDone(
    tx: SqlExecutor,
    submissionId: string,
    reviewer: string,
    comment: string | null,
    round: number,
  ): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO reviews (submission_id, reviewer, decision, comment, round) VALUES ($1, $2, 'done', $3, $4)
       ON CONFLICT (submission_id, decision, round) DO NOTHING RETURNING id`,
      [submissionId, reviewer, comment, round],
    );
    if (rows.length === 0) return false;
    await tx.query('DELETE FROM claims WHERE submission_id = $1', [submissionId]);
    return true;
  }

  /** Re-opens a done submission: the next "done" belongs to a new round. */
  async reopen(
    tx: SqlExecutor,
    submissionId: string,
    reviewer: string,
    reason: string,
    round: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO reviews (submission_id, reviewer, decision, comment, round) VALUES ($1, $2, 'reopened', $3, $4)`,
      [submissionId, reviewer, reason, round],
    );
  }

  /** Appends to the audit log (which cannot be changed afterwards: a trigger refuses it). */
  async audit(
    tx: SqlExecutor,
    actor: string,
    action: string,
    submissionId: string | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    await tx.query(
      'INSERT INTO audit_log (actor, action, submission_id, details) VALUES ($1, $2, $3, $4::jsonb)',
      [actor, action, submissionId, JSON.stringify(details)],
    );
  }

  async history(submissionId: string): Promise<AuditRow[]> {
    const rows = await this.db.query<{
      id: string;
      at: string | Date;
      actor: string;
      action: string;
      details: Record<string, unknown> | null;
    }>('SELECT id, at, actor, action, details FROM audit_log WHERE submission_id = $1 ORDER BY id', [
      submissionId,
    ]);
    return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at) }));
  }

  /** The audit log newest first, `limit` rows older than `before` (all when null). */
  async auditLog(before: number | null, limit: number): Promise<AuditEntry[]> {
    const rows = await this.db.query<{
      id: string;
      at: string | Date;
      actor: string;
      action: string;
      submission_id: string | null;
      details: Record<string, unknown> | null;
      hash: string;
    }>(
      `SELECT id, at, actor, action, submission_id, details, hash FROM audit_log
       WHERE $1::bigint IS NULL OR id < $1 ORDER BY id DESC LIMIT $2`,
      [before, limit],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at),
      actor: r.actor,
      action: r.action,
      details: r.details,
      submissionId: r.submission_id,
      hash: r.hash,
    }));
  }

  /** Notes in the history of each submission of an upload's batch who uploaded it. */
  async recordUpload(actor: string, batchId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor, action, submission_id, details)
       SELECT $1, 'uploaded', submission_id, jsonb_build_object('batch', $2::text)
       FROM batch_submissions WHERE batch_id = $2 ORDER BY position`,
      [actor, batchId],
    );
  }

  /** Submissions a user uploaded in the last 24 hours (their `uploaded` audit rows). */
  async uploadedToday(actor: string): Promise<number> {
    const [row] = await this.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE actor = $1 AND action = 'uploaded' AND at > now() - interval '1 day'`,
      [actor],
    );
    return Number(row?.n ?? 0);
  }

  /** A batch with the state of each of its submissions; null when there is none with the id. */
  async batch(batchId: string): Promise<BatchView | null> {
    const [batch] = await this.db.query<{ id: string; created_at: string | Date; enqueued: boolean }>(
      'SELECT id, created_at, enqueued_at IS NOT NULL AS enqueued FROM batches WHERE id = $1',
      [batchId],
    );
    if (!batch) return null;
    const rows = await this.db.query<{
      id: string;
      source: string;
      state: 'pending' | 'done' | 'failed';
      status: string | null;
      applicant: string | null;
      error: string | null;
    }>(
      `SELECT s.id, s.source, s.state, s.status, s.record->'applicant'->>'name' AS applicant, s.error
       FROM batch_submissions bs JOIN submissions s ON s.id = bs.submission_id
       WHERE bs.batch_id = $1 ORDER BY bs.position`,
      [batchId],
    );
    const count = (state: string) => rows.filter((r) => r.state === state).length;
    return {
      id: batch.id,
      createdAt: new Date(batch.created_at),
      enqueued: batch.enqueued,
      total: rows.length,
      done: count('done'),
      failed: count('failed'),
      pending: count('pending'),
      submissions: rows.map((r) => ({
        id: r.id,
        source: r.source,
        state: r.state,
        needsReview: r.status === 'needs-review',
        applicant: r.applicant,
        error: r.error,
      })),
    };
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}

/** True when the submission's latest review decision is "done" (a re-opening comes after it). */
const IS_DONE = `coalesce((SELECT r.decision FROM reviews r WHERE r.submission_id = s.id
  ORDER BY r.id DESC LIMIT 1) = 'done', false)`;

interface DbUser {
  id: string | number;
  username: string;
  display_name: string;
  role: Role;
}

const toUser = (row: DbUser): User => ({
  id: Number(row.id),
  username: row.username,
  displayName: row.display_name,
  role: row.role,
});

interface DbStoredUser extends DbUser {
  password_hash: string;
  active: boolean;
  created_by: string | null;
  password_set_by: string | null;
}

const toStoredUser = (row: DbStoredUser): StoredUser => ({
  ...toUser(row),
  active: row.active,
  createdBy: row.created_by === null ? null : Number(row.created_by),
  passwordSetBy: row.password_set_by === null ? null : Number(row.password_set_by),
  passwordHash: row.password_hash,
});

/** Rows mapped and grouped by their submission id, in the order given. */
function groupBy<R extends { submission_id: string }, T>(rows: R[], map: (row: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.submission_id) ?? [];
    list.push(map(row));
    out.set(row.submission_id, list);
  }
  return out;
}
