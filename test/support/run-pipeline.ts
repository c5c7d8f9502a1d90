import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/pipeline/ingest.ts';
import type { EngineChoice } from '../../src/ocr/ocr-defaults.ts';
import type { ProcessedRecord } from '../../src/pipeline/process-submission.ts';
import { register, schemes } from './rule-fixtures.ts';

/** Runs the in-process pipeline on paths and returns the records by source. */
export function runPipeline(...paths: string[]): Promise<Map<string, ProcessedRecord>> {
  return runPipelineWith({}, ...paths);
}

/** As {@link runPipeline}, with the OCR engine chosen as INTAKE_OCR_ENGINE would ('auto' if unset). */
export async function runPipelineWith(
  options: { ocrEngine?: EngineChoice },
  ...paths: string[]
): Promise<Map<string, ProcessedRecord>> {
  const outDir = await mkdtemp(join(tmpdir(), 'intake-test-'));
  const { outFile } = await ingest({
    paths,
    outDir,
    ctx: { schemes, register, lowConfidenceThreshold: 0.6 },
    limits: {},
    concurrency: 4,
    ocr: { choice: options.ocrEngine ?? 'auto' },
  });
  const records = readFileSync(outFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProcessedRecord);
  return new Map(records.map((r) => [r.source, r]));
}
