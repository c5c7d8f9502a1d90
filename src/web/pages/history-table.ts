import { isCorrectableField } from '../../review/corrections.ts';
import type { AuditRow } from '../../review/review-store.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  actionWord,
  caseStatusWord,
  findingTitle,
  formatDate,
  formatDateTime,
  resolutionWord,
} from '../words.ts';
import { displayValue, fieldName } from './fields-form.ts';

const RECORD_STATUS: Record<string, string> = {
  'needs-review': 'trenger kontroll',
  accepted: 'godkjent av kontrollen',
};

const show = (v: unknown) =>
  v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v);

/** A value before or after a change, in the field's format when the row names a correctable field. */
function valueWord(details: Record<string, unknown>, v: unknown): string {
  const field = typeof details.field === 'string' ? details.field : null;
  if (field && isCorrectableField(field) && (typeof v === 'string' || typeof v === 'number'))
    return displayValue(field, v);
  // A decision changed: its Norwegian word ("frafalt"), not the stored one.
  if ('finding' in details && typeof v === 'string') return resolutionWord(v);
  return show(v);
}

/** A code as its title, the code beside it small, as on the finding cards. */
const codeLabel = (code: unknown): SafeHtml =>
  html`${findingTitle(String(code))} <small class="app-code"><code>${String(code)}</code></small>`;

/** What a case history row's details say, in Norwegian words and the fields' formats. */
export function historyDetails(details: Record<string, unknown> | null): SafeHtml {
  if (!details) return html``;
  const parts: SafeHtml[] = [];
  if ('field' in details) parts.push(html`${fieldName(String(details.field))}: `);
  if ('finding' in details) parts.push(html`${codeLabel(details.code)}: `);
  const message = (v: unknown) =>
    v && typeof v === 'object' && 'message' in v ? String((v as { message: unknown }).message) : show(v);
  if (typeof details.why === 'string') {
    // A lapsed decision: what it was, why it no longer counts, and the finding before and now.
    parts.push(
      html`${resolutionWord(show(details.resolution))} av ${show(details.decidedBy)}. ${details.why}<br />
        Før: «${message(details.before)}»<br />Nå: «${message(details.after)}»`,
    );
  } else if ('before' in details || 'after' in details) {
    parts.push(html`${valueWord(details, details.before)} → ${valueWord(details, details.after)}`);
  }
  if ('decision' in details && 'decidedBy' in details)
    parts.push(html`${resolutionWord(show(details.decision))} av ${show(details.decidedBy)}`);
  if ('document' in details) parts.push(html`${show(details.document)}`);
  if (typeof details.replyBy === 'string') parts.push(html`, svarfrist ${formatDate(details.replyBy)}`);
  if (Array.isArray(details.removed) && details.removed.length > 0)
    parts.push(
      html`<br />Fjernet: ${details.removed.map((c, i) => html`${i > 0 ? ', ' : ''}${codeLabel(c)}`)}`,
    );
  if ('status' in details && typeof details.status === 'string')
    parts.push(html`status: ${RECORD_STATUS[details.status] ?? caseStatusWord(details.status)}`);
  if (details.status && typeof details.status === 'object') {
    const st = details.status as { before?: unknown; after?: unknown };
    if (st.before !== st.after)
      parts.push(
        html`<br />Status: ${RECORD_STATUS[String(st.before)] ?? show(st.before)} →
          ${RECORD_STATUS[String(st.after)] ?? show(st.after)}`,
      );
  }
  if (details.reason) parts.push(html`<br />Begrunnelse: «${show(details.reason)}»`);
  return html`${parts}`;
}

export function historyTable(history: AuditRow[]): SafeHtml {
  return html`<table class="ds-table app-history" data-border>
    <thead>
      <tr>
        <th scope="col">Tid</th>
        <th scope="col">Hvem</th>
        <th scope="col">Hva</th>
        <th scope="col">Detaljer</th>
      </tr>
    </thead>
    <tbody>
      ${history.map(
        (h) =>
          html`<tr>
            <td>${formatDateTime(h.at)}</td>
            <td>${h.actor}</td>
            <td>${actionWord(h.action)}</td>
            <td>${historyDetails(h.details)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
