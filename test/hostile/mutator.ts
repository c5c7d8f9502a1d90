/**
 * Mutations for the fuzz run: a seeded generator and byte-level mutations of a file, plus
 * part-level mutation of workbooks (one XML part mutated, the archive rebuilt with true checksums,
 * so the XML parser sees the damage instead of the zip layer refusing it).
 */
import { buildZip } from '../../scripts/hostile/raw-zip.ts';
import { openZipArchive } from '../../src/read/zip-archive.ts';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

export type ByteMutation = 'bit-flips' | 'truncate' | 'duplicate-chunk' | 'delete-chunk' | 'overwrite-chunk';

const MUTATIONS: readonly ByteMutation[] = [
  'bit-flips',
  'truncate',
  'duplicate-chunk',
  'delete-chunk',
  'overwrite-chunk',
];

/** One random mutation of `bytes` (never the input itself: a copy). */
export function mutateBytes(bytes: Buffer, random: SeededRandom): { bytes: Buffer; mutation: ByteMutation } {
  const mutation = random.pick(MUTATIONS);
  const length = bytes.length;
  const chunk = (): [number, number] => {
    const start = random.int(length);
    const size = 1 + random.int(Math.max(1, Math.min(4096, length - start)));
    return [start, start + size];
  };
  switch (mutation) {
    case 'bit-flips': {
      const out = Buffer.from(bytes);
      const flips = 1 + random.int(16);
      for (let i = 0; i < flips; i++) out[random.int(length)]! ^= 1 << random.int(8);
      return { bytes: out, mutation };
    }
    case 'truncate':
      return { bytes: Buffer.from(bytes.subarray(0, random.int(length))), mutation };
    case 'duplicate-chunk': {
      const [start, end] = chunk();
      const copies = 1 + random.int(8);
      const piece = bytes.subarray(start, end);
      return {
        bytes: Buffer.concat([
          bytes.subarray(0, end),
          ...Array.from({ length: copies }, () => piece),
          bytes.subarray(end),
        ]),
        mutation,
      };
    }
    case 'delete-chunk': {
      const [start, end] = chunk();
      return { bytes: Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)]), mutation };
    }
    case 'overwrite-chunk': {
      const out = Buffer.from(bytes);
      const [start, end] = chunk();
      for (let i = start; i < end; i++) out[i] = random.int(256);
      return { bytes: out, mutation };
    }
  }
}

/** A workbook with one of its XML parts mutated and the archive rebuilt around it. */
export async function mutateWorkbookPart(
  xlsx: Buffer,
  random: SeededRandom,
): Promise<{ bytes: Buffer; mutation: string }> {
  const archive = await openZipArchive(xlsx);
  try {
    const parts = await Promise.all(
      archive.entries.map(async (entry) => ({ name: entry.name, data: await archive.read(entry) })),
    );
    // XML parts, or the binary parts of an xlsb.
    const xml = parts.filter((part) => /\.(xml|bin)$/.test(part.name));
    const target = random.pick(xml);
    const mutated = mutateBytes(target.data, random);
    target.data = mutated.bytes;
    return { bytes: buildZip(parts), mutation: `${mutated.mutation} in ${target.name}` };
  } finally {
    archive.close();
  }
}
