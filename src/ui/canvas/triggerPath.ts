// The shape of a trigger arrow between two stickies, from their rectangles: forward in time it leaves the
// source's right side for the target's left side; backwards, the reverse; within one column it loops out to the
// right, so it never runs under the stickies stacked between the two.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TriggerPath {
  path: string;
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  /** Where a label or a hit marker would sit: the curve's middle. */
  midX: number;
  midY: number;
}

/** How far a same-column arrow bulges out to the right. */
export const LOOP_BULGE = 56;

function bezierMid(p0: number, p1: number, p2: number, p3: number): number {
  return 0.125 * p0 + 0.375 * p1 + 0.375 * p2 + 0.125 * p3;
}

export function triggerPath(source: Rect, target: Rect): TriggerPath {
  const sRight = source.x + source.width;
  const tRight = target.x + target.width;
  const sMidY = source.y + source.height / 2;
  const tMidY = target.y + target.height / 2;
  const slack = Math.min(source.width, target.width) / 4;

  let sx: number, tx: number, c1x: number, c2x: number;
  if (target.x >= sRight - slack) {
    sx = sRight;
    tx = target.x;
    const dx = Math.max(40, (tx - sx) / 2);
    c1x = sx + dx;
    c2x = tx - dx;
  } else if (tRight <= source.x + slack) {
    sx = source.x;
    tx = tRight;
    const dx = Math.max(40, (sx - tx) / 2);
    c1x = sx - dx;
    c2x = tx + dx;
  } else {
    sx = sRight;
    tx = tRight;
    const bulge = LOOP_BULGE + Math.min(80, Math.abs(tMidY - sMidY) / 10);
    const far = Math.max(sx, tx) + bulge;
    c1x = far;
    c2x = far;
  }
  const sy = sMidY;
  const ty = tMidY;
  return {
    path: `M${sx},${sy} C${c1x},${sy} ${c2x},${ty} ${tx},${ty}`,
    sourceX: sx,
    sourceY: sy,
    targetX: tx,
    targetY: ty,
    midX: bezierMid(sx, c1x, c2x, tx),
    midY: bezierMid(sy, sy, ty, ty),
  };
}
