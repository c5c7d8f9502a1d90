import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCases, exportFilterOf, filterQuery } from '../../src/review/decision-export.ts';
import type { User } from '../../src/review/review-store.ts';
import { barChart, barPercent, wrapLabel } from '../../src/web/bar-chart.ts';
import { excelDate, excelDateTime, fieldValueText, safeCell } from '../../src/web/export.ts';
import { formatDate } from '../../src/web/words.ts';
import { XSS_SOURCE, signIn, startWebFixture, type Session, type WebFixture } from './web-fixture.ts';

const NARVIK = 'narvik-overgang-over-cap';
const HARSTAD = 'harstad-rus-clean';
const OVERGANG = 'kommunalt-rusarbeid-overgang';
const WAIVE_REASON = 'Kommunen har dokumentert at to stillinger er besatt fra 1. mars';
const CORRECT_REASON = 'Søknaden er datert 26.01.2023 i følgebrevet';

let fx: WebFixture;
let alice: Session;
let id: string;

async function user(username: string): Promise<User> {
  const u = await fx.reviews.credentials(username);
  if (!u) throw new Error(`no user ${username}`);
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}

async function workbook(url: string): Promise<ExcelJS.Workbook> {
  const res = await fx.app.inject({ method: 'GET', url, cookies: { intake_session: alice.cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

/** The sheet's rows as objects keyed by the header row's texts. */
function rows(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.Cell>> {
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const out: Array<Record<string, ExcelJS.Cell>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const record: Record<string, ExcelJS.Cell> = {};
    headers.forEach((h, i) => {
      if (i > 0) record[h] = row.getCell(i);
    });
    out.push(record);
  });
  return out;
}

beforeAll(async () => {
  fx = await startWebFixture([`2023/${NARVIK}`, `2023/${HARSTAD}`]);
  id = fx.ids.get(NARVIK)!;
  const a = await user('alice');
  const b = await user('bob');
  // Alice waives OVER_CAP, Bob approves it (four eyes), Alice corrects the sending date and closes.
  await fx.service.claim(a, id);
  const overCap = (await fx.service.submission(id)).findings.find((f) => f.code === 'OVER_CAP')!;
  await fx.service.resolveFinding(a, id, overCap.key, 'waived', WAIVE_REASON);
  const decision = (await fx.service.submission(id)).findings.find((f) => f.code === 'OVER_CAP')!.resolution!;
  await fx.service.approveWaiver(b, id, decision.id);
  await fx.service.correctField(a, id, 'submittedDate', '26.01.2023', CORRECT_REASON);
  await fx.service.markDone(a, id, 'Alt er avgjort');
  // On the script sample Alice accepts the invalid org number, then corrects it to another invalid
  // one: the finding's message changes, so her decision lapses and the finding is open again.
  const xss = fx.ids.get(XSS_SOURCE)!;
  const orgFinding = (await fx.service.submission(xss)).findings.find(
    (f) => f.code === 'INVALID_ORG_NUMBER',
  )!;
  await fx.service.claim(a, xss);
  await fx.service.resolveFinding(a, xss, orgFinding.key, 'accepted', 'Skrivefeil i søknaden');
  await fx.service.correctField(a, xss, 'applicant.orgNumber', '987 654 321', 'Nummeret i følgebrevet');
  alice = await signIn(fx.app, 'alice');
}, 180_000);
afterAll(async () => {
  await fx?.close();
});

describe('the Excel export', () => {
  it('carries the decision, its reason, who decided and who approved it, and when', async () => {
    const book = await workbook('/export.xlsx');
    const funn = rows(book.getWorksheet('Funn')!);
    const row = funn.find((r) => r['ID']!.value === id && r['Kode']!.value === 'OVER_CAP')!;
    expect(row).toBeDefined();
    expect(row['Funn']!.value).toBe('Over tilskuddsgrensen');
    expect(row['Alvorlighet']!.value).toBe('Feil');
    expect(row['Status']!.value).toBe('Avgjort');
    expect(row['Avgjørelse']!.value).toBe('Frafalt');
    expect(row['Begrunnelse']!.value).toBe(WAIVE_REASON);
    expect(row['Avgjort av']!.value).toBe('Alice Aas');
    expect(row['Krever godkjenning']!.value).toBe('Ja');
    expect(row['Godkjent av']!.value).toBe('Bob Berg');
    expect(row['Ordning']!.value).toBe('Kommunalt rusarbeid, overgangsordning');
    for (const when of [row['Avgjort']!, row['Godkjent']!]) {
      expect(when.value).toBeInstanceOf(Date);
      // exceljs reads the escaped dots (dd\\.mm\\.yyyy in the file) back without the backslashes.
      expect(when.numFmt).toMatch(/^dd\\?\.mm\\?\.yyyy hh:mm$/);
      // Written as the wall-clock time in Oslo: the day is today's there.
      const d = when.value as Date;
      const day = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
      expect(day).toBe(formatDate(new Date()));
    }
  });

  it('shows a decision that lapsed when a correction changed its finding, and the finding open again', async () => {
    const book = await workbook('/export.xlsx');
    const xss = fx.ids.get(XSS_SOURCE)!;
    const row = rows(book.getWorksheet('Funn')!).find(
      (r) => r['ID']!.value === xss && r['Kode']!.value === 'INVALID_ORG_NUMBER',
    )!;
    expect(row['Status']!.value).toBe('Åpen (avgjørelsen bortfalt)');
    expect(row['Avgjørelse']!.value).toBeNull();
    expect(row['Bortfalt avgjørelse']!.value).toMatch(/^godtatt av Alice Aas .*: «Skrivefeil i søknaden»$/);
    expect(row['Melding']!.value).toContain('987654321');
    const submission = rows(book.getWorksheet('Innsendinger')!).find((r) => r['ID']!.value === xss)!;
    expect(submission['Status']!.value).toBe('Under behandling');
    expect(submission['Åpne funn']!.value).toBe(1);
  });

  it('carries the corrections old → new, by whom and why', async () => {
    const book = await workbook('/export.xlsx');
    const all = rows(book.getWorksheet('Rettinger')!);
    expect(all.map((r) => r['ID']!.value).sort()).toEqual([id, fx.ids.get(XSS_SOURCE)].sort());
    const row = all.find((r) => r['ID']!.value === id);
    expect(row!['Gammel verdi']!.value).toBe('27.01.2023');
    expect(row!['Ny verdi']!.value).toBe('26.01.2023');
    expect(row!['Endring']!.value).toBe('27.01.2023 → 26.01.2023');
    expect(row!['Rettet av']!.value).toBe('Alice Aas');
    expect(row!['Begrunnelse']!.value).toBe(CORRECT_REASON);
    expect(row!['Rettet']!.value).toBeInstanceOf(Date);
  });

  it('has one row per submission with names, kroner, real dates and the done mark', async () => {
    const book = await workbook('/export.xlsx');
    const sheet = book.getWorksheet('Innsendinger')!;
    const all = rows(sheet);
    expect(all.map((r) => r['ID']!.value).sort()).toEqual([...fx.ids.values()].sort());
    const narvik = all.find((r) => r['ID']!.value === id)!;
    expect(narvik['Søker']!.value).toBe('Narvik kommune');
    expect(narvik['Type']!.value).toBe('Søknad');
    expect(narvik['Status']!.value).toBe('Ferdig');
    expect(narvik['Ferdig av']!.value).toBe('Alice Aas');
    expect(narvik['Søkt beløp']!.value).toBe(760000);
    expect(narvik['Søkt beløp']!.numFmt).toBe('#,##0 "kr"');
    // The sending date as corrected, a date cell in dd.mm.yyyy.
    expect(narvik['Sendt']!.value).toEqual(new Date(Date.UTC(2023, 0, 26)));
    expect(narvik['Sendt']!.numFmt).toMatch(/^dd\\?\.mm\\?\.yyyy$/);
    expect(narvik['Ferdig behandlet']!.value).toBeInstanceOf(Date);
    expect(narvik['Ferdig behandlet']!.numFmt).toMatch(/^dd\\?\.mm\\?\.yyyy$/);
    expect(narvik['Avgjørelser']!.value).toContain('Over tilskuddsgrensen: frafalt av Alice Aas');
    expect(narvik['Avgjørelser']!.value).toContain('godkjent av Bob Berg');
    const behandling = rows(book.getWorksheet('Behandling')!);
    expect(
      behandling.map((r) => [r['Hendelse']!.value, r['Av']!.value, r['Kommentar eller begrunnelse']!.value]),
    ).toEqual([['Ferdig behandlet', 'Alice Aas', 'Alt er avgjort']]);
  });

  it('freezes the header row, filters it and gives every column a width, on every sheet', async () => {
    const book = await workbook('/export.xlsx');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Innsendinger', 'Funn', 'Rettinger', 'Behandling']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = sheet.getRow(1).cellCount;
      expect(sheet.autoFilter).toBe(`A1:${sheet.getRow(1).getCell(last).address}`);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      for (let i = 1; i <= last; i++) expect(sheet.getColumn(i).width).toBeGreaterThan(5);
    }
  });

  it('follows the list filter: the cases the list shows, and no others', async () => {
    const xss = fx.ids.get(XSS_SOURCE)!;
    const expected: Array<[string, string[]]> = [
      [`scheme=${OVERGANG}`, [id]],
      [`scheme=${OVERGANG}&year=2022`, []],
      ['status=done', [id]],
      ['status=queue', [xss]],
      ['status=in-progress', [xss]],
      ['assignee=me', [xss]],
      // A finding code or severity selects cases where such a finding is still open.
      ['code=INVALID_ORG_NUMBER', [xss]],
      ['code=OVER_CAP', []],
      ['severity=error', [xss]],
      ['q=harstad', [fx.ids.get(HARSTAD)!]],
    ];
    const a = await user('alice');
    for (const [query, ids] of expected) {
      const book = await workbook(`/export.xlsx?${query}`);
      const exported = rows(book.getWorksheet('Innsendinger')!).map((r) => r['ID']!.value);
      expect(exported.sort(), query).toEqual([...ids].sort());
      const findings = rows(book.getWorksheet('Funn')!).map((r) => r['ID']!.value);
      expect(
        findings.every((f) => ids.includes(f as string)),
        query,
      ).toBe(true);
      // The export's own reading of the filter (used without the case list) agrees.
      const own = await exportCases(
        fx.store.sql,
        exportFilterOf(Object.fromEntries(new URLSearchParams(query))),
        a.id,
      );
      expect(own.map((c) => c.record.id).sort(), `own ${query}`).toEqual([...ids].sort());
    }
  });
});

describe('the CSV export', () => {
  it('keeps one line per submission with the decisions and corrections summed up', async () => {
    const res = await fx.app.inject({
      method: 'GET',
      url: `/export.csv?scheme=${OVERGANG}`,
      cookies: { intake_session: alice.cookie },
    });
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = res.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).toMatch(/^id;kilde;type;ordning;/);
    expect(res.body).toContain(id);
    expect(res.body).toContain('Kommunalt rusarbeid, overgangsordning');
    expect(res.body).toContain('frafalt av Alice Aas');
    expect(res.body).toContain('godkjent av Bob Berg');
    expect(res.body).toContain('27.01.2023 → 26.01.2023');
    expect(res.body).not.toContain(fx.ids.get(HARSTAD));
    // One submission: its multi-line cells are quoted, so the lines after the header are one record.
    expect(lines.join('\r\n').startsWith(id)).toBe(true);
  });
});

describe('the pieces of the export and the chart', () => {
  it('reads the list filter from a query string, leaving out what cannot mean anything', () => {
    expect(
      exportFilterOf({
        q: ' alesund ',
        scheme: 'tryggest',
        year: '2023',
        status: 'queue',
        code: 'OVER_CAP',
        severity: 'error',
        overdue: '1',
        assignee: 'me',
      }),
    ).toEqual({
      q: 'alesund',
      scheme: 'tryggest',
      year: 2023,
      status: 'queue',
      code: 'OVER_CAP',
      severity: 'error',
      overdue: true,
      assignee: 'me',
    });
    expect(
      exportFilterOf({ year: 'x', status: 'sletta', code: "1' OR 1=1", severity: 'fatal', q: '' }),
    ).toEqual({});
    expect(filterQuery({ year: 2023, scheme: 'tryggest' }, { status: 'done' })).toBe(
      'scheme=tryggest&year=2023&status=done',
    );
  });

  it('writes a moment as its wall-clock time in Oslo, and a calendar date unshifted', () => {
    // 23:30 UTC on 31 December is already 1 January in Oslo (winter time, UTC+1).
    expect(excelDateTime(new Date('2025-12-31T23:30:00Z'))).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 30)));
    expect(excelDate(new Date('2025-12-31T23:30:00Z'))).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(excelDate('2023-01-27')).toEqual(new Date(Date.UTC(2023, 0, 27)));
    expect(excelDate(null)).toBeNull();
  });

  it('makes formula-looking text harmless and writes corrected values as a person reads them', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeCell(-5)).toBe(-5);
    expect(fieldValueText('requestedAmount', 760000)).toBe('760\u00a0000\u00a0kr');
    expect(fieldValueText('positions', 2.5)).toBe('2,5');
    expect(fieldValueText('submittedDate', '2023-01-27')).toBe('27.01.2023');
    expect(fieldValueText('priority', null)).toBe('–');
  });

  it('wraps chart labels on words and keeps a bar above zero visible', () => {
    expect(wrapLabel('Kommunalt rusarbeid (ny innretning fra 2022) 2023', 20)).toEqual([
      'Kommunalt rusarbeid',
      '(ny innretning fra',
      '2022) 2023',
    ]);
    expect(barPercent(1, 1_000_000)).toBe(0.5);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(5, 10)).toBe(50);
    const svg = barChart({
      id: 'c',
      title: 'T <x>',
      description: 'D',
      bars: [{ label: 'A', value: 1, valueText: '1 kr' }],
    }).value;
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c-title c-desc"');
    expect(svg).toContain('<title id="c-title">T &lt;x&gt;</title>');
  });
});
