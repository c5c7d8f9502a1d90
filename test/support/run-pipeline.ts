import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/pipeline/ingest.ts';
import type { ProcessedRecord } from '../../src/pipeline/process-submission.ts';
import { register, schemes } from './rule-fixtures.ts';

/** Runs the in-process pipeline on paths and returns the records by source. */
export async function runPipeline(...paths: string[]): Promise<Map<string, ProcessedRecord>> {
  const outDir = await mkdtemp(join(tmpdir(), 'intake-test-'));
  const { outFile } = await ingest({
    paths,
    outDir,
    ctx: { schemes, register, lowConfidenceThreshold: 0.6 },
    limits: {},
    concurrency: 4,
  });
  const records = readFileSync(outFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProcessedRecord);
  return new Map(records.map((r) => [r.source, r]));
}
