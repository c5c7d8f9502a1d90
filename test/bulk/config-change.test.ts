import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, dropSchema, requirePostgres, uniqueName } from '../queue/support/services.ts';
import { intake, intakeEnv, root, sampleArchive } from './cli.ts';

/** Text-only samples (no OCR), each from a municipality the bundled register knows. */
const FOLDERS = ['2022/fredrikstad-nav-clean', '2022/stavanger-rus-clean', '2023/alta-overgang-clean'];
const NUMBERS = {
  'fredrikstad-nav-clean': '3107',
  'stavanger-rus-clean': '1103',
  'alta-overgang-clean': '5601',
};

/** Issue 14, item 8: a re-run of `intake ingest` follows the register, the schemes and the limits. */
describe('a re-run of ingest after the configuration changed', () => {
  const schema = uniqueName('config');
  const db = new pg.Client({ connectionString: DATABASE_URL });
  let archive: string;
  let out: string;
  let emptyRegister: string;
  beforeAll(async () => {
    await requirePostgres();
    await db.connect();
    archive = await sampleArchive(FOLDERS);
    out = join(archive, '..', 'out');
    emptyRegister = join(archive, '..', 'ingen-kommuner.json');
    await writeFile(emptyRegister, JSON.stringify({ municipalities: [] }));
  });
  afterAll(async () => {
    await db.end();
    await dropSchema(schema);
  });

  /** Municipality numbers by folder name, as submissions.jsonl has them. */
  const written = async (): Promise<Record<string, string | null>> =>
    Object.fromEntries(
      (await readFile(join(out, 'submissions.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { source: string; applicant: { municipalityNumber: string | null } })
        .map((r) => [r.source.split('/').pop()!, r.applicant.municipalityNumber]),
    );
  const stored = async () =>
    (
      await db.query<{ number: string | null; validations: number }>(
        `SELECT record->'applicant'->>'municipalityNumber' AS number, validations FROM ${schema}.submissions ORDER BY source`,
      )
    ).rows;

  it('checks stored submissions again when the register was added, without reading them again', async () => {
    await intake(
      ['ingest', archive, '--out', out],
      intakeEnv(schema, { INTAKE_MUNICIPALITIES: emptyRegister }),
    );
    // Stavanger's number stands in its application; the others come from the register.
    expect(await written()).toEqual({
      ...NUMBERS,
      'fredrikstad-nav-clean': null,
      'alta-overgang-clean': null,
    });

    const added = await intake(['ingest', archive, '--out', out], intakeEnv(schema));
    expect(added.stdout).toContain(
      '3 innsendinger (0 uendret fra før, 3 kontrollert på nytt med endret oppsett)',
    );
    expect(await written()).toEqual(NUMBERS);
    // The store's records too, and each still read once: only extraction and the rules ran again.
    const rows = await stored();
    expect(rows.map((r) => r.number).sort()).toEqual(Object.values(NUMBERS).sort());
    expect(rows.every((r) => r.validations === 1)).toBe(true);
    const report = JSON.parse(await readFile(join(out, 'run-report.json'), 'utf8')) as {
      skipped: number;
      rechecked: number;
    };
    expect(report).toMatchObject({ skipped: 0, rechecked: 3 });

    const again = await intake(['ingest', archive, '--out', out], intakeEnv(schema));
    expect(again.stdout).toContain('3 innsendinger (3 uendret fra før)');
    expect(await written()).toEqual(NUMBERS);
  }, 300_000);

  it('reads them again when a limit that changes a read result changed', async () => {
    const changed = await intake(
      ['ingest', archive, '--out', out],
      intakeEnv(schema, { INTAKE_MAX_PAGES: '1999' }),
    );
    expect(changed.stdout).toContain('3 innsendinger (0 uendret fra før)');
    expect((await stored()).every((r) => r.validations === 2)).toBe(true);
    expect(await written()).toEqual(NUMBERS);

    // How many threads read at once changes no result: nothing is read or checked again.
    const threads = await intake(
      ['ingest', archive, '--out', out],
      intakeEnv(schema, { INTAKE_MAX_PAGES: '1999', INTAKE_READ_THREADS: '1' }),
    );
    expect(threads.stdout).toContain('3 innsendinger (3 uendret fra før)');
  }, 300_000);
});

describe('a re-run of ingest after a scheme file changed', () => {
  const schema = uniqueName('config_scheme');
  beforeAll(requirePostgres);
  afterAll(() => dropSchema(schema));

  it("checks the stored submissions again with the scheme's new cap", async () => {
    // Hamar asks for 400 000 (at TryggEst's cap), Sola for 450 000 (over it).
    const archive = await sampleArchive(['2025/hamar-tryggest-clean', '2025/sola-tryggest-over-cap']);
    const out = join(archive, '..', 'out');
    const overCap = async () =>
      (await readFile(join(out, 'submissions.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { source: string; findings: Array<{ code: string }> })
        .filter((r) => r.findings.some((f) => f.code === 'OVER_CAP'))
        .map((r) => r.source.split('/').pop());
    await intake(['ingest', archive, '--out', out], intakeEnv(schema));
    expect(await overCap()).toEqual(['sola-tryggest-over-cap']);

    const schemes = join(archive, '..', 'schemes');
    await cp(join(root, 'schemes'), schemes, { recursive: true });
    const file = join(schemes, 'tryggest.json');
    const scheme = JSON.parse(await readFile(file, 'utf8')) as { caps: Array<{ maxAmount: number }> };
    scheme.caps[0]!.maxAmount = 500_000;
    await writeFile(file, JSON.stringify(scheme, null, 2));
    const raised = await intake(
      ['ingest', archive, '--out', out],
      intakeEnv(schema, { INTAKE_SCHEMES_DIR: schemes }),
    );
    expect(raised.stdout).toContain(
      '2 innsendinger (0 uendret fra før, 2 kontrollert på nytt med endret oppsett)',
    );
    expect(await overCap()).toEqual([]);
  }, 300_000);
});
