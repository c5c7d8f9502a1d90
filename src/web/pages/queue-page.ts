import { FINDING_CODES } from '../../domain/record.ts';
import type { QueueFilter, QueueItem } from '../../review/review-service.ts';
import type { SessionUser } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { formatDateTime, kroner, layout, severityTag, type PageOptions } from './layout.ts';

export function queuePage(
  user: SessionUser,
  items: QueueItem[],
  filter: QueueFilter,
  schemes: Array<{ id: string; name: string }>,
  notice: PageOptions['notice'] = null,
): string {
  const option = (value: string, label: string, selected: string | undefined) =>
    html`<option value="${value}" ${selected === value ? html`selected` : ''}>${label}</option>`;
  const filters = html`<form
    method="get"
    action="/queue"
    class="app-filters"
    aria-label="Filtrer arbeidskøen"
  >
    <div class="ds-field">
      <label class="ds-label" for="f-scheme">Tilskuddsordning</label>
      <select class="ds-input" id="f-scheme" name="scheme">
        ${option('', 'Alle', filter.scheme ?? '')} ${schemes.map((s) => option(s.id, s.name, filter.scheme))}
      </select>
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-year">År</label>
      <input
        class="ds-input"
        id="f-year"
        name="year"
        inputmode="numeric"
        value="${filter.year ?? ''}"
        size="6"
      />
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-municipality">Kommune (navn eller nummer)</label>
      <input class="ds-input" id="f-municipality" name="municipality" value="${filter.municipality ?? ''}" />
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-code">Funnkode</label>
      <select class="ds-input" id="f-code" name="code">
        ${option('', 'Alle', filter.code ?? '')} ${FINDING_CODES.map((c) => option(c, c, filter.code))}
      </select>
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-severity">Alvorlighet</label>
      <select class="ds-input" id="f-severity" name="severity">
        ${option('', 'Alle', filter.severity ?? '')} ${option('error', 'Feil', filter.severity)}
        ${option('warning', 'Advarsel', filter.severity)}
      </select>
    </div>
    <button class="ds-button" data-variant="secondary" type="submit">Filtrer</button>
  </form>`;
  const rows = items.map(
    (item) =>
      html`<tr>
        <td>
          <a class="ds-link" href="/submissions/${item.id}">${item.applicant ?? item.source}</a><br /><small
            >${item.source}</small
          >
        </td>
        <td>${item.scheme ?? 'ukjent'}</td>
        <td>${item.year ?? '–'}</td>
        <td>${kroner(item.requestedAmount)}</td>
        <td>
          ${item.openFindings.map((f) => html`${severityTag(f.severity)} <code>${f.code}</code><br />`)}
          ${
            item.pendingCorrections > 0
              ? html`<span class="ds-tag" data-color="warning">Retting venter på godkjenning</span>`
              : ''
          }
        </td>
        <td>${item.deadline ? item.deadline.slice(0, 10) : '–'}</td>
        <td>${formatDateTime(item.receivedAt)}</td>
        <td>
          ${
            item.claimedBy
              ? html`<span class="ds-tag" data-color="info">Tatt av ${item.claimedBy}</span>`
              : html`<form method="post" action="/submissions/${item.id}/claim">
                  <input type="hidden" name="_csrf" value="${user.csrfToken}" />
                  <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
                    Ta saken<span class="ds-sr-only"> ${item.applicant ?? item.source}</span>
                  </button>
                </form>`
          }
        </td>
      </tr>`,
  );
  return layout(
    { title: 'Arbeidskø', user, path: '/queue', notice },
    html`<h1 class="ds-heading" data-size="lg">Arbeidskø</h1>
      <p class="ds-paragraph">
        Innsendinger med feil eller advarsler som ikke er avgjort, nærmeste frist først.
      </p>
      ${filters}
      <p class="ds-paragraph" role="status">${items.length} innsendinger i køen.</p>
      <table class="ds-table app-queue" data-border>
        <caption class="ds-sr-only">
          Innsendinger som venter på behandling
        </caption>
        <thead>
          <tr>
            <th scope="col">Søker</th>
            <th scope="col">Ordning</th>
            <th scope="col">År</th>
            <th scope="col">Søkt beløp</th>
            <th scope="col">Åpne funn</th>
            <th scope="col">Frist</th>
            <th scope="col">Mottatt</th>
            <th scope="col">Saksbehandler</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
  );
}
