import type { Sheet, TextPage } from '../../domain/document.ts';
import type { RecordEvidence } from '../../domain/record.ts';
import { CORRECTABLE_FIELDS, recordValue, type CorrectableField } from '../../review/corrections.ts';
import type { ReviewFinding, SubmissionView } from '../../review/review-service.ts';
import type { SessionUser } from '../../review/review-store.ts';
import { fieldName as ruleFieldName } from '../../rules/field-names.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatDateTime, layout, severityTag, type PageOptions } from './layout.ts';

/** A document as the page shows it: page images (PDF, images), a sheet's cells, or its text. */
export interface DocumentView {
  position: number;
  path: string;
  type: string;
  /** Page images with the size evidence boxes are measured in; null when it has none. */
  pages: Array<{ page: number; width: number | null; height: number | null }> | null;
  sheets: Sheet[];
  text: TextPage[];
  failure: string | null;
}

/** Evidence resolved to a place in the shown documents (what the page's script highlights). */
export interface EvidenceTarget {
  doc: number;
  page: number | null;
  box: RecordEvidence['box'] | null;
  sheet: string | null;
  cell: string | null;
  text: string;
}

/** Field names as a case officer reads them. */
const fieldName = (field: string) =>
  field === 'scheme' ? 'tilskuddsordning' : field === 'year' ? 'år' : ruleFieldName(field);

const RESOLUTION_LABEL = { accepted: 'Godtatt', waived: 'Frafalt', rejected: 'Avvist' } as const;
const ACTION_LABEL: Record<string, string> = {
  uploaded: 'Lastet opp',
  processed: 'Kontrollert av systemet',
  claimed: 'Tatt',
  released: 'Frigitt',
  'field-corrected': 'Felt rettet',
  'finding-resolved': 'Funn avgjort',
  'waiver-approved': 'Frafall godkjent',
  'decision-approved': 'Avgjørelse godkjent av en annen',
  'resolution-lapsed': 'Avgjørelse bortfalt',
  'correction-approved': 'Retting godkjent av en annen',
  'document-requested': 'Dokument etterspurt',
  'marked-done': 'Ferdig behandlet',
  reopened: 'Gjenåpnet',
};

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
      <section aria-labelledby="docs-heading" class="app-documents">
        <h2 id="docs-heading" class="ds-heading" data-size="md">Dokumenter</h2>
        ${documents.map(documentSection(record.id))}
      </section>
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
      <table class="ds-table app-history" data-border>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Hvem</th>
            <th scope="col">Hva</th>
            <th scope="col">Detaljer</th>
          </tr>
        </thead>
        <tbody>
          ${view.history.map(
            (h) =>
              html`<tr>
                <td>${formatDateTime(h.at)}</td>
                <td>${h.actor}</td>
                <td>${ACTION_LABEL[h.action] ?? h.action}</td>
                <td>${historyDetails(h.details)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  return layout({ title: record.applicant.name ?? record.source, user, notice }, body);
}

function historyDetails(details: Record<string, unknown> | null): SafeHtml {
  if (!details) return html``;
  const show = (v: unknown) =>
    v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v);
  const parts: SafeHtml[] = [];
  if ('field' in details) parts.push(html`${fieldName(String(details.field))}: `);
  if ('finding' in details) parts.push(html`${show(details.code)}: `);
  const message = (v: unknown) =>
    v && typeof v === 'object' && 'message' in v ? String((v as { message: unknown }).message) : show(v);
  if (typeof details.why === 'string') {
    // A lapsed decision: what it was, why it no longer counts, and the finding before and now.
    parts.push(
      html`${show(details.resolution)} av ${show(details.decidedBy)}. ${details.why}<br />
        Før: «${message(details.before)}»<br />Nå: «${message(details.after)}»`,
    );
  } else if ('before' in details || 'after' in details) {
    parts.push(html`${show(details.before)} → ${show(details.after)}`);
  }
  if ('decision' in details && 'decidedBy' in details)
    parts.push(html`${show(details.decision)} av ${show(details.decidedBy)}`);
  if ('document' in details) parts.push(html`${show(details.document)}`);
  if ('status' in details && typeof details.status === 'string') parts.push(html`status ${details.status}`);
  if (details.reason) parts.push(html`<br />Begrunnelse: «${show(details.reason)}»`);
  return html`${parts}`;
}

const evidenceButton = (target: EvidenceTarget | null, label: string): SafeHtml =>
  target
    ? html`<button
        class="ds-button"
        data-variant="tertiary"
        data-size="sm"
        type="button"
        data-evidence="${JSON.stringify(target)}"
      >
        Vis i dokumentet<span class="ds-sr-only">: ${label}</span>
      </button>`
    : html``;

function findingCard(
  f: ReviewFinding,
  index: number,
  target: EvidenceTarget | null,
  base: string,
  csrf: SafeHtml,
  user: SessionUser,
): SafeHtml {
  const id = `finding-${index}`;
  const r = f.resolution;
  const decision = r
    ? html`<p class="ds-paragraph" data-size="sm">
        <strong>${RESOLUTION_LABEL[r.resolution]}</strong> av ${r.by} (${formatDateTime(r.at)}): «${r.reason}»
        ${
          r.needsApproval && !r.approvedBy
            ? html`<br /><span class="ds-tag" data-color="warning"
                  >Venter på godkjenning fra en annen person</span
                >
                ${
                  r.byId !== user.id
                    ? html`<form
                        method="post"
                        action="${base}/resolutions/${r.id}/approve"
                        class="app-inline"
                      >
                        ${csrf}<button
                          class="ds-button"
                          data-variant="secondary"
                          data-size="sm"
                          type="submit"
                        >
                          Godkjenn avgjørelsen
                        </button>
                      </form>`
                    : ''
                }`
            : ''
        }
        ${r.approvedBy ? html`<br />Godkjent av ${r.approvedBy}` : ''}
        ${
          f.fourEyes && !r.needsApproval
            ? html`<br /><span class="ds-tag" data-color="warning"
                  >Tatt før fireøyneprinsippet gjaldt: avgjør funnet på nytt</span
                >`
            : ''
        }
      </p>`
    : f.lapsedResolution
      ? html`<p class="ds-paragraph" data-size="sm">
          <span class="ds-tag" data-color="warning">Avgjørelsen gjelder ikke lenger</span>
          ${RESOLUTION_LABEL[f.lapsedResolution.resolution]} av ${f.lapsedResolution.by} ble tatt på andre
          verdier enn funnet har nå. Funnet må avgjøres på nytt.
        </p>`
      : '';
  const form =
    f.severity === 'info'
      ? ''
      : html`<details class="ds-details" ${f.open ? html`open` : ''}>
          <summary>Avgjør funnet</summary>
          <form method="post" action="${base}/findings/resolve" class="app-form">
            ${csrf}<input type="hidden" name="key" value="${f.key}" />
            <fieldset class="ds-fieldset">
              <legend class="ds-label">
                Avgjørelse${f.fourEyes ? ' (må godkjennes av en annen person, uansett avgjørelse)' : ''}
              </legend>
              ${(['accepted', 'waived', 'rejected'] as const).map(
                (v) =>
                  html`<div class="ds-field">
                    <input
                      class="ds-input"
                      type="radio"
                      id="${id}-${v}"
                      name="resolution"
                      value="${v}"
                      required
                    />
                    <label class="ds-label" for="${id}-${v}">${RESOLUTION_LABEL[v]}</label>
                  </div>`,
              )}
            </fieldset>
            <div class="ds-field">
              <label class="ds-label" for="${id}-reason">Begrunnelse</label>
              <textarea class="ds-input" id="${id}-reason" name="reason" rows="2" required></textarea>
            </div>
            <button class="ds-button" data-variant="primary" data-size="sm" type="submit">
              Lagre avgjørelse
            </button>
          </form>
        </details>`;
  return html`<article class="ds-card app-finding" data-open="${f.open}" aria-labelledby="${id}-title">
    <h3 id="${id}-title" class="ds-heading" data-size="xs">
      ${severityTag(f.severity)} <code>${f.code}</code>
    </h3>
    <p class="ds-paragraph">${f.message}</p>
    ${
      f.evidence
        ? html`<p class="ds-paragraph" data-size="sm">
            Kilde:
            ${f.evidence.path}${f.evidence.page ? `, side ${f.evidence.page}` : ''}${f.evidence.cell ? `, ${f.evidence.sheet ?? ''}!${f.evidence.cell}` : ''}:
            «${f.evidence.text}»
          </p>`
        : ''
    }
    ${evidenceButton(target, f.code)} ${decision} ${form}
  </article>`;
}

function fieldsTable(
  view: SubmissionView,
  evidence: Map<string, EvidenceTarget | null>,
  base: string,
  csrf: SafeHtml,
): SafeHtml {
  const fields = Object.keys(CORRECTABLE_FIELDS) as CorrectableField[];
  return html`<table class="ds-table app-fields" data-border data-size="sm">
    <thead>
      <tr>
        <th scope="col">Felt</th>
        <th scope="col">Verdi</th>
        <th scope="col">Rett</th>
      </tr>
    </thead>
    <tbody>
      ${fields.map((field) => {
        const value = recordValue(view.record, field);
        const id = `field-${field.replace('.', '-')}`;
        return html`<tr>
          <th scope="row">${fieldName(field)}</th>
          <td>
            <span data-field-value="${field}">${value ?? '–'}</span>
            ${evidenceButton(evidence.get(field) ?? null, fieldName(field))}
          </td>
          <td>
            <details class="ds-details">
              <summary>Rett<span class="ds-sr-only"> ${fieldName(field)}</span></summary>
              <form method="post" action="${base}/fields" class="app-form">
                ${csrf}<input type="hidden" name="field" value="${field}" />
                <div class="ds-field">
                  <label class="ds-label" for="${id}-value">Ny verdi for ${fieldName(field)}</label>
                  <input class="ds-input" id="${id}-value" name="value" value="${value ?? ''}" required />
                </div>
                <div class="ds-field">
                  <label class="ds-label" for="${id}-reason">Begrunnelse</label>
                  <input class="ds-input" id="${id}-reason" name="reason" required />
                </div>
                <button class="ds-button" data-variant="primary" data-size="sm" type="submit">
                  Lagre og kontroller på nytt
                </button>
              </form>
            </details>
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

const documentSection = (submissionId: string) => (doc: DocumentView) => {
  const pages = doc.pages
    ? doc.pages.map(
        (p) =>
          html`<figure
            class="app-page"
            data-doc="${doc.position}"
            data-page="${p.page}"
            data-width="${p.width ?? ''}"
            data-height="${p.height ?? ''}"
          >
            <div class="app-page-image">
              <img
                src="/submissions/${submissionId}/documents/${doc.position}/pages/${p.page}"
                alt="${doc.path}, side ${p.page}"
                loading="lazy"
              />
              <div class="app-box" hidden></div>
            </div>
            <figcaption>Side ${p.page}</figcaption>
          </figure>`,
      )
    : '';
  const sheets = doc.sheets.map((sheet) => sheetTable(doc.position, sheet));
  const text =
    !doc.pages && doc.sheets.length === 0
      ? doc.text.map(
          (p) =>
            html`<figure class="app-text-page" data-doc="${doc.position}" data-page="${p.page}">
              <pre>${p.text}</pre>
              <figcaption>Side ${p.page}</figcaption>
            </figure>`,
        )
      : '';
  return html`<section class="app-document" data-doc="${doc.position}" aria-label="${doc.path}">
    <h3 class="ds-heading" data-size="xs">${doc.path} <small>(${doc.type})</small></h3>
    ${doc.failure ? html`<div class="ds-alert" data-color="danger"><p>${doc.failure}</p></div>` : ''} ${pages}
    ${sheets} ${text}
  </section>`;
};

/** A sheet's cells as a table (first 200 rows), each cell findable by its reference. */
function sheetTable(doc: number, sheet: Sheet): SafeHtml {
  const cells = sheet.cells.filter((c) => c.row <= 200);
  const maxCol = Math.min(30, Math.max(0, ...cells.map((c) => c.col)));
  const byRow = new Map<number, Map<number, (typeof cells)[number]>>();
  for (const c of cells) {
    if (c.col > maxCol) continue;
    const row = byRow.get(c.row) ?? new Map();
    row.set(c.col, c);
    byRow.set(c.row, row);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  return html`<div class="app-sheet" data-doc="${doc}" data-sheet="${sheet.name}">
    <table class="ds-table" data-size="sm" data-border>
      <caption>
        Ark: ${sheet.name}
      </caption>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${r}</th>
              ${Array.from({ length: maxCol }, (_, i) => {
                const c = byRow.get(r)!.get(i + 1);
                return html`<td data-cell="${c?.ref ?? ''}">${c?.text ?? ''}</td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
