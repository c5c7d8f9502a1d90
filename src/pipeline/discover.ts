import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatMegabytes, resolveLimits, type ReadLimits } from '../read/limits.ts';
import { ReadError } from '../read/read-error.ts';
import { sniffFormat } from '../read/sniff.ts';
import { listZipEntries } from '../read/zip-archive.ts';
import { openZipFolder, type ZipFolder } from './zip-folder.ts';
import type { InputFile, SubmissionInput } from './submission-input.ts';

/**
 * Walks PATHs and yields submissions in sorted order, one at a time (CONTRACT.md "What
 * makes a submission"): a leaf folder is one submission; a file beside sub-folders, or
 * given alone, is its own; a zip archive is a folder. Nothing is loaded but what tells a zip
 * from other files; a zip on disk is read entry by entry, never whole. `limits` bound the file
 * sizes loaded and the archives opened (their entries, sizes and nesting).
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

/** Zips up to this size are sniffed from their bytes; larger ones from their listed entry names. */
const SNIFF_WHOLE_BYTES = 64 * 1024 * 1024;

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
    const files: InputFile[] = [];
    const folders: Array<() => AsyncGenerator<SubmissionInput>> = [];
    for (const { dirent: entry, raw, name } of entries) {
      if (name.startsWith('.') || name === '__MACOSX' || name === 'Thumbs.db') continue;
      const childAbs: DiskPath =
        typeof abs === 'string' && Buffer.from(name, 'utf8').equals(raw)
          ? join(abs, name)
          : Buffer.concat([Buffer.from(abs), Buffer.from('/'), raw]);
      const childRel = joinRel(rel, name);
      if (entry.isDirectory()) folders.push(() => this.directory(childAbs, childRel, rootName));
      else if (entry.isFile()) {
        if (await this.isZipArchive(childAbs)) folders.push(() => this.zipOnDisk(childAbs, childRel));
        else files.push(this.localFile(childAbs, childRel));
      } else if (entry.isSymbolicLink()) {
        // Links are not followed (they may point outside the archive); the reviewer is told what it was.
        const refusal = new ReadError('unsupported', 'Filen er en symbolsk lenke og ble ikke fulgt.');
        files.push({ path: childRel, load: () => Promise.reject(refusal) });
      }
    }
    if (folders.length === 0) {
      if (files.length > 0) yield { source: rel === '' ? rootName : rel, files };
      return;
    }
    for (const f of files) yield { source: f.path, files: [f] };
    for (const folder of folders) yield* folder();
  }

  /** A zip on disk, opened by path (a Buffer path, not valid UTF-8, is read whole: rare and small). */
  async *zipOnDisk(abs: DiskPath, rel: string): AsyncGenerator<SubmissionInput> {
    yield* this.zip(typeof abs === 'string' ? abs : await readFile(abs), rel, 1);
  }

  /** A zip archive as a folder; `depth` counts the archives it sits in, itself included. */
  private async *zip(source: Buffer | string, rel: string, depth: number): AsyncGenerator<SubmissionInput> {
    const opened = await openZipFolder(source, rel, this.limits);
    try {
      yield* this.zipFolder(opened.root, rel, depth);
    } finally {
      opened.release();
    }
  }

  /** The same leaf rule inside a zip, whose entries form a tree of their own. */
  private async *zipFolder(folder: ZipFolder, rel: string, depth: number): AsyncGenerator<SubmissionInput> {
    const subfolders = [...folder.folders.keys()].sort(collator.compare);
    const nestedZips: string[] = [];
    const files: InputFile[] = [];
    for (const [name, entry] of [...folder.files.entries()].sort((a, b) => collator.compare(a[0], b[0]))) {
      if (entry.isZip && depth < this.limits.maxArchiveDepth) nestedZips.push(name);
      else if (entry.isZip)
        files.push({
          path: joinRel(rel, name),
          load: () => Promise.reject(tooDeep(this.limits.maxArchiveDepth)),
        });
      else files.push({ path: joinRel(rel, name), load: entry.load });
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
        bytes = await folder.files.get(name)!.load();
      } catch (error) {
        // Its entry could not be unpacked: a submission of the one file, which says why.
        yield { source: path, files: [{ path, load: () => Promise.reject(error) }] };
        continue;
      }
      yield* this.zip(bytes, path, depth + 1);
    }
  }

  /** A plain zip archive (not an xlsx or docx, which are zips too), judged by its bytes. */
  async isZipArchive(path: DiskPath): Promise<boolean> {
    try {
      const handle = await open(path, 'r');
      let size: number;
      try {
        const head = Buffer.alloc(4);
        await handle.read(head, 0, 4, 0);
        if (head.readUInt32LE(0) !== 0x04034b50 && head.readUInt32LE(0) !== 0x06054b50) return false;
        size = (await handle.stat()).size;
      } finally {
        await handle.close();
      }
      if (size <= SNIFF_WHOLE_BYTES || typeof path !== 'string')
        return sniffFormat(await readFile(path)) === 'zip';
      // Too big to load for a look: its central directory tells an office document from an archive.
      const names = (await listZipEntries(path, { ...this.limits, maxEntries: Number.MAX_SAFE_INTEGER })).map(
        (e) => e.name,
      );
      const odf = names.includes('mimetype') && names.includes('content.xml');
      return !odf && !names.some((n) => OOXML_PARTS.has(n));
    } catch {
      return false; // unreadable: it stays a file, and reading it will say why
    }
  }
}

/** Entries that make a zip an Office Open XML document (read as one document), not a folder. */
const OOXML_PARTS = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'word/document.xml']);

/** A zip inside zips beyond the limit: a zip that holds itself (a "quine") would never end. */
function tooDeep(limit: number): ReadError {
  return new ReadError(
    'too-large',
    `Zip-arkivet ligger inne i for mange zip-arkiver (grensen er ${limit} nivåer) og ble ikke pakket ut.`,
  );
}
