import {
  CORRECTABLE_FIELDS,
  isCorrectableField,
  parseCorrection,
  recordValue,
  type CorrectableField,
  type FieldValue,
} from '../../review/corrections.ts';
import type { SubmissionView } from '../../review/review-service.ts';
import { isSchemeFile } from '../../review/rule-source.ts';
import { FIELDS, type FieldValueType } from '../../domain/fields.ts';
import { fieldName as ruleFieldName } from '../../rules/field-names.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatAmount, formatDate, formatPositions, schemeWord } from '../words.ts';
import type { EvidenceTarget } from './document-viewer.ts';
import { evidenceButton } from './finding-card.ts';

/** Field names as a case officer reads them. */
export const fieldName = (field: string) =>
  field === 'scheme' ? 'tilskuddsordning' : field === 'year' ? 'år' : ruleFieldName(field);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A correction the server refused, carried back to the form so the error stands by its field. */
export interface FieldError {
  field: CorrectableField;
  message: string;
  /** What the reviewer typed, so it is not lost. */
  value: string;
  reason: string;
}

/** What the case page may add to the view for the form: a refused correction and the scheme names. */
export interface FieldsFormExtras {
  fieldError?: FieldError | null;
  schemes?: ReadonlyArray<{ id: string; name: string }>;
}

/** The expected format beside each kind of field, from the field registry's value type. */
const HINTS: Record<FieldValueType, string> = {
  money: 'Beløp i hele kroner, f.eks. 1 250 000',
  positions: 'Antall årsverk, desimaltall med komma, f.eks. 2,5',
  year: 'Årstall, åååå, f.eks. 2024',
  grantYear: 'Skriv «forprosjekt» eller et tall fra 1 til 4, f.eks. 2',
  date: 'Dato, dd.mm.åååå, f.eks. 01.03.2024',
  name: 'Navnet slik det står i dokumentet, f.eks. Narvik kommune',
  org: '9 siffer, f.eks. 959469059',
  municipalityNumber: '4 siffer, f.eks. 1806',
  text: 'Tekst',
};

/** What a value of the type is, in the error message ("kan ikke leses som et beløp"). */
const WHAT: Record<FieldValueType, string> = {
  money: 'et beløp',
  positions: 'et antall årsverk',
  year: 'et årstall',
  grantYear: 'et år i tilskuddsperioden',
  date: 'en dato',
  name: 'et navn',
  org: 'et organisasjonsnummer',
  municipalityNumber: 'et kommunenummer',
  text: 'en gyldig verdi',
};

const typeOf = (field: CorrectableField): FieldValueType => FIELDS[field].type;

type Schemes = ReadonlyArray<{ id: string; name: string }>;

/** The hint for a field; the scheme's priorities and the loaded schemes where the field takes one of them. */
export function fieldHint(
  field: CorrectableField,
  schemes: Schemes = [],
  schemeId: string | null = null,
): string {
  if (field === 'scheme')
    return schemes.length > 0
      ? 'Velg ordningen fra listen'
      : 'Ordningens kortnavn, f.eks. kommunalt-rusarbeid';
  if (field === 'priority') {
    const scheme = schemes.find((s) => s.id === schemeId);
    const names = scheme && isSchemeFile(scheme) ? scheme.priorities.map((p) => p.name) : [];
    return names.length > 0
      ? `Ett av: ${names.join(', ')}`
      : 'Tiltaket slik ordningen kaller det, f.eks. FACT-ung';
  }
  return HINTS[typeOf(field)];
}

/** A value as the page shows it: amounts in kroner, positions with a comma, dates dd.mm.åååå. */
export function displayValue(
  field: CorrectableField,
  value: FieldValue | null,
  schemes: Schemes = [],
): string {
  if (value === null || value === '') return '–';
  switch (typeOf(field)) {
    case 'money':
      return formatAmount(Number(value));
    case 'positions':
      return formatPositions(Number(value));
    case 'date':
      return formatDate(String(value));
    case 'grantYear':
      return Number(value) === 0 ? 'forprosjekt' : `år ${value}`;
    default:
      return field === 'scheme' ? schemeWord(String(value), schemes) : String(value);
  }
}

/** A value before or after a correction, in its field's format (any stored value, any field). */
export function correctionValue(field: string, value: unknown): string {
  if (isCorrectableField(field) && (typeof value === 'string' || typeof value === 'number' || value === null))
    return displayValue(field, value);
  return value === undefined ? '–' : JSON.stringify(value);
}

/** A value as it goes into the correction field: what the field reads back as the same value. */
export function editableValue(field: CorrectableField, value: FieldValue | null): string {
  if (value === null) return '';
  switch (typeOf(field)) {
    case 'money':
      return displayValue(field, value).replace(/\u00a0kr$/, '');
    case 'positions':
    case 'date':
    case 'grantYear':
      return displayValue(field, value);
    default:
      return String(value);
  }
}

/**
 * Why a typed correction cannot be used, naming the field and the format it expects; null when it
 * reads as a value. The review service checks again: this is for the message beside the field.
 */
export function correctionProblem(field: string, raw: string): string | null {
  if (!isCorrectableField(field)) return null;
  if (raw.trim() === '') return `${capitalise(fieldName(field))} mangler. ${fieldHint(field)}.`;
  if (parseCorrection(field, raw) !== null) return null;
  const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  return `${capitalise(fieldName(field))}: «${shown}» kan ikke leses som ${WHAT[typeOf(field)]}. ${fieldHint(field)}.`;
}

/** The query string that takes a refused correction back to its form (the message goes as a signed notice). */
export function fieldErrorQuery(field: string, value: string, reason: string): string {
  if (!isCorrectableField(field)) return '';
  const params = new URLSearchParams({ field, value: value.slice(0, 500), reason: reason.slice(0, 500) });
  return `&${params.toString()}`;
}

/** The refused correction a page's address carries, when its notice (signed by the server) is an error. */
export function fieldErrorOf(
  query: Record<string, unknown> | undefined,
  notice: { kind: string; text: string } | null | undefined,
): FieldError | null {
  const field = query?.field;
  if (!notice || notice.kind !== 'danger' || typeof field !== 'string' || !isCorrectableField(field))
    return null;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 500) : '');
  return { field, message: notice.text, value: text(query?.value), reason: text(query?.reason) };
}

/**
 * The anchor of a field's correction form, for links and the redirect after a refused correction;
 * only letters, digits, _ and - (it goes into a Location header, whatever field name was posted).
 */
export const correctionAnchor = (field: string) =>
  `rett-${field.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 80)}`;

function valueInput(
  field: CorrectableField,
  id: string,
  value: string,
  describedBy: string,
  invalid: boolean,
  schemes: Schemes,
): SafeHtml {
  const type = typeOf(field);
  const common = html`id="${id}-value" name="value" aria-describedby="${describedBy}"
  ${invalid ? html`aria-invalid="true" autofocus` : ''} required`;
  if (field === 'scheme' && schemes.length > 0) {
    const known = schemes.some((s) => s.id === value);
    return html`<select class="ds-input" ${common}>
      ${known ? '' : html`<option value="${value}" selected>${value || 'Velg ordning'}</option>`}
      ${schemes.map(
        (s) => html`<option value="${s.id}" ${s.id === value ? html`selected` : ''}>${s.name}</option>`,
      )}
    </select>`;
  }
  const inputmode =
    type === 'money' || type === 'org' || type === 'year' || type === 'municipalityNumber'
      ? 'numeric'
      : type === 'positions'
        ? 'decimal'
        : null;
  return html`<input
    class="ds-input"
    ${common}
    value="${value}"
    autocomplete="off"
    ${inputmode ? html`inputmode="${inputmode}"` : ''}
  />`;
}

export function fieldsTable(
  view: SubmissionView & FieldsFormExtras,
  evidence: Map<string, EvidenceTarget | null>,
  base: string,
  csrf: SafeHtml,
): SafeHtml {
  const fields = Object.keys(CORRECTABLE_FIELDS) as CorrectableField[];
  const schemes = view.schemes ?? [];
  const error = view.fieldError ?? null;
  return html`<table class="ds-table app-fields" data-border data-size="sm">
    <thead>
      <tr>
        <th scope="col">Felt</th>
        <th scope="col">Verdi</th>
      </tr>
    </thead>
    <tbody>
      ${fields.map((field) => {
        const value = recordValue(view.record, field);
        const id = `field-${field.replace('.', '-')}`;
        const failed = error?.field === field ? error : null;
        const describedBy = failed ? `${id}-hint ${id}-error` : `${id}-hint`;
        return html`<tr>
            <th scope="row">${capitalise(fieldName(field))}</th>
            <td>
              <span data-field-value="${field}">${displayValue(field, value, schemes)}</span>
              ${evidenceButton(evidence.get(field) ?? null, fieldName(field))}
            </td>
          </tr>
          <tr class="app-correct-row">
            <td colspan="2">
              <details class="ds-details" id="${correctionAnchor(field)}" ${failed ? html`open` : ''}>
                <summary>Rett<span class="ds-sr-only"> ${fieldName(field)}</span></summary>
                <form method="post" action="${base}/fields" class="app-form app-correct-form">
                  ${csrf}<input type="hidden" name="field" value="${field}" />
                  <div class="ds-field">
                    <label class="ds-label" for="${id}-value">Ny verdi for ${fieldName(field)}</label>
                    <p class="ds-paragraph" data-field="description" data-size="sm" id="${id}-hint">
                      ${fieldHint(field, schemes, view.record.scheme)}
                    </p>
                    ${valueInput(
                      field,
                      id,
                      failed ? failed.value : editableValue(field, value),
                      describedBy,
                      failed !== null,
                      schemes,
                    )}
                    ${
                      failed
                        ? html`<p class="ds-validation-message" data-field="validation" id="${id}-error">
                            ${failed.message}
                          </p>`
                        : ''
                    }
                  </div>
                  <div class="ds-field">
                    <label class="ds-label" for="${id}-reason">Begrunnelse</label>
                    <input
                      class="ds-input"
                      id="${id}-reason"
                      name="reason"
                      value="${failed?.reason ?? ''}"
                      required
                    />
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
