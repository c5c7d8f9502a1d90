import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';

const SAMPLES = join(import.meta.dirname, '../../samples');

export interface ArchiveFile {
  path: string;
  kind: 'pdf' | 'workbook' | 'scan' | 'duplicate' | 'broken';
}

/**
 * A synthetic legacy archive of `count` one-file submissions, from the files `npm run samples` and
 * `npm run samples:scans` generated: 70 % text PDFs, 20 % workbooks, 10 % image scans, of which
 * 5 % are replaced by exact copies of earlier ones and 1 % by truncated PDFs. Every other file gets
 * bytes of its own (a PDF comment or zip comment, trailing bytes after an image) so it is no
 * duplicate, while it reads the same as its template.
 */
export async function generateArchive(dir: string, count: number): Promise<ArchiveFile[]> {
  const templates = await sampleFiles();
  const files: ArchiveFile[] = [];
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  const duplicates = Math.round(count * 0.05);
  const broken = Math.max(count >= 20 ? 1 : 0, Math.round(count * 0.01));
  for (let i = 0; i < count; i++) {
    const folder = join(dir, String(2015 + (i % 10)), `innsending-${String(i).padStart(6, '0')}`);
    await mkdir(folder, { recursive: true });
    const slot = i % 10; // 7 of 10 text PDFs, 2 workbooks, 1 scan
    if (i >= count - broken) {
      const pdf = pick(templates.pdf, i);
      const bytes = await readFile(pdf);
      await writeFile(join(folder, 'skadet.pdf'), bytes.subarray(0, bytes.length >> 1));
      files.push({ path: join(folder, 'skadet.pdf'), kind: 'broken' });
    } else if (i >= count - broken - duplicates && files.length > 0) {
      const earlier = files[(i * 7) % (count - broken - duplicates)]!;
      const target = join(folder, `kopi${extname(earlier.path)}`);
      await cp(earlier.path, target);
      files.push({ path: target, kind: 'duplicate' });
    } else {
      const kind = slot < 7 ? 'pdf' : slot < 9 ? 'workbook' : 'scan';
      const template = pick(templates[kind], Math.floor(i / 10));
      const target = join(folder, `dokument-${i}${extname(template)}`);
      await writeFile(target, unique(await readFile(template), extname(template), i));
      files.push({ path: target, kind });
    }
  }
  return files;
}

/** The template's bytes made unique without changing what a reader sees. */
function unique(bytes: Buffer, ext: string, n: number): Buffer {
  const tag = Buffer.from(`intake-bench-${n}`);
  if (ext === '.xlsx') {
    // The zip comment at the end of the end-of-central-directory record (sample workbooks have none).
    const eocd = bytes.length - 22;
    if (bytes.readUInt32LE(eocd) !== 0x06054b50) throw new Error('workbook with a zip comment');
    const out = Buffer.concat([bytes, tag]);
    out.writeUInt16LE(tag.length, eocd + 20);
    return out;
  }
  if (ext === '.pdf') return Buffer.concat([bytes, Buffer.from(`\n%${tag.toString()}\n`)]);
  return Buffer.concat([bytes, tag]); // images: bytes after the image's end are ignored
}

async function sampleFiles(): Promise<Record<'pdf' | 'workbook' | 'scan', string[]>> {
  const out = { pdf: [] as string[], workbook: [] as string[], scan: [] as string[] };
  for (const year of (await readdir(SAMPLES)).filter((y) => /^\d{4}$/.test(y)).sort()) {
    for (const sub of (await readdir(join(SAMPLES, year))).sort()) {
      if (/unreadable|as-pdf|zip/.test(sub)) continue;
      let names: string[];
      try {
        names = (await readdir(join(SAMPLES, year, sub))).sort();
      } catch {
        continue;
      }
      for (const name of names) {
        const file = join(SAMPLES, year, sub, name);
        if (sub.endsWith('-skannet')) {
          // TIFFs left out: tesseract.js alone cannot read these (the pipeline decodes them itself).
          if (/\.(png|jpe?g)$/i.test(name)) out.scan.push(file);
        } else if (name.endsWith('.pdf')) out.pdf.push(file);
        else if (name.endsWith('.xlsx')) out.workbook.push(file);
      }
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '200' }, out: { type: 'string' } },
  });
  if (!values.out) throw new Error('usage: generate-archive.ts --count N --out DIR');
  const files = await generateArchive(values.out, Number(values.count));
  console.log(`Wrote ${files.length} submissions to ${values.out}`);
}
