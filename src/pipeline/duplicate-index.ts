import type { ReadDocument } from '../domain/document.ts';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Remembers which submission first brought each document's bytes, to flag later copies. */
export class DuplicateIndex {
  private readonly firstSeen = new Map<string, string>();

  /** Marks this submission's documents; returns, per document index, the earlier source. */
  register(source: string, reads: ReadDocument[]): Map<number, string> {
    const duplicates = new Map<number, string>();
    reads.forEach((read, i) => {
      // Empty and unreadable files share hashes by accident, not by being the same document.
      if (read.sha256 === EMPTY_SHA256) return;
      const earlier = this.firstSeen.get(read.sha256);
      if (earlier !== undefined && earlier !== source) duplicates.set(i, earlier);
      else if (earlier === undefined) this.firstSeen.set(read.sha256, source);
    });
    return duplicates;
  }
}
