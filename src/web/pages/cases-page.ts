import { FINDING_CODES } from '../../domain/record.ts';
import type { CaseCounts, CaseListItem } from '../../review/case-index.ts';
import { CASE_STATUSES } from '../../review/case-status.ts';
import type { SavedFilter } from '../../review/case-work-store.ts';
import type { SessionUser, User } from '../../review/review-store.ts';
import { html, type SafeHtml } from '../html.ts';
import { isFiltered, queryString, type CaseQuery } from '../case-query.ts';
import { caseStatusWord, countWord, findingTitle, formatNumber } from '../words.ts';
import { caseTable, csrfField, pager, type Schemes } from './case-list.ts';
import { layout, type PageOptions } from './layout.ts';

export interface CaseListPage {
  user: SessionUser;
  query: CaseQuery;
  items: CaseListItem[];
  total: number;
  schemes: Schemes;
  users: ReadonlyArray<User & { active: boolean }>;
  savedFilters: SavedFilter[];
  notice?: PageOptions['notice'];
}

const STATUS_CHOICES: Array<[string, string]> = [
  ['all', 'Alle'],
  ['queue', 'I kø (trenger behandling)'],
  ['taken', 'Tatt av en saksbehandler'],
  ...CASE_STATUSES.map((s): [string, string] => [s, caseStatusWord(s)]),
];

/** "Alle innsendinger": every case, searchable and filterable, with bulk work and saved filters. */
export function casesPage(p: CaseListPage): string {
  return layout(
    { title: 'Alle innsendinger', user: p.user, path: '/cases', notice: p.notice ?? null },
    html`<h1 class="ds-heading" data-size="lg">Alle innsendinger</h1>
      ${savedFilterLinks(p)} ${filterForm('/cases', p, 'all')} ${listSection('/cases', p)}
      ${saveFilterForm(p)}`,
  );
}

/** The work queue with today's counts: what needs the office now, nearest processing deadline first. */
export function queuePage(p: CaseListPage & { counts: CaseCounts }): string {
  const c = p.counts;
  const card = (label: string, n: number, href: string, color: string) =>
    html`<li class="ds-card app-count" data-color="${color}">
      <a class="ds-link" href="${href}"
        ><strong class="app-count-number">${formatNumber(n)}</strong> <span>${label}</span></a
      >
    </li>`;
  return layout(
    { title: 'Arbeidskø', user: p.user, path: '/queue', notice: p.notice ?? null },
    html`<h1 class="ds-heading" data-size="lg">Arbeidskø</h1>
      <section aria-labelledby="today-heading">
        <h2 id="today-heading" class="ds-heading" data-size="sm">I dag</h2>
        <ul class="ds-list--unstyled app-counts">
          ${card('i kø', c.queue, '/queue', 'accent')} ${card('nye', c.new, '/cases?status=new', 'info')}
          ${card('forfalt', c.overdue, '/cases?overdue=1', c.overdue > 0 ? 'danger' : 'neutral')}
          ${card('mine saker', c.mine, '/cases?assignee=me&status=taken', 'accent')}
          ${card('venter på min godkjenning', c.awaitingMyApproval, '/cases?approver=me', 'warning')}
          ${card('venter på godkjenning', c.awaitingApproval, '/cases?status=awaiting-approval', 'warning')}
          ${card('venter på kommunen', c.awaitingMunicipality, '/cases?status=awaiting-municipality', 'warning')}
          ${card('klar til ferdigstilling', c.ready, '/cases?status=ready', 'success')}
        </ul>
        ${
          c.replyOverdue > 0
            ? html`<p class="ds-paragraph">
                ${countWord(c.replyOverdue, 'sak', 'saker')} der kommunens svarfrist har gått ut, er tilbake i
                køen.
              </p>`
            : ''
        }
      </section>
      <p class="ds-paragraph">
        Saker som trenger behandling: nye, under behandling, venter på godkjenning og klare til
        ferdigstilling, nærmeste behandlingsfrist først.
        <a class="ds-link" href="/cases">Se alle innsendinger</a>.
      </p>
      ${filterForm('/queue', p, 'queue')} ${listSection('/queue', p)}`,
  );
}

function filterForm(path: string, p: CaseListPage, defaultStatus: string): SafeHtml {
  const q = p.query;
  const option = (value: string, label: string, selected: string) =>
    html`<option value="${value}" ${selected === value ? html`selected` : ''}>${label}</option>`;
  const status = q.status || defaultStatus;
  return html`<form
    method="get"
    action="${path}"
    class="app-filters"
    role="search"
    aria-label="Søk og filtrer"
  >
    <div class="ds-field app-filter-wide">
      <label class="ds-label" for="f-q">Søk</label>
      <div class="ds-field-affixes">
        <input class="ds-input" id="f-q" name="q" type="search" value="${q.q}" aria-describedby="f-q-hint" />
      </div>
      <p class="ds-paragraph" data-size="sm" id="f-q-hint">
        Kommune, org.nr., ordning, år, filnavn eller fritekst
      </p>
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-status">Status</label>
      <select class="ds-input" id="f-status" name="status">
        ${STATUS_CHOICES.map(([v, l]) => option(v, l, status))}
      </select>
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-scheme">Tilskuddsordning</label>
      <select class="ds-input" id="f-scheme" name="scheme">
        ${option('', 'Alle', q.scheme)} ${p.schemes.map((s) => option(s.id, s.name, q.scheme))}
      </select>
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-year">År</label>
      <input class="ds-input" id="f-year" name="year" inputmode="numeric" value="${q.year}" size="6" />
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-assignee">Saksbehandler</label>
      <select class="ds-input" id="f-assignee" name="assignee">
        ${option('', 'Alle', q.assignee)} ${option('me', 'Mine saker', q.assignee)}
        ${p.users.filter((u) => u.active).map((u) => option(u.username, u.displayName, q.assignee))}
      </select>
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-code">Funn</label>
      <select class="ds-input" id="f-code" name="code">
        ${option('', 'Alle', q.code)} ${FINDING_CODES.map((c) => option(c, findingTitle(c), q.code))}
      </select>
    </div>
    <div class="ds-field">
      <label class="ds-label" for="f-severity">Alvorlighet</label>
      <select class="ds-input" id="f-severity" name="severity">
        ${option('', 'Alle', q.severity)} ${option('error', 'Feil', q.severity)}
        ${option('warning', 'Advarsel', q.severity)}
      </select>
    </div>
    <div class="ds-field app-filter-check">
      <input
        class="ds-input"
        type="checkbox"
        id="f-overdue"
        name="overdue"
        value="1"
        ${q.overdue ? html`checked` : ''}
      />
      <label class="ds-label" for="f-overdue">Bare forfalte</label>
    </div>
    <div class="ds-field app-filter-check">
      <input
        class="ds-input"
        type="checkbox"
        id="f-approver"
        name="approver"
        value="me"
        ${q.approver ? html`checked` : ''}
      />
      <label class="ds-label" for="f-approver">Venter på min godkjenning</label>
    </div>
    <div class="app-filter-buttons">
      <button class="ds-button" data-variant="primary" type="submit">Søk</button>
      ${isFiltered(q) ? html`<a class="ds-link" href="${path}">Nullstill filteret</a>` : ''}
    </div>
  </form>`;
}

function listSection(path: string, p: CaseListPage): SafeHtml {
  // The queue's export holds the queue, not every case: its default status goes into the links.
  const qs = queryString(path === '/queue' && !p.query.status ? { ...p.query, status: 'queue' } : p.query);
  const exports = html`<p class="ds-paragraph app-exports">
    Eksporter ${p.total === 1 ? 'denne innsendingen' : `disse ${formatNumber(p.total)} innsendingene`}:
    <a class="ds-link" href="/export.xlsx${qs}">Excel</a> · <a class="ds-link" href="/export.csv${qs}">CSV</a>
  </p>`;
  if (p.total === 0) {
    return html`<p class="ds-paragraph app-empty" role="status">
      Ingen innsendinger passer til ${isFiltered(p.query) ? 'filteret' : 'denne listen'}.
      ${isFiltered(p.query) ? html`<a class="ds-link" href="${path}">Nullstill filteret</a>` : ''}
    </p>`;
  }
  const assignable = p.users.filter((u) => u.active);
  return html`<p class="ds-paragraph" role="status">${countWord(p.total, 'innsending', 'innsendinger')}.</p>
    ${exports}
    <form method="post" action="/cases/bulk" class="app-bulk" aria-label="Arbeid med valgte saker">
      ${csrfField(p.user)}<input
        type="hidden"
        name="back"
        value="${path}${queryString(p.query, p.query.page)}"
      />
      ${caseTable(p.items, p.schemes, { selectable: true, caption: 'Innsendinger' })}
      ${pager(path, p.query, p.total)}
      <details class="ds-details app-bulk-actions">
        <summary>Med valgte saker</summary>
        <fieldset class="ds-fieldset">
          <legend class="ds-label">Samme avgjørelse på et funn i hver valgt sak</legend>
          <div class="ds-field">
            <label class="ds-label" for="bulk-code">Funnet som avgjøres</label>
            <select class="ds-input" id="bulk-code" name="code">
              ${FINDING_CODES.map((c) => html`<option value="${c}">${findingTitle(c)}</option>`)}
            </select>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="bulk-resolution">Avgjørelse</label>
            <select class="ds-input" id="bulk-resolution" name="resolution">
              <option value="accepted">Godtatt</option>
              <option value="waived">Frafalt</option>
              <option value="rejected">Avvist</option>
            </select>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="bulk-reason">Begrunnelse (lagres i hver sak)</label>
            <textarea class="ds-input" id="bulk-reason" name="reason" rows="2"></textarea>
          </div>
          <button class="ds-button" data-variant="primary" type="submit" name="action" value="resolve">
            Avgjør i valgte saker
          </button>
        </fieldset>
        <fieldset class="ds-fieldset">
          <legend class="ds-label">Tildel valgte saker</legend>
          <div class="ds-field">
            <label class="ds-label" for="bulk-assignee">Saksbehandler</label>
            <select class="ds-input" id="bulk-assignee" name="assignee">
              ${assignable.map((u) => html`<option value="${u.id}">${u.displayName}</option>`)}
            </select>
          </div>
          <button class="ds-button" data-variant="secondary" type="submit" name="action" value="assign">
            Tildel valgte saker
          </button>
        </fieldset>
      </details>
    </form>`;
}

function savedFilterLinks(p: CaseListPage): SafeHtml {
  if (p.savedFilters.length === 0) return html``;
  return html`<nav aria-label="Lagrede filtre" class="app-saved-filters">
    <h2 class="ds-heading" data-size="2xs">Lagrede filtre</h2>
    <ul class="ds-list--unstyled">
      ${p.savedFilters.map(
        (f) =>
          html`<li>
            <a class="ds-link" href="/cases${f.query}">${f.name}</a>
            <form method="post" action="/filters/${f.id}/delete" class="app-inline">
              ${csrfField(p.user)}
              <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                Slett<span class="ds-sr-only"> filteret ${f.name}</span>
              </button>
            </form>
          </li>`,
      )}
    </ul>
  </nav>`;
}

function saveFilterForm(p: CaseListPage): SafeHtml {
  if (!isFiltered(p.query)) return html``;
  return html`<form method="post" action="/filters" class="app-form app-save-filter">
    ${csrfField(p.user)}<input type="hidden" name="query" value="${queryString(p.query)}" />
    <div class="ds-field">
      <label class="ds-label" for="filter-name">Lagre dette filteret som</label>
      <input class="ds-input" id="filter-name" name="name" required maxlength="80" />
    </div>
    <button class="ds-button" data-variant="secondary" type="submit">Lagre filter</button>
  </form>`;
}
