import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeHostileCorpus, type HostileCorpus } from '../../scripts/hostile/corpus.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import type { ProcessedRecord } from '../../src/pipeline/process-submission.ts';
import { register, schemes } from '../support/rule-fixtures.ts';

/** Every path under `dir` (as bytes, so names that are not UTF-8 compare exactly). */
async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: Buffer): Promise<void> => {
    for (const entry of await readdir(abs, { withFileTypes: true, encoding: 'buffer' })) {
      const child = Buffer.concat([abs, Buffer.from('/'), entry.name]);
      out.push(child.toString('latin1'));
      if (entry.isDirectory()) await walk(child);
    }
  };
  await walk(Buffer.from(dir));
  return out.sort();
}

describe('a run over the hostile corpus', () => {
  let work: string;
  let corpus: HostileCorpus;
  let records: ProcessedRecord[];
  let before: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'intake-hostile-'));
    await mkdir(join(work, 'corpus'));
    corpus = await writeHostileCorpus(join(work, 'corpus'));
    before = await listTree(work);
    const { outFile } = await ingest({
      paths: [corpus.root],
      outDir: join(work, 'out'),
      ctx: { schemes, register, lowConfidenceThreshold: 0.6 },
      limits: {},
      concurrency: 4,
      ocr: { workers: 1 },
    });
    records = readFileSync(outFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ProcessedRecord);
    // A bound on the whole run, not a measurement: a hang fails here instead of stalling the suite.
  }, 600_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  const recordOf = (source: string): ProcessedRecord | undefined => records.find((r) => r.source === source);

  it('records every submission exactly once', () => {
    const sources = records.map((r) => r.source);
    expect(new Set(sources).size).toBe(sources.length);
    for (const c of corpus.cases) expect(sources, c.what).toContain(c.source);
    for (const source of corpus.goodSources) expect(sources).toContain(source);
  });

  it('reads the good submissions before and after the hostile ones in full', () => {
    for (const source of corpus.goodSources) {
      const record = recordOf(source)!;
      expect(record.applicant.name).toBe('Bodø kommune');
      expect(record.requestedAmount).toBe(600_000);
      expect(record.findings.map((f) => f.code)).not.toContain('UNREADABLE_DOCUMENT');
    }
  });

  it('turns each hostile file into the finding it deserves, naming the limit or the cause', () => {
    const problems: string[] = [];
    for (const c of corpus.cases) {
      const record = recordOf(c.source);
      if (!record) continue; // reported by the test above
      const unreadable = record.findings.filter((f) => f.code === 'UNREADABLE_DOCUMENT');
      if (c.expect.kind === 'readable') {
        if (unreadable.length > 0)
          problems.push(`${c.what}: ${unreadable.map((f) => f.message).join(' | ')}`);
        continue;
      }
      const finding = unreadable.find((f) => f.evidence?.path === c.path);
      const document = record.documents.find((d) => d.path === c.path);
      if (!finding || document?.type !== 'unreadable') {
        problems.push(`${c.what}: no UNREADABLE_DOCUMENT for ${c.path}`);
        continue;
      }
      if (c.expect.message && !c.expect.message.test(finding.message)) {
        problems.push(`${c.what}: message «${finding.message}» does not match ${c.expect.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads the file inside a folder whose name is not UTF-8', () => {
    const record = records.find((r) => r.source.startsWith('utf8-'))!;
    expect(record.documents).toHaveLength(1);
    expect(record.documents[0]!.type).not.toBe('unreadable');
    expect(record.applicant.name).toBe('Bodø kommune');
  });

  it('writes nothing outside the output folder, and nothing into the corpus', async () => {
    const after = await listTree(work);
    const added = after.filter((path) => !before.includes(path));
    const out = join(work, 'out');
    expect(added).toContain(join(out, 'submissions.jsonl'));
    expect(added.filter((path) => path !== out && !path.startsWith(`${out}/`))).toEqual([]);
    expect(before.filter((path) => !after.includes(path))).toEqual([]);
    for (const name of corpus.escapeNames) {
      expect(existsSync(join('/tmp', name))).toBe(false);
      expect(existsSync(join(work, name))).toBe(false);
    }
  });
});
