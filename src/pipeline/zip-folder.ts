import { listZipEntries, readZipEntry, zipProblemToFailure } from '../read/zip-archive.ts';
import { ReadError } from '../read/read-error.ts';

export interface ZipFolderFile {
  /** A nested zip archive, read as a sub-folder. */
  isZip: boolean;
  load(): Promise<Buffer>;
}

/** A zip archive's entries as a folder tree, so the leaf-folder rule applies inside it too. */
export interface ZipFolder {
  folders: Map<string, ZipFolder>;
  files: Map<string, ZipFolderFile>;
}

const emptyFolder = (): ZipFolder => ({ folders: new Map(), files: new Map() });

/**
 * Lists a zip's entries into a tree without reading them. A corrupt archive becomes a folder
 * holding the archive itself, so the reader reports it as an unreadable document. Entries that
 * must not be read (".." paths, bombs) stay in the tree under their base name and fail on load:
 * the reviewer sees them, and nothing is ever written to disk.
 */
export async function openZipFolder(bytes: Buffer, rel: string): Promise<ZipFolder> {
  const root = emptyFolder();
  let entries;
  try {
    entries = await listZipEntries(bytes);
  } catch (err) {
    const failure = err instanceof ReadError ? err : new ReadError('corrupt', String(err));
    root.files.set(rel.split('/').pop() ?? rel, { isZip: false, load: () => Promise.reject(failure) });
    return root;
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
        : () => readZipEntry(bytes, entry.name),
    });
  }
  return root;
}
