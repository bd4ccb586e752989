// Every operation: validate everything first, then one transaction with the caller's origin, so a call succeeds
// whole or changes nothing, and an UndoManager tracking a person's origin undoes only that person's edits.
import { nanoid } from 'nanoid';
import type * as Y from 'yjs';
import { boardMaps, type BoardMaps } from './document';

export interface OpOptions {
  /** Transaction origin; the UI passes its local origin so its UndoManager tracks only its own edits. */
  origin?: unknown;
  /** Clock override, for tests and imports (ISO 8601). */
  now?: string;
}

export interface OpScope {
  maps: BoardMaps;
  now: string;
}

export function newId(): string {
  return nanoid();
}

/** The workshop's last change is kept to the minute. */
export const WORKSHOP_TOUCH_MS = 60_000;

/**
 * Stamp the workshop as changed at `now`, unless it was stamped less than a minute before: every write of a key
 * leaves a tombstone each client decodes when it opens the board, and one per operation made up a third of a
 * 10,000-sticky board's load.
 */
export function touchWorkshop(maps: BoardMaps, now: string): void {
  const stamped = maps.meta.get('updatedAt');
  const last = typeof stamped === 'string' ? Date.parse(stamped) : NaN;
  const at = Date.parse(now);
  if (Number.isNaN(last) || at - last >= WORKSHOP_TOUCH_MS || at < last - WORKSHOP_TOUCH_MS) maps.meta.set('updatedAt', now);
}

export function runOp<T>(doc: Y.Doc, options: OpOptions | undefined, plan: (scope: OpScope) => () => T): T {
  const scope: OpScope = { maps: boardMaps(doc), now: options?.now ?? new Date().toISOString() };
  // `plan` validates and throws before anything is written; the function it returns only writes.
  const write = plan(scope);
  let result!: T;
  doc.transact((transaction) => {
    result = write();
    if (transaction.changed.size > 0) touchWorkshop(scope.maps, scope.now);
  }, options?.origin ?? null);
  return result;
}
