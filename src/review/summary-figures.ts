import type { SqlExecutor } from '../store/sql-client.ts';

/** The findings the checks made per scheme and year: errors and warnings, and how many of each code. */
export interface FindingFigures {
  scheme: string | null;
  year: number | null;
  errors: number;
  warnings: number;
  /** Most frequent first. */
  byCode: Array<{ code: string; count: number }>;
}

/**
 * Findings of the checked submissions' current records per scheme and year (information-only
 * findings left out: nobody decides on them), for the summary's chart. One grouped query.
 */
export async function findingFigures(db: SqlExecutor): Promise<FindingFigures[]> {
  const rows = await db.query<{
    scheme: string | null;
    year: number | null;
    code: string;
    severity: 'error' | 'warning';
    n: string;
  }>(
    `SELECT s.scheme, s.year, f.code, f.severity, count(*) AS n
     FROM findings f JOIN submissions s ON s.id = f.submission_id
     WHERE s.state = 'done' AND f.severity IN ('error', 'warning')
     GROUP BY s.scheme, s.year, f.code, f.severity`,
  );
  const figures = new Map<string, FindingFigures>();
  for (const r of rows) {
    const key = `${r.scheme ?? ''}|${r.year ?? ''}`;
    const figure = figures.get(key) ?? { scheme: r.scheme, year: r.year, errors: 0, warnings: 0, byCode: [] };
    const n = Number(r.n);
    if (r.severity === 'error') figure.errors += n;
    else figure.warnings += n;
    const code = figure.byCode.find((c) => c.code === r.code);
    if (code) code.count += n;
    else figure.byCode.push({ code: r.code, count: n });
    figures.set(key, figure);
  }
  for (const f of figures.values())
    f.byCode.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return [...figures.values()];
}
