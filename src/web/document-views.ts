import type { FileFormat } from '../domain/document.ts';
import type { RecordEvidence } from '../domain/record.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { readPdfTextLayer, type PdfTextLayer } from './document-pages.ts';
import type { DocumentView, EvidenceTarget } from './pages/document-viewer.ts';
import type { WebDeps } from './server.ts';

const PAGED: ReadonlySet<FileFormat> = new Set(['pdf', 'png', 'jpeg', 'tiff']);

/** What a stored file gives the viewer: page sizes, and for a PDF its text layer (evidence boxes). */
interface FileLayout {
  layer: PdfTextLayer | null;
  /** Size per page (index page - 1); missing or null when unknown. */
  sizes: Array<{ width: number; height: number } | null>;
}

/**
 * Layouts by sha256: a file's bytes never change, so a case opened again (or by a colleague) does
 * not read and parse its PDFs again. Bounded: the least recently used is dropped first.
 */
const LAYOUTS = new Map<string, Promise<FileLayout | null>>();
const MAX_LAYOUTS = 64;

/** The layout of a stored file, or null when the blob store does not have it. */
function layoutOf(blobs: BlobStore, sha256: string, format: FileFormat): Promise<FileLayout | null> {
  const cached = LAYOUTS.get(sha256);
  if (cached) {
    LAYOUTS.delete(sha256);
    LAYOUTS.set(sha256, cached);
    return cached;
  }
  const loading = readLayout(blobs, sha256, format);
  LAYOUTS.set(sha256, loading);
  // A file not stored yet (an upload still in the queue) may be stored later: forget the miss.
  loading.then(
    (layout) => layout === null && LAYOUTS.delete(sha256),
    () => LAYOUTS.delete(sha256),
  );
  for (const oldest of LAYOUTS.keys()) {
    if (LAYOUTS.size <= MAX_LAYOUTS) break;
    LAYOUTS.delete(oldest);
  }
  return loading;
}

async function readLayout(blobs: BlobStore, sha256: string, format: FileFormat): Promise<FileLayout | null> {
  if (format === 'tiff') return (await blobs.has(sha256)) ? { layer: null, sizes: [] } : null;
  const bytes = await blobs.get(sha256).catch(() => null);
  if (!bytes) return null;
  if (format === 'pdf') {
    const layer = await readPdfTextLayer(bytes);
    return { layer, sizes: layer?.sizes ?? [] };
  }
  return { layer: null, sizes: [rasterSize(bytes, format)] };
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
  const documents = await Promise.all(
    rows.map(async (row): Promise<DocumentView> => {
      const read = row.read;
      let pages: DocumentView['pages'] = null;
      if (read && PAGED.has(read.format) && read.pageCount) {
        const layout = await layoutOf(deps.blobs, row.sha256, read.format);
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
