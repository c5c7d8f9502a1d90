/**
 * Render resolution for image-only PDF pages. Measured on the scanned samples (README "OCR"): 200 DPI
 * reads as well as 300 or better (a 200 DPI scan rendered at 300 only gains interpolation blur), at
 * less than half the pixels to render, deskew and hold in memory.
 */
export const DEFAULT_OCR_DPI = 200;
