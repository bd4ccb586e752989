// What the server proves about a client's document update before it touches the room's document: that Yjs can
// apply it (no reference Yjs would follow into nothing), and that the board stays within what every other door
// allows (elements, string lengths, nesting). Only the decoded update and the room's current document are read.
//
// Why references: Yjs parks an item whose origin or parent belongs to a client it has not heard from yet (it waits
// for it), but it assumes a client's own earlier structs are always there. An item that names its own client at
// a clock it has not reached sends Yjs into a struct that does not exist and the apply throws half-way, after the
// update's earlier structs were integrated. Such an update is refused whole here, before anything is applied.
import * as Y from 'yjs';
import { LIMITS } from '../src/domain';
import type { DecodedUpdate } from './sync-protocol';

export interface BoardBounds {
  /** Elements a board may hold (what the operations enforce). */
  maxElements: number;
  /** Characters in any one string value (the longest field the schemas allow). */
  maxStringLength: number;
}

export const BOARD_BOUNDS: BoardBounds = { maxElements: LIMITS.elementsPerBoard, maxStringLength: LIMITS.textLength };

/** How deep a value inside one map entry may nest (the model's deepest is an element's `at: [position, y]`). */
const MAX_DEPTH = 16;

export type Refusal =
  | { code: 'inapplicable'; reason: string }
  | { code: 'too_many_elements'; reason: string }
  | { code: 'string_too_long'; reason: string }
  | { code: 'unsupported'; reason: string }
  | { code: 'board_too_big'; reason: string };


function ownFuture(item: Y.Item, ref: Y.ID | null): boolean {
  return ref !== null && ref.client === item.id.client && ref.clock >= item.id.clock;
}

/** The longest string in `value` beyond `max`, or -1; past MAX_DEPTH answers Infinity (refused as too deep). */
function overlong(value: unknown, max: number, depth = 0): number {
  if (typeof value === 'string') return value.length > max ? value.length : -1;
  if (value === null || typeof value !== 'object') return -1;
  if (depth > MAX_DEPTH) return Infinity;
  if (value instanceof Uint8Array) return value.byteLength > max * 4 ? value.byteLength : -1;
  for (const [key, inner] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    if (typeof key === 'string' && key.length > max) return key.length;
    const found = overlong(inner, max, depth + 1);
    if (found >= 0) return found;
  }
  return -1;
}

function contentValues(item: Y.Item): unknown[] {
  const content = item.content;
  if (content instanceof Y.ContentAny) return content.arr;
  if (content instanceof Y.ContentJSON) return content.arr;
  if (content instanceof Y.ContentString) return [content.str];
  if (content instanceof Y.ContentBinary) return [content.content];
  if (content instanceof Y.ContentEmbed) return [content.embed];
  if (content instanceof Y.ContentFormat) return [content.key, content.value];
  return [];
}

/**
 * Check `decoded` (Y.decodeUpdate of a client's update) against `doc`, the room's document. Answers null when the
 * update may be applied, else why not.
 */
export function refusalOf(doc: Y.Doc, decoded: DecodedUpdate, bounds: BoardBounds = BOARD_BOUNDS): Refusal | null {
  const elements = doc.getMap('elements');
  const newKeys = new Set<string>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parentId = struct.parent instanceof Y.ID ? struct.parent : null;
    if (ownFuture(struct, struct.origin) || ownFuture(struct, struct.rightOrigin) || ownFuture(struct, parentId)) {
      return {
        code: 'inapplicable',
        reason: `item ${struct.id.client}:${struct.id.clock} refers to a struct of its own client that does not exist`,
      };
    }
    if (struct.content instanceof Y.ContentDoc) return { code: 'unsupported', reason: 'subdocuments are not part of a board' };
    if (typeof struct.parentSub === 'string' && struct.parentSub.length > bounds.maxStringLength) {
      return { code: 'string_too_long', reason: `a key of ${struct.parentSub.length} characters (at most ${bounds.maxStringLength})` };
    }
    for (const value of contentValues(struct)) {
      const length = overlong(value, bounds.maxStringLength);
      if (length === Infinity) return { code: 'string_too_long', reason: `a value nested deeper than ${MAX_DEPTH} levels` };
      if (length >= 0) return { code: 'string_too_long', reason: `a text of ${length} characters (at most ${bounds.maxStringLength})` };
    }
    // A new key of the root `elements` map is a new element: it carries the root's name and no origin (an
    // overwrite of an existing key carries the previous value as its origin instead).
    if ((struct.parent as unknown) === 'elements' && typeof struct.parentSub === 'string' && struct.origin === null && struct.rightOrigin === null) {
      if (!elements.has(struct.parentSub)) newKeys.add(struct.parentSub);
    }
  }
  if (newKeys.size > 0) {
    // Y.Map#size walks the map: only updates that add elements pay for it.
    const count = elements.size + newKeys.size;
    if (count > bounds.maxElements) {
      return { code: 'too_many_elements', reason: `the board would hold ${count} elements (at most ${bounds.maxElements})` };
    }
  }
  return null;
}
