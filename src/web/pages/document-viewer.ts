import type { Sheet, TextPage } from '../../domain/document.ts';
import type { RecordEvidence } from '../../domain/record.ts';
import { html, type SafeHtml } from '../html.ts';
import { countWord, documentTypeWord } from '../words.ts';

/** A page image as the viewer shows it: its size (placeholder and evidence boxes) and its text. */
export interface PageView {
  page: number;
  /** The size evidence boxes are measured in (PDF points, image pixels); null when unknown. */
  width: number | null;
  height: number | null;
  /** A scanned page's OCR text, the image's text alternative; null for a text-layer page. */
  ocrText: string | null;
}

/** A document as the page shows it: page images (PDF, images), a sheet's cells, or its text. */
export interface DocumentView {
  position: number;
  path: string;
  type: string;
  /** Page images; null when it has none (not a paged format, or its file is not stored). */
  pages: PageView[] | null;
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

/** An A4 page in points: the placeholder's shape when a page's size is not known. */
const A4 = { width: 595, height: 842 };

/** The application (then a report) first, the rest in the order they came. */
const TYPE_ORDER: Record<string, number> = { application: 0, report: 1 };
const byViewerOrder = (a: { type: string; position: number }, b: { type: string; position: number }) =>
  (TYPE_ORDER[a.type] ?? 2) - (TYPE_ORDER[b.type] ?? 2) || a.position - b.position;
export const viewerOrder = <T extends { type: string; position: number }>(documents: T[]): T[] =>
  [...documents].sort(byViewerOrder);

const pageCountOf = (doc: DocumentView): number =>
  doc.pages?.length ?? (doc.sheets.length > 0 ? 0 : doc.text.length);

const pageId = (doc: number, page: number) => `doc-${doc}-side-${page}`;

/** A document's file name, without the submission's folder (zip members keep their zip's name). */
const fileName = (path: string): string => {
  const parts = path.split('/');
  const name = parts.pop()!;
  const parent = parts.pop();
  return parent && /\.zip$/i.test(parent) ? `${parent}/${name}` : name;
};

/**
 * The document area of a case page: a list of the documents (type, pages; the application first),
 * a jump to a page, and the documents in a scroll box of their own that a keyboard can reach.
 * Page images load as they come near (loading=lazy; the script loads an evidence's page at once),
 * each with a placeholder of the page's shape so nothing moves when it arrives.
 */
export function documentArea(submissionId: string, documents: DocumentView[]): SafeHtml {
  const ordered = viewerOrder(documents);
  const paged = ordered.filter((d) => pageCountOf(d) > 0);
  return html`<section aria-labelledby="docs-heading" class="app-documents">
    <h2 id="docs-heading" class="ds-heading" data-size="md">Dokumenter</h2>
    ${documents.length === 0 ? html`<p class="ds-paragraph">Ingen dokumenter.</p>` : ''}
    ${
      documents.length > 0
        ? html`<nav class="app-doc-index" aria-label="Dokumentene i innsendingen">
            <ol>
              ${ordered.map((d) => {
                const pages = pageCountOf(d);
                return html`<li>
                  <a class="ds-link" href="#doc-${d.position}">${fileName(d.path)}</a>
                  <span class="app-doc-meta"
                    >${documentTypeWord(d.type)}${pages > 0 ? html` · ${countWord(pages, 'side', 'sider')}` : ''}${
                      d.sheets.length > 0 ? html` · ${countWord(d.sheets.length, 'ark', 'ark')}` : ''
                    }</span
                  >
                </li>`;
              })}
            </ol>
          </nav>`
        : ''
    }
    ${
      paged.length > 0
        ? html`<form class="app-page-jump" data-page-jump hidden>
            ${
              paged.length > 1
                ? html`<div class="ds-field">
                    <label class="ds-label" for="jump-doc">Dokument</label>
                    <select class="ds-input" id="jump-doc" name="doc">
                      ${paged.map(
                        (d) =>
                          html`<option value="${d.position}" data-pages="${pageCountOf(d)}">
                            ${fileName(d.path)}
                          </option>`,
                      )}
                    </select>
                  </div>`
                : html`<input type="hidden" name="doc" value="${paged[0]!.position}" />`
            }
            <div class="ds-field">
              <label class="ds-label" for="jump-page">Gå til side</label>
              <input
                class="ds-input"
                id="jump-page"
                name="page"
                type="number"
                inputmode="numeric"
                min="1"
                max="${pageCountOf(paged[0]!)}"
                required
              />
            </div>
            <button class="ds-button" data-variant="secondary" type="submit">Vis siden</button>
          </form>`
        : ''
    }
    <div class="app-doc-scroll" id="doc-scroll" tabindex="0" role="region" aria-label="Dokumentvisning">
      ${ordered.map((d, i) => documentSection(submissionId, i === 0 ? EAGER_PAGES : 0)(d))}
    </div>
  </section>`;
}

/**
 * Pages of the first document asked for at once, not lazily: they are in view when the page opens,
 * and a lazy image waits for layout while an eager one is fetched as soon as the markup is read.
 */
const EAGER_PAGES = 2;

export const documentSection =
  (submissionId: string, eager = 0) =>
  (doc: DocumentView) => {
    const count = doc.pages?.length ?? 0;
    const pages = doc.pages
      ? doc.pages.map((p) => {
          const shape = p.width && p.height ? { width: p.width, height: p.height } : A4;
          return html`<figure
            class="app-page"
            id="${pageId(doc.position, p.page)}"
            tabindex="-1"
            data-doc="${doc.position}"
            data-page="${p.page}"
            data-width="${p.width ?? ''}"
            data-height="${p.height ?? ''}"
          >
            <div class="app-page-image">
              <img
                src="/submissions/${submissionId}/documents/${doc.position}/pages/${p.page}"
                alt="${fileName(doc.path)}, side ${p.page} av ${count}"
                width="${Math.round(shape.width)}"
                height="${Math.round(shape.height)}"
                loading="${p.page <= eager ? 'eager' : 'lazy'}"
                fetchpriority="${p.page === 1 && eager > 0 ? 'high' : 'auto'}"
                decoding="async"
              />
              <div class="app-box" hidden></div>
            </div>
            <figcaption>
              Side ${p.page} av ${count}
              ${
                p.ocrText
                  ? html`<details class="app-page-text">
                      <summary>Tekst fra siden (OCR)</summary>
                      <pre>${p.ocrText}</pre>
                    </details>`
                  : ''
              }
            </figcaption>
          </figure>`;
        })
      : '';
    const sheets = doc.sheets.map((sheet) => sheetTable(doc.position, sheet));
    const text =
      !doc.pages && doc.sheets.length === 0
        ? doc.text.map(
            (p) =>
              html`<figure
                class="app-text-page"
                id="${pageId(doc.position, p.page)}"
                tabindex="-1"
                data-doc="${doc.position}"
                data-page="${p.page}"
              >
                <pre>${p.text}</pre>
                <figcaption>Side ${p.page}</figcaption>
              </figure>`,
          )
        : '';
    return html`<section
      class="app-document"
      id="doc-${doc.position}"
      data-doc="${doc.position}"
      aria-labelledby="doc-${doc.position}-heading"
    >
      <h3 class="ds-heading" data-size="xs" id="doc-${doc.position}-heading">
        ${fileName(doc.path)} <small>(${documentTypeWord(doc.type)})</small>
      </h3>
      ${doc.failure ? html`<div class="ds-alert" data-color="danger"><p>${doc.failure}</p></div>` : ''}
      ${pages} ${sheets} ${text}
    </section>`;
  };

/** A sheet's cells as a table (first 200 rows), each cell findable by its reference. */
export function sheetTable(doc: number, sheet: Sheet): SafeHtml {
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
  // Its own scroll box (a wide sheet never widens the page), reachable and named for a keyboard.
  return html`<div
    class="app-sheet"
    data-doc="${doc}"
    data-sheet="${sheet.name}"
    tabindex="0"
    role="region"
    aria-label="Ark: ${sheet.name}"
  >
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
