import type { CaseListItem } from '../../review/case-index.ts';
import type { CommentRow, DocumentRequestRow } from '../../review/case-work-store.ts';
import type { SubmissionView } from '../../review/review-service.ts';
import type { SessionUser, User } from '../../review/review-store.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatDate, formatDateTime, kindWord, schemeWord } from '../words.ts';
import { statusCell, type Schemes } from './case-list.ts';

/** What the case page shows of the office's work on the case besides findings and fields. */
export interface CaseWork {
  row: CaseListItem | null;
  requests: DocumentRequestRow[];
  comments: CommentRow[];
  users: ReadonlyArray<User & { active: boolean }>;
  schemes: Schemes;
  /** The scheme's application or report deadline for the year, if known (yyyy-mm-dd). */
  schemeDeadline: string | null;
  /** Today in Norway (yyyy-mm-dd): the default reply deadline is two weeks on. */
  today: string;
}

/** Title, facts (status, deadlines, dates), who has the case, and take/release/assign. */
export function caseHeader(
  user: SessionUser,
  view: SubmissionView,
  work: CaseWork,
  csrf: SafeHtml,
): SafeHtml {
  const { record } = view;
  const base = `/submissions/${record.id}`;
  const row = work.row;
  const mine = view.claimedBy?.userId === user.id;
  const others = view.claimedBy && !mine ? view.claimedBy.name : null;
  const claimForms = view.done
    ? ''
    : html`<div class="app-claim">
        ${
          view.claimedBy
            ? mine || user.role === 'admin'
              ? html`<form method="post" action="${base}/release" class="app-inline">
                  ${csrf}<button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                    Frigi saken
                  </button>
                </form>`
              : ''
            : html`<form method="post" action="${base}/claim" class="app-inline">
                ${csrf}<button class="ds-button" data-variant="secondary" type="submit">Ta saken</button>
              </form>`
        }
        <form method="post" action="${base}/assign" class="app-inline app-assign">
          ${csrf}
          <label class="ds-label" for="assign-to">Tildel til</label>
          <select class="ds-input" id="assign-to" name="assignee">
            ${work.users
              .filter((u) => u.active)
              .map(
                (u) =>
                  html`<option value="${u.id}" ${view.claimedBy?.userId === u.id ? html`selected` : ''}>
                    ${u.displayName}${u.id === user.id ? ' (meg)' : ''}
                  </option>`,
              )}
          </select>
          <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">Tildel</button>
        </form>
      </div>`;
  return html`<nav class="app-crumbs" aria-label="Tilbake">
      <a class="ds-link" href="/queue">← Arbeidskøen</a> ·
      <a class="ds-link" href="/cases">Alle innsendinger</a>
    </nav>
    <h1 class="ds-heading" data-size="lg">${record.applicant.name ?? record.source}</h1>
    <p class="ds-paragraph">
      ${record.source} · ${schemeWord(record.scheme, work.schemes)} · ${record.year ?? 'ukjent år'} ·
      ${kindWord(record.kind)}
    </p>
    ${
      others && !view.done
        ? html`<div class="ds-alert" data-color="warning" role="status">
            <p class="ds-paragraph">
              <strong>${others}</strong> har saken. Snakk med ${others} før du gjør endringer.
            </p>
          </div>`
        : ''
    }
    <dl class="app-facts">
      <div>
        <dt>Status</dt>
        <dd id="status">${row ? statusCell(row) : view.done ? 'Ferdig' : 'Ikke kontrollert ennå'}</dd>
      </div>
      ${
        row
          ? html`<div>
              <dt>Behandlingsfrist</dt>
              <dd>
                ${formatDate(row.dueDate)}
                ${row.overdue ? html`<span class="ds-tag" data-color="danger">Forfalt</span>` : ''}
              </dd>
            </div>`
          : ''
      }
      <div>
        <dt>Mottatt</dt>
        <dd>
          ${
            record.submittedDate
              ? html`Sendt fra kommunen ${formatDate(record.submittedDate)}<br />`
              : html`Kommunens dato er ikke funnet<br />`
          }
          <small>Lastet inn ${row ? formatDateTime(row.receivedAt) : '–'}</small>
        </dd>
      </div>
      ${
        work.schemeDeadline
          ? html`<div>
              <dt>${record.kind === 'report' ? 'Rapportfrist' : 'Søknadsfrist'}</dt>
              <dd>${formatDate(work.schemeDeadline)}</dd>
            </div>`
          : ''
      }
      ${
        row?.duplicateOf
          ? html`<div>
              <dt>Originalen</dt>
              <dd>
                <a class="ds-link" href="/submissions/${row.duplicateOf}"
                  >Innsendingen som har dokumentene fra før</a
                >
              </dd>
            </div>`
          : ''
      }
    </dl>
    ${claimForms}`;
}

/** The document requests with their reply deadlines, a way to close them, and the form for a new one. */
export function requestsPanel(view: SubmissionView, work: CaseWork, csrf: SafeHtml): SafeHtml {
  const base = `/submissions/${view.record.id}`;
  const twoWeeks = new Date(`${work.today}T12:00:00Z`);
  twoWeeks.setUTCDate(twoWeeks.getUTCDate() + 14);
  return html`<section aria-labelledby="requests-heading" class="app-requests">
    <h3 id="requests-heading" class="ds-heading" data-size="xs">Etterspurte dokumenter</h3>
    ${work.requests.length === 0 ? html`<p class="ds-paragraph" data-size="sm">Ingen forespørsler.</p>` : ''}
    <ul class="ds-list--unstyled">
      ${work.requests.map(
        (r) =>
          html`<li class="app-request">
            <strong>${r.document}</strong>: «${r.message}» <br /><small
              >${r.by}, ${formatDate(r.at)}${r.replyBy ? ` · svarfrist ${formatDate(r.replyBy)}` : ''}</small
            >
            ${
              r.closed
                ? html`<br /><span class="ds-tag" data-color="success">Avsluttet</span>
                    <small
                      >${r.closed.by},
                      ${formatDate(r.closed.at)}${r.closed.note ? `: «${r.closed.note}»` : ''}</small
                    >`
                : html`${
                    r.replyBy && r.replyBy < work.today
                      ? html`<br /><span class="ds-tag" data-color="danger">Svarfristen er passert</span>`
                      : html`<br /><span class="ds-tag" data-color="warning">Venter på kommunen</span>`
                  }
                  ${
                    view.done
                      ? ''
                      : html`<form
                          method="post"
                          action="${base}/document-requests/${r.id}/close"
                          class="app-form app-close-request"
                        >
                          ${csrf}
                          <div class="ds-field">
                            <label class="ds-label" for="close-${r.id}">Merknad (valgfri)</label>
                            <input class="ds-input" id="close-${r.id}" name="note" maxlength="2000" />
                          </div>
                          <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
                            Dokumentet er mottatt<span class="ds-sr-only">: ${r.document}</span>
                          </button>
                        </form>`
                  }`
            }
          </li>`,
      )}
    </ul>
    ${
      view.done
        ? ''
        : html`<form method="post" action="${base}/document-requests" class="app-form">
            ${csrf}
            <div class="ds-field">
              <label class="ds-label" for="req-doc">Etterspør dokument fra kommunen</label>
              <input
                class="ds-input"
                id="req-doc"
                name="document"
                placeholder="f.eks. samarbeidsavtale"
                required
              />
            </div>
            <div class="ds-field">
              <label class="ds-label" for="req-msg">Melding</label>
              <textarea class="ds-input" id="req-msg" name="message" rows="2" required></textarea>
            </div>
            <div class="ds-field">
              <label class="ds-label" for="req-reply">Svarfrist</label>
              <input
                class="ds-input"
                id="req-reply"
                name="replyBy"
                type="date"
                min="${work.today}"
                value="${twoWeeks.toISOString().slice(0, 10)}"
                aria-describedby="req-reply-hint"
              />
              <p class="ds-paragraph" data-size="sm" id="req-reply-hint">
                Saken venter på kommunen til dokumentet er mottatt, og kommer tilbake i køen når fristen er
                passert.
              </p>
            </div>
            <button class="ds-button" data-variant="secondary" type="submit">Send forespørsel</button>
          </form>`
    }
  </section>`;
}

/** The case's note thread (not decision reasons), newest last, and a form to add one. */
export function commentsPanel(view: SubmissionView, work: CaseWork, csrf: SafeHtml): SafeHtml {
  const base = `/submissions/${view.record.id}`;
  return html`<section aria-labelledby="comments-heading" class="app-comments">
    <h2 id="comments-heading" class="ds-heading" data-size="md">Merknader</h2>
    ${work.comments.length === 0 ? html`<p class="ds-paragraph" data-size="sm">Ingen merknader ennå.</p>` : ''}
    <ol class="ds-list--unstyled app-comment-list">
      ${work.comments.map(
        (c) =>
          html`<li class="app-comment">
            <p class="ds-paragraph" data-size="sm"><strong>${c.by}</strong> · ${formatDateTime(c.at)}</p>
            <p class="ds-paragraph app-comment-body">${c.body}</p>
          </li>`,
      )}
    </ol>
    <form method="post" action="${base}/comments" class="app-form">
      ${csrf}
      <div class="ds-field">
        <label class="ds-label" for="comment-body">Ny merknad</label>
        <textarea
          class="ds-input"
          id="comment-body"
          name="body"
          rows="3"
          required
          maxlength="4000"
        ></textarea>
      </div>
      <button class="ds-button" data-variant="secondary" type="submit">Lagre merknad</button>
    </form>
  </section>`;
}
