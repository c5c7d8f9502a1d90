import { open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatMegabytes, resolveLimits, type ReadLimits } from '../read/limits.ts';
import { ReadError } from '../read/read-error.ts';
import { identifyZipByNames, identifyZipFile, sniffFormat, type RandomAccessFile } from '../read/sniff.ts';
import { listZipEntries } from '../read/zip-archive.ts';
import { openZipFolder, type ZipFolder, type ZipFolderFile } from './zip-folder.ts';
import type { InputFile, SubmissionInput } from './submission-input.ts';

/**
 * Walks PATHs and yields submissions in sorted order, one at a time (CONTRACT.md "What
 * makes a submission"): a leaf folder is one submission; a file beside sub-folders, or given
 * alone, is its own; a zip archive is a folder, except that a zip holding only files (no folders,
 * and no zips that hold folders) beside other files and no sub-folders is part of their
 * submission: its files are attachments of the application beside it, listed where the zip sorts
 * ("Molde/vedlegg.zip/budsjett.xlsx"). A folder holding only zips is an archive: each zip is
 * a submission (or more) of its own, whatever it holds. A zip that cannot be opened, or holds no
 * files, is an unreadable file (of the submission beside it, or a submission of its own), never
 * dropped. Nothing is loaded but what tells a zip from other files and what tells a zip of
 * attachments from an archive; a zip on disk is read entry by entry, never whole. `limits` bound
 * the file sizes loaded and the archives opened (their entries, sizes and nesting).
 */
export async function* discoverSubmissions(
  root: string,
  limits?: Partial<ReadLimits>,
): AsyncGenerator<SubmissionInput> {
  const walk = new Walk(resolveLimits(limits));
  const info = await stat(root);
  const name = basename(root);
  if (info.isDirectory()) {
    yield* walk.directory(root, '', name);
    return;
  }
  if (await walk.isZipArchive(root)) yield* walk.zipOnDisk(root, name);
  else yield { source: name, files: [walk.localFile(root, name)] };
}

const collator = new Intl.Collator('nb', { numeric: true });
const joinRel = (rel: string, name: string) => (rel === '' ? name : `${rel}/${name}`);

/** A path on disk: a Buffer when a name on the way is not valid UTF-8 (Linux names are bytes). */
type DiskPath = string | Buffer;

/** A damaged zip up to this size is sniffed from its bytes (local headers); larger ones as yauzl lists them. */
const SNIFF_WHOLE_BYTES = 64 * 1024 * 1024;

/** A folder's entry on disk, in name order. */
type DiskChild =
  | { kind: 'file'; file: InputFile }
  | { kind: 'zip'; abs: DiskPath; rel: string }
  | { kind: 'folder'; abs: DiskPath; rel: string };

/**
 * A zip of files taken into the submission beside it: its files (those of the zips of files it
 * holds included), and `release()` to close its archives once the submission has been yielded.
 */
interface Attached {
  files: InputFile[];
  release(): void;
}

/** A file that cannot be read, and says why when loaded. */
const failing = (path: string, error: unknown): InputFile => ({ path, load: () => Promise.reject(error) });

/** One file that fails: a zip that could not be opened or unpacked, beside files or alone. */
const failingAttached = (path: string, error: unknown): Attached => ({
  files: [failing(path, error)],
  release: () => undefined,
});

const isEmptyZip = (root: ZipFolder) => root.files.size === 0 && root.folders.size === 0;

class Walk {
  constructor(private readonly limits: ReadLimits) {}

  /** A file on disk, loaded when asked; one over the size limit is refused without being read. */
  localFile(abs: DiskPath, rel: string): InputFile {
    const maxBytes = this.limits.maxBytes;
    return {
      path: rel,
      load: async () => {
        const { size } = await stat(abs);
        if (size > maxBytes) {
          throw new ReadError(
            'too-large',
            `Filen er for stor (${formatMegabytes(size)}); største tillatte størrelse er ${formatMegabytes(maxBytes)}.`,
          );
        }
        return readFile(abs);
      },
    };
  }

  async *directory(abs: DiskPath, rel: string, rootName: string): AsyncGenerator<SubmissionInput> {
    // Names as bytes: a name decoded lossily (U+FFFD) would point at no file. Shown decoded, opened as bytes.
    const entries = (await readdir(abs, { withFileTypes: true, encoding: 'buffer' }))
      .map((dirent) => ({ dirent, raw: dirent.name, name: dirent.name.toString('utf8') }))
      .sort((a, b) => collator.compare(a.name, b.name));
    const children: DiskChild[] = [];
    for (const { dirent: entry, raw, name } of entries) {
      if (name.startsWith('.') || name === '__MACOSX' || name === 'Thumbs.db') continue;
      const childAbs: DiskPath =
        typeof abs === 'string' && Buffer.from(name, 'utf8').equals(raw)
          ? join(abs, name)
          : Buffer.concat([Buffer.from(abs), Buffer.from('/'), raw]);
      const childRel = joinRel(rel, name);
      if (entry.isDirectory()) children.push({ kind: 'folder', abs: childAbs, rel: childRel });
      else if (entry.isFile()) {
        if (await this.isZipArchive(childAbs)) children.push({ kind: 'zip', abs: childAbs, rel: childRel });
        else children.push({ kind: 'file', file: this.localFile(childAbs, childRel) });
      } else if (entry.isSymbolicLink()) {
        // Links are not followed (they may point outside the archive); the reviewer is told what it was.
        const refusal = new ReadError('unsupported', 'Filen er en symbolsk lenke og ble ikke fulgt.');
        children.push({ kind: 'file', file: failing(childRel, refusal) });
      }
    }
    const files = children.flatMap((c) => (c.kind === 'file' ? [c.file] : []));
    const zips = children.flatMap((c) => (c.kind === 'zip' ? [c] : []));
    const source = rel === '' ? rootName : rel;
    if (files.length > 0 && zips.length > 0 && !children.some((c) => c.kind === 'folder')) {
      // Files and zips only: if every zip holds only files, they are attachments of this one submission.
      const attached = await this.attachAll(zips.map((z) => () => this.attachZipOnDisk(z.abs, z.rel)));
      if (attached) {
        let next = 0;
        const all = children.flatMap((c) => (c.kind === 'file' ? [c.file] : attached[next++]!.files));
        yield* yieldAttached({ source, files: all }, attached);
        return;
      }
    }
    if (files.length === children.length) {
      if (files.length > 0) yield { source, files };
      return;
    }
    for (const f of files) yield { source: f.path, files: [f] };
    for (const child of children) {
      if (child.kind === 'folder') yield* this.directory(child.abs, child.rel, rootName);
      else if (child.kind === 'zip') yield* this.zipOnDisk(child.abs, child.rel);
    }
  }

  /** A zip on disk, opened by path (a Buffer path, not valid UTF-8, is read whole: rare and small). */
  async *zipOnDisk(abs: DiskPath, rel: string): AsyncGenerator<SubmissionInput> {
    yield* this.zip(typeof abs === 'string' ? abs : await readFile(abs), rel, 1);
  }

  /** A zip archive as a folder; `depth` counts the archives it sits in, itself included. */
  private async *zip(source: Buffer | string, rel: string, depth: number): AsyncGenerator<SubmissionInput> {
    const opened = await openZipFolder(source, this.limits);
    try {
      // Not opened, or nothing in it: a submission of the one file, which says why.
      if (opened.failure) yield { source: rel, files: [failing(rel, opened.failure)] };
      else if (isEmptyZip(opened.root)) yield { source: rel, files: [failing(rel, emptyZip())] };
      else yield* this.zipFolder(opened.root, rel, depth);
    } finally {
      opened.release();
    }
  }

  /** The same leaf rule inside a zip, whose entries form a tree of their own. */
  private async *zipFolder(folder: ZipFolder, rel: string, depth: number): AsyncGenerator<SubmissionInput> {
    const subfolders = [...folder.folders.keys()].sort(collator.compare);
    const opens = (entry: ZipFolderFile) => entry.isZip && depth < this.limits.maxArchiveDepth;
    // In name order: a nested zip to open, or a file (a zip beyond the nesting limit is one that fails).
    const items = [...folder.files.entries()]
      .sort((a, b) => collator.compare(a[0], b[0]))
      .map(([name, entry]) =>
        opens(entry) ? { zip: name } : { file: this.zipEntryFile(entry, joinRel(rel, name)) },
      );
    const files = items.flatMap((item) => (item.file ? [item.file] : []));
    const nestedZips = items.flatMap((item) => (item.zip === undefined ? [] : [item.zip]));
    // A nested zip is unpacked once, whether it is looked into for attachments, walked, or both.
    const unpacked = new Map<string, Promise<Buffer>>();
    const unpack = (name: string): Promise<Buffer> => {
      let bytes = unpacked.get(name);
      if (!bytes) unpacked.set(name, (bytes = folder.files.get(name)!.load()));
      return bytes;
    };
    if (subfolders.length === 0 && files.length > 0 && nestedZips.length > 0) {
      // Files and zips only: if every zip holds only files, they are attachments of this one submission.
      const attached = await this.attachAll(
        nestedZips.map((name) => () => this.attachNested(() => unpack(name), joinRel(rel, name), depth)),
      );
      if (attached) {
        let next = 0;
        const all = items.flatMap((item) => (item.file ? [item.file] : attached[next++]!.files));
        yield* yieldAttached({ source: rel, files: all }, attached);
        return;
      }
    }
    if (subfolders.length === 0 && nestedZips.length === 0) {
      if (files.length > 0) yield { source: rel, files };
      return;
    }
    for (const f of files) yield { source: f.path, files: [f] };
    for (const name of subfolders)
      yield* this.zipFolder(folder.folders.get(name)!, joinRel(rel, name), depth);
    for (const name of nestedZips) {
      const path = joinRel(rel, name);
      let bytes: Buffer;
      try {
        bytes = await unpack(name);
      } catch (error) {
        // Its entry could not be unpacked: a submission of the one file, which says why.
        yield { source: path, files: [failing(path, error)] };
        continue;
      } finally {
        unpacked.delete(name);
      }
      yield* this.zip(bytes, path, depth + 1);
    }
  }

  /** A zip entry as a file of a submission; a zip beyond the nesting limit fails instead of opening. */
  private zipEntryFile(entry: ZipFolderFile, path: string): InputFile {
    if (entry.isZip) return failing(path, tooDeep(this.limits.maxArchiveDepth));
    return { path, load: entry.load };
  }

  /**
   * Each zip beside other files taken in as attachments, in order; null (all released again) as
   * soon as one holds folders: then the folder is an archive, and every zip in it is walked as one.
   */
  private async attachAll(zips: Array<() => Promise<Attached | null>>): Promise<Attached[] | null> {
    const attached: Attached[] = [];
    const releaseAll = () => {
      for (const a of attached) a.release();
    };
    try {
      for (const attach of zips) {
        const one = await attach();
        if (!one) {
          releaseAll();
          return null;
        }
        attached.push(one);
      }
    } catch (error) {
      releaseAll();
      throw error;
    }
    return attached;
  }

  /** A zip on disk beside other files as attachments, or null when it holds folders. */
  private async attachZipOnDisk(abs: DiskPath, rel: string): Promise<Attached | null> {
    return this.attach(typeof abs === 'string' ? abs : await readFile(abs), rel, 1);
  }

  /** A zip inside a zip (at `depth`) as attachments; unpacked and opened only within the nesting limit. */
  private async attachNested(
    unpack: () => Promise<Buffer>,
    path: string,
    depth: number,
  ): Promise<Attached | null> {
    if (depth >= this.limits.maxArchiveDepth)
      return failingAttached(path, tooDeep(this.limits.maxArchiveDepth));
    let bytes: Buffer;
    try {
      bytes = await unpack();
    } catch (error) {
      return failingAttached(path, error); // its entry could not be unpacked
    }
    return this.attach(bytes, path, depth + 1);
  }

  /**
   * A zip's files as attachments, when it holds only files and zips of files (judged from the
   * listing of its central directory, and of the zips in it); null when it holds folders. One that
   * cannot be opened, or holds nothing, is one file that fails to read.
   */
  private async attach(source: Buffer | string, rel: string, depth: number): Promise<Attached | null> {
    const opened = await openZipFolder(source, this.limits);
    if (opened.failure) return failingAttached(rel, opened.failure);
    if (isEmptyZip(opened.root)) {
      opened.release();
      return failingAttached(rel, emptyZip());
    }
    const releases = [() => opened.release()];
    const release = () => {
      for (const r of releases) r();
    };
    try {
      if (opened.root.folders.size > 0) {
        release();
        return null;
      }
      const files: InputFile[] = [];
      for (const [name, entry] of [...opened.root.files.entries()].sort((a, b) =>
        collator.compare(a[0], b[0]),
      )) {
        const path = joinRel(rel, name);
        if (!entry.isZip) {
          files.push({ path, load: entry.load });
          continue;
        }
        const nested = await this.attachNested(() => entry.load(), path, depth);
        if (!nested) {
          release();
          return null;
        }
        releases.push(() => nested.release());
        files.push(...nested.files);
      }
      return { files, release };
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * A plain zip archive of files, judged by its entries: an xlsx, docx, OpenDocument, xlsb, pptx or
   * other zip-based format is one document (read, or said to be unsupported), never a folder. The
   * entry names come from the central directory, read from the file's end: the file is not loaded.
   */
  async isZipArchive(path: DiskPath): Promise<boolean> {
    try {
      const handle = await open(path, 'r');
      let size: number;
      try {
        const head = Buffer.alloc(4);
        await handle.read(head, 0, 4, 0);
        if (head.readUInt32LE(0) !== 0x04034b50 && head.readUInt32LE(0) !== 0x06054b50) return false;
        size = (await handle.stat()).size;
        const info = await identifyZipFile(randomAccess(handle, size));
        if (info) return info.format === 'zip';
      } finally {
        await handle.close();
      }
      // No directory where the end record says (a damaged zip): judged from its bytes, whose local
      // headers still name its entries, as its reading will repair it; a big one as yauzl lists it.
      if (size <= SNIFF_WHOLE_BYTES) return sniffFormat(await readFile(path)) === 'zip';
      if (typeof path !== 'string') return false;
      const names = (await listZipEntries(path, { ...this.limits, maxEntries: Number.MAX_SAFE_INTEGER })).map(
        (e) => e.name,
      );
      return identifyZipByNames(names).format === 'zip';
    } catch {
      return false; // unreadable: it stays a file, and reading it will say why
    }
  }
}

/** An open file read by position, whole reads only (a short read is read on). */
export function randomAccess(handle: FileHandle, size: number): RandomAccessFile {
  return {
    size,
    read: async (position, length) => {
      const bytes = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return bytes.subarray(0, done);
    },
  };
}

/** One submission whose files include attachments taken from zips, closed once it has been yielded. */
async function* yieldAttached(input: SubmissionInput, attached: Attached[]): AsyncGenerator<SubmissionInput> {
  try {
    yield input;
  } finally {
    for (const a of attached) a.release();
  }
}

/** A zip that holds no files (or only what archivers add, such as __MACOSX): said, never dropped. */
function emptyZip(): ReadError {
  return new ReadError('empty', 'Zip-arkivet er tomt.');
}

/** A zip inside zips beyond the limit: a zip that holds itself (a "quine") would never end. */
function tooDeep(limit: number): ReadError {
  return new ReadError(
    'too-large',
    `Zip-arkivet ligger inne i for mange zip-arkiver (grensen er ${limit} nivåer) og ble ikke pakket ut.`,
  );
}
