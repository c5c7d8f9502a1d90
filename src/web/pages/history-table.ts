import type { AuditRow } from '../../review/review-store.ts';
import { html, type SafeHtml } from '../html.ts';
import { fieldName } from './fields-form.ts';
import { formatDateTime } from './layout.ts';

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
            <td>${ACTION_LABEL[h.action] ?? h.action}</td>
            <td>${historyDetails(h.details)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
