// Where a sticky lands when its caller gives no y: its type's row, below any sticky already in that column.
import { CATALOGUE, COLUMN_WIDTH, STACK_GAP, rowTop, type ElementType } from '../domain';
import type { BoardMaps } from './document';

export function defaultY(maps: BoardMaps, type: ElementType, position: number): number {
  const kind = CATALOGUE[type];
  const top = rowTop(type);
  const reach = kind.width / COLUMN_WIDTH;
  let y = top;
  maps.elements.forEach((map) => {
    if (map.get('type') !== type) return;
    const p = map.get('position');
    const otherY = map.get('y');
    if (typeof p !== 'number' || typeof otherY !== 'number') return;
    if (Math.abs(p - position) >= reach) return;
    if (otherY + kind.height + STACK_GAP > y && otherY >= top - kind.height) y = otherY + kind.height + STACK_GAP;
  });
  return y;
}

/** With no position given, the sticky goes one column right of the rightmost sticky of its type (0 when none). */
export function defaultPosition(maps: BoardMaps, type: ElementType): number {
  let max = -1;
  maps.elements.forEach((map) => {
    if (map.get('type') !== type) return;
    const p = map.get('position');
    if (typeof p === 'number' && p > max) max = p;
  });
  return Math.floor(max) + 1;
}
