import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSubmissions } from '../../src/pipeline/discover.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { register, schemes } from '../support/rule-fixtures.ts';

/** Issue 14, item 5: `ingest` walks the archive once, and its total grows as discovery goes. */
describe('discovery in an ingest run', () => {
  let root: string;
  const paths: string[] = [];
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'intake-one-walk-'));
    for (const archive of ['a', 'b']) {
      const dir = join(root, archive);
      paths.push(dir);
      for (let i = 1; i <= 4; i++) {
        await mkdir(join(dir, `${archive}-kommune-${i}`), { recursive: true });
        await writeFile(
          join(dir, `${archive}-kommune-${i}`, 'soknad.txt'),
          `Søknad nummer ${i} fra arkiv ${archive}`,
        );
      }
    }
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('walks each path once, reads the first submission before the walk is done, and ends with the total', async () => {
    const walks: string[] = [];
    const events: string[] = [];
    const result = await ingest({
      paths,
      outDir: join(root, 'out'),
      ctx: { schemes, register, lowConfidenceThreshold: 0.6 },
      limits: {},
      concurrency: 1,
      discoveryAhead: 2,
      discover: (path, limits) => {
        walks.push(path);
        return discoverSubmissions(path, limits);
      },
      onTotal: (total, final) => events.push(`funnet ${total}${final ? ' av alle' : ''}`),
      onRecord: (record) => events.push(`skrevet ${record.source}`),
    });
    expect(walks).toEqual(paths);
    expect(result.records).toBe(8);
    expect(events.at(-1)).toBe('skrevet b-kommune-4');
    expect(events.filter((e) => e.endsWith('av alle'))).toEqual(['funnet 8 av alle']);
    // The first record is written while discovery is still a few submissions ahead, not at its end.
    expect(events.indexOf('skrevet a-kommune-1')).toBeLessThan(events.indexOf('funnet 8 av alle'));
    expect(events.indexOf('skrevet a-kommune-1')).toBeLessThan(events.indexOf('funnet 5'));
  });
});
