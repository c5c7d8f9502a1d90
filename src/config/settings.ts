import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseBlobUrl, type BlobLocation, type S3Connection } from '../blobs/blob-location.ts';
import { ConfigError } from '../errors.ts';
import { DEFAULT_OCR_DPI, ENGINE_CHOICES, type EngineChoice } from '../ocr/ocr-defaults.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../read/limits.ts';
import { BUNDLED_REGISTER_PATH } from '../register/bundled-register.ts';

/** The package root, for the bundled `schemes/` folder. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const Env = z.object({
  INTAKE_MUNICIPALITIES: z.string().min(1).optional(),
  INTAKE_SCHEMES_DIR: z.string().min(1).optional(),
  INTAKE_DATA_DIR: z.string().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  INTAKE_LOW_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.6),
  INTAKE_MAX_FILE_MB: z.coerce.number().positive().default(200),
  // Limits on what one document may cost (README "Limits and hostile files").
  INTAKE_MAX_PAGES: z.coerce.number().int().min(1).default(DEFAULT_READ_LIMITS.maxPages),
  INTAKE_MAX_PAGE_MEGAPIXELS: z.coerce
    .number()
    .positive()
    .default(DEFAULT_READ_LIMITS.maxPagePixels / 1e6),
  INTAKE_MAX_CELLS: z.coerce.number().int().min(1).default(DEFAULT_READ_LIMITS.maxCells),
  INTAKE_MAX_TEXT_CHARS: z.coerce.number().int().min(1000).default(DEFAULT_READ_LIMITS.maxTextChars),
  INTAKE_MAX_ARCHIVE_ENTRIES: z.coerce.number().int().min(1).default(DEFAULT_READ_LIMITS.maxEntries),
  INTAKE_MAX_ARCHIVE_DEPTH: z.coerce.number().int().min(1).default(DEFAULT_READ_LIMITS.maxArchiveDepth),
  INTAKE_MAX_COMPRESSION_RATIO: z.coerce.number().min(1).default(DEFAULT_READ_LIMITS.maxCompressionRatio),
  INTAKE_READ_TIMEOUT_S: z.coerce
    .number()
    .positive()
    .default(DEFAULT_READ_LIMITS.timeoutMs / 1000),
  INTAKE_OCR_TIMEOUT_S: z.coerce
    .number()
    .positive()
    .default(DEFAULT_READ_LIMITS.ocrTimeoutMs / 1000),
  // A reader thread's parsers and code alone take about 200 MB of heap.
  INTAKE_READ_MEMORY_MB: z.coerce.number().int().min(256).default(DEFAULT_READ_LIMITS.maxHeapMb),
  INTAKE_READ_THREADS: z.coerce.number().int().min(1).max(64).default(DEFAULT_READ_LIMITS.readerThreads),
  INTAKE_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  // Records per store transaction in `ingest` (README "Settings"); 1 writes each as it comes.
  INTAKE_RECORD_BATCH: z.coerce.number().int().min(1).max(1000).optional(),
  INTAKE_OCR_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  INTAKE_OCR_DPI: z.coerce.number().int().min(100).max(600).default(DEFAULT_OCR_DPI),
  // Which engine reads scans (README "OCR"): auto takes the native tesseract where it has Norwegian.
  INTAKE_OCR_ENGINE: z.enum(ENGINE_CHOICES).default('auto'),
  INTAKE_BLOB_DIR: z.string().min(1).optional(),
  // Blobs on object storage (README "Blobs"): the AWS SDK's own variable names.
  INTAKE_BLOB_URL: z
    .string()
    .min(1)
    .optional()
    .superRefine((url, ctx) => {
      const parsed = url === undefined ? null : parseBlobUrl(url);
      if (parsed && 'problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
    }),
  AWS_ENDPOINT_URL_S3: z.url({ protocol: /^https?$/ }).optional(),
  AWS_ENDPOINT_URL: z.url({ protocol: /^https?$/ }).optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  INTAKE_DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _')
    .default('public'),
  INTAKE_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]{1,40}$/, 'letters, digits, - and _')
    .default('intake'),
  INTAKE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  INTAKE_OCR_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  INTAKE_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  INTAKE_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  INTAKE_LOCK_MS: z.coerce.number().int().min(1000).max(3_600_000).default(10_000),
  INTAKE_STALLED_MS: z.coerce.number().int().min(500).max(3_600_000).default(3_000),
  INTAKE_BATCH_HEARTBEAT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  INTAKE_RECONCILE_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  // The reviewer web app (README "Reviewer web app").
  INTAKE_WEB_HOST: z.string().min(1).default('127.0.0.1'),
  INTAKE_WEB_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  INTAKE_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  INTAKE_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(10),
  INTAKE_LOGIN_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  INTAKE_UPLOAD_MAX_FILES: z.coerce.number().int().min(1).max(100_000).default(500),
  INTAKE_UPLOAD_MAX_MB: z.coerce.number().positive().default(2048),
});

export interface Settings {
  /** The municipality register: `INTAKE_MUNICIPALITIES`, or the one shipped with the project. */
  municipalitiesPath: string;
  schemesDir: string;
  dataDir: string;
  redisUrl: string;
  databaseUrl: string | null;
  lowConfidenceThreshold: number;
  maxFileBytes: number;
  /** What one document may cost to read (size, pages, pixels, cells, zip contents, time, memory). */
  readLimits: Readonly<ReadLimits>;
  concurrency: number;
  /**
   * Records `ingest` writes to the store in one transaction (null: the store's own default). A
   * killed run loses at most one batch's unwritten records, which the next run reads again.
   */
  recordBatch: number | null;
  /** OCR engine workers (threads, each with its own engine and models); default: the number of cores. */
  ocrWorkers: number;
  /** Resolution image-only PDF pages are rendered at for OCR. */
  ocrDpi: number;
  /** INTAKE_OCR_ENGINE: tesseract.js, the native command, or auto (native where installed). */
  ocrEngine: EngineChoice;
  /** Shared folder of uploaded files by sha256 (queues), when `INTAKE_BLOB_URL` names no other place. */
  blobDir: string;
  /** Where uploaded files are kept: `INTAKE_BLOB_URL`, else the folder `blobDir`. */
  blobLocation: BlobLocation;
  /** How to reach the object store when `blobLocation` is on S3. */
  s3: S3Connection;
  /** PostgreSQL schema of the store's tables. */
  dbSchema: string;
  queue: QueueSettings;
  web: WebSettings;
}

/** The reviewer web app: where it listens and how sessions behave. */
export interface WebSettings {
  host: string;
  port: number;
  /** Session cookies only over HTTPS (behind a TLS proxy). */
  secureCookies: boolean;
  sessionHours: number;
  /** Sign-in attempts per minute from one address. */
  loginAttemptsPerMinute: number;
  /** Files one upload may hold, and their total size (one file may be at most `maxFileBytes`). */
  uploadMaxFiles: number;
  uploadMaxBytes: number;
}

/** How the queue workers run (see README "Queues"). */
export interface QueueSettings {
  /** Prefix of every Redis key, so several installations can share one Redis. */
  prefix: string;
  /** Document and submission jobs one worker process runs at once. */
  workerConcurrency: number;
  /** OCR jobs one worker process runs at once, each in its own sandboxed thread. */
  ocrConcurrency: number;
  /** Tries of a job whose error is transient (Redis or PostgreSQL away), with exponential backoff. */
  attempts: number;
  backoffMs: number;
  /** A job's lock lasts this long without renewal: a killed worker's job is free after it. */
  lockMs: number;
  /** How often workers look for jobs whose lock ran out, to run them again. */
  stalledMs: number;
  /** How often an enqueue beats on its batch; three missed beats: the batch was abandoned. */
  heartbeatMs: number;
  /** How often a worker looks for pending submissions whose jobs Redis lost, to add them again. */
  reconcileMs: number;
}

/** Reads and validates the environment once; every bad variable is named in one error. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Settings {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (e.INTAKE_BLOB_URL && e.INTAKE_BLOB_DIR) {
    throw new ConfigError(
      'invalid configuration:\n  INTAKE_BLOB_URL: sett enten INTAKE_BLOB_URL eller INTAKE_BLOB_DIR, ikke begge',
    );
  }
  const blobDir = resolve(cwd, e.INTAKE_BLOB_DIR ?? join(e.INTAKE_DATA_DIR ?? 'data', 'blobs'));
  const s3Endpoint = e.AWS_ENDPOINT_URL_S3 ?? e.AWS_ENDPOINT_URL ?? null;
  const municipalitiesPath = e.INTAKE_MUNICIPALITIES
    ? resolve(cwd, e.INTAKE_MUNICIPALITIES)
    : BUNDLED_REGISTER_PATH;
  if (!existsSync(municipalitiesPath)) {
    throw new ConfigError(
      `invalid configuration:\n  INTAKE_MUNICIPALITIES: no file at ${municipalitiesPath}`,
    );
  }
  return Object.freeze({
    municipalitiesPath,
    schemesDir: e.INTAKE_SCHEMES_DIR ? resolve(cwd, e.INTAKE_SCHEMES_DIR) : join(PACKAGE_ROOT, 'schemes'),
    dataDir: resolve(cwd, e.INTAKE_DATA_DIR ?? 'data'),
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL ?? null,
    lowConfidenceThreshold: e.INTAKE_LOW_CONFIDENCE,
    maxFileBytes: Math.round(e.INTAKE_MAX_FILE_MB * 1024 * 1024),
    readLimits: Object.freeze({
      ...DEFAULT_READ_LIMITS,
      maxBytes: Math.round(e.INTAKE_MAX_FILE_MB * 1024 * 1024),
      maxPages: e.INTAKE_MAX_PAGES,
      maxPagePixels: Math.round(e.INTAKE_MAX_PAGE_MEGAPIXELS * 1e6),
      maxCells: e.INTAKE_MAX_CELLS,
      maxTextChars: e.INTAKE_MAX_TEXT_CHARS,
      maxEntries: e.INTAKE_MAX_ARCHIVE_ENTRIES,
      maxArchiveDepth: e.INTAKE_MAX_ARCHIVE_DEPTH,
      maxCompressionRatio: e.INTAKE_MAX_COMPRESSION_RATIO,
      timeoutMs: Math.round(e.INTAKE_READ_TIMEOUT_S * 1000),
      ocrTimeoutMs: Math.round(e.INTAKE_OCR_TIMEOUT_S * 1000),
      maxHeapMb: e.INTAKE_READ_MEMORY_MB,
      readerThreads: e.INTAKE_READ_THREADS,
    }),
    // Four submissions in flight per core: on text PDFs the reader threads and the main thread
    // (extraction, the store) then wait less on each other (1 500 text PDFs on 2 cores: 16.0 s
    // with 8 in flight, 20.2 s with 2, mean of three each). Decoded scan pages are bounded by the
    // OCR engine's own page slots, not by this (README "Bulk runs" has the memory measured).
    concurrency: e.INTAKE_CONCURRENCY ?? 4 * availableParallelism(),
    recordBatch: e.INTAKE_RECORD_BATCH ?? null,
    ocrWorkers: e.INTAKE_OCR_WORKERS ?? availableParallelism(),
    ocrDpi: e.INTAKE_OCR_DPI,
    ocrEngine: e.INTAKE_OCR_ENGINE,
    blobDir,
    blobLocation: e.INTAKE_BLOB_URL
      ? (parseBlobUrl(e.INTAKE_BLOB_URL) as BlobLocation)
      : { kind: 'file' as const, dir: blobDir },
    s3: Object.freeze({
      endpoint: s3Endpoint,
      // MinIO and Ceph ignore the region, but the request signature needs one.
      region: e.AWS_REGION ?? 'us-east-1',
      // Virtual-host addressing needs DNS per bucket, which a self-hosted endpoint seldom has.
      forcePathStyle: (e.AWS_S3_FORCE_PATH_STYLE ?? String(s3Endpoint !== null)) === 'true',
    }),
    dbSchema: e.INTAKE_DB_SCHEMA,
    queue: Object.freeze({
      prefix: e.INTAKE_QUEUE_PREFIX,
      workerConcurrency: e.INTAKE_WORKER_CONCURRENCY,
      ocrConcurrency: e.INTAKE_OCR_CONCURRENCY,
      attempts: e.INTAKE_JOB_ATTEMPTS,
      backoffMs: e.INTAKE_BACKOFF_MS,
      lockMs: e.INTAKE_LOCK_MS,
      stalledMs: e.INTAKE_STALLED_MS,
      heartbeatMs: e.INTAKE_BATCH_HEARTBEAT_MS,
      reconcileMs: e.INTAKE_RECONCILE_MS,
    }),
    web: Object.freeze({
      host: e.INTAKE_WEB_HOST,
      port: e.INTAKE_WEB_PORT,
      secureCookies: e.INTAKE_SECURE_COOKIES === 'true',
      sessionHours: e.INTAKE_SESSION_HOURS,
      loginAttemptsPerMinute: e.INTAKE_LOGIN_ATTEMPTS,
      uploadMaxFiles: e.INTAKE_UPLOAD_MAX_FILES,
      uploadMaxBytes: Math.round(e.INTAKE_UPLOAD_MAX_MB * 1024 * 1024),
    }),
  });
}
