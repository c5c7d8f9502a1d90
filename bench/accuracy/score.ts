/**
 * Scores pipeline output against a corpus truth.
 *
 *   tsx bench/accuracy/score.ts --truth FILE --out out/submissions.jsonl [--show N] [--json FILE]
 *   tsx bench/accuracy/score.ts --truth FILE --self-test [--emit FILE]
 *
 * Records are matched by `source`. Per-field accuracy over the fields of truth.ts, findings
 * recall and false-alarm rate over (code, field) pairs (field compared only where docs/checks.md
 * fixes it), the share of submissions with at least one false alarm, per-code, per-template and
 * per-language (bokmål / nynorsk, from the truth's meta) tables, and the mismatches themselves.
 * A measurement: it exits 0 whatever the numbers are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { TruthLine, findingKey, type ExpectedRecord } from './truth.ts';

export const FIELDS = [
  'kind',
  'scheme',
  'year',
  'applicant.name',
  'applicant.orgNumber',
  'applicant.municipalityNumber',
  'partners',
  'priority',
  'grantYear',
  'positions',
  'requestedAmount',
  'grantedAmount',
  'spentAmount',
  'submittedDate',
  'budget',
] as const;
export type Field = (typeof FIELDS)[number];

/** The goals the pipeline is judged by on unseen archives. */
export const GOALS = { fieldAccuracy: 0.95, findingsRecall: 0.95, falseAlarmRate: 0.05 };

type Json = unknown;

const fold = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const asNull = (v: Json): Json => (v === undefined ? null : v);

function get(record: Record<string, Json>, field: Field): Json {
  if (field.startsWith('applicant.')) {
    const a = record.applicant as Record<string, Json> | null | undefined;
    return asNull(a?.[field.slice('applicant.'.length)]);
  }
  if (field === 'partners' || field === 'budget') return record[field] ?? [];
  return asNull(record[field]);
}

function expectedOf(e: ExpectedRecord, field: Field): Json {
  if (field.startsWith('applicant.'))
    return e.applicant[field.slice('applicant.'.length) as keyof ExpectedRecord['applicant']];
  return e[field as keyof ExpectedRecord];
}

function partnerSet(v: Json): string[] | null {
  if (!Array.isArray(v)) return null;
  return v
    .map((p: Json) => {
      const o = (p ?? {}) as Record<string, Json>;
      return `${fold(String(o.name ?? ''))}|${String(o.kind ?? '')}`;
    })
    .sort();
}

function budgetSet(v: Json): string[] | null {
  if (!Array.isArray(v)) return null;
  return v
    .map((l: Json) => {
      const o = (l ?? {}) as Record<string, Json>;
      return `${String(o.category ?? '')}|${String(o.amount ?? '')}`;
    })
    .sort();
}

export function sameValue(field: Field, expected: Json, got: Json): boolean {
  switch (field) {
    case 'partners':
      return JSON.stringify(partnerSet(expected)) === JSON.stringify(partnerSet(got));
    case 'budget':
      return JSON.stringify(budgetSet(expected)) === JSON.stringify(budgetSet(got));
    case 'applicant.name':
    case 'priority':
      if (expected === null || got === null) return expected === got;
      return typeof got === 'string' && fold(String(expected)) === fold(got);
    case 'positions':
      if (expected === null || got === null) return expected === got;
      return typeof got === 'number' && Math.abs((expected as number) - got) < 1e-6;
    default:
      return expected === got;
  }
}

function show(field: Field, v: Json): string {
  if (v === null) return 'null';
  if (field === 'partners') {
    return (
      (v as { name?: string; kind?: string }[])
        .map((p) => `${p.name ?? '?'} (${p.kind ?? '?'})`)
        .join('; ') || '[]'
    );
  }
  if (field === 'budget') {
    return (
      (v as { category?: string; amount?: number }[])
        .map((l) => `${l.category ?? '?'} ${l.amount ?? '?'}`)
        .join('; ') || '[]'
    );
  }
  return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
}

interface FieldStats {
  correct: number;
  total: number;
  /** expected a value, got null */
  missed: number;
  /** expected null, got a value */
  spurious: number;
  /** both values, different */
  wrong: number;
}

interface CodeStats {
  expected: number;
  hit: number;
  raised: number;
  falseAlarms: number;
}

export interface Mismatch {
  source: string;
  /** Written standard of the submission (nb / nn), when the truth says. */
  language?: string;
  field: string;
  expected: string;
  got: string;
}

export interface ScoreReport {
  submissions: number;
  recordsRead: number;
  missingRecords: string[];
  extraRecords: string[];
  duplicateRecords: string[];
  unparsableLines: number;
  fields: Record<Field, FieldStats>;
  fieldAccuracy: number;
  findings: {
    expected: number;
    hit: number;
    raised: number;
    falseAlarms: number;
    recall: number;
    falseAlarmRate: number;
  };
  codes: Record<string, CodeStats>;
  exactFindingSets: number;
  statusAgreement: number;
  /** Submissions with at least one raised finding that was not expected. */
  submissionsWithFalseAlarm: number;
  falseAlarmSubmissionShare: number;
  /** Raised findings of severity info (checks that could not be made): reported, never alarms. */
  infoNotes: number;
  /** The same figures per written standard (bokmål / nynorsk), when the truth says. */
  byLanguage: Record<string, LanguageSummary>;
  byTemplate: Record<string, { correct: number; total: number; submissions: number }>;
  mismatches: Mismatch[];
  findingErrors: Mismatch[];
}

export interface LanguageSummary {
  submissions: number;
  fieldAccuracy: number;
  fields: Record<Field, number>;
  recall: number;
  falseAlarmRate: number;
  expected: number;
  raised: number;
  submissionsWithFalseAlarm: number;
  falseAlarmSubmissionShare: number;
}

export function readTruth(path: string): TruthLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = TruthLine.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: not a truth line: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** A record as a perfect pipeline would write it for a truth line (for --self-test). */
export function recordFromTruth(t: TruthLine): Record<string, Json> {
  return {
    id: `self-test-${t.source}`,
    source: t.source,
    ...t.expected,
    documents: [],
    findings: t.findings.map((f) => ({
      code: f.code,
      severity: 'error',
      message: '',
      field: f.field,
      evidence: null,
    })),
    status: t.findings.length > 0 ? 'needs-review' : 'accepted',
  };
}

export function score(
  truth: TruthLine[],
  records: Record<string, Json>[],
  unparsableLines = 0,
  splitByLanguage = true,
): ScoreReport {
  const bySource = new Map<string, Record<string, Json>>();
  const duplicateRecords: string[] = [];
  for (const r of records) {
    const source = String(r.source ?? '');
    if (bySource.has(source)) duplicateRecords.push(source);
    else bySource.set(source, r);
  }
  const truthSources = new Set(truth.map((t) => t.source));
  const fields = Object.fromEntries(
    FIELDS.map((f) => [f, { correct: 0, total: 0, missed: 0, spurious: 0, wrong: 0 }]),
  ) as Record<Field, FieldStats>;
  const codes: Record<string, CodeStats> = {};
  const code = (c: string): CodeStats => (codes[c] ??= { expected: 0, hit: 0, raised: 0, falseAlarms: 0 });
  const byTemplate: ScoreReport['byTemplate'] = {};
  const mismatches: Mismatch[] = [];
  const findingErrors: Mismatch[] = [];
  const missingRecords: string[] = [];
  let exactFindingSets = 0;
  let statusAgreement = 0;
  let submissionsWithFalseAlarm = 0;
  let infoNotes = 0;
  const totals = { expected: 0, hit: 0, raised: 0, falseAlarms: 0 };

  for (const t of truth) {
    const record = bySource.get(t.source);
    if (!record) missingRecords.push(t.source);
    const template = t.meta?.templates[0] ?? 'unknown';
    const tpl = (byTemplate[template] ??= { correct: 0, total: 0, submissions: 0 });
    tpl.submissions++;
    for (const f of FIELDS) {
      const expected = expectedOf(t.expected, f);
      const got = record ? get(record, f) : '<no record>';
      const ok = record !== undefined && sameValue(f, expected, got);
      const s = fields[f];
      s.total++;
      tpl.total++;
      if (ok) {
        s.correct++;
        tpl.correct++;
        continue;
      }
      const emptyExpected = expected === null || (Array.isArray(expected) && expected.length === 0);
      const emptyGot = got === null || (Array.isArray(got) && got.length === 0);
      if (!record || (emptyGot && !emptyExpected)) s.missed++;
      else if (emptyExpected && !emptyGot) s.spurious++;
      else s.wrong++;
      // A missing record is listed once under "missing", not field by field.
      if (record)
        mismatches.push({
          source: t.source,
          language: t.meta?.language,
          field: f,
          expected: show(f, expected),
          got: show(f, got),
        });
    }

    const expectedKeys = new Map(t.findings.map((f) => [findingKey(f.code, f.field), f.code]));
    const raisedKeys = new Map<string, string>();
    const raised =
      record && Array.isArray(record.findings) ? (record.findings as Record<string, Json>[]) : [];
    for (const f of raised) {
      // An info note (a check that could not be made) puts no case in the queue: not an alarm.
      if (f?.severity === 'info') {
        infoNotes++;
        continue;
      }
      const c = String(f?.code ?? '');
      raisedKeys.set(findingKey(c, f?.field === undefined ? null : (f.field as string | null)), c);
    }
    let exact = expectedKeys.size === raisedKeys.size;
    for (const [key, c] of expectedKeys) {
      totals.expected++;
      code(c).expected++;
      if (raisedKeys.has(key)) {
        totals.hit++;
        code(c).hit++;
      } else {
        exact = false;
        findingErrors.push({
          source: t.source,
          language: t.meta?.language,
          field: 'missed finding',
          expected: key,
          got: [...raisedKeys.keys()].join(', ') || '—',
        });
      }
    }
    let falseAlarm = false;
    for (const [key, c] of raisedKeys) {
      totals.raised++;
      code(c).raised++;
      if (!expectedKeys.has(key)) {
        falseAlarm = true;
        totals.falseAlarms++;
        code(c).falseAlarms++;
        exact = false;
        findingErrors.push({
          source: t.source,
          language: t.meta?.language,
          field: 'false alarm',
          expected: [...expectedKeys.keys()].join(', ') || '—',
          got: key,
        });
      }
    }
    if (falseAlarm) submissionsWithFalseAlarm++;
    if (record && exact) exactFindingSets++;
    const expectedStatus = t.findings.length > 0 ? 'needs-review' : 'accepted';
    if (record && record.status === expectedStatus) statusAgreement++;
  }

  const fieldCorrect = FIELDS.reduce((s, f) => s + fields[f].correct, 0);
  const fieldTotal = FIELDS.reduce((s, f) => s + fields[f].total, 0);

  const byLanguage: Record<string, LanguageSummary> = {};
  const languages = [...new Set(truth.map((t) => t.meta?.language).filter((l): l is 'nb' | 'nn' => !!l))];
  if (splitByLanguage && languages.length > 0) {
    for (const language of languages.sort()) {
      const part = truth.filter((t) => t.meta?.language === language);
      const sources = new Set(part.map((t) => t.source));
      const r = score(
        part,
        records.filter((x) => sources.has(String(x.source ?? ''))),
        0,
        false,
      );
      byLanguage[language] = {
        submissions: r.submissions,
        fieldAccuracy: r.fieldAccuracy,
        fields: Object.fromEntries(
          FIELDS.map((f) => [f, r.fields[f].total ? r.fields[f].correct / r.fields[f].total : 0]),
        ) as Record<Field, number>,
        recall: r.findings.recall,
        falseAlarmRate: r.findings.falseAlarmRate,
        expected: r.findings.expected,
        raised: r.findings.raised,
        submissionsWithFalseAlarm: r.submissionsWithFalseAlarm,
        falseAlarmSubmissionShare: r.falseAlarmSubmissionShare,
      };
    }
  }

  return {
    submissions: truth.length,
    recordsRead: records.length,
    missingRecords,
    extraRecords: [...bySource.keys()].filter((s) => !truthSources.has(s)),
    duplicateRecords,
    unparsableLines,
    fields,
    fieldAccuracy: fieldTotal ? fieldCorrect / fieldTotal : 0,
    findings: {
      ...totals,
      recall: totals.expected ? totals.hit / totals.expected : 1,
      falseAlarmRate: totals.raised ? totals.falseAlarms / totals.raised : 0,
    },
    codes,
    exactFindingSets,
    statusAgreement,
    submissionsWithFalseAlarm,
    falseAlarmSubmissionShare: truth.length ? submissionsWithFalseAlarm / truth.length : 0,
    infoNotes,
    byLanguage,
    byTemplate,
    mismatches,
    findingErrors,
  };
}

export function readRecords(path: string): { records: Record<string, Json>[]; unparsable: number } {
  if (!existsSync(path)) return { records: [], unparsable: 0 };
  const records: Record<string, Json>[] = [];
  let unparsable = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const v = JSON.parse(line) as Json;
      if (v && typeof v === 'object' && !Array.isArray(v)) records.push(v as Record<string, Json>);
      else unparsable++;
    } catch {
      unparsable++;
    }
  }
  return { records, unparsable };
}

// ---- printing -------------------------------------------------------------------------------

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const lpad = (s: string | number, n: number): string => String(s).padStart(n);
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const LANGUAGE_NAMES: Record<string, string> = { nb: 'bokmål', nn: 'nynorsk' };

export function printReport(r: ScoreReport, showN: number, heading?: string): void {
  const line = '─'.repeat(78);
  console.log(line);
  console.log(heading ?? `Accuracy of intake against ${r.submissions} held-out submissions`);
  console.log(line);
  console.log(
    `records read: ${r.recordsRead}   missing: ${r.missingRecords.length}   not in truth: ${r.extraRecords.length}` +
      `   duplicate sources: ${r.duplicateRecords.length}   unparsable lines: ${r.unparsableLines}`,
  );
  if (r.missingRecords.length > 0) console.log(`  missing e.g.: ${r.missingRecords.slice(0, 5).join(', ')}`);
  if (r.extraRecords.length > 0) console.log(`  not in truth e.g.: ${r.extraRecords.slice(0, 5).join(', ')}`);

  console.log('\nFields');
  console.log(
    `  ${pad('field', 30)}${lpad('right', 7)}${lpad('of', 6)}${lpad('accuracy', 10)}${lpad('missed', 8)}${lpad('wrong', 7)}${lpad('spurious', 10)}`,
  );
  for (const f of FIELDS) {
    const s = r.fields[f];
    console.log(
      `  ${pad(f, 30)}${lpad(s.correct, 7)}${lpad(s.total, 6)}${lpad(pct(s.total ? s.correct / s.total : 0), 10)}${lpad(s.missed, 8)}${lpad(s.wrong, 7)}${lpad(s.spurious, 10)}`,
    );
  }
  const mark = (ok: boolean): string => (ok ? 'meets goal' : 'BELOW GOAL');
  console.log(
    `  ${pad('ALL FIELDS', 30)}${lpad('', 13)}${lpad(pct(r.fieldAccuracy), 10)}   goal ≥ ${pct(GOALS.fieldAccuracy)}: ${mark(r.fieldAccuracy >= GOALS.fieldAccuracy)}`,
  );

  console.log('\nFindings (matched on code, and on field for MISSING_FIELD and INVALID_ORG_NUMBER)');
  console.log(
    `  ${pad('code', 32)}${lpad('expected', 9)}${lpad('raised', 8)}${lpad('hit', 6)}${lpad('recall', 9)}${lpad('false', 7)}`,
  );
  for (const [c, s] of Object.entries(r.codes).sort(
    (a, b) => b[1].expected - a[1].expected || b[1].raised - a[1].raised,
  )) {
    console.log(
      `  ${pad(c, 32)}${lpad(s.expected, 9)}${lpad(s.raised, 8)}${lpad(s.hit, 6)}${lpad(s.expected ? pct(s.hit / s.expected) : '–', 9)}${lpad(s.falseAlarms, 7)}`,
    );
  }
  const f = r.findings;
  console.log(
    `  recall            ${pct(f.recall)} (${f.hit}/${f.expected})   goal ≥ ${pct(GOALS.findingsRecall)}: ${mark(f.recall >= GOALS.findingsRecall)}`,
  );
  console.log(
    `  false-alarm rate  ${pct(f.falseAlarmRate)} (${f.falseAlarms}/${f.raised} raised)   goal ≤ ${pct(GOALS.falseAlarmRate)}: ${mark(f.falseAlarmRate <= GOALS.falseAlarmRate)}`,
  );
  console.log(
    `  submissions with exactly the expected findings: ${r.exactFindingSets}/${r.submissions} (${pct(r.exactFindingSets / Math.max(1, r.submissions))})`,
  );
  console.log(`  status agrees (needs-review iff findings expected): ${r.statusAgreement}/${r.submissions}`);
  console.log(
    `  submissions with at least one false alarm: ${r.submissionsWithFalseAlarm}/${r.submissions} (${pct(r.falseAlarmSubmissionShare)})`,
  );
  console.log(`  info notes (put no case in the queue, not counted above): ${r.infoNotes}`);

  const langs = Object.keys(r.byLanguage);
  if (langs.length > 1) {
    console.log('\nBy language of the submission');
    const head = langs
      .map((l) => lpad(`${LANGUAGE_NAMES[l] ?? l} (${r.byLanguage[l]?.submissions})`, 16))
      .join('');
    console.log(`  ${pad('', 30)}${head}`);
    const row = (label: string, value: (s: LanguageSummary) => string): void =>
      console.log(
        `  ${pad(label, 30)}${langs.map((l) => lpad(value(r.byLanguage[l] as LanguageSummary), 16)).join('')}`,
      );
    row('ALL FIELDS', (s) => pct(s.fieldAccuracy));
    for (const f of FIELDS) row(`  ${f}`, (s) => pct(s.fields[f]));
    row('findings recall', (s) => `${pct(s.recall)}`);
    row('false-alarm rate', (s) => `${pct(s.falseAlarmRate)}`);
    row(
      'with ≥ 1 false alarm',
      (s) => `${s.submissionsWithFalseAlarm} (${pct(s.falseAlarmSubmissionShare)})`,
    );
  }

  console.log('\nField accuracy by main document template');
  for (const [t, s] of Object.entries(r.byTemplate).sort(
    (a, b) => a[1].correct / a[1].total - b[1].correct / b[1].total,
  )) {
    console.log(`  ${pad(t, 22)}${lpad(s.submissions, 5)} submissions  ${lpad(pct(s.correct / s.total), 8)}`);
  }

  if (showN > 0 && r.mismatches.length > 0) {
    const errorsPerField = new Map<string, number>();
    for (const m of r.mismatches) errorsPerField.set(m.field, (errorsPerField.get(m.field) ?? 0) + 1);
    const ordered = [...r.mismatches].sort(
      (a, b) =>
        (errorsPerField.get(b.field) ?? 0) - (errorsPerField.get(a.field) ?? 0) ||
        a.field.localeCompare(b.field) ||
        a.source.localeCompare(b.source),
    );
    // Round-robin over fields so one broken field does not hide the others.
    const byField = new Map<string, Mismatch[]>();
    for (const m of ordered) byField.set(m.field, [...(byField.get(m.field) ?? []), m]);
    const picked: Mismatch[] = [];
    while (picked.length < Math.min(showN, ordered.length)) {
      for (const list of byField.values()) {
        const m = list.shift();
        if (m && picked.length < showN) picked.push(m);
      }
    }
    console.log(
      `\nField mismatches (${picked.length} of ${r.mismatches.length}, fields with most errors first)`,
    );
    console.log(`  ${pad('source', 32)}${pad('lang', 5)}${pad('field', 29)}${pad('expected', 36)}got`);
    for (const m of picked)
      console.log(
        `  ${pad(cut(m.source, 31), 32)}${pad(m.language ?? '', 5)}${pad(m.field, 29)}${pad(cut(m.expected, 35), 36)}${cut(m.got, 60)}`,
      );
  }
  if (showN > 0 && r.findingErrors.length > 0) {
    console.log(`\nFinding errors (${Math.min(showN, r.findingErrors.length)} of ${r.findingErrors.length})`);
    console.log(`  ${pad('source', 32)}${pad('lang', 5)}${pad('kind', 16)}${pad('expected', 44)}raised`);
    for (const m of r.findingErrors.slice(0, showN)) {
      console.log(
        `  ${pad(cut(m.source, 31), 32)}${pad(m.language ?? '', 5)}${pad(m.field, 16)}${pad(cut(m.expected, 43), 44)}${cut(m.got, 70)}`,
      );
    }
  }
  console.log(line);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      truth: { type: 'string' },
      out: { type: 'string' },
      show: { type: 'string', default: '25' },
      json: { type: 'string' },
      'self-test': { type: 'boolean', default: false },
      emit: { type: 'string' },
    },
  });
  if (!values.truth || (!values.out && !values['self-test'])) {
    console.error(
      'usage: tsx bench/accuracy/score.ts --truth FILE (--out SUBMISSIONS.jsonl | --self-test [--emit FILE]) [--show N] [--json FILE]',
    );
    return;
  }
  const truth = readTruth(resolve(values.truth));
  let records: Record<string, Json>[];
  let unparsable = 0;
  if (values['self-test']) {
    records = truth.map(recordFromTruth);
    if (values.emit)
      writeFileSync(resolve(values.emit), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(
      `self-test: scoring ${records.length} records converted from the truth itself (expect 100 %)`,
    );
  } else {
    const path = resolve(values.out as string);
    if (!existsSync(path)) console.log(`no records at ${path}: every submission counts as missing`);
    ({ records, unparsable } = readRecords(path));
  }
  const report = score(truth, records, unparsable);
  printReport(report, Number(values.show) || 0);
  if (values.json) writeFileSync(resolve(values.json), JSON.stringify(report, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
    .catch((err: unknown) => console.error(`score: ${err instanceof Error ? err.message : String(err)}`))
    .finally(() => {
      process.exitCode = 0;
    });
}
