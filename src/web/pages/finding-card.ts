import type { ReviewFinding } from '../../review/review-service.ts';
import type { SessionUser } from '../../review/review-store.ts';
import type { RuleSource } from '../../review/rule-source.ts';
import { html, type SafeHtml } from '../html.ts';
import { findingTitle, formatDateTime, resolutionWord } from '../words.ts';
import type { EvidenceTarget } from './document-viewer.ts';
import { severityTag } from './layout.ts';

export const RESOLUTION_LABEL = {
  accepted: resolutionWord('accepted', true),
  waived: resolutionWord('waived', true),
  rejected: resolutionWord('rejected', true),
} as const;

/** A finding as the case page shows it: with the sources of the rule that raised it, when resolved. */
export type CardFinding = ReviewFinding & { ruleSources?: RuleSource[] };

/** "Regelverket: «…»" under a finding, with where the quote is from; the check's own rule otherwise. */
export function ruleSourceLines(sources: readonly RuleSource[]): SafeHtml {
  return html`${sources.map((s) =>
    s.kind === 'check'
      ? html`<p class="ds-paragraph app-rule-source" data-size="sm">Kontrollens regel: ${s.text}</p>`
      : html`<p class="ds-paragraph app-rule-source" data-size="sm">
          Regelverket: «${s.quote}»<br />
          <span class="app-rule-origin"
            >Kilde:
            ${
              s.url
                ? html`<a class="ds-link" href="${s.url}" rel="noopener noreferrer" target="_blank"
                    >${s.schemeName}, offentlig side<span class="ds-sr-only"> (åpnes i ny fane)</span></a
                  >`
                : s.public
                  ? `${s.public} (offentlig)`
                  : `ordningens dokumenter for «${s.schemeName}»${s.seed ? ` (dokument ${s.seed.slice(0, 3)})` : ''}`
            }${s.reading ? ' – regelen er en tolkning av et dokument med uklart oppsett' : ''}</span
          >
        </p>`,
  )}`;
}

export const evidenceButton = (target: EvidenceTarget | null, label: string): SafeHtml =>
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

export function findingCard(
  f: CardFinding,
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
      ${severityTag(f.severity)} ${findingTitle(f.code)}
      <small class="app-code"><code>${f.code}</code></small>
    </h3>
    <p class="ds-paragraph">${f.message}</p>
    ${ruleSourceLines(f.ruleSources ?? [])}
    ${
      f.evidence
        ? html`<p class="ds-paragraph" data-size="sm">
            I dokumentet:
            ${f.evidence.path}${f.evidence.page ? `, side ${f.evidence.page}` : ''}${f.evidence.cell ? `, ${f.evidence.sheet ?? ''}!${f.evidence.cell}` : ''}:
            «${f.evidence.text}»
          </p>`
        : ''
    }
    ${evidenceButton(target, findingTitle(f.code))} ${decision} ${form}
  </article>`;
}
