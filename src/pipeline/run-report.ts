import type { SubmissionRecord } from '../domain/record.ts';

/** The stages whose time a run report shows; summed over documents, which run side by side. */
export const STAGES = ['read', 'ocr', 'extract', 'check', 'write'] as const;
export type Stage = (typeof STAGES)[number];

export interface RunReport {
  runId: string | null;
  resumed: boolean;
  paths: string[];
  startedAt: string;
  seconds: number;
  submissions: number;
  /** Submissions done already (same bytes, extractor version and configuration): taken from the store. */
  skipped: number;
  /**
   * Done already from the same bytes, not read again, but extracted and checked again from their
   * stored read results because the register or the scheme files changed (not among `skipped`).
   */
  rechecked: number;
  documents: number;
  pages: number;
  byDocumentType: Record<string, number>;
  byScheme: Record<string, number>;
  byYear: Record<string, number>;
  byFindingCode: Record<string, number>;
  unreadable: Array<{ source: string; path: string; reason: string }>;
  duplicates: Array<{ source: string; path: string; sha256: string }>;
  /** Milliseconds per stage, summed over documents and submissions (skipped ones spend none). */
  stageMs: Record<Stage, number>;
  /** The run's process at its largest (resident MB, its threads included). */
  peakRssMb: number;
  /**
   * Seconds from the process's start (performance.timeOrigin) to the first document read: the
   * start-up a user waits through. Null when the run read no document (all done before, or none).
   */
  firstDocumentReadSeconds: number | null;
  /** When the first document was read (ISO time), for a bench that times from its own spawn. */
  firstDocumentReadAt: string | null;
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** Collects a run's report record by record; pure, so the counts are testable apart from I/O. */
export class RunReportBuilder {
  private readonly report: RunReport;
  private readonly started = Date.now();

  constructor(paths: string[], run: { id: string; resumed: boolean } | null) {
    this.report = {
      runId: run?.id ?? null,
      resumed: run?.resumed ?? false,
      paths,
      startedAt: new Date(this.started).toISOString(),
      seconds: 0,
      submissions: 0,
      skipped: 0,
      rechecked: 0,
      documents: 0,
      pages: 0,
      byDocumentType: {},
      byScheme: {},
      byYear: {},
      byFindingCode: {},
      unreadable: [],
      duplicates: [],
      stageMs: { read: 0, ocr: 0, extract: 0, check: 0, write: 0 },
      peakRssMb: 0,
      firstDocumentReadSeconds: null,
      firstDocumentReadAt: null,
    };
  }

  addTime(stage: Stage, ms: number): void {
    this.report.stageMs[stage] += ms;
  }

  /** Notes a document read `msSinceStart` after the process started; only the first one counts. */
  documentRead(msSinceStart: number): void {
    if (this.report.firstDocumentReadSeconds !== null) return;
    this.report.firstDocumentReadSeconds = Math.round(msSinceStart / 10) / 100;
    this.report.firstDocumentReadAt = new Date().toISOString();
  }

  add(record: SubmissionRecord, skipped: boolean, rechecked = false): void {
    const r = this.report;
    r.submissions++;
    if (skipped && !rechecked) r.skipped++;
    if (rechecked) r.rechecked++;
    bump(r.byScheme, record.scheme ?? '(ukjent)');
    bump(r.byYear, record.year === null ? '(ukjent)' : String(record.year));
    for (const doc of record.documents) {
      r.documents++;
      r.pages += doc.pages ?? 0;
      bump(r.byDocumentType, doc.type);
    }
    for (const f of record.findings) {
      bump(r.byFindingCode, f.code);
      const path = f.evidence?.path ?? '';
      if (f.code === 'UNREADABLE_DOCUMENT') {
        r.unreadable.push({ source: record.source, path, reason: f.evidence?.text ?? f.message });
      } else if (f.code === 'DUPLICATE_DOCUMENT') {
        r.duplicates.push({
          source: record.source,
          path,
          sha256: (f.evidence?.text ?? '').replace(/^sha256 /, ''),
        });
      }
    }
  }

  /** The run in the store, once it is known (the store may open after the run has started). */
  setRun(run: { id: string; resumed: boolean } | null): void {
    this.report.runId = run?.id ?? null;
    this.report.resumed = run?.resumed ?? false;
  }

  /** Closes the report; `peakRssMb` is the caller's measure of the run's process. */
  finish(peakRssMb: number): RunReport {
    this.report.seconds = Math.round((Date.now() - this.started) / 100) / 10;
    this.report.peakRssMb = peakRssMb;
    return this.report;
  }
}

/** The short text form of a report (terminal and run-report.txt), in Norwegian. */
export function formatRunReport(r: RunReport): string {
  const counts = (title: string, c: Record<string, number>) =>
    `${title}: ${
      Object.entries(c)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'ingen'
    }`;
  const lines = [
    `Kjøring ${r.runId ?? '(uten lager)'}${r.resumed ? ' (fortsatt)' : ''}: ${r.submissions} innsendinger ` +
      `(${r.skipped} uendret fra før${r.rechecked ? `, ${r.rechecked} kontrollert på nytt med endret oppsett` : ''}), ` +
      `${r.documents} dokumenter, ${r.pages} sider på ${r.seconds} s`,
    counts('Dokumenttyper', r.byDocumentType),
    counts('Ordninger', r.byScheme),
    counts('År', r.byYear),
    counts('Funn', r.byFindingCode),
    `Tid per steg (sum, s): ${Object.entries(r.stageMs)
      .map(([stage, ms]) => `${STAGE_NAMES[stage as Stage]} ${(ms / 1000).toFixed(1)}`)
      .join(', ')}`,
    `Høyeste minnebruk: ${r.peakRssMb} MB`,
    ...(r.firstDocumentReadSeconds === null
      ? []
      : [`Første dokument lest ${r.firstDocumentReadSeconds} s etter at prosessen startet`]),
    `Uleselige filer: ${r.unreadable.length}`,
    ...r.unreadable.map((u) => `  ${u.path}: ${u.reason}`),
    `Duplikater: ${r.duplicates.length}`,
    ...r.duplicates.map((d) => `  ${d.path} (sha256 ${d.sha256.slice(0, 12)}…)`),
  ];
  return lines.join('\n');
}

const STAGE_NAMES: Record<Stage, string> = {
  read: 'lesing',
  ocr: 'OCR',
  extract: 'uttrekk',
  check: 'kontroll',
  write: 'skriving',
};
