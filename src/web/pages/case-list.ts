import type { CaseListItem } from '../../review/case-index.ts';
import type { SessionUser } from '../../review/review-store.ts';
import { html, type SafeHtml } from '../html.ts';
import { PAGE_SIZE, queryString, type CaseQuery } from '../case-query.ts';
import {
  caseStatusWord,
  countWord,
  findingTitle,
  formatAmount,
  formatDate,
  formatNumber,
  schemeWord,
} from '../words.ts';

export type Schemes = ReadonlyArray<{ id: string; name: string }>;

const STATUS_COLOR: Record<string, string> = {
  new: 'info',
  'in-progress': 'accent',
  'awaiting-approval': 'warning',
  'awaiting-municipality': 'warning',
  ready: 'success',
  done: 'neutral',
  accepted: 'neutral',
};

/** A case's state in words: the status, who has it, and what it waits for. */
export function statusCell(item: CaseListItem): SafeHtml {
  return html`<span class="ds-tag" data-color="${STATUS_COLOR[item.effectiveStatus] ?? 'neutral'}"
      >${caseStatusWord(item.effectiveStatus)}</span
    >
    ${item.assignee && item.effectiveStatus !== 'done' ? html`<br /><small>Tatt av ${item.assignee}</small>` : ''}
    ${
      item.replyOverdue
        ? html`<br /><small class="app-overdue">Svarfristen gikk ut ${formatDate(item.replyBy)}</small>`
        : item.effectiveStatus === 'awaiting-municipality' && item.replyBy
          ? html`<br /><small>Svarfrist ${formatDate(item.replyBy)}</small>`
          : ''
    }
    ${
      item.pendingApprovals > 0 && item.effectiveStatus !== 'awaiting-approval'
        ? html`<br /><small
              >${countWord(item.pendingApprovals, 'avgjørelse', 'avgjørelser')} venter på godkjenning</small
            >`
        : ''
    }`;
}

/**
 * The cases as a table (cards under 768 px), with a checkbox per row when `selectable` (the bulk
 * form around it names the checkboxes `ids`).
 */
export function caseTable(
  items: CaseListItem[],
  schemes: Schemes,
  options: { selectable: boolean; caption: string },
): SafeHtml {
  return html`<div class="app-table-scroll" tabindex="0" role="region" aria-label="${options.caption}">
    <table class="ds-table app-cards app-case-table" data-border>
      <caption class="ds-sr-only">
        ${options.caption}
      </caption>
      <thead>
        <tr>
          ${options.selectable ? html`<th scope="col"><span class="ds-sr-only">Velg</span></th>` : ''}
          <th scope="col">Søker</th>
          <th scope="col">Ordning</th>
          <th scope="col">År</th>
          <th scope="col">Status</th>
          <th scope="col">Åpne funn</th>
          <th scope="col">Søkt beløp</th>
          <th scope="col">Behandlingsfrist</th>
          <th scope="col">Mottatt</th>
        </tr>
      </thead>
      <tbody>
        ${items.map((item) => {
          const name = item.applicant ?? item.source;
          return html`<tr data-case="${item.submissionId}">
            ${
              options.selectable
                ? html`<td data-label="">
                    <input
                      class="ds-input"
                      type="checkbox"
                      name="ids"
                      value="${item.submissionId}"
                      id="pick-${item.submissionId}"
                      aria-label="Velg ${name}"
                    />
                  </td>`
                : ''
            }
            <td data-label="">
              <a class="ds-link" href="/submissions/${item.submissionId}">${name}</a><br /><small
                >${item.source}</small
              >
              ${
                item.duplicateOf
                  ? html`<br /><small
                        >Har dokumenter fra
                        <a class="ds-link" href="/submissions/${item.duplicateOf}"
                          >en annen innsending</a
                        ></small
                      >`
                  : ''
              }
            </td>
            <td data-label="Ordning">${schemeWord(item.scheme, schemes)}</td>
            <td data-label="År">${item.year ?? '–'}</td>
            <td data-label="Status">${statusCell(item)}</td>
            <td data-label="Åpne funn">
              ${item.openCodes.length === 0 ? '–' : ''}
              <ul class="ds-list--unstyled app-codes">
                ${item.openCodes.map((c) => html`<li>${findingTitle(c)}</li>`)}
              </ul>
            </td>
            <td data-label="Søkt beløp">${formatAmount(item.requestedAmount)}</td>
            <td data-label="Behandlingsfrist">
              ${formatDate(item.dueDate)}
              ${item.overdue ? html`<br /><span class="ds-tag" data-color="danger">Forfalt</span>` : ''}
            </td>
            <td data-label="Mottatt">
              ${item.sentDate ? html`Sendt ${formatDate(item.sentDate)}<br />` : ''}
              <small>Lastet inn ${formatDate(item.receivedAt)}</small>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

/** "Viser 51–100 av 5 000" and links to the pages before and after, keeping the filter. */
export function pager(path: string, query: CaseQuery, total: number): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  if (total <= PAGE_SIZE) return html``;
  return html`<nav class="app-pager" aria-label="Sider">
    <p class="ds-paragraph">
      Viser ${formatNumber(first)}–${formatNumber(last)} av ${formatNumber(total)} · side ${page} av ${pages}
    </p>
    <ul class="ds-list--unstyled app-pager-links">
      ${page > 1 ? html`<li><a class="ds-link" href="${path}${queryString(query, 1)}">Første</a></li>` : ''}
      ${
        page > 1
          ? html`<li>
              <a class="ds-link" rel="prev" href="${path}${queryString(query, page - 1)}">Forrige</a>
            </li>`
          : ''
      }
      ${
        page < pages
          ? html`<li>
              <a class="ds-link" rel="next" href="${path}${queryString(query, page + 1)}">Neste</a>
            </li>`
          : ''
      }
      ${page < pages ? html`<li><a class="ds-link" href="${path}${queryString(query, pages)}">Siste</a></li>` : ''}
    </ul>
  </nav>`;
}

/** The hidden CSRF field of a form. */
export const csrfField = (user: SessionUser): SafeHtml =>
  html`<input type="hidden" name="_csrf" value="${user.csrfToken}" />`;
