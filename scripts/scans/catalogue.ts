/**
 * The scanned twins: born-digital sample submissions printed, scanned and sent in again. Each twin
 * must give the same record as its original; only the documents' paths (and extensions) change.
 */
import type { ScanLook } from './degrade.ts';

/** How one file of the twin is turned into its scanned form. */
export interface ScanFile {
  /** File name in the original submission. */
  from: string;
  /** File name in the scanned submission (the extension says the format). */
  to: string;
  format: 'pdf' | 'mixed-pdf' | 'png' | 'jpeg' | 'tiff';
  dpi: 200 | 300;
  look: ScanLook;
  /** JPEG quality 0-1 for pdf, mixed-pdf and jpeg. */
  quality?: number;
  /** mixed-pdf: the pages replaced by their scans; the others keep their text layer. */
  scannedPages?: number[];
  /** pdf: a text layer on page 1 that must not fool the reader into skipping OCR. */
  textLayer?: { text: string; invisible: boolean };
}

export interface ScannedTwin {
  /** The born-digital sample's slug; the scanned one is `<twin>-skannet` in the same year folder. */
  twin: string;
  files: ScanFile[];
  notes: string;
}

/** A feeder scan of a clean office print: nearly straight, white paper, light noise. */
const OFFICE: ScanLook = {
  skewDegrees: 0.8,
  paper: 246,
  shading: 12,
  ink: 30,
  noise: 5,
  specks: 15,
  blur: true,
};
/** Recycled paper on a flatbed with the lid open: grey, uneven background, more tilt and dust. */
const GREY: ScanLook = {
  skewDegrees: -1.6,
  paper: 208,
  shading: 34,
  ink: 48,
  noise: 8,
  specks: 40,
  blur: true,
};
/** A fax: bilevel, hard noise, specks; thresholded when written. */
const FAX: ScanLook = {
  skewDegrees: 0.5,
  paper: 255,
  shading: 0,
  ink: 0,
  noise: 14,
  specks: 60,
  blur: false,
};
/** A hand-fed page that went in crooked. */
const CROOKED: ScanLook = {
  skewDegrees: 2.4,
  paper: 236,
  shading: 20,
  ink: 40,
  noise: 7,
  specks: 25,
  blur: true,
};

/** What a scanner's built-in OCR leaves behind on a bad page: letter soup in an invisible layer. */
const JUNK_LAYER = "l I i j ,. ' l1 | i ; I l : . i I ' l j i I , l";

export const scannedTwins: ScannedTwin[] = [
  {
    twin: 'orland-voksne-act-clean',
    files: [
      {
        from: 'soknad.pdf',
        to: 'soknad.pdf',
        format: 'pdf',
        dpi: 300,
        look: OFFICE,
        quality: 0.7,
        textLayer: { text: JUNK_LAYER, invisible: true },
      },
      {
        from: 'samarbeidsavtale_fosen_fact.pdf',
        to: 'samarbeidsavtale_fosen_fact.jpg',
        format: 'jpeg',
        dpi: 200,
        look: GREY,
        quality: 0.55,
      },
    ],
    notes:
      'Printed form scanned at 300 DPI to an image-only PDF with a junk text layer; agreement as a 200 DPI JPEG on grey paper.',
  },
  {
    twin: 'harstad-rus-clean',
    files: [
      {
        from: 'soknad_kommunalt_rusarbeid_2023.pdf',
        to: 'soknad_kommunalt_rusarbeid_2023.png',
        format: 'png',
        dpi: 300,
        look: CROOKED,
      },
    ],
    notes: 'Signed letter scanned crooked (2.4°) at 300 DPI to a greyscale PNG.',
  },
  {
    twin: 'namsos-barn-unge-report-clean',
    files: [
      {
        from: 'rapport_2020.pdf',
        to: 'rapport_2020.tif',
        format: 'tiff',
        dpi: 200,
        look: FAX,
      },
    ],
    notes: 'Bordered report form faxed: two-page bilevel TIFF at 200 DPI with speckle noise.',
  },
  {
    twin: 'tromso-voksne-fact-clean',
    files: [
      {
        from: 'soknad.pdf',
        to: 'soknad.pdf',
        format: 'mixed-pdf',
        dpi: 200,
        look: OFFICE,
        quality: 0.6,
        scannedPages: [2],
      },
      {
        from: 'Samarbeidsavtale_UNN-Tromsø_kommune.pdf',
        to: 'Samarbeidsavtale_UNN-Tromsø_kommune.pdf',
        format: 'pdf',
        dpi: 200,
        look: GREY,
        quality: 0.5,
        textLayer: { text: 'Side 1', invisible: false },
      },
    ],
    notes:
      'Typed Word form whose signed second page was printed and scanned back in (mixed PDF); agreement scanned on grey paper, heavy JPEG, with a stamped page number as its only text.',
  },
  {
    twin: 'hamar-tryggest-clean',
    files: [
      {
        from: 'Søknad-TryggEst-2025-Hamar-kommune.pdf',
        to: 'Søknad-TryggEst-2025-Hamar-kommune.pdf',
        format: 'pdf',
        dpi: 200,
        look: GREY,
        quality: 0.6,
      },
    ],
    notes: 'Letter scanned at 200 DPI on grey paper to an image-only PDF.',
  },
  {
    twin: 'ostre-toten-invalid-orgnr',
    files: [{ from: 'soknad.pdf', to: 'soknad.pdf', format: 'pdf', dpi: 300, look: CROOKED, quality: 0.65 }],
    notes: 'Scanned at 300 DPI, crooked; the wrong check digit must survive OCR digit for digit.',
  },
];
