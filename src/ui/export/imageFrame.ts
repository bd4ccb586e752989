// What an image of the whole board covers and how large it is: every node (stickies and context regions) with a
// margin around, drawn at a scale that keeps text crisp (2×) unless the board is so large that the image would
// pass what browsers can draw (16,384 px a side, html-to-image's own limit) or hold (64 million pixels).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageFrame {
  /** The board area drawn, in canvas coordinates (whole pixels, the margin included). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Image pixels per canvas pixel. */
  scale: number;
  /** The PNG's size in pixels. */
  pixelWidth: number;
  pixelHeight: number;
}

export const IMAGE_MARGIN = 40;
export const MAX_IMAGE_SCALE = 2;
export const MAX_IMAGE_SIDE = 16_384;
export const MAX_IMAGE_PIXELS = 64_000_000;

/** The frame of an image of `bounds` (null for an empty board: nothing to draw). */
export function imageFrame(bounds: Rect | null): ImageFrame | null {
  if (!bounds || !(bounds.width > 0) || !(bounds.height > 0)) return null;
  const x = Math.floor(bounds.x) - IMAGE_MARGIN;
  const y = Math.floor(bounds.y) - IMAGE_MARGIN;
  const width = Math.ceil(bounds.x + bounds.width) + IMAGE_MARGIN - x;
  const height = Math.ceil(bounds.y + bounds.height) + IMAGE_MARGIN - y;
  const fit = Math.min(MAX_IMAGE_SCALE, MAX_IMAGE_SIDE / Math.max(width, height), Math.sqrt(MAX_IMAGE_PIXELS / (width * height)));
  // Two decimals, rounded down, so the size in pixels is what a person reads in the menu.
  const scale = Math.max(0.01, Math.floor(fit * 100) / 100);
  return {
    x,
    y,
    width,
    height,
    scale,
    pixelWidth: Math.max(1, Math.floor(width * scale)),
    pixelHeight: Math.max(1, Math.floor(height * scale)),
  };
}
