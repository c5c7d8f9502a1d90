/**
 * The bench's files: the scanned samples as files (PDF, PNG, JPEG, TIFF), each with the pages the
 * pipeline OCRs and the known text of each such page from the born-digital twin.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readDocument } from '../../src/read/read-document.ts';
import { scannedTwins } from '../../scripts/scans/catalogue.ts';

export interface ScannedFile {
  /** "2021/orland-voksne-act-clean-skannet/soknad.pdf". */
  name: string;
  path: string;
  bytes: Buffer;
  format: 'pdf' | 'png' | 'jpeg' | 'tiff';
  /** The pages the pipeline OCRs (1-based), each with its twin page's text layer. */
  pages: Array<{ number: number; truth: string }>;
}

export async function scannedFiles(samplesDir: string): Promise<ScannedFile[]> {
  const files: ScannedFile[] = [];
  for (const twin of scannedTwins) {
    const year = readdirSync(samplesDir).find((y) => existsSync(join(samplesDir, y, `${twin.twin}-skannet`)));
    if (!year) throw new Error(`scanned sample ${twin.twin}-skannet not found under ${samplesDir}`);
    for (const file of twin.files) {
      const path = join(samplesDir, year, `${twin.twin}-skannet`, file.to);
      const bytes = readFileSync(path);
      const read = await readDocument(bytes, path);
      const known = await readDocument(readFileSync(join(samplesDir, year, twin.twin, file.from)), file.from);
      if (!['pdf', 'png', 'jpeg', 'tiff'].includes(read.format)) throw new Error(`${path}: not a scan`);
      files.push({
        name: `${year}/${twin.twin}-skannet/${file.to}`,
        path,
        bytes,
        format: read.format as ScannedFile['format'],
        pages: read.pagesNeedingOcr.map((number) => ({
          number,
          truth: known.pages.find((p) => p.page === number)?.text ?? '',
        })),
      });
    }
  }
  return files;
}

/** CPU seconds of this process and its waited-for children (tesseract.js threads are ours). */
export function cpuSeconds(): number {
  const usage = process.cpuUsage();
  // /proc/self/stat fields 16 and 17: the reaped children's user and system time, in ticks of 1/100 s.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const children = (Number(fields[13]) + Number(fields[14])) / 100;
  return (usage.user + usage.system) / 1e6 + children;
}
