import type { Sheet, TextPage } from '../../domain/document.ts';
import type { RecordEvidence } from '../../domain/record.ts';
import { html, type SafeHtml } from '../html.ts';

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

export const documentSection = (submissionId: string) => (doc: DocumentView) => {
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
