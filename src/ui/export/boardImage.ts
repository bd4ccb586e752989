// The picture of the whole board: html-to-image draws the still board's React Flow viewport (ExportBoard.tsx),
// moved so the frame's top-left corner is at the image's, as React Flow's "download image" example does.
import { toBlob, toSvg } from 'html-to-image';
import type { ImageFrame } from './imageFrame';

type Options = NonNullable<Parameters<typeof toSvg>[1]>;

/**
 * The CSS properties copied into the picture. html-to-image copies every computed property of every element by
 * default (hundreds, for each of thousands of elements); these are the ones the board's look depends on.
 */
export const IMAGE_STYLE_PROPERTIES = [
  'display', 'position', 'top', 'left', 'right', 'bottom', 'z-index', 'box-sizing',
  'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-left-radius', 'border-bottom-right-radius',
  'background-color', 'background-image', 'color', 'opacity', 'filter', 'box-shadow', 'visibility', 'overflow', 'overflow-x', 'overflow-y',
  'transform', 'transform-origin', 'pointer-events',
  'flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink', 'flex-basis', 'align-items', 'justify-content', 'gap',
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'text-transform', 'text-align',
  'text-overflow', 'white-space', 'word-break', 'overflow-wrap', '-webkit-line-clamp', '-webkit-box-orient',
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin',
];

function options(frame: ImageFrame): Options {
  return {
    width: frame.width,
    height: frame.height,
    backgroundColor: '#ffffff',
    includeStyleProperties: IMAGE_STYLE_PROPERTIES,
    // The board uses the system's fonts; there is nothing to fetch and embed.
    skipFonts: true,
    style: {
      width: `${frame.width}px`,
      height: `${frame.height}px`,
      transform: `translate(${-frame.x}px, ${-frame.y}px) scale(1)`,
      transformOrigin: '0 0',
    },
    // Only the board: never the interaction helpers React Flow keeps next to the nodes.
    filter: (node) => !(node instanceof HTMLElement && node.classList.contains('react-flow__edgeupdater')),
  };
}

/** What an arrow's look depends on, for the SVG elements html-to-image copies as they are. */
const SVG_STYLE_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'display', 'visibility'];

/**
 * html-to-image copies an `<svg>` with everything in it as it is, without the styles the page's CSS gives the
 * shapes inside (the arrows' stroke and `fill: none`), so they would be drawn as black blobs. Write those styles
 * onto the shapes themselves first. Only ever on the still board, which is thrown away afterwards.
 */
export function inlineSvgStyles(root: HTMLElement): void {
  for (const shape of root.querySelectorAll<SVGElement>('svg *')) {
    const computed = getComputedStyle(shape);
    for (const name of SVG_STYLE_PROPERTIES) shape.style.setProperty(name, computed.getPropertyValue(name));
  }
}

/** A PNG of the frame, `frame.pixelWidth` × `frame.pixelHeight` pixels. */
export async function boardPng(viewport: HTMLElement, frame: ImageFrame): Promise<Blob> {
  inlineSvgStyles(viewport);
  const blob = await toBlob(viewport, {
    ...options(frame),
    pixelRatio: 1,
    canvasWidth: frame.pixelWidth,
    canvasHeight: frame.pixelHeight,
    // imageFrame already kept the image within what browsers draw.
    skipAutoScale: true,
  });
  if (!blob) throw new Error('The browser could not draw the board as a PNG.');
  return blob;
}

/** An SVG of the frame (its size in canvas pixels; it scales without loss). */
export async function boardSvg(viewport: HTMLElement, frame: ImageFrame): Promise<Blob> {
  inlineSvgStyles(viewport);
  const dataUrl = await toSvg(viewport, options(frame));
  const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
  return new Blob([svg], { type: 'image/svg+xml' });
}
