// Where a sticky lands when a person adds it at a point of the canvas (the palette's click, drop or key):
// centred on that point, on the timeline, moved down past any sticky it would cover — but never out of the
// view the person is looking at: when the column is full down to the bottom of the view, the next columns
// are tried, and if the whole view is full the sticky goes where it was asked for, on top.
import { CATALOGUE, COLUMN_WIDTH, STACK_GAP, positionOfX, rowTop, xOfPosition, type BoardElement, type ElementType, type TimelineScale } from '../domain';

/** The timeline layout placement works in: where a position is drawn and which position a point stands for. */
export type Layout = Pick<TimelineScale, 'xOf' | 'positionAt'>;
const UNIT_COLUMNS: Layout = { xOf: xOfPosition, positionAt: positionOfX };

export interface Spot {
  position: number;
  y: number;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(ax: number, ay: number, aw: number, ah: number, b: BoardElement, bx: number): boolean {
  const kind = CATALOGUE[b.type];
  return ax < bx + kind.width && bx < ax + aw && ay < b.y + kind.height && b.y < ay + ah;
}

/** The first free y at or below `y` in the column starting at `x`. */
function freeYBelow(x: number, y: number, width: number, height: number, elements: readonly BoardElement[], layout: Layout): number {
  const column = elements.filter((e) => layout.xOf(e.position) < x + width && x < layout.xOf(e.position) + CATALOGUE[e.type].width);
  for (let pass = 0; pass <= column.length; pass++) {
    const blocking = column.filter((e) => overlaps(x, y, width, height, e, layout.xOf(e.position)));
    if (blocking.length === 0) return y;
    y = Math.max(...blocking.map((e) => e.y + CATALOGUE[e.type].height)) + STACK_GAP;
  }
  return y;
}

/**
 * `center` in flow coordinates: the sticky is centred there (a drop keeps the point under the pointer);
 * `view`, when given, is the visible area the sticky must stay in; `layout`, the timeline layout on screen.
 */
export function spotAt(
  type: ElementType,
  center: { x: number; y: number },
  elements: readonly BoardElement[],
  view?: Area,
  layout: Layout = UNIT_COLUMNS,
): Spot {
  const kind = CATALOGUE[type];
  const position = layout.positionAt(center.x - kind.width / 2);
  const x0 = layout.xOf(position);
  const y0 = Math.round(center.y - kind.height / 2);
  const fits = (x: number, y: number) => !view || (y + kind.height <= view.y + view.height && x >= view.x - 1 && x + kind.width <= view.x + view.width + 1);
  // This column first, then its neighbours to the right and left, a column at a time.
  for (const shift of [0, 1, -1, 2, -2, 3, -3]) {
    const p = shift === 0 ? position : layout.positionAt(x0 + shift * COLUMN_WIDTH);
    const x = layout.xOf(p);
    const y = freeYBelow(x, y0, kind.width, kind.height, elements, layout);
    if (fits(x, y)) return { position: p, y };
    if (!view) return { position: p, y };
  }
  return { position, y: y0 };
}

/**
 * The palette's click: the centre of the view on the timeline, and the type's own row when that row is in view
 * (a board keeps its rows), else the middle of the view. `view` is the visible area in flow coordinates.
 */
export function spotInView(type: ElementType, view: Area, elements: readonly BoardElement[], layout: Layout = UNIT_COLUMNS): Spot {
  const kind = CATALOGUE[type];
  const top = rowTop(type);
  const rowVisible = top >= view.y && top + kind.height <= view.y + view.height;
  const center = { x: view.x + view.width / 2, y: rowVisible ? top + kind.height / 2 : view.y + view.height / 2 };
  return spotAt(type, center, elements, view, layout);
}
