// Where a sticky lands when a person adds it at a point of the canvas (the palette's click, drop or key):
// centred on that point, on the timeline, nudged down past any sticky it would cover.
import { CATALOGUE, STACK_GAP, positionOfX, rowTop, xOfPosition, type BoardElement, type ElementType } from '../domain';

export interface Spot {
  position: number;
  y: number;
}

function overlaps(ax: number, ay: number, aw: number, ah: number, b: BoardElement): boolean {
  const kind = CATALOGUE[b.type];
  const bx = xOfPosition(b.position);
  return ax < bx + kind.width && bx < ax + aw && ay < b.y + kind.height && b.y < ay + ah;
}

/** `center` in flow coordinates; a drop keeps the point under the pointer as the sticky's centre. */
export function spotAt(type: ElementType, center: { x: number; y: number }, elements: readonly BoardElement[]): Spot {
  const kind = CATALOGUE[type];
  const position = positionOfX(center.x - kind.width / 2);
  const x = xOfPosition(position);
  let y = Math.round(center.y - kind.height / 2);
  // Each pass moves below the stickies in the way; a bounded number of passes keeps this linear in practice.
  for (let pass = 0; pass < 50; pass++) {
    const blocking = elements.filter((e) => overlaps(x, y, kind.width, kind.height, e));
    if (blocking.length === 0) break;
    y = Math.max(...blocking.map((e) => e.y + CATALOGUE[e.type].height)) + STACK_GAP;
  }
  return { position, y };
}

/**
 * The palette's click: the centre of the view on the timeline, and the type's own row when that row is in view
 * (a board keeps its rows), else the middle of the view. `view` is the visible area in flow coordinates.
 */
export function spotInView(type: ElementType, view: { x: number; y: number; width: number; height: number }, elements: readonly BoardElement[]): Spot {
  const kind = CATALOGUE[type];
  const top = rowTop(type);
  const rowVisible = top >= view.y && top + kind.height <= view.y + view.height;
  const center = { x: view.x + view.width / 2, y: rowVisible ? top + kind.height / 2 : view.y + view.height / 2 };
  return spotAt(type, center, elements);
}
