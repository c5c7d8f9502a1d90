import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcessedRecord } from '../../src/pipeline/process-submission.ts';
import { drawFormTable, makePdf, makeXlsx } from '../support/document-fixtures.ts';
import { runPipeline } from '../support/run-pipeline.ts';

const application = () =>
  makePdf((doc) => {
    doc.fontSize(14).text('Søknad om tilskudd til kommunalt rusarbeid 2025', 50, 60);
    drawFormTable(doc, [
      ['Søker', 'Bodø kommune'],
      ['Organisasjonsnummer', '972 418 013'],
      ['Tilskuddsår', '2025'],
      ['Søknadsbeløp', 'kr 600 000'],
      ['Dato', '20.02.2025'],
    ]);
  });

describe('a submission with broken files beside a good application', () => {
  let records: Map<string, ProcessedRecord>;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'intake-bad-'));
    const bad = join(root, 'bodo');
    await mkdir(bad);
    const pdf = await application();
    await writeFile(join(bad, 'soknad.pdf'), pdf);
    await writeFile(join(bad, 'tom.pdf'), Buffer.alloc(0));
    await writeFile(join(bad, 'avkuttet.pdf'), pdf.subarray(0, Math.floor(pdf.length / 2)));
    await writeFile(
      join(bad, 'tilfeldig.docx'),
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)),
    );
    await writeFile(
      join(bad, 'kryptert.pdf'),
      await makePdf((doc) => doc.text('Hemmelig budsjett'), { userPassword: 'test', ownerPassword: 'eier' }),
    );
    // A workbook named .pdf: read by what its bytes are.
    await writeFile(
      join(bad, 'budsjett.pdf'),
      await makeXlsx((wb) => {
        const ws = wb.addWorksheet('Budsjett');
        ws.addRows([
          ['Post', 'Søkt tilskudd'],
          ['Lønn miljøterapeut', 500000],
          ['Aktiviteter', 100000],
          ['Sum', 600000],
        ]);
      }),
    );
    const other = join(root, 'moss');
    await mkdir(other);
    await writeFile(join(other, 'soknad.pdf'), pdf);
    records = await runPipeline(root);
  });

  it('reads the good application in full', () => {
    const r = records.get('bodo')!;
    expect(r.applicant.name).toBe('Bodø kommune');
    expect(r.requestedAmount).toBe(600_000);
    expect(r.budget).toEqual([
      { category: 'lønn', amount: 500_000 },
      { category: 'drift', amount: 100_000 },
    ]);
  });

  it('turns each bad file into an UNREADABLE_DOCUMENT finding that names it', () => {
    const r = records.get('bodo')!;
    const unreadable = r.findings
      .filter((f) => f.code === 'UNREADABLE_DOCUMENT')
      .map((f) => f.evidence?.path);
    expect(unreadable.sort()).toEqual([
      'bodo/avkuttet.pdf',
      'bodo/kryptert.pdf',
      'bodo/tilfeldig.docx',
      'bodo/tom.pdf',
    ]);
    expect(r.documents.find((d) => d.path === 'bodo/kryptert.pdf')?.type).toBe('unreadable');
    expect(r.status).toBe('needs-review');
  });

  it('reads a workbook named .pdf as a workbook', () => {
    const doc = records.get('bodo')!.documents.find((d) => d.path === 'bodo/budsjett.pdf')!;
    expect(doc.method).toBe('spreadsheet');
  });

  it('goes on to the next submission and flags the copy it brings', () => {
    const r = records.get('moss')!;
    expect(r.findings.map((f) => f.code)).toContain('DUPLICATE_DOCUMENT');
  });
});
