/**
 * Render resolution for image-only PDF pages that draw no scanned image (vector outlines, a page of
 * junk text): such pages are read at this resolution. Pages that draw a scan are rendered at the
 * scan's own resolution instead ({@link SCAN_DPI_RANGE}).
 */
export const DEFAULT_OCR_DPI = 200;

/**
 * Bounds for rendering a scanned page at its own resolution. Measured on the scanned samples (README
 * "OCR"): a 300 DPI scan rendered at 200 loses the ring of «å» and splits thin digits ("2" read as
 * "12"), and a 200 DPI scan rendered at 300 only gains interpolation blur. Below 200 the engine's
 * x-height gets too small; above 300 it gains nothing and memory grows with the square.
 */
export const SCAN_DPI_RANGE = { min: 200, max: 300 } as const;

/**
 * INTAKE_OCR_ENGINE: which engine reads scanned pages. tesseract.js is embedded and works after
 * `npm ci` alone; native is the `tesseract` command (faster); auto takes native where it is
 * installed with Norwegian data.
 */
export const ENGINE_CHOICES = ['auto', 'tesseractjs', 'native'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];
