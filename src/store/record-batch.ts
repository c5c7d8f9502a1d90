import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import { coalescedLookup } from './coalesced-lookup.ts';
import { writeRecordBatch, type OwnerClaim, type RunEntry } from './record-batch-sql.ts';
import type { SqlClient } from './sql-client.ts';
import { EMPTY_SHA256, type ProcessedSubmission, type Store } from './store.ts';

/** Records per transaction: past about 50 the statements' cost per record hardly falls further. */
export const RECORD_BATCH_SIZE = 50;
/** A record waits at most this long for its batch to fill (a slow OCR stretch, the run's tail). */
const FLUSH_AFTER_MS = 1000;
/**
 * Done submissions and owned documents a run holds in memory (a few MB), so that a submission the
 * store has not seen, most of a first run, needs no lookup at all; past it, each is asked.
 */
const KNOWN_LIMIT = 200_000;
/**
 * How long an "already done?" lookup waits for others to share its query: a re-run hashes a few
 * submissions at once, each a millisecond or so apart, and skips them all.
 */
const DONE_LOOKUP_WAIT_MS = 5;

export interface RecordBatchOptions {
  size?: number;
  flushAfterMs?: number;
  actor: string;
}

/**
 * `intake ingest`'s writes gathered into batches: the checked submissions, their documents' claims
 * and the run's entries wait in memory and go to the store in one transaction per batch (see
 * writeRecordBatch), instead of two transactions and some twenty statements per record.
 *
 * Who owns a document's bytes is decided here, in memory, in the order submissions are claimed
 * (discovery order): the first claim of this run wins unless the store has an owner from before,
 * exactly as the one-by-one claims decide. What the store had done and owned is read once, at the
 * first lookup (up to KNOWN_LIMIT rows), so only the submissions and bytes it has are asked about;
 * those "already done?" lookups asked at about the same time go as one query. (Another process
 * writing the same store during the run is not seen by these; as with the one-by-one lookups, its
 * work is at worst done twice.) A flush happens when a batch is full, a second after its first record, before a
 * submission is written a second time, and at flush() — call it before anything must see the rows.
 */
export class RecordBatch {
  private readonly size: number;
  private readonly flushAfterMs: number;
  private readonly actor: string;
  /** Effective owner (its source) of every sha256 claimed or looked up in this run. */
  private readonly owners = new Map<string, string>();
  private claims: OwnerClaim[] = [];
  private results: ProcessedSubmission[] = [];
  private resultIds = new Set<string>();
  private runEntries: RunEntry[] = [];
  /**
   * Saved submissions whose run entry has not come yet, once the run keeps entries at all: a batch
   * is not written between the two, so a killed run never leaves a record its run did not note.
   */
  private awaitingEntry: Set<string> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** Per extractor version: "already done?" lookups made within a few milliseconds, as one query. */
  private readonly doneLookups = new Map<string, (id: string) => Promise<ProcessedRecord | undefined>>();

  /** What the store had done and owned before the run's first lookup (null: too much to hold). */
  private doneBefore = new Map<string, Promise<Set<string> | null>>();
  private ownedBefore: Promise<Set<string> | null> | null = null;

  constructor(
    private readonly store: Pick<Store, 'doneRecords' | 'documentOwners' | 'doneIds' | 'ownedShas'> & {
      sql: SqlClient;
    },
    options: RecordBatchOptions,
  ) {
    this.size = options.size ?? RECORD_BATCH_SIZE;
    this.flushAfterMs = options.flushAfterMs ?? FLUSH_AFTER_MS;
    this.actor = options.actor;
  }

  /** As Store.claimDocuments: claims the bytes, returns per index the earlier owner's source. */
  async claimDocuments(submissionId: string, source: string, shas: string[]): Promise<Map<number, string>> {
    let unknown = [...new Set(shas)].filter((sha) => sha !== EMPTY_SHA256 && !this.owners.has(sha));
    const owned = unknown.length > 0 ? await (this.ownedBefore ??= this.store.ownedShas(KNOWN_LIMIT)) : null;
    // Bytes no one owned before the run and no one has claimed in it since are this submission's.
    if (owned) unknown = unknown.filter((sha) => owned.has(sha));
    if (unknown.length > 0) {
      for (const [sha, owner] of await this.store.documentOwners(unknown)) this.owners.set(sha, owner);
    }
    for (const sha of new Set(shas)) {
      if (sha === EMPTY_SHA256 || this.owners.has(sha)) continue;
      this.owners.set(sha, source);
      this.claims.push({ sha256: sha, submissionId, source });
    }
    const result = new Map<number, string>();
    shas.forEach((sha, i) => {
      const owner = this.owners.get(sha);
      if (sha !== EMPTY_SHA256 && owner !== undefined && owner !== source) result.set(i, owner);
    });
    return result;
  }

  /** Queues a checked submission; waits only when its batch is full and being written. */
  async save(result: ProcessedSubmission): Promise<void> {
    this.throwIfFailed();
    if (this.resultIds.has(result.record.id)) await this.flush();
    this.results.push(result);
    this.resultIds.add(result.record.id);
    this.awaitingEntry?.add(result.record.id);
    await this.queued();
  }

  /** Queues a run's note that it recorded a submission (after the submission's own save). */
  async recorded(runId: string, submissionId: string, skipped: boolean): Promise<void> {
    this.throwIfFailed();
    this.runEntries.push({ runId, submissionId, skipped });
    (this.awaitingEntry ??= new Set()).delete(submissionId);
    await this.queued();
  }

  /**
   * As Store.doneRecord; lookups asked within DONE_LOOKUP_WAIT_MS of each other go as one query (a
   * re-run asks about every submission, each as soon as its files are hashed). A submission waiting
   * in this batch is not done yet (as one by one, where it would not be saved yet either).
   */
  async doneRecord(submissionId: string, extractorVersion: string): Promise<ProcessedRecord | null> {
    let before = this.doneBefore.get(extractorVersion);
    if (!before)
      this.doneBefore.set(extractorVersion, (before = this.store.doneIds(extractorVersion, KNOWN_LIMIT)));
    const done = await before;
    if (done && !done.has(submissionId)) return null;
    let lookUp = this.doneLookups.get(extractorVersion);
    if (!lookUp) {
      lookUp = coalescedLookup((ids: string[]) => this.store.doneRecords(ids, extractorVersion), {
        waitMs: DONE_LOOKUP_WAIT_MS,
      });
      this.doneLookups.set(extractorVersion, lookUp);
    }
    return (await lookUp(submissionId)) ?? null;
  }

  /** Writes everything queued; resolves when it is in the store. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = { claims: this.claims, results: this.results, runEntries: this.runEntries };
    this.claims = [];
    this.results = [];
    this.resultIds = new Set();
    this.runEntries = [];
    this.awaitingEntry?.clear();
    const previous = this.flushing;
    this.flushing = (async () => {
      await previous;
      this.throwIfFailed();
      if (rows.claims.length + rows.results.length + rows.runEntries.length === 0) return;
      try {
        await this.store.sql.transaction((tx) => writeRecordBatch(tx, rows, this.actor));
      } catch (error) {
        this.failure = error;
        throw error;
      }
    })();
    await this.flushing;
  }

  private async queued(): Promise<void> {
    const full = this.results.length >= this.size || this.runEntries.length >= this.size;
    if (full && this.complete()) await this.flush();
    else this.startTimer(this.flushAfterMs);
  }

  private startTimer(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A run entry on its way (the record's line is being written): wait for it.
      if (!this.complete()) this.startTimer(10);
      else void this.flush().catch(() => undefined);
    }, ms);
    this.timer.unref();
  }

  /** Whether every saved submission has its run entry (or the run keeps none). */
  private complete(): boolean {
    return !this.awaitingEntry || this.awaitingEntry.size === 0;
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}
