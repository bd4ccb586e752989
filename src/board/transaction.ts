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

export function runOp<T>(doc: Y.Doc, options: OpOptions | undefined, plan: (scope: OpScope) => () => T): T {
  const scope: OpScope = { maps: boardMaps(doc), now: options?.now ?? new Date().toISOString() };
  // `plan` validates and throws before anything is written; the function it returns only writes.
  const write = plan(scope);
  let result!: T;
  doc.transact((transaction) => {
    result = write();
    // Only when something was written: every write of a key leaves a tombstone that each client decodes forever.
    if (transaction.changed.size > 0) scope.maps.meta.set('updatedAt', scope.now);
  }, options?.origin ?? null);
  return result;
}
