import { posix } from 'node:path';

import { streamXml } from './xml-stream.ts';
import type { ZipArchive, ZipEntry } from './zip-archive.ts';

/** One relationship of an OOXML part: its type's last segment ("worksheet") and the part it points at. */
export interface Relationship {
  id: string;
  /** The last path segment of the type URI, lower case ("officedocument", "worksheet", "sharedstrings"). */
  kind: string;
  /** The target part's name in the zip (resolved, no leading slash), or null for external targets. */
  part: string | null;
}

/**
 * The parts of an OOXML package, found the way Office finds them: by relationships, whose targets may
 * be relative to the source part or absolute from the package root, and by names compared without
 * regard to case or to the slash direction (both occur in files written by other programs).
 */
export class OoxmlPackage {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(private readonly archive: ZipArchive) {
    for (const entry of archive.entries) {
      const key = entry.name.replace(/^\/+/, '').toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  /** The entry of a part by name, or undefined when the package has none. */
  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.replace(/^\/+/, '').toLowerCase());
  }

  /** Every part name, as listed. */
  names(): string[] {
    return this.archive.entries.map((entry) => entry.name);
  }

  /** The part's bytes, or null when there is no such part. Limits and problems throw as for any entry. */
  async read(part: string): Promise<Buffer | null> {
    const entry = this.entry(part);
    return entry ? this.archive.read(entry) : null;
  }

  /** The relationships of a part ('' for the package's own, `_rels/.rels`). */
  async relationships(source: string): Promise<Relationship[]> {
    const dir = source === '' ? '' : posix.dirname(source);
    const relsName =
      source === '' ? '_rels/.rels' : posix.join(dir, '_rels', `${posix.basename(source)}.rels`);
    const bytes = await this.read(relsName);
    if (!bytes) return [];
    const found: Relationship[] = [];
    streamXml(bytes, {
      open: (element) => {
        if (element.local !== 'Relationship') return;
        const { Id: id, Type: type, Target: target, TargetMode: mode } = element.attributes;
        if (!id || !type || target === undefined) return;
        const kind = type.split('/').pop()!.toLowerCase();
        found.push({ id, kind, part: mode === 'External' ? null : resolveTarget(dir, target) });
      },
    });
    return found;
  }
}

/** A relationship target as a part name: absolute from the root, or relative to the source's folder. */
export function resolveTarget(sourceDir: string, target: string): string {
  const clean = safeDecodeUri(target.replace(/\\/g, '/')).replace(/[?#].*$/, '');
  const joined = clean.startsWith('/') ? clean : posix.join(sourceDir === '.' ? '' : sourceDir, clean);
  return posix
    .normalize(joined)
    .replace(/^\/+/, '')
    .replace(/^(\.\.\/)+/, '');
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text; // a stray '%' is part of the name
  }
}
