/**
 * Prints what a corpus submission says: its truth line and the text of each of its documents
 * (PDF text layer, spreadsheet cells), to look into a mismatch the scorer reported.
 *
 *   tsx bench/accuracy/show-submission.ts --corpus DIR [--truth FILE] SOURCE...
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import yauzl from 'yauzl';
import { readTruth } from './score.ts';

function zipEntries(path: string): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((res, rej) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return rej(err ?? new Error('cannot open zip'));
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return rej(e ?? new Error('cannot read entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => res(out));
      zip.on('error', rej);
      zip.readEntry();
    });
  });
}

async function printDocument(name: string, data: Buffer): Promise<void> {
  console.log(`----- ${name}`);
  if (data.subarray(0, 4).toString('latin1') === '%PDF') {
    const parser = new PDFParse({ data });
    console.log((await parser.getText()).text);
    await parser.destroy();
    return;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  wb.eachSheet((ws) => {
    console.log(`[sheet ${ws.name}]`);
    ws.eachRow((row, r) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(`${cell.address}=${JSON.stringify(cell.value)}`));
      console.log(`  ${r}: ${cells.join('  ')}`);
    });
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { corpus: { type: 'string' }, truth: { type: 'string' } },
  });
  if (!values.corpus || positionals.length === 0) {
    console.error('usage: tsx bench/accuracy/show-submission.ts --corpus DIR [--truth FILE] SOURCE...');
    process.exitCode = 2;
    return;
  }
  const corpus = resolve(values.corpus);
  const truth = readTruth(resolve(values.truth ?? join(dirname(corpus), 'truth.jsonl')));
  for (const source of positionals) {
    const t = truth.find((x) => x.source === source);
    console.log(`================ ${source}`);
    if (t) {
      console.log(JSON.stringify(t.expected));
      console.log(`findings ${JSON.stringify(t.findings)}  meta ${JSON.stringify(t.meta)}`);
    } else console.log('(not in truth)');
    const path = join(corpus, source);
    const files = statSync(path).isDirectory()
      ? readdirSync(path)
          .sort()
          .map((name) => ({ name, data: readFileSync(join(path, name)) }))
      : await zipEntries(path);
    for (const f of files) await printDocument(f.name, f.data);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
