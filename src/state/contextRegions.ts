// Where each bounded context shows on the board: one translucent rectangle per cluster of its stickies, so a
// context whose stickies sit in several places on the timeline (interleaved with other contexts) gets one
// region per place instead of one huge rectangle over everybody else's stickies.
import { CATALOGUE, COLUMN_WIDTH, ROW_HEIGHT, xOfPosition, type BoardElement, type BoundedContext } from '../domain';

export interface ContextRegion {
  /** Stable while the cluster keeps its first sticky: `region:<context id>:<smallest element id>`. */
  id: string;
  contextId: string;
  name: string;
  color: string;
  x: number;
  y: number;
  width: number;
  height: number;
  elementIds: string[];
}

/** Stickies of one context at most this far apart (edge to edge) belong to the same region. */
export const REGION_NEAR_X = COLUMN_WIDTH;
export const REGION_NEAR_Y = ROW_HEIGHT * 2;
/** Space between a region's border and its stickies; the top leaves room for the context's name. */
export const REGION_PADDING = 14;
export const REGION_LABEL_SPACE = 22;

interface Box {
  id: string;
  x: number;
  y: number;
  right: number;
  bottom: number;
}

function boxOf(e: BoardElement, xOf: (position: number) => number): Box {
  const kind = CATALOGUE[e.type];
  const x = xOf(e.position);
  return { id: e.id, x, y: e.y, right: x + kind.width, bottom: e.y + kind.height };
}

function near(a: Box, b: Box): boolean {
  const gapX = Math.max(0, b.x - a.right, a.x - b.right);
  const gapY = Math.max(0, b.y - a.bottom, a.y - b.bottom);
  return gapX <= REGION_NEAR_X && gapY <= REGION_NEAR_Y;
}

function clustersOf(boxes: Box[]): Box[][] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x || a.y - b.y);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  let widest = 0;
  for (const b of sorted) widest = Math.max(widest, b.right - b.x);
  for (let i = 0; i < sorted.length; i++) {
    // Sorted by left edge: a later box whose left edge is beyond this one's reach can never be near it.
    for (let j = i + 1; j < sorted.length && sorted[j].x - sorted[i].x <= widest + REGION_NEAR_X; j++) {
      if (near(sorted[i], sorted[j])) {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[b] = a;
      }
    }
  }
  const groups = new Map<number, Box[]>();
  sorted.forEach((box, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(box);
    else groups.set(root, [box]);
  });
  return [...groups.values()];
}

/** `xOf`: where the timeline layout draws a position (src/domain/timelineScale.ts); one unit per column by default. */
export function contextRegions(
  elements: readonly BoardElement[],
  contexts: readonly BoundedContext[],
  xOf: (position: number) => number = xOfPosition,
): ContextRegion[] {
  const byContext = new Map<string, Box[]>();
  for (const e of elements) {
    if (!e.contextId) continue;
    const boxes = byContext.get(e.contextId);
    if (boxes) boxes.push(boxOf(e, xOf));
    else byContext.set(e.contextId, [boxOf(e, xOf)]);
  }
  const regions: ContextRegion[] = [];
  for (const context of contexts) {
    const boxes = byContext.get(context.id);
    if (!boxes) continue;
    for (const cluster of clustersOf(boxes)) {
      let x = Infinity;
      let y = Infinity;
      let right = -Infinity;
      let bottom = -Infinity;
      for (const b of cluster) {
        x = Math.min(x, b.x);
        y = Math.min(y, b.y);
        right = Math.max(right, b.right);
        bottom = Math.max(bottom, b.bottom);
      }
      const elementIds = cluster.map((b) => b.id).sort();
      regions.push({
        id: `region:${context.id}:${elementIds[0]}`,
        contextId: context.id,
        name: context.name,
        color: context.color,
        x: x - REGION_PADDING,
        y: y - REGION_PADDING - REGION_LABEL_SPACE,
        width: right - x + REGION_PADDING * 2,
        height: bottom - y + REGION_PADDING * 2 + REGION_LABEL_SPACE,
        elementIds,
      });
    }
  }
  return regions.sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : 1));
}
