import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ReadError } from '../read/read-error.ts';
import { sniffFormat } from '../read/sniff.ts';
import { openZipFolder, type ZipFolder } from './zip-folder.ts';
import type { InputFile, SubmissionInput } from './submission-input.ts';

/**
 * Walks PATHs and yields submissions in sorted order, one at a time (CONTRACT.md "What
 * makes a submission"): a leaf folder is one submission; a file beside sub-folders, or
 * given alone, is its own; a zip archive is a folder. Nothing is loaded but the first
 * bytes of a file needed to tell a zip from other files.
 */
export async function* discoverSubmissions(root: string): AsyncGenerator<SubmissionInput> {
  const info = await stat(root);
  const name = basename(root);
  if (info.isDirectory()) {
    yield* walkDirectory(root, '', name);
    return;
  }
  const file = localFile(root, name);
  if (await isZipArchive(root)) yield* walkZip(await openZipFolder(await readFile(root), name), name);
  else yield { source: name, files: [file] };
}

const collator = new Intl.Collator('nb', { numeric: true });
const joinRel = (rel: string, name: string) => (rel === '' ? name : `${rel}/${name}`);

/** A path on disk: a Buffer when a name on the way is not valid UTF-8 (Linux names are bytes). */
type DiskPath = string | Buffer;

function localFile(abs: DiskPath, rel: string): InputFile {
  return { path: rel, load: () => readFile(abs) };
}

async function* walkDirectory(abs: DiskPath, rel: string, rootName: string): AsyncGenerator<SubmissionInput> {
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
    if (entry.isDirectory()) folders.push(() => walkDirectory(childAbs, childRel, rootName));
    else if (entry.isFile()) {
      if (await isZipArchive(childAbs)) {
        folders.push(async function* () {
          yield* walkZip(await openZipFolder(await readFile(childAbs), childRel), childRel);
        });
      } else files.push(localFile(childAbs, childRel));
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

/** The same leaf rule inside a zip, whose entries form a tree of their own. */
async function* walkZip(folder: ZipFolder, rel: string): AsyncGenerator<SubmissionInput> {
  const subfolders = [...folder.folders.keys()].sort(collator.compare);
  const nestedZips: string[] = [];
  const files: InputFile[] = [];
  for (const [name, entry] of [...folder.files.entries()].sort((a, b) => collator.compare(a[0], b[0]))) {
    if (entry.isZip) nestedZips.push(name);
    else files.push({ path: joinRel(rel, name), load: entry.load });
  }
  if (subfolders.length === 0 && nestedZips.length === 0) {
    if (files.length > 0) yield { source: rel, files };
    return;
  }
  for (const f of files) yield { source: f.path, files: [f] };
  for (const name of subfolders) yield* walkZip(folder.folders.get(name)!, joinRel(rel, name));
  for (const name of nestedZips) {
    const bytes = await folder.files.get(name)!.load();
    yield* walkZip(await openZipFolder(bytes, joinRel(rel, name)), joinRel(rel, name));
  }
}

/** A plain zip archive (not an xlsx or docx, which are zips too), judged by its bytes. */
async function isZipArchive(path: DiskPath): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
      if (head.readUInt32LE(0) !== 0x04034b50 && head.readUInt32LE(0) !== 0x06054b50) return false;
    } finally {
      await handle.close();
    }
    return sniffFormat(await readFile(path)) === 'zip';
  } catch {
    return false; // unreadable: it stays a file, and reading it will say why
  }
}
