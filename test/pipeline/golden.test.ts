import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcessedRecord } from '../../src/pipeline/process-submission.ts';
import { runPipeline, runPipelineWith } from '../support/run-pipeline.ts';

interface Golden {
  source: string;
  expected: Record<string, unknown>;
  documents: Array<{ path: string; type: string }>;
  findings: Array<{ code: string; field: string | null }>;
  notes?: string;
}

const root = join(import.meta.dirname, '../..');
const goldenDir = join(root, 'test/golden');
const goldens: Golden[] = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as Golden);

const FIELDS = [
  'kind',
  'scheme',
  'year',
  'applicant',
  'partners',
  'priority',
  'grantYear',
  'positions',
  'requestedAmount',
  'grantedAmount',
  'spentAmount',
  'submittedDate',
  'budget',
] as const;

/**
 * Findings compare as a set of codes; the field counts where it says which value is wrong
 * (MISSING_FIELD, INVALID_ORG_NUMBER). Other findings name their field for the reviewer's
 * highlight, which the goldens leave open.
 */
const findingKey = (f: { code: string; field: string | null }) =>
  ['MISSING_FIELD', 'INVALID_ORG_NUMBER'].includes(f.code) ? `${f.code}:${f.field ?? ''}` : f.code;
const findingSet = (list: Array<{ code: string; field: string | null }>) =>
  [...new Set(list.map(findingKey))].sort();

/** One describe per golden record: each field it names, its documents' types, its findings. */
function expectGoldens(
  list: Golden[],
  records: () => Map<string, ProcessedRecord>,
  key = (g: Golden) => g.source,
  documentPath = (path: string) => path,
) {
  for (const golden of list) {
    describe(golden.source, () => {
      for (const field of FIELDS) {
        if (!(field in golden.expected)) continue;
        it(`reads ${field}`, () => {
          const record = records().get(key(golden)) as unknown as Record<string, unknown>;
          expect(record, `no record for ${golden.source}`).toBeDefined();
          expect(record[field]).toEqual(golden.expected[field]);
        });
      }
      it('types its documents', () => {
        const record = records().get(key(golden))!;
        const types = Object.fromEntries(record.documents.map((d) => [documentPath(d.path), d.type]));
        expect(types).toEqual(
          Object.fromEntries(golden.documents.map((d) => [documentPath(d.path), d.type])),
        );
      });
      it('raises exactly the expected findings', () => {
        const record = records().get(key(golden))!;
        expect(findingSet(record.findings)).toEqual(findingSet(golden.findings));
      });
    });
  }
}

describe('every sample submission against its golden record', () => {
  let records: Map<string, ProcessedRecord>;
  // The whole samples folder, scans included: OCR on a busy 2-core machine takes minutes, not seconds.
  // With the native command installed (CI installs it), 'auto' reads the scans with it.
  beforeAll(async () => {
    records = await runPipeline(join(root, 'samples'));
  }, 600_000);

  it('has a golden record for every submission and a submission for every golden record', () => {
    expect([...records.keys()].sort()).toEqual(goldens.map((g) => g.source).sort());
  });

  expectGoldens(goldens, () => records);
});

/**
 * The engines read with different models (tesseract.js the npm packages' best_int, the command the
 * system's tessdata_fast), so the scanned samples are read by tesseract.js too, against the same goldens.
 */
describe('the scanned samples read by tesseract.js', () => {
  const scanned = goldens.filter((g) => g.source.endsWith('-skannet'));
  const folderName = (source: string) => source.split('/').pop()!;
  let records: Map<string, ProcessedRecord>;
  beforeAll(async () => {
    const read = await runPipelineWith(
      { ocrEngine: 'tesseractjs' },
      ...scanned.map((g) => join(root, 'samples', g.source)),
    );
    records = new Map([...read].map(([source, record]) => [folderName(source), record]));
  }, 600_000);

  it('reads the six scanned submissions', () => {
    expect(scanned).toHaveLength(6);
    expect([...records.keys()].sort()).toEqual(scanned.map((g) => folderName(g.source)).sort());
  });

  // Paths start at the folder given: the part inside the submission's folder is compared.
  const inSubmission = (path: string) => path.replace(/^(?:.*\/)?[^/]+-skannet\//, '');
  expectGoldens(
    scanned,
    () => records,
    (g) => folderName(g.source),
    inSubmission,
  );
});
