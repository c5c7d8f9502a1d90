import type { SubmissionView } from '../../review/review-service.ts';
import type { SessionUser } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { documentArea, type DocumentView, type EvidenceTarget } from './document-viewer.ts';
import { findingTitle } from '../words.ts';
import { correctionValue, fieldName, fieldsTable } from './fields-form.ts';
import { findingCard } from './finding-card.ts';
import { historyTable } from './history-table.ts';
import { caseHeader, commentsPanel, requestsPanel, type CaseWork } from './case-work-panel.ts';
import { layout, type PageOptions } from './layout.ts';

export type { DocumentView, EvidenceTarget };

export function submissionPage(
  user: SessionUser,
  view: SubmissionView,
  documents: DocumentView[],
  fieldEvidence: Map<string, EvidenceTarget | null>,
  findingEvidence: Map<string, EvidenceTarget | null>,
  notice: PageOptions['notice'] = null,
  work: CaseWork,
): string {
  const { record } = view;
  const csrf = html`<input type="hidden" name="_csrf" value="${user.csrfToken}" />`;
  const base = `/submissions/${record.id}`;
  const body = html`${caseHeader(user, view, work, csrf)}
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
                  ${c.by} rettet ${fieldName(c.field)} (${correctionValue(c.field, c.before)} →
                  ${correctionValue(c.field, c.after)}), og da forsvant
                  ${c.removedFindings.map((f) => findingTitle(f.code)).join(', ')}: «${c.reason}». En annen
                  person må godkjenne rettingen før saken kan merkes som ferdig.
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
          ${requestsPanel(view, work, csrf)}
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
    ${commentsPanel(view, work, csrf)}
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" class="ds-heading" data-size="md">Historikk</h2>
      ${historyTable(view.history)}
    </section>`;
  return layout({ title: record.applicant.name ?? record.source, user, notice }, body);
}
