// Where a sticky lands when its caller gives no y: its type's row, below any sticky already in that column.
import { CATALOGUE, COLUMN_WIDTH, STACK_GAP, rowTop, type ElementType } from '../domain';
import { isFields, type BoardMaps } from './document';
import { isBase, isEdit } from './records';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const pair = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Where every sticky of `type` stands, in one pass over the elements and one over their edits (an add scans the
 * whole board; looking each element's fields up one by one took 25 ms on a 10,000-sticky board).
 */
export function placedOfType(maps: BoardMaps, type: ElementType): PlacedSticky[] {
  const moved = new Map<string, { type?: unknown; at?: unknown }>();
  maps.edits.forEach((edit, key) => {
    const field = key.endsWith('.at') ? 'at' : key.endsWith('.type') ? 'type' : null;
    if (!field || !isEdit(edit)) return;
    const id = key.slice(0, key.length - field.length - 1);
    const fields = moved.get(id) ?? moved.set(id, {}).get(id)!;
    fields[field] = edit[0];
  });
  const placed: PlacedSticky[] = [];
  maps.elements.forEach((value, id) => {
    let at: unknown;
    if (isFields(value)) {
      if (value.get('type') !== type) return;
      at = [value.get('position'), value.get('y')];
    } else if (isBase(value)) {
      const edits = moved.get(id);
      if ((edits && 'type' in edits ? edits.type : value.type) !== type) return;
      at = edits && 'at' in edits ? edits.at : value.at;
    } else return;
    const [position, y] = pair(at);
    if (finite(position) && finite(y)) placed.push({ position, y });
  });
  return placed;
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
export function defaultPosition(sameType: readonly PlacedSticky[]): number {
  let max = -1;
  for (const other of sameType) max = Math.max(max, other.position);
  return Math.floor(max) + 1;
}
