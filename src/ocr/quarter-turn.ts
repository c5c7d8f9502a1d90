import type { GreyImage } from './grey-image.ts';

/** A page's turn in whole quarters, clockwise. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** Turns an image clockwise by a multiple of 90°, exactly (no resampling; width and height swap at 90 and 270). */
export function turnImage(image: GreyImage, degrees: QuarterTurn): GreyImage {
  if (degrees === 0) return image;
  const { width, height, data } = image;
  const swap = degrees !== 180;
  const outWidth = swap ? height : width;
  const outHeight = swap ? width : height;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const target = turnPoint(x, y, width, height, degrees);
      out[target.y * outWidth + target.x] = data[y * width + x]!;
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

/** Where pixel (x, y) of a `width` × `height` image lands once the image is turned clockwise. */
export function turnPoint(
  x: number,
  y: number,
  width: number,
  height: number,
  degrees: QuarterTurn,
): { x: number; y: number } {
  switch (degrees) {
    case 0:
      return { x, y };
    case 90:
      return { x: height - 1 - y, y: x };
    case 180:
      return { x: width - 1 - x, y: height - 1 - y };
    case 270:
      return { x: y, y: width - 1 - x };
  }
}

/** The turn that undoes `degrees`. */
export function inverseTurn(degrees: QuarterTurn): QuarterTurn {
  return ((360 - degrees) % 360) as QuarterTurn;
}
