import type { AuditEntry, SessionUser } from '../../review/review-store.ts';
import { html, type SafeHtml } from '../html.ts';
import { actionWord, countWord, findingTitle, formatDateTime, formatNumber } from '../words.ts';
import { historyDetails } from './history-table.ts';
import { layout } from './layout.ts';

/** The keys of the log's details as an auditor reads them. */
const KEY_WORD: Record<string, string> = {
  address: 'adresse',
  format: 'format',
  rows: 'rader',
  filter: 'filter',
  method: 'metode',
  path: 'sti',
  params: 'parametre',
  username: 'brukernavn',
  displayName: 'navn',
  role: 'rolle',
  active: 'aktiv',
  before: 'før',
  after: 'etter',
  passwordChanged: 'nytt passord',
  sessionsEnded: 'økter avsluttet',
  sessions: 'økter',
  reason: 'begrunnelse',
  batch: 'opplasting',
  code: 'funn',
};

const VALUE_WORD: Record<string, string> = { admin: 'administrator', reviewer: 'saksbehandler' };

/** A detail's value in words: yes/no, grouped numbers, nested values as "key: value". */
function valueWords(key: string, v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nei';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return key === 'code' ? findingTitle(v) : (VALUE_WORD[v] ?? v);
  if (Array.isArray(v)) return v.map((x) => valueWords(key, x)).join(', ');
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${KEY_WORD[k] ?? k}: ${valueWords(k, x)}`)
    .join(', ');
}

/**
 * What a row's details say: a case's change as the case history writes it, anything else (sign-in,
 * users, exports, queue actions) as "key: value" in Norwegian. The raw JSON stays in the API.
 */
function auditDetails(r: AuditEntry): SafeHtml {
  const details = r.details ?? {};
  if (r.submissionId) return historyDetails(details);
  return html`${Object.entries(details).map(
    ([k, v], i) => html`${i > 0 ? html`<br />` : ''}${KEY_WORD[k] ?? k}: ${valueWords(k, v)}`,
  )}`;
}

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
                <td>${auditDetails(r)}</td>
                <td><code>${r.hash.slice(0, 12)}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${next !== null ? html`<p class="ds-paragraph"><a class="ds-link" href="/admin/audit?before=${next}">Eldre</a></p>` : ''}`,
  );
}
