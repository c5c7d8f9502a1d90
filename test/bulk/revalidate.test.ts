import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, requirePostgres, uniqueName } from '../queue/support/services.ts';
import { intake, intakeEnv, root, sampleArchive } from './cli.ts';

/** A copy of schemes/ with TryggEst's cap set to `cap`. */
async function schemesWithCap(dir: string, cap: number): Promise<void> {
  await cp(join(root, 'schemes'), dir, { recursive: true });
  const file = join(dir, 'tryggest.json');
  const scheme = JSON.parse(await readFile(file, 'utf8')) as { caps: Array<{ maxAmount: number }> };
  scheme.caps[0]!.maxAmount = cap;
  await writeFile(file, JSON.stringify(scheme, null, 2));
}

describe('intake revalidate', () => {
  const schema = uniqueName('revalidate');
  let work: string;
  beforeAll(async () => {
    await requirePostgres();
    work = await mkdtemp(join(tmpdir(), 'intake-revalidate-'));
    // Hamar asks for 400 000 (at TryggEst's cap), Sola for 450 000 (over it).
    const archive = await sampleArchive(['2025/hamar-tryggest-clean', '2025/sola-tryggest-over-cap']);
    await intake(['ingest', archive, '--out', join(work, 'out')], intakeEnv(schema));
    // Revalidation reads no file: the archive is gone before it runs.
    await rm(archive, { recursive: true });
  }, 300_000);
  afterAll(() => dropSchema(schema));

  const exported = async () => {
    const out = join(work, 'export');
    await intake(['export', '--out', out], intakeEnv(schema));
    return (await readFile(join(out, 'submissions.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { source: string; status: string; findings: Array<{ code: string }> });
  };

  it('leaves every record as ingest wrote it while the rules are unchanged', async () => {
    const same = await intake(['revalidate'], intakeEnv(schema));
    expect(same.stdout).toContain('Kontrollerte 2 innsendinger på nytt; 0 endret.');
    expect(same.stdout).toContain('Ingen funn kom til eller forsvant.');
  }, 120_000);

  it('re-runs the rules on stored fields when a cap changes, and says which findings came and went', async () => {
    const lower = join(work, 'schemes-lower');
    await schemesWithCap(lower, 300_000);
    const down = await intake(['revalidate'], intakeEnv(schema, { INTAKE_SCHEMES_DIR: lower }));
    expect(down.stdout).toContain('Kontrollerte 2 innsendinger på nytt');
    expect(down.stdout).toMatch(/\+ OVER_CAP: 1 nye \(.*hamar-tryggest-clean\)/);
    const hamar = (await exported()).find((r) => r.source.includes('hamar'))!;
    expect(hamar.findings.map((f) => f.code)).toContain('OVER_CAP');
    expect(hamar.status).toBe('needs-review');

    const higher = join(work, 'schemes-higher');
    await schemesWithCap(higher, 500_000);
    const up = await intake(['revalidate'], intakeEnv(schema, { INTAKE_SCHEMES_DIR: higher }));
    expect(up.stdout).toMatch(/- OVER_CAP: 2 borte \(/);
    expect(up.stdout).toMatch(/borte \(.*sola-tryggest-over-cap/);
    const records = await exported();
    expect(records.flatMap((r) => r.findings.map((f) => f.code))).not.toContain('OVER_CAP');

    // Back to the schemes as shipped: the same findings as ingest gave, and nothing read again.
    const back = await intake(['revalidate'], intakeEnv(schema));
    expect(back.stdout).toMatch(/\+ OVER_CAP: 1 nye \(.*sola-tryggest-over-cap\)/);
  }, 300_000);
});
