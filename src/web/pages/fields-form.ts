import { CORRECTABLE_FIELDS, recordValue, type CorrectableField } from '../../review/corrections.ts';
import type { SubmissionView } from '../../review/review-service.ts';
import { fieldName as ruleFieldName } from '../../rules/field-names.ts';
import { html, type SafeHtml } from '../html.ts';
import type { EvidenceTarget } from './document-viewer.ts';
import { evidenceButton } from './finding-card.ts';

/** Field names as a case officer reads them. */
export const fieldName = (field: string) =>
  field === 'scheme' ? 'tilskuddsordning' : field === 'year' ? 'år' : ruleFieldName(field);

export function fieldsTable(
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
