import type { BatchView, SessionUser } from '../../review/review-store.ts';
import { html } from '../html.ts';
import { formatSize, type UploadLimits } from '../uploads.ts';
import { formatDateTime } from '../words.ts';
import { layout, type PageOptions } from './layout.ts';

const NO_QUEUES = html`<div class="ds-alert" data-color="warning" role="status">
  <p class="ds-paragraph">
    Dette krever køene: start <code>intake serve</code> med <code>DATABASE_URL</code> (PostgreSQL) og Redis,
    og minst én <code>intake worker</code>.
  </p>
</div>`;

/** The queue dashboard's place when the queues are not configured. */
export function noQueuesPage(user: SessionUser): string {
  return layout(
    { title: 'Køer', user, path: '/admin/queues' },
    html`<h1 class="ds-heading" data-size="lg">Køer</h1>
      ${NO_QUEUES}`,
  );
}

/** The upload form; without queues it says what is missing instead. */
export function uploadPage(
  user: SessionUser,
  limits: UploadLimits | null,
  notice: PageOptions['notice'] = null,
): string {
  const body = limits
    ? html`<p class="ds-paragraph">
          Filene legges i køene og kontrolleres av køarbeiderne. Innsendinger med funn dukker opp i
          arbeidskøen etter hvert som de er ferdig kontrollert.
        </p>
        <form
          method="post"
          action="/upload"
          enctype="multipart/form-data"
          class="app-form app-narrow"
          data-upload-form
        >
          <input type="hidden" name="_csrf" value="${user.csrfToken}" />
          <fieldset class="ds-fieldset">
            <legend class="ds-label">Hva inneholder opplastingen?</legend>
            <div class="ds-field">
              <input class="ds-input" type="radio" id="up-one" name="layout" value="one" checked />
              <label class="ds-label" for="up-one"
                >Én innsending: alle filene hører til samme søknad eller rapport</label
              >
            </div>
            <div class="ds-field">
              <input class="ds-input" type="radio" id="up-many" name="layout" value="many" />
              <label class="ds-label" for="up-many"
                >Flere innsendinger: hver fil er en egen innsending, og et zip-arkiv kan ha én mappe per
                innsending</label
              >
            </div>
          </fieldset>
          <div class="ds-field">
            <label class="ds-label" for="up-name">Navn på innsendingen (for eksempel kommunen)</label>
            <p class="ds-paragraph" data-size="sm" id="up-name-hint">
              Brukes når alle filene er én innsending.
            </p>
            <input
              class="ds-input"
              id="up-name"
              name="name"
              maxlength="200"
              aria-describedby="up-name-hint"
            />
          </div>
          <div class="ds-field app-dropzone" data-dropzone>
            <label class="ds-label" for="up-files">Filer eller zip-arkiv</label>
            <p class="ds-paragraph" data-size="sm" id="up-files-hint">
              PDF, Excel, Word, tekst, bilder eller zip. Høyst ${limits.maxFiles} filer,
              ${formatSize(limits.maxFileBytes)} per fil og ${formatSize(limits.maxTotalBytes)} til sammen. Du
              kan også dra filene hit.
            </p>
            <input
              class="ds-input"
              type="file"
              id="up-files"
              name="files"
              multiple
              required
              aria-describedby="up-files-hint"
            />
            <ul class="app-file-list" id="up-file-list" aria-live="polite"></ul>
          </div>
          <button class="ds-button" data-variant="primary" type="submit">Last opp og legg i kø</button>
        </form>`
    : NO_QUEUES;
  return layout(
    { title: 'Last opp', user, path: '/upload', notice },
    html`<h1 class="ds-heading" data-size="lg">Last opp innsendinger</h1>
      ${body}`,
  );
}

/** Where a submission of an upload stands, for a reviewer. */
export const submissionStateLabel = (s: BatchView['submissions'][number]): string =>
  s.state === 'pending'
    ? 'venter på kontroll'
    : s.state === 'failed'
      ? `feilet: ${s.error ?? 'ukjent feil'}`
      : s.needsReview
        ? 'kontrollert, ligger i arbeidskøen'
        : 'kontrollert uten funn som må avgjøres';

/** How far a batch has come, as one sentence (the page's script says the same, see app.js). */
export const batchStatus = (b: BatchView): string =>
  b.pending === 0
    ? `Ferdig: ${b.done} av ${b.total} kontrollert${b.failed > 0 ? `, ${b.failed} feilet` : ''}.`
    : `${b.done + b.failed} av ${b.total} ferdig, ${b.pending} venter${b.failed > 0 ? ` (${b.failed} feilet)` : ''} …`;

/** An upload's progress; the page's script polls /api/batches/:id and updates it in place. */
export function batchPage(user: SessionUser, batch: BatchView, notice: PageOptions['notice'] = null): string {
  return layout(
    { title: 'Opplasting', user, path: '/upload', notice },
    html`<h1 class="ds-heading" data-size="lg">Opplasting ${formatDateTime(batch.createdAt)}</h1>
      <section
        class="app-batch"
        data-batch="${batch.id}"
        data-finished="${batch.pending === 0 ? 'true' : 'false'}"
        aria-labelledby="batch-heading"
      >
        <h2 class="ds-heading" data-size="sm" id="batch-heading">Fremdrift</h2>
        <p class="ds-paragraph" id="batch-status" role="status">${batchStatus(batch)}</p>
        <progress
          id="batch-progress"
          max="${Math.max(batch.total, 1)}"
          value="${batch.done + batch.failed}"
          aria-labelledby="batch-heading"
        ></progress>
        <ul class="app-batch-list" id="batch-list">
          ${batch.submissions.map(
            (s) =>
              html`<li>
                ${
                  s.state === 'done'
                    ? html`<a class="ds-link" href="/submissions/${s.id}">${s.applicant ?? s.source}</a>`
                    : html`<span>${s.source}</span>`
                }
                – <span>${submissionStateLabel(s)}</span>
              </li>`,
          )}
        </ul>
        <p class="ds-paragraph">
          <a class="ds-link" href="/uploads/${batch.id}">Oppdater</a> ·
          <a class="ds-link" href="/queue">Til arbeidskøen</a> ·
          <a class="ds-link" href="/upload">Last opp flere</a>
        </p>
      </section>`,
  );
}
