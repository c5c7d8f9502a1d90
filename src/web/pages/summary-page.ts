import { filterQuery, type ExportFilter } from '../../review/decision-export.ts';
import type { SummaryRow } from '../../review/review-service.ts';
import type { SessionUser } from '../../review/review-store.ts';
import type { FindingFigures } from '../../review/summary-figures.ts';
import { barChart } from '../bar-chart.ts';
import { html, type SafeHtml } from '../html.ts';
import { countWord, findingTitle, formatAmount, formatNumber, schemeWord } from '../words.ts';
import { layout } from './layout.ts';

export interface SummaryData {
  rows: SummaryRow[];
  figures: FindingFigures[];
  schemes: ReadonlyArray<{ id: string; name: string }>;
  /** The filter the page was asked for; the summary follows its scheme and year. */
  filter: ExportFilter;
}

const keyOf = (r: { scheme: string | null; year: number | null }) => `${r.scheme ?? ''}|${r.year ?? ''}`;

/** The case list filtered to a row (and a status); null for submissions without a known scheme. */
export function casesLink(
  row: { scheme: string | null; year: number | null },
  status?: 'done' | 'queue',
): string | null {
  if (row.scheme === null) return null;
  const extra: Record<string, string | number> = { scheme: row.scheme };
  if (row.year !== null) extra.year = row.year;
  if (status) extra.status = status;
  return `/cases?${filterQuery({}, extra)}`;
}

/** A number that opens the list of the cases it counts; its link text says what they are. */
function countLink(n: number, href: string | null, what: string): SafeHtml {
  return href === null
    ? html`${formatNumber(n)}`
    : html`<a class="ds-link" href="${href}">${formatNumber(n)}<span class="ds-sr-only"> ${what}</span></a>`;
}

export function summaryPage(user: SessionUser, data: SummaryData): string {
  const { schemes, filter } = data;
  const name = (r: { scheme: string | null; year: number | null }) =>
    `${schemeWord(r.scheme, schemes)}${r.year === null ? '' : ` ${r.year}`}`;
  const rows = data.rows.filter(
    (r) => (!filter.scheme || r.scheme === filter.scheme) && (!filter.year || r.year === filter.year),
  );
  const figures = new Map(data.figures.map((f) => [keyOf(f), f]));
  const findingsOf = (r: SummaryRow) => {
    const f = figures.get(keyOf(r));
    return f ? f.errors + f.warnings : 0;
  };
  const total = rows.reduce(
    (t, r) => ({
      submissions: t.submissions + r.submissions,
      requested: t.requested + r.requestedAmount,
      granted: t.granted + r.grantedAmount,
      findings: t.findings + findingsOf(r),
      open: t.open + r.openFindings,
      done: t.done + r.done,
    }),
    { submissions: 0, requested: 0, granted: 0, findings: 0, open: 0, done: 0 },
  );
  const years = [...new Set(data.rows.map((r) => r.year).filter((y): y is number => y !== null))].sort(
    (a, b) => b - a,
  );
  const schemeIds = new Set(data.rows.map((r) => r.scheme).filter((s): s is string => s !== null));
  const schemeOptions = schemes.filter((s) => schemeIds.has(s.id) || s.id === filter.scheme);
  const query = filterQuery(filter);
  const exportQuery = query ? `?${query}` : '';
  const filtered = Boolean(filter.scheme || filter.year);

  const findingRows = rows.map((r) => ({ row: r, figure: figures.get(keyOf(r)) ?? null }));
  const highest = (values: Array<{ label: string; value: number; text: string }>) => {
    const top = [...values].sort((a, b) => b.value - a.value)[0];
    return top && top.value > 0 ? ` Høyest: ${top.label}, ${top.text}.` : '';
  };
  const amountBars = rows.map((r) => ({
    label: name(r),
    value: r.requestedAmount,
    valueText: formatAmount(r.requestedAmount),
  }));
  const findingBars = findingRows.map(({ row, figure }) => {
    const n = figure ? figure.errors + figure.warnings : 0;
    return { label: name(row), value: n, valueText: formatNumber(n) };
  });

  return layout(
    { title: 'Oversikt', user, path: '/summary' },
    html`<h1 class="ds-heading" data-size="lg">Oversikt per ordning og år</h1>
      <form method="get" action="/summary" class="app-summary-filter">
        <div class="ds-field">
          <label class="ds-label" for="summary-scheme">Ordning</label>
          <select class="ds-input" id="summary-scheme" name="scheme">
            <option value="">Alle ordninger</option>
            ${schemeOptions.map(
              (s) =>
                html`<option value="${s.id}" ${filter.scheme === s.id ? html`selected` : ''}>
                  ${s.name}
                </option>`,
            )}
          </select>
        </div>
        <div class="ds-field">
          <label class="ds-label" for="summary-year">År</label>
          <select class="ds-input" id="summary-year" name="year">
            <option value="">Alle år</option>
            ${years.map(
              (y) => html`<option value="${y}" ${filter.year === y ? html`selected` : ''}>${y}</option>`,
            )}
          </select>
        </div>
        <button class="ds-button" data-variant="secondary" type="submit">Vis</button>
        ${filtered ? html`<a class="ds-link" href="/summary">Vis alt</a>` : ''}
      </form>
      <p class="ds-paragraph">
        Last ned ${filtered ? 'utvalget' : 'alle innsendinger'} med avgjørelser og rettinger:
        <a class="ds-link" href="/export.xlsx${exportQuery}" download>Excel</a> ·
        <a class="ds-link" href="/export.csv${exportQuery}" download>CSV</a>
      </p>
      ${
        rows.length === 0
          ? html`<p class="ds-paragraph" role="status">Ingen innsendinger i utvalget.</p>`
          : html`<div class="app-scroll-x" role="region" aria-labelledby="summary-caption" tabindex="0">
                <table class="ds-table" data-border id="summary-table">
                  <caption id="summary-caption">
                    Innsendinger, beløp og funn per ordning og år. Tallene åpner listen over sakene.
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Ordning</th>
                      <th scope="col">År</th>
                      <th scope="col">Innsendinger</th>
                      <th scope="col">Søkt</th>
                      <th scope="col">Tildelt</th>
                      <th scope="col">Funn</th>
                      <th scope="col">Åpne funn</th>
                      <th scope="col">Ferdig behandlet</th>
                      <th scope="col">Eksport</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows.map(
                      (r) =>
                        html`<tr>
                          <th scope="row">${schemeWord(r.scheme, schemes)}</th>
                          <td>${r.year ?? '–'}</td>
                          <td>${countLink(r.submissions, casesLink(r), `innsendinger i ${name(r)}`)}</td>
                          <td class="app-num">${formatAmount(r.requestedAmount)}</td>
                          <td class="app-num">${formatAmount(r.grantedAmount)}</td>
                          <td>${formatNumber(findingsOf(r))}</td>
                          <td>
                            ${countLink(r.openFindings, casesLink(r, 'queue'), `åpne funn i ${name(r)}`)}
                          </td>
                          <td>${countLink(r.done, casesLink(r, 'done'), `ferdig behandlet i ${name(r)}`)}</td>
                          <td>
                            ${
                              r.scheme === null
                                ? '–'
                                : html`<a
                                    class="ds-link"
                                    download
                                    href="/export.xlsx?${filterQuery(
                                      {},
                                      {
                                        scheme: r.scheme,
                                        ...(r.year === null ? {} : { year: r.year }),
                                      },
                                    )}"
                                    >Excel<span class="ds-sr-only"> for ${name(r)}</span></a
                                  >`
                            }
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colspan="2">Sum</th>
                      <td>${formatNumber(total.submissions)}</td>
                      <td class="app-num">${formatAmount(total.requested)}</td>
                      <td class="app-num">${formatAmount(total.granted)}</td>
                      <td>${formatNumber(total.findings)}</td>
                      <td>${formatNumber(total.open)}</td>
                      <td>${formatNumber(total.done)}</td>
                      <td></td>
                    </tr>
                  </tfoot>
                </table>
              </div>
              <h2 class="ds-heading" data-size="md" id="chart-amounts-heading">
                Søkt beløp per ordning og år
              </h2>
              <figure class="app-figure" aria-labelledby="chart-amounts-heading">
                ${barChart({
                  id: 'chart-amounts',
                  title: 'Søkt beløp per ordning og år',
                  description: `Stolpediagram over ${countWord(rows.length, 'ordning og år', 'ordninger og år')}.${highest(amountBars.map((b) => ({ label: b.label, value: b.value, text: b.valueText })))} Beløpene står i tabellen over.`,
                  bars: amountBars,
                })}
              </figure>
              <h2 class="ds-heading" data-size="md" id="chart-findings-heading">Funn per ordning og år</h2>
              <p class="ds-paragraph" data-size="sm">
                Feil og advarsler kontrollen fant i innsendingenes gjeldende opplysninger, avgjort eller ikke.
              </p>
              <figure class="app-figure" aria-labelledby="chart-findings-heading">
                ${barChart({
                  id: 'chart-findings',
                  title: 'Funn per ordning og år',
                  description: `Stolpediagram over antall funn i ${countWord(rows.length, 'ordning og år', 'ordninger og år')}.${highest(findingBars.map((b) => ({ label: b.label, value: b.value, text: countWord(b.value, 'funn', 'funn') })))} Tallene står i tabellen under.`,
                  bars: findingBars,
                })}
              </figure>
              <div class="app-scroll-x" role="region" aria-labelledby="findings-caption" tabindex="0">
                <table class="ds-table" data-border data-size="sm" id="findings-table">
                  <caption id="findings-caption">
                    Funn per ordning og år, med de vanligste
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Ordning og år</th>
                      <th scope="col">Feil</th>
                      <th scope="col">Advarsler</th>
                      <th scope="col">Vanligste funn</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${findingRows.map(
                      ({ row, figure }) =>
                        html`<tr>
                          <th scope="row">${name(row)}</th>
                          <td>${formatNumber(figure?.errors ?? 0)}</td>
                          <td>${formatNumber(figure?.warnings ?? 0)}</td>
                          <td>
                            ${
                              figure && figure.byCode.length > 0
                                ? figure.byCode
                                    .slice(0, 3)
                                    .map((c) => `${findingTitle(c.code)} (${formatNumber(c.count)})`)
                                    .join(', ')
                                : '–'
                            }
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
      }`,
  );
}
