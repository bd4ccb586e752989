// Where a sticky lands when its caller gives no y: its type's row, below any sticky already in that column.
import { CATALOGUE, COLUMN_WIDTH, STACK_GAP, rowTop, type ElementType } from '../domain';
import type { BoardMaps } from './document';
import { fieldIn } from './records';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const pair = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function defaultY(maps: BoardMaps, type: ElementType, position: number): number {
  const sameType: PlacedSticky[] = [];
  for (const id of maps.elements.keys()) {
    if (fieldIn(maps, id, 'type') !== type) continue;
    const [position, y] = pair(fieldIn(maps, id, 'at'));
    if (finite(position) && finite(y)) sameType.push({ position, y });
  }
  return stackedY(type, position, sameType);
}

export interface PlacedSticky {
  position: number;
  y: number;
}

/**
 * The y of a sticky of `type` at `position`, given the stickies of the same type already on the board: its row's
 * top, or just below the lowest one in its column. Order-independent, so a batch (an import) places the same way.
 */
export function stackedY(type: ElementType, position: number, sameType: readonly PlacedSticky[]): number {
  const kind = CATALOGUE[type];
  const top = rowTop(type);
  const reach = kind.width / COLUMN_WIDTH;
  const step = kind.height + STACK_GAP;
  const lowest = top - kind.height;
  let y = top;
  for (let i = 0; i < sameType.length; i++) {
    const other = sameType[i];
    if (Math.abs(other.position - position) >= reach) continue;
    if (other.y + step > y && other.y >= lowest) y = other.y + step;
  }
  return y;
}

/** With no position given, the sticky goes one column right of the rightmost sticky of its type (0 when none). */
export function defaultPosition(maps: BoardMaps, type: ElementType): number {
  let max = -1;
  for (const id of maps.elements.keys()) {
    if (fieldIn(maps, id, 'type') !== type) continue;
    const [position] = pair(fieldIn(maps, id, 'at'));
    if (finite(position)) max = Math.max(max, position);
  }
  return Math.floor(max) + 1;
}
