// The page image every OCR engine takes, and its PGM encoding: apart from grey-image.ts so that an
// engine (and the start of every command that may OCR) does not load the image decoders with it.

/** An 8-bit greyscale raster (0 black, 255 white), row-major, one byte per pixel. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Binary PGM (P5): the cheapest format the OCR engine decodes, so no time goes to compressing a
 * page in one thread and inflating it in another.
 */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}
