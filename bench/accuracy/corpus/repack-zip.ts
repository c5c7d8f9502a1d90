import yauzl from 'yauzl';
import yazl from 'yazl';

/**
 * Rewrites a zip with every entry stamped with one fixed time, so that a spreadsheet written
 * twice from the same model has the same bytes (exceljs stamps entries with the current time).
 */
export async function repackZip(data: Buffer, mtime: Date): Promise<Buffer> {
  const entries = await new Promise<{ name: string; data: Buffer }[]>((res, rej) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return rej(err ?? new Error('cannot read zip'));
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        // Directory entries carry no data; yazl recreates folders from the file paths.
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return rej(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
          stream.on('error', rej);
        });
      });
      zip.on('end', () => res(out));
      zip.on('error', rej);
      zip.readEntry();
    });
  });
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((res, rej) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => res(Buffer.concat(chunks)));
    zip.outputStream.on('error', rej);
  });
}
