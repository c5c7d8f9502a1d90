import { readFile, stat } from 'node:fs/promises';

import type { ReadLimits } from '../read/limits.ts';
import { ReadError } from '../read/read-error.ts';
import { openZipArchive, zipProblemToFailure, type ZipArchive } from '../read/zip-archive.ts';

export interface ZipFolderFile {
  /** A nested zip archive (by its name), read as a sub-folder or, beside other files, as attachments. */
  isZip: boolean;
  load(): Promise<Buffer>;
}

/** A zip archive's entries as a folder tree, so the leaf-folder rule applies inside it too. */
export interface ZipFolder {
  folders: Map<string, ZipFolder>;
  files: Map<string, ZipFolderFile>;
}

/** An opened zip folder: its tree, and `release()` once the walk over it is done. */
export interface OpenZipFolder {
  root: ZipFolder;
  /** Why the archive itself could not be opened (corrupt, too many entries), with an empty `root`; else null. */
  failure: ReadError | null;
  /** Says the walk is done: the archive closes once the last load still running has finished. */
  release(): void;
}

const emptyFolder = (): ZipFolder => ({ folders: new Map(), files: new Map() });

/**
 * Lists a zip's entries into a tree without reading them; `source` is the archive's bytes or, for
 * an archive on disk, its path (then only the entries read are ever in memory, however big the
 * archive). An archive that cannot be opened comes back empty with its `failure`, for the caller
 * to report as an unreadable document (the archive file itself). Entries that must not be read
 * (".." paths, bombs) stay in the tree under their base name and fail on load: the reviewer sees
 * them, and nothing is written to disk.
 */
export async function openZipFolder(
  source: Buffer | string,
  limits?: Partial<ReadLimits>,
): Promise<OpenZipFolder> {
  const root = emptyFolder();
  let shared = new SharedArchive(source, limits);
  let entries;
  try {
    entries = (await shared.acquire()).entries;
  } catch (err) {
    // yauzl opens a zip on disk as it is; one small enough is read whole, so what Python's zipfile
    // forgives (a wrong comment length, bytes in front) is repaired as for zips in memory.
    const bytes = typeof source === 'string' ? await smallFile(source) : null;
    const retried = bytes ? new SharedArchive(bytes, limits) : null;
    entries = retried
      ? await retried.acquire().then(
          (a) => a.entries,
          () => null,
        )
      : null;
    if (!retried || !entries) {
      const failure =
        err instanceof ReadError ? err : new ReadError('corrupt', 'Zip-arkivet kan ikke åpnes.');
      return { root, failure, release: () => undefined };
    }
    shared = retried;
  }
  for (const entry of entries) {
    const parts = entry.problem
      ? [entry.name.split(/[\\/]/).pop() || 'ukjent']
      : entry.name.split('/').filter(Boolean);
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = emptyFolder()));
      folder = next;
    }
    const name = parts[parts.length - 1]!;
    const problem = entry.problem;
    folder.files.set(name, {
      isZip: !problem && /\.zip$/i.test(name),
      load: problem
        ? () => Promise.reject(new ReadError(zipProblemToFailure(problem).reason, problem.message))
        : () => shared.read(entry.name),
    });
  }
  return { root, failure: null, release: () => shared.release() };
}

/** Zips on disk up to this size are read whole when they must be repaired to open. */
const REPAIR_WHOLE_BYTES = 64 * 1024 * 1024;

async function smallFile(path: string): Promise<Buffer | null> {
  try {
    return (await stat(path)).size <= REPAIR_WHOLE_BYTES ? await readFile(path) : null;
  } catch {
    return null;
  }
}

/**
 * How long an archive nobody uses stays open: discovery runs ahead of the reading, so the walk is
 * often done with an archive while the loads of its last submissions are still to come, one by
 * one; closing at once would list its whole central directory again for each of them.
 */
const LINGER_MS = 2_000;

/**
 * One open archive shared by the walk and the loads of its entries: listing it again for every
 * entry would cost the whole central directory each time. Open while anyone uses it (the walk
 * counts as a user) and for LINGER_MS after the last one is done; opened again if a load comes later.
 */
class SharedArchive {
  private archive: Promise<ZipArchive> | null = null;
  private users = 0;
  private closing: NodeJS.Timeout | null = null;

  constructor(
    private readonly source: Buffer | string,
    private readonly limits: Partial<ReadLimits> | undefined,
  ) {}

  acquire(): Promise<ZipArchive> {
    this.users++;
    if (this.closing) clearTimeout(this.closing);
    this.closing = null;
    this.archive ??= openZipArchive(this.source, this.limits);
    const opened = this.archive;
    opened.catch(() => this.release());
    return opened;
  }

  release(): void {
    if (this.users === 0 || --this.users > 0) return;
    this.closing = setTimeout(() => {
      this.closing = null;
      const archive = this.archive;
      this.archive = null;
      archive?.then((a) => a.close()).catch(() => undefined);
    }, LINGER_MS);
    // An archive left to linger does not keep the process alive.
    this.closing.unref();
  }

  async read(name: string): Promise<Buffer> {
    const archive = await this.acquire();
    try {
      return await archive.read(name);
    } finally {
      this.release();
    }
  }
}
