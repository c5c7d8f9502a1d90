import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import Tesseract from 'tesseract.js';
import { prepareTessdata } from '../../src/ocr/language-data.ts';
import type { RunReport } from '../../src/pipeline/run-report.ts';
import { timedIngest } from '../timed-ingest.ts';
import { generateArchive, type ArchiveFile } from './generate-archive.ts';

const run = promisify(execFile);

/**
 * `npm run bench:bulk -- --count N`: generates a synthetic legacy archive, ingests it with
 * `intake ingest` in a child process (embedded database, nothing else running), ingests it again
 * unchanged, and runs the raw extractors alone on the same files for comparison.
 */
const { values } = parseArgs({ options: { count: { type: 'string', default: '50' } } });
const count = Number(values.count);
let runs = 0;
const work = await mkdtemp(join(tmpdir(), 'intake-bench-bulk-'));
try {
  const archive = join(work, 'arkiv');
  const files = await generateArchive(archive, count);
  console.log(`Arkiv: ${count} innsendinger i ${archive}`);

  const first = await ingestChild(archive, work);
  const again = await ingestChild(archive, work);
  const report = JSON.parse(await readFile(join(work, 'out-1', 'run-report.json'), 'utf8')) as RunReport;

  const raw = await rawExtractors(files);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `
Første kjøring: ${s(first.ms)}, ${report.documents} dokumenter, ${report.pages} sider
  ${(report.documents / (first.ms / 1000)).toFixed(2)} dokumenter/s, ${(report.pages / (first.ms / 1000)).toFixed(2)} sider/s
  høyeste minne: ingest-prosessen ${report.peakRssMb} MB (run-report.json), med barneprosesser ${(first.maxRssKb / 1024).toFixed(0)} MB (GNU time; første gang lager en egen prosess den innebygde databasen)
  tid per steg (sum over dokumenter): ${Object.entries(report.stageMs)
    .map(([k, v]) => `${k} ${s(v)}`)
    .join(', ')}
Ny kjøring av uendret arkiv: ${s(again.ms)} = ${((100 * again.ms) / first.ms).toFixed(1)} % av første (maxRSS ${(again.maxRssKb / 1024).toFixed(0)} MB)
Rå uttrekkere alene på de samme filene (én om gangen):
  pdf-parse ${s(raw.pdfParse)}, exceljs ${s(raw.exceljs)}, tesseract.js ${s(raw.tesseractJs)} = ${s(raw.pdfParse + raw.exceljs + raw.tesseractJs)}
  pdftotext ${s(raw.pdftotext)}, tesseract (native) ${s(raw.nativeTesseract)} = ${s(raw.pdftotext + raw.nativeTesseract)}
Forhold: løypa / egne uttrekkere ${(first.ms / (raw.pdfParse + raw.exceljs + raw.tesseractJs)).toFixed(2)}, ` +
      `løypa / pdftotext + tesseract ${(first.ms / (raw.pdftotext + raw.nativeTesseract)).toFixed(2)}
  (løypas lese- og OCR-steg alene, summert: ${s(report.stageMs.read + report.stageMs.ocr)})`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}

/** One `intake ingest` child with the data folder of this bench; wall time and peak RSS (GNU time). */
async function ingestChild(archive: string, dir: string): Promise<{ ms: number; maxRssKb: number }> {
  runs++;
  const out = join(dir, `out-${runs}`);
  const { ms, maxRssKb } = await timedIngest(archive, {
    out,
    dataDir: join(dir, 'data'),
    timeFile: join(dir, `time-${runs}`),
  });
  return { ms, maxRssKb };
}

/** Each raw extractor alone over the archive's files of its kind, one file at a time. */
async function rawExtractors(files: ArchiveFile[]) {
  const pdfs = files.filter((f) => f.path.endsWith('.pdf')).map((f) => f.path);
  const books = files.filter((f) => f.path.endsWith('.xlsx')).map((f) => f.path);
  const scans = files.filter((f) => /\.(png|jpe?g|tiff?)$/i.test(f.path)).map((f) => f.path);
  const timed = async (work: () => Promise<void>) => {
    const t = performance.now();
    await work();
    return performance.now() - t;
  };
  const pdfParse = await timed(async () => {
    for (const file of pdfs) {
      const parser = new PDFParse({ data: await readFile(file) });
      await parser.getText().catch(() => undefined);
      await parser.destroy();
    }
  });
  const pdftotext = await timed(async () => {
    for (const file of pdfs) await run('pdftotext', ['-layout', file, '-']).catch(() => undefined);
  });
  const exceljs = await timed(async () => {
    for (const file of books)
      await new ExcelJS.Workbook().xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  });
  const tessdata = prepareTessdata();
  const worker = await Tesseract.createWorker([...tessdata.languages], Tesseract.OEM.LSTM_ONLY, {
    langPath: tessdata.dir,
    gzip: false,
    cacheMethod: 'none',
  });
  const tesseractJs = await timed(async () => {
    for (const file of scans) await worker.recognize(await readFile(file));
  });
  await worker.terminate();
  const nativeTesseract = await timed(async () => {
    for (const file of scans) {
      await run(
        'tesseract',
        [file, 'stdout', '--tessdata-dir', tessdata.dir, '-l', tessdata.languages.join('+')],
        {
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          maxBuffer: 1 << 24,
        },
      );
    }
  });
  return { pdfParse, pdftotext, exceljs, tesseractJs, nativeTesseract };
}
