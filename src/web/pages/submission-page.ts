import type { SubmissionView } from '../../review/review-service.ts';
import type { SessionUser } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { documentArea, type DocumentView, type EvidenceTarget } from './document-viewer.ts';
import { fieldName, fieldsTable } from './fields-form.ts';
import { findingCard } from './finding-card.ts';
import { historyTable } from './history-table.ts';
import { layout, type PageOptions } from './layout.ts';

export type { DocumentView, EvidenceTarget };

export function submissionPage(
  user: SessionUser,
  view: SubmissionView,
  documents: DocumentView[],
  fieldEvidence: Map<string, EvidenceTarget | null>,
  findingEvidence: Map<string, EvidenceTarget | null>,
  notice: PageOptions['notice'] = null,
): string {
  const { record } = view;
  const csrf = html`<input type="hidden" name="_csrf" value="${user.csrfToken}" />`;
  const base = `/submissions/${record.id}`;
  const claim = view.claimedBy
    ? html`<p class="ds-paragraph">
        Tatt av <strong>${view.claimedBy.name}</strong>.
        ${
          view.claimedBy.userId === user.id || user.role === 'admin'
            ? html`<form method="post" action="${base}/release" class="app-inline">
                ${csrf}<button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                  Frigi
                </button>
              </form>`
            : ''
        }
      </p>`
    : html`<form method="post" action="${base}/claim" class="app-inline">
        ${csrf}<button class="ds-button" data-variant="secondary" type="submit">Ta saken</button>
      </form>`;
  const body = html`<p class="ds-paragraph"><a class="ds-link" href="/queue">← Tilbake til arbeidskøen</a></p>
    <h1 class="ds-heading" data-size="lg">${record.applicant.name ?? record.source}</h1>
    <p class="ds-paragraph">
      ${record.source} · ${record.scheme ?? 'ukjent ordning'} · ${record.year ?? 'ukjent år'} ·
      ${record.kind === 'report' ? 'rapport' : 'søknad'} · status:
      <strong id="status"
        >${view.done ? 'ferdig behandlet' : record.status === 'needs-review' ? 'trenger kontroll' : 'godkjent av kontrollen'}</strong
      >
    </p>
    ${claim}
    <p id="highlight-status" class="ds-sr-only" aria-live="polite"></p>
    <div class="app-split">
      ${documentArea(record.id, documents)}
      <div class="app-side">
        <section aria-labelledby="findings-heading">
          <h2 id="findings-heading" class="ds-heading" data-size="md">Funn</h2>
          ${view.findings.length === 0 ? html`<p class="ds-paragraph">Ingen funn.</p>` : ''}
          ${view.findings.map((f, i) => findingCard(f, i, findingEvidence.get(f.key) ?? null, base, csrf, user))}
        </section>
        <section aria-labelledby="fields-heading">
          <h2 id="fields-heading" class="ds-heading" data-size="md">Felter</h2>
          ${fieldsTable(view, fieldEvidence, base, csrf)}
        </section>
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading" class="ds-heading" data-size="md">Saksbehandling</h2>
          ${view.pendingCorrections.map(
            (c) =>
              html`<div class="ds-alert" data-color="warning">
                <p class="ds-paragraph">
                  ${c.by} rettet ${fieldName(c.field)} (${JSON.stringify(c.before)} →
                  ${JSON.stringify(c.after)}), og da forsvant
                  ${c.removedFindings.map((f) => f.code).join(', ')}: «${c.reason}». En annen person må
                  godkjenne rettingen før saken kan merkes som ferdig.
                </p>
                ${
                  c.byId !== user.id && !view.done
                    ? html`<form
                        method="post"
                        action="${base}/corrections/${c.id}/approve"
                        class="app-inline"
                      >
                        ${csrf}<button
                          class="ds-button"
                          data-variant="secondary"
                          data-size="sm"
                          type="submit"
                        >
                          Godkjenn rettingen
                        </button>
                      </form>`
                    : ''
                }
              </div>`,
          )}
          <form method="post" action="${base}/document-requests" class="app-form">
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
            <button class="ds-button" data-variant="secondary" type="submit">Send forespørsel</button>
          </form>
          ${
            view.done
              ? html`<p class="ds-paragraph">Innsendingen er ferdig behandlet og låst.</p>
                  <form method="post" action="${base}/reopen" class="app-form">
                    ${csrf}
                    <div class="ds-field">
                      <label class="ds-label" for="reopen-reason">Begrunnelse for å gjenåpne</label>
                      <textarea
                        class="ds-input"
                        id="reopen-reason"
                        name="reason"
                        rows="2"
                        required
                      ></textarea>
                    </div>
                    <button class="ds-button" data-variant="secondary" type="submit">Gjenåpne</button>
                  </form>`
              : html`<form method="post" action="${base}/done" class="app-form">
                  ${csrf}
                  <div class="ds-field">
                    <label class="ds-label" for="done-comment">Kommentar (valgfri)</label>
                    <input class="ds-input" id="done-comment" name="comment" />
                  </div>
                  <button class="ds-button" data-variant="primary" type="submit">Merk som ferdig</button>
                </form>`
          }
        </section>
      </div>
    </div>
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" class="ds-heading" data-size="md">Historikk</h2>
      ${historyTable(view.history)}
    </section>`;
  return layout({ title: record.applicant.name ?? record.source, user, notice }, body);
}
