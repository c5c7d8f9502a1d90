/** Deterministic zip archives: fixed DOS timestamps (local-time fields, no UTC extra field), fixed order. */
import yauzl from 'yauzl';
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A fixed local timestamp, so the DOS date/time fields are the same in every time zone. */
export function fixedMtime(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}

export async function zipBuffer(entries: ZipEntry[], mtimeIso: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = fixedMtime(mtimeIso);
  for (const e of entries) {
    zip.addBuffer(e.data, e.name, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Read every entry of a zip held in memory, in archive order. */
export async function unzipBuffer(data: Buffer): Promise<ZipEntry[]> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true });
  const entries: ZipEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) {
          reject(err);
          return;
        }
        const parts: Buffer[] = [];
        stream.on('data', (c: Buffer) => parts.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.push({ name: entry.fileName, data: Buffer.concat(parts) });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}
