import type { ProcessedRecord } from '../pipeline/process-submission.ts';

interface SchemeTotals {
  submissions: number;
  requested: number;
  needsReview: number;
  findings: Map<string, number>;
}

/** Per-scheme totals of a run, for the terminal summary. */
export class RunSummary {
  private readonly byScheme = new Map<string, SchemeTotals>();

  add(record: ProcessedRecord): void {
    const key = record.scheme ?? '(ukjent ordning)';
    let t = this.byScheme.get(key);
    if (!t) {
      t = { submissions: 0, requested: 0, needsReview: 0, findings: new Map() };
      this.byScheme.set(key, t);
    }
    t.submissions++;
    t.requested += record.requestedAmount ?? 0;
    if (record.status === 'needs-review') t.needsReview++;
    for (const f of record.findings) t.findings.set(f.code, (t.findings.get(f.code) ?? 0) + 1);
  }

  format(): string {
    const nok = new Intl.NumberFormat('nb-NO');
    const rows = [...this.byScheme.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    const lines: string[] = [];
    let total = 0;
    for (const [scheme, t] of rows) {
      total += t.submissions;
      lines.push(
        `${scheme}: ${t.submissions} innsendinger, ${t.needsReview} til kontroll, omsøkt ${nok.format(t.requested)} kr`.replace(
          /\u00a0/g,
          ' ',
        ),
      );
      const codes = [...t.findings.entries()].sort((a, b) => b[1] - a[1]);
      if (codes.length > 0) lines.push(`  funn: ${codes.map(([c, n]) => `${c} ${n}`).join(', ')}`);
    }
    lines.push(`Totalt: ${total} innsendinger`);
    return lines.join('\n');
  }
}
