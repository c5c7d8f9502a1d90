import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessedRecord } from '../../src/pipeline/process-submission.ts';
import { drawFormTable, makePdf, makeXlsx, makeZip } from '../support/document-fixtures.ts';
import { runPipeline } from '../support/run-pipeline.ts';

/** CONTRACT.md "What makes a submission": a zip of files beside an application holds its attachments. */
describe('an application with its attachments packed in zips', () => {
  let root: string;
  let records: Map<string, ProcessedRecord>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'intake-zip-attachments-'));
    const molde = join(root, 'molde');
    await mkdir(molde);
    await writeFile(
      join(molde, 'soknad.pdf'),
      await makePdf((doc) => {
        doc.fontSize(14).text('Søknad om tilskudd til kommunalt rusarbeid 2025', 50, 60);
        drawFormTable(doc, [
          ['Søker', 'Bodø kommune'],
          ['Organisasjonsnummer', '972 418 013'],
          ['Tilskuddsår', '2025'],
          ['Søknadsbeløp', 'kr 600 000'],
          ['Dato', '20.02.2025'],
        ]);
      }),
    );
    const budget = await makeXlsx((wb) => {
      wb.addWorksheet('Budsjett').addRows([
        ['Post', 'Søkt tilskudd'],
        ['Lønn miljøterapeut', 500000],
        ['Aktiviteter', 100000],
        ['Sum', 600000],
      ]);
    });
    const zip = await makeZip([{ name: 'budsjett.xlsx', data: budget }]);
    await writeFile(join(molde, 'vedlegg.zip'), zip);
    await writeFile(join(molde, 'skadet.zip'), zip.subarray(0, zip.length - 30));
    await writeFile(join(molde, 'tom.zip'), await makeZip([]));
    records = await runPipeline(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('is one submission, whose budget is read from the workbook in the zip', () => {
    expect([...records.keys()]).toEqual(['molde']);
    const record = records.get('molde')!;
    expect(record.documents.map((d) => d.path).sort()).toEqual([
      'molde/skadet.zip',
      'molde/soknad.pdf',
      'molde/tom.zip',
      'molde/vedlegg.zip/budsjett.xlsx',
    ]);
    expect(record.requestedAmount).toBe(600_000);
    expect(record.budget).toEqual([
      { category: 'lønn', amount: 500_000 },
      { category: 'drift', amount: 100_000 },
    ]);
  });

  it('names a damaged and an empty zip in UNREADABLE_DOCUMENT findings', () => {
    const unreadable = records
      .get('molde')!
      .findings.filter((f) => f.code === 'UNREADABLE_DOCUMENT')
      .map((f) => [f.evidence?.path, f.message]);
    expect(unreadable.sort()).toEqual([
      ['molde/skadet.zip', expect.stringContaining('ugyldig zip-arkiv')],
      ['molde/tom.zip', expect.stringContaining('Zip-arkivet er tomt.')],
    ]);
  });
});

/** Issue 14, item 4: the application and its zip are one submission; a zip of folders is an archive. */
describe('a zip beside an application, and a zip of folders', () => {
  let root: string;
  let records: Map<string, ProcessedRecord>;
  const application = (title: string) =>
    makePdf((doc) => {
      doc.fontSize(14).text(title, 50, 60);
      drawFormTable(doc, [
        ['Søker', 'Bodø kommune'],
        ['Tilskuddsår', '2025'],
        ['Søknadsbeløp', 'kr 300 000'],
      ]);
    });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'intake-zip-beside-'));
    const arkiv = join(root, 'arkiv');
    const bodo = join(arkiv, 'bodo');
    const harstad = join(arkiv, 'harstad');
    await mkdir(bodo, { recursive: true });
    await mkdir(harstad);
    await writeFile(
      join(bodo, 'soknad.pdf'),
      await application('Søknad om tilskudd til kommunalt rusarbeid'),
    );
    await writeFile(
      join(bodo, 'vedlegg.zip'),
      await makeZip([
        { name: 'budsjett.txt', data: 'Budsjett: lønn 300 000' },
        { name: 'plan.txt', data: 'Plan for tiltaket' },
      ]),
    );
    // A zip bomb beside an application: 60 MB of zeros packs to a few kB, far over the ratio limit.
    await writeFile(
      join(harstad, 'soknad.pdf'),
      await application('Søknad om tilskudd til kommunalt rusarbeid'),
    );
    await writeFile(
      join(harstad, 'vedlegg.zip'),
      await makeZip([{ name: 'nuller.bin', data: Buffer.alloc(60 * 1024 * 1024) }]),
    );
    // A zip of two folders beside nothing else: an archive, one submission per folder.
    await writeFile(
      join(root, 'kommuner.zip'),
      await makeZip([
        { name: 'alta/soknad.txt', data: 'Søknad fra Alta kommune' },
        { name: 'alta/budsjett.txt', data: 'Budsjett for Alta' },
        { name: 'molde/soknad.txt', data: 'Søknad fra Molde kommune' },
      ]),
    );
    records = await runPipeline(arkiv, join(root, 'kommuner.zip'));
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('makes a folder with an application PDF and a zip of two attachments one submission of three documents', () => {
    expect(records.get('bodo')?.documents.map((d) => d.path)).toEqual([
      'bodo/soknad.pdf',
      'bodo/vedlegg.zip/budsjett.txt',
      'bodo/vedlegg.zip/plan.txt',
    ]);
  });

  it("reports a zip bomb beside an application on the application's record, not on one of its own", () => {
    expect([...records.keys()].filter((s) => s.includes('harstad'))).toEqual(['harstad']);
    const record = records.get('harstad')!;
    expect(record.documents.map((d) => d.path)).toEqual([
      'harstad/soknad.pdf',
      'harstad/vedlegg.zip/nuller.bin',
    ]);
    const bomb = record.findings.filter((f) => f.code === 'UNREADABLE_DOCUMENT');
    expect(bomb.map((f) => [f.evidence?.path, f.message])).toEqual([
      ['harstad/vedlegg.zip/nuller.bin', expect.stringContaining('mulig zip-bombe')],
    ]);
  });

  it('makes a zip of folders one submission per folder', () => {
    const fromZip = [...records.values()]
      .filter((r) => r.source.startsWith('kommuner.zip'))
      .map((r) => [r.source, r.documents.map((d) => d.path)]);
    expect(fromZip).toEqual([
      ['kommuner.zip/alta', ['kommuner.zip/alta/budsjett.txt', 'kommuner.zip/alta/soknad.txt']],
      ['kommuner.zip/molde', ['kommuner.zip/molde/soknad.txt']],
    ]);
  });
});
