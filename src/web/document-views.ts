import type { RecordEvidence } from '../domain/record.ts';
import { readPdfTextLayer, type PdfTextLayer } from './document-pages.ts';
import type { DocumentView, EvidenceTarget } from './pages/document-viewer.ts';
import type { WebDeps } from './server.ts';

/**
 * The documents of a submission as the page shows them, and a resolver from evidence to the place to
 * highlight: a box on a page image (OCR boxes as stored; text-layer PDF text located on the page),
 * a sheet cell, or a text page.
 */
export async function documentViews(
  deps: WebDeps,
  id: string,
  summaries: Array<{ path: string; type: string }>,
): Promise<{ documents: DocumentView[]; targetOf: (e: RecordEvidence | null) => EvidenceTarget | null }> {
  const rows = await deps.store.documents(id);
  const layers = new Map<number, PdfTextLayer | null>();
  const documents: DocumentView[] = [];
  for (const row of rows) {
    const read = row.read;
    const format = read?.format ?? 'unknown';
    let pages: DocumentView['pages'] = null;
    if (
      read &&
      (format === 'pdf' || format === 'png' || format === 'jpeg' || format === 'tiff') &&
      read.pageCount
    ) {
      const bytes = await deps.blobs.get(row.sha256).catch(() => null);
      const layer = bytes && format === 'pdf' ? await readPdfTextLayer(bytes) : null;
      layers.set(row.position, layer);
      if (bytes) {
        pages = Array.from({ length: read.pageCount }, (_, i) => ({
          page: i + 1,
          width: layer?.sizes[i]?.width ?? null,
          height: layer?.sizes[i]?.height ?? null,
        }));
      }
    }
    documents.push({
      position: row.position,
      path: row.path,
      type: summaries[row.position]?.type ?? 'other',
      pages,
      sheets: read?.sheets ?? [],
      text: read?.pages ?? [],
      failure: read?.failure?.message ?? row.loadFailure?.message ?? null,
    });
  }
  const targetOf = (e: RecordEvidence | null): EvidenceTarget | null => {
    if (!e) return null;
    const doc = documents.find((d) => d.path === e.path);
    if (!doc) return null;
    const box =
      e.box ?? (e.page !== null ? (layers.get(doc.position)?.locate(e.page, e.text) ?? null) : null);
    return {
      doc: doc.position,
      page: e.page,
      box,
      sheet: e.sheet ?? null,
      cell: e.cell ?? null,
      text: e.text,
    };
  };
  return { documents, targetOf };
}
