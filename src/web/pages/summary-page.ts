import type { SummaryRow } from '../../review/review-service.ts';
import type { SessionUser } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { kroner, layout } from './layout.ts';

export function summaryPage(user: SessionUser, rows: SummaryRow[]): string {
  const total = rows.reduce(
    (t, r) => ({
      submissions: t.submissions + r.submissions,
      requested: t.requested + r.requestedAmount,
      granted: t.granted + r.grantedAmount,
      open: t.open + r.openFindings,
    }),
    { submissions: 0, requested: 0, granted: 0, open: 0 },
  );
  return layout(
    { title: 'Oversikt', user, path: '/summary' },
    html`<h1 class="ds-heading" data-size="lg">Oversikt per ordning og år</h1>
      <p class="ds-paragraph">
        Eksport: <a class="ds-link" href="/export.xlsx">Excel</a> ·
        <a class="ds-link" href="/export.csv">CSV</a>
      </p>
      <table class="ds-table" data-border>
        <thead>
          <tr>
            <th scope="col">Ordning</th>
            <th scope="col">År</th>
            <th scope="col">Innsendinger</th>
            <th scope="col">Søkt</th>
            <th scope="col">Tildelt</th>
            <th scope="col">Åpne funn</th>
            <th scope="col">Ferdig behandlet</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td>${r.scheme ?? 'ukjent'}</td>
                <td>${r.year ?? '–'}</td>
                <td>${r.submissions}</td>
                <td>${kroner(r.requestedAmount)}</td>
                <td>${kroner(r.grantedAmount)}</td>
                <td>${r.openFindings}</td>
                <td>${r.done}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="2">Sum</th>
            <td>${total.submissions}</td>
            <td>${kroner(total.requested)}</td>
            <td>${kroner(total.granted)}</td>
            <td>${total.open}</td>
            <td></td>
          </tr>
        </tfoot>
      </table>`,
  );
}
