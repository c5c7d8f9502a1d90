/**
 * Writes the hostile corpus (broken and hostile files, see scripts/hostile/corpus.ts) to a folder:
 *
 *   npx tsx scripts/generate-hostile.ts DIR
 *
 * The test suite writes it to a temporary folder itself (test/hostile/); nothing is committed.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';

import { writeHostileCorpus } from './hostile/corpus.ts';

const target = process.argv[2];
if (!target) {
  console.error('bruk: npx tsx scripts/generate-hostile.ts MAPPE');
  process.exit(2);
}
const root = resolve(target);
await mkdir(root, { recursive: true });
if ((await readdir(root)).length > 0) {
  console.error(`${root} er ikke tom`);
  process.exit(2);
}
const corpus = await writeHostileCorpus(root);
for (const c of corpus.cases) console.log(`${c.source}\t${c.what}\t${c.expect.kind}`);
console.log(
  `Skrev ${corpus.cases.length} fiendtlige filer og ${corpus.goodSources.length} gode innsendinger til ${root}`,
);
