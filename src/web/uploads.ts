import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { discoverSubmissions } from '../pipeline/discover.ts';
import type { EnqueueResult } from '../queue/enqueue.ts';

/** How the files of one upload form submissions. */
export type UploadLayout = 'one' | 'many';

export interface UploadLimits {
  /** One file (INTAKE_MAX_FILE_MB). */
  maxFileBytes: number;
  /** Files in one upload (INTAKE_UPLOAD_MAX_FILES). */
  maxFiles: number;
  /** All files of one upload together (INTAKE_UPLOAD_MAX_MB). */
  maxTotalBytes: number;
  /**
   * Submissions one user may upload in 24 hours (each counted as it is audited); none when absent.
   * Keeps one account from filling the queues that everyone shares.
   */
  maxSubmissionsPerUserPerDay?: number;
}

/** What the web app needs to put uploads on the queues; absent when the queues are not configured. */
export interface UploadDeps {
  /** Where an upload's files wait (under the data folder) until they are in the blob store. */
  dir: string;
  limits: UploadLimits;
  /** `enqueuePaths` over the shared store, blob store and queues. */
  enqueue(paths: string[]): Promise<EnqueueResult>;
}

/** An upload that cannot be taken, with the HTTP status and a message for the user. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = this.constructor.name;
  }
}

export interface ReceivedUpload {
  result: EnqueueResult;
  files: number;
  layout: UploadLayout;
}

/** A size limit as a person reads it. */
export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} kB`;

/**
 * A name from the browser as one safe path segment: no folders, no control characters, no leading
 * dot (discovery skips hidden files), at most 200 characters.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c > '\u001f' && c !== '\u007f')
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  return clean.slice(0, 200) || 'fil';
}

/** A name not yet taken in `taken` ("budsjett.xlsx", then "budsjett (2).xlsx"). */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Reads a multipart upload (fields `_csrf`, `layout`, `name` and files under `files`) into a folder
 * of its own, checks the limits as the bytes arrive, and puts it on the queues: with layout `one`,
 * all files are one submission named `name` (a leaf folder); with `many`, each file is a submission
 * of its own and a zip holds one per folder (as `intake enqueue` reads them). The folder is removed
 * once the files are in the blob store. `csrfOk` checks the session's token, which must come before
 * the first file (the form puts it first) unless it came as a header.
 */
export async function receiveUpload(
  request: FastifyRequest,
  deps: UploadDeps,
  csrfOk: (token: string | undefined) => boolean,
  /** Submissions the user may still upload today (the per-user quota); no limit when absent. */
  quotaLeft: number = Infinity,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new UploadError('Send filene som multipart/form-data.', 415);
  const { limits } = deps;
  const root = join(deps.dir, randomUUID());
  const filesDir = join(root, 'filer');
  const fields: Record<string, string> = {};
  const taken = new Set<string>();
  let trusted = csrfOk(headerToken(request));
  let total = 0;
  let files = 0;
  // Until the body is read, an error that is not ours is a broken body (busboy's "Unexpected end of
  // form", a bad part header): the sender's fault, a 400. Later ones (the queues) are not.
  let reading = true;
  try {
    await mkdir(filesDir, { recursive: true });
    for await (const part of request.parts({
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 20, fieldSize: 10_000 },
    })) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : '';
        if (part.fieldname === '_csrf') trusted ||= csrfOk(value);
        else fields[part.fieldname] = value;
        continue;
      }
      if (!trusted) throw new UploadError('Ugyldig eller manglende CSRF-token. Last siden på nytt.', 403);
      if (part.fieldname !== 'files' || !part.filename) {
        part.file.resume(); // an empty file input sends a part without a name
        continue;
      }
      const name = uniqueName(safeFileName(part.filename), taken);
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          total += chunk.length;
          if (total > limits.maxTotalBytes) {
            done(
              new UploadError(
                `Opplastingen er større enn ${formatSize(limits.maxTotalBytes)} til sammen.`,
                413,
              ),
            );
          } else done(null, chunk);
        },
      });
      await pipeline(part.file, count, createWriteStream(join(filesDir, name)));
      if (part.file.truncated) {
        throw new UploadError(`«${name}» er større enn ${formatSize(limits.maxFileBytes)}.`, 413);
      }
      files++;
    }
    reading = false;
    if (!trusted) throw new UploadError('Ugyldig eller manglende CSRF-token. Last siden på nytt.', 403);
    if (files === 0) throw new UploadError('Velg minst én fil.', 400);
    const layout: UploadLayout = fields.layout === 'many' ? 'many' : 'one';
    let paths: string[];
    if (layout === 'one') {
      const folder = join(root, safeFileName(fields.name?.trim() || 'opplasting'));
      await rename(filesDir, folder);
      paths = [folder];
    } else {
      paths = (await readdir(filesDir)).sort().map((f) => join(filesDir, f));
    }
    await checkContents(paths, limits, quotaLeft);
    return { result: await deps.enqueue(paths), files, layout };
  } catch (error) {
    const known = asUploadError(error, limits);
    if (reading && !(known instanceof UploadError) && !(known as { statusCode?: number }).statusCode) {
      throw new UploadError('Skjemaet med filene kunne ikke leses. Prøv igjen.', 400);
    }
    throw known;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The limits again, over what the upload holds as `intake enqueue` will read it: a zip counts as
 * the submissions and files inside it, so one zip of 60 folders is 60 submissions, not one file.
 * Nothing is loaded; zips are listed, within the read limits.
 */
async function checkContents(paths: string[], limits: UploadLimits, quotaLeft: number): Promise<void> {
  let submissions = 0;
  let files = 0;
  for (const path of paths) {
    for await (const input of discoverSubmissions(path)) {
      submissions++;
      files += input.files.length;
      if (files > limits.maxFiles) {
        throw new UploadError(
          `Opplastingen har flere enn ${limits.maxFiles} filer når zip-arkivene er pakket ut; last opp høyst ${limits.maxFiles} om gangen.`,
          413,
        );
      }
      if (submissions > quotaLeft) {
        throw new UploadError(
          `Du kan laste opp ${Math.max(0, quotaLeft)} innsendinger til det neste døgnet (høyst ${limits.maxSubmissionsPerUserPerDay} per døgn).`,
          429,
        );
      }
    }
  }
}

function headerToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

/** @fastify/multipart's limit errors, said in Norwegian. */
function asUploadError(error: unknown, limits: UploadLimits): unknown {
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new UploadError(`En av filene er større enn ${formatSize(limits.maxFileBytes)}.`, 413);
    case 'FST_FILES_LIMIT':
      return new UploadError(`Last opp høyst ${limits.maxFiles} filer om gangen.`, 413);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new UploadError('Skjemaet har for mange deler.', 413);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new UploadError('Send filene som multipart/form-data.', 415);
    default:
      return error;
  }
}
