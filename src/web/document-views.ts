import type { FileFormat } from '../domain/document.ts';
import type { RecordEvidence } from '../domain/record.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { readPdfTextLayer, type PdfTextLayer } from './document-pages.ts';
import { viewerOrder, type DocumentView, type EvidenceTarget } from './pages/document-viewer.ts';
import type { WebDeps } from './server.ts';

const PAGED: ReadonlySet<FileFormat> = new Set(['pdf', 'png', 'jpeg', 'tiff']);
const NONE: ReadonlySet<number> = new Set();

/** What a stored file gives the viewer: page sizes, and for a PDF its text layer (evidence boxes). */
interface FileLayout {
  layer: PdfTextLayer | null;
  /** Size per page (index page - 1); missing or null when unknown. */
  sizes: Array<{ width: number; height: number } | null>;
}

/**
 * Layouts by sha256: a file's bytes never change, so a case opened again (or by a colleague) does
 * not read and parse its PDFs again. A PDF's text is read only on the pages evidence points to,
 * more pages added when another case (or a correction) asks for them. Bounded: the least recently
 * used is dropped first.
 */
const LAYOUTS = new Map<string, Promise<FileLayout | null>>();
const MAX_LAYOUTS = 64;

/** The layout of a stored file with the text of `textPages` read, or null when the blob store does not have it. */
function layoutOf(
  blobs: BlobStore,
  sha256: string,
  format: FileFormat,
  textPages: ReadonlySet<number>,
): Promise<FileLayout | null> {
  const cached = LAYOUTS.get(sha256);
  let loading: Promise<FileLayout | null>;
  if (cached) {
    LAYOUTS.delete(sha256);
    loading = cached.then((layout) => withText(blobs, sha256, layout, textPages));
  } else {
    loading = readLayout(blobs, sha256, format, textPages);
  }
  LAYOUTS.set(sha256, loading);
  // A file not stored yet (an upload still in the queue) may be stored later: forget the miss.
  loading.then(
    (layout) => layout === null && LAYOUTS.get(sha256) === loading && LAYOUTS.delete(sha256),
    () => LAYOUTS.get(sha256) === loading && LAYOUTS.delete(sha256),
  );
  for (const oldest of LAYOUTS.keys()) {
    if (LAYOUTS.size <= MAX_LAYOUTS) break;
    LAYOUTS.delete(oldest);
  }
  return loading;
}

async function readLayout(
  blobs: BlobStore,
  sha256: string,
  format: FileFormat,
  textPages: ReadonlySet<number>,
): Promise<FileLayout | null> {
  if (format === 'tiff') return (await blobs.has(sha256)) ? { layer: null, sizes: [] } : null;
  const bytes = await blobs.get(sha256).catch(() => null);
  if (!bytes) return null;
  if (format === 'pdf') {
    const layer = await readPdfTextLayer(bytes, textPages);
    return { layer, sizes: layer?.sizes ?? [] };
  }
  return { layer: null, sizes: [rasterSize(bytes, format)] };
}

/** The layout with the text of `textPages` read too (a PDF's pages not read before). */
async function withText(
  blobs: BlobStore,
  sha256: string,
  layout: FileLayout | null,
  textPages: ReadonlySet<number>,
): Promise<FileLayout | null> {
  const layer = layout?.layer;
  if (!layer) return layout;
  const missing = new Set([...textPages].filter((p) => !layer.runs.has(p) && p <= layer.sizes.length));
  if (missing.size === 0) return layout;
  const bytes = await blobs.get(sha256).catch(() => null);
  const more = bytes ? await readPdfTextLayer(bytes, missing) : null;
  for (const [page, words] of more?.runs ?? []) layer.runs.set(page, words);
  return layout;
}

/** The pages each document's stored evidence (fields and findings) points to, by document path. */
async function evidencePages(deps: WebDeps, id: string): Promise<Map<string, Set<number>>> {
  const rows = await deps.store.sql.query<{ evidence: RecordEvidence }>(
    `SELECT evidence FROM fields WHERE submission_id = $1 AND evidence IS NOT NULL
     UNION ALL SELECT evidence FROM findings WHERE submission_id = $1 AND evidence IS NOT NULL`,
    [id],
  );
  const pages = new Map<string, Set<number>>();
  for (const { evidence } of rows) {
    if (typeof evidence?.page !== 'number' || evidence.box) continue;
    const set = pages.get(evidence.path) ?? new Set();
    set.add(evidence.page);
    pages.set(evidence.path, set);
  }
  return pages;
}

/** A PNG's or JPEG's size in pixels from its header (no decoding); null when it cannot tell. */
export function rasterSize(bytes: Buffer, format: FileFormat): { width: number; height: number } | null {
  if (format === 'png' && bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (format === 'jpeg') {
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const length = bytes.readUInt16BE(at + 2);
      // Start-of-frame markers (baseline, progressive, …) carry the size; DHT, JPG and DAC do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/**
 * Starts drawing the first page the viewer shows (the application's page 1) while the page is
 * built and sent, so its image is ready, or nearly, when the browser asks for it: the case's
 * first content. Needs the app's page-image pool (`intake serve` hands it over); a busy pool skips it.
 */
function prefetchFirstPage(
  deps: WebDeps,
  rows: Awaited<ReturnType<WebDeps['store']['documents']>>,
  summaries: Array<{ type: string }>,
): void {
  const images = deps.pageImages;
  if (!images) return;
  const paged = rows
    .filter((r) => r.read && PAGED.has(r.read.format) && r.read.pageCount)
    .map((r) => ({ row: r, position: r.position, type: summaries[r.position]?.type ?? 'other' }));
  const first = viewerOrder(paged)[0]?.row;
  if (!first?.read) return;
  images.page(first.sha256, first.read.format, 1, () => deps.blobs.get(first.sha256)).catch(() => undefined);
}

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
  const [rows, wanted] = await Promise.all([deps.store.documents(id), evidencePages(deps, id)]);
  prefetchFirstPage(deps, rows, summaries);
  const layers = new Map<number, PdfTextLayer | null>();
  const documents = await Promise.all(
    rows.map(async (row): Promise<DocumentView> => {
      const read = row.read;
      let pages: DocumentView['pages'] = null;
      if (read && PAGED.has(read.format) && read.pageCount) {
        const layout = await layoutOf(deps.blobs, row.sha256, read.format, wanted.get(row.path) ?? NONE);
        layers.set(row.position, layout?.layer ?? null);
        if (layout) {
          const ocr = new Map(read.pages.filter((p) => p.method === 'ocr').map((p) => [p.page, p.text]));
          pages = Array.from({ length: read.pageCount }, (_, i) => ({
            page: i + 1,
            width: layout.sizes[i]?.width ?? null,
            height: layout.sizes[i]?.height ?? null,
            ocrText: ocr.get(i + 1)?.trim() || null,
          }));
        }
      }
      return {
        position: row.position,
        path: row.path,
        type: summaries[row.position]?.type ?? 'other',
        pages,
        sheets: read?.sheets ?? [],
        text: read?.pages ?? [],
        failure: read?.failure?.message ?? row.loadFailure?.message ?? null,
      };
    }),
  );
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
