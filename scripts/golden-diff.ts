/**
 * Extracts and checks the samples again from the read results an earlier `intake ingest samples`
 * stored, and compares every record with its golden record, as test/pipeline/golden.test.ts does,
 * in seconds instead of minutes (no PDF is parsed and no page OCR'd again). For working on
 * extraction: `INTAKE_DATA_DIR=/tmp/g npx intake ingest samples --out /tmp/g/out` once, then
 * `npx tsx scripts/golden-diff.ts /tmp/g` after each change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadDocument } from '../src/domain/document.ts';
import { processSubmission } from '../src/pipeline/process-submission.ts';
import { BUNDLED_REGISTER_PATH } from '../src/register/bundled-register.ts';
import { loadRegister } from '../src/register/municipality-register.ts';
import { loadSchemes } from '../src/schemes/load-schemes.ts';
import { Store } from '../src/store/store.ts';

const root = join(import.meta.dirname, '..');
const dataDir = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!dataDir) {
  console.error('bruk: npx tsx scripts/golden-diff.ts DATA_DIR');
  process.exit(2);
}
const schemes = loadSchemes(join(root, 'schemes'));
const register = loadRegister(process.env.INTAKE_MUNICIPALITIES ?? BUNDLED_REGISTER_PATH);
const ctx = { schemes, register, lowConfidenceThreshold: 0.6 };

interface Golden {
  source: string;
  expected: Record<string, unknown>;
  documents: Array<{ path: string; type: string }>;
  findings: Array<{ code: string; field: string | null }>;
}
const goldens = new Map(
  readdirSync(join(root, 'test/golden'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(root, 'test/golden', f), 'utf8')) as Golden)
    .map((g) => [g.source, g]),
);
const findingKey = (f: { code: string; field: string | null }) =>
  ['MISSING_FIELD', 'INVALID_ORG_NUMBER'].includes(f.code) ? `${f.code}:${f.field ?? ''}` : f.code;
const findingSet = (list: Array<{ code: string; field: string | null }>) =>
  JSON.stringify([...new Set(list.map(findingKey))].sort());

const store = await Store.open({
  databaseUrl: null,
  dataDir,
  schema: process.env.INTAKE_DB_SCHEMA ?? 'public',
});
let after = '';
let compared = 0;
let differing = 0;
for (;;) {
  const page = await store.storedFields(after, 200, schemes);
  if (page.length === 0) break;
  for (const { id, source } of page) {
    after = id;
    const golden = goldens.get(source);
    if (!golden) continue;
    const reads = (await store.documents(id)).map((d) => d.read) as ReadDocument[];
    const record = processSubmission(source, reads, await store.duplicatesOf(id), ctx) as unknown as Record<
      string,
      unknown
    >;
    compared++;
    const diffs: string[] = [];
    for (const [field, want] of Object.entries(golden.expected)) {
      if (JSON.stringify(record[field]) !== JSON.stringify(want))
        diffs.push(`  ${field}: ${JSON.stringify(record[field])} ≠ golden ${JSON.stringify(want)}`);
    }
    // --no-info: leave out findings of severity info (notes that do not put a case in the queue).
    const findings = (
      record.findings as Array<{ code: string; field: string | null; severity: string }>
    ).filter((f) => !(process.argv.includes('--no-info') && f.severity === 'info'));
    if (findingSet(findings) !== findingSet(golden.findings))
      diffs.push(`  findings: ${findingSet(findings)} ≠ golden ${findingSet(golden.findings)}`);
    if (diffs.length > 0) {
      differing++;
      console.log(`${source}\n${diffs.join('\n')}`);
    }
  }
}
await store.close();
console.log(`${compared} compared, ${differing} differ`);
