import type { AuditEntry, SessionUser } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { actionWord, countWord, formatDateTime } from '../words.ts';
import { layout } from './layout.ts';

/** The audit log, newest first, a page at a time: who did what, when, with the row's hash. */
export function auditPage(user: SessionUser, rows: AuditEntry[], next: number | null): string {
  return layout(
    { title: 'Revisjonslogg', user, path: '/admin/audit' },
    html`<h1 class="ds-heading" data-size="lg">Revisjonslogg</h1>
      <p class="ds-paragraph">
        Alt som er gjort, nyeste først. Hver rad bærer hashen til raden før;
        <code>intake audit verify</code> kontrollerer at ingen rad er endret eller slettet.
      </p>
      <p class="ds-paragraph" data-size="sm">Viser ${countWord(rows.length, 'hendelse', 'hendelser')}.</p>
      <table class="ds-table" data-border data-size="sm">
        <thead>
          <tr>
            <th scope="col">Nr.</th>
            <th scope="col">Tid</th>
            <th scope="col">Hvem</th>
            <th scope="col">Hva</th>
            <th scope="col">Innsending</th>
            <th scope="col">Detaljer</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td>${r.id}</td>
                <td>${formatDateTime(r.at)}</td>
                <td>${r.actor}</td>
                <td>${actionWord(r.action)}</td>
                <td>
                  ${
                    r.submissionId
                      ? html`<a class="ds-link" href="/submissions/${r.submissionId}"
                          >${r.submissionId.slice(0, 8)}</a
                        >`
                      : '–'
                  }
                </td>
                <td><code>${JSON.stringify(r.details ?? {})}</code></td>
                <td><code>${r.hash.slice(0, 12)}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${next !== null ? html`<p class="ds-paragraph"><a class="ds-link" href="/admin/audit?before=${next}">Eldre</a></p>` : ''}`,
  );
}
