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
