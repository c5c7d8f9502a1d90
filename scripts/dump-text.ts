/**
 * Prints a document as the extractor sees it: lines per page (tabs shown as ⇥) or sheet cells.
 * Usage: npx tsx scripts/dump-text.ts FILE...
 */
import { readFile } from 'node:fs/promises';
import { readDocument } from '../src/read/read-document.ts';
import { toSourceDocument } from '../src/extract/source-text.ts';

for (const path of process.argv.slice(2)) {
  const read = await readDocument(await readFile(path), path);
  console.log(`== ${path} (${read.format}, ${read.method}${read.failure ? `, ${read.failure.reason}` : ''})`);
  const src = toSourceDocument(read, 0);
  for (const line of src.lines) console.log(`p${line.page}: ${line.text.replace(/\t/g, ' ⇥ ')}`);
  for (const sheet of src.sheets) {
    for (const c of sheet.cells) console.log(`${sheet.name}!${c.ref}: ${JSON.stringify(c.value)}`);
  }
}
