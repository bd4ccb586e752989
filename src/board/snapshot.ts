// snapshot(doc): the whole board as plain domain values, the input of every analysis.
import type * as Y from 'yjs';
import type { WorkshopSnapshot } from '../domain';
import { liveSnapshot } from './live-snapshot';

/** A one-off read; a view that reads on every change keeps a `liveSnapshot(doc)` instead. */
export function snapshot(doc: Y.Doc, workshopId?: string): WorkshopSnapshot {
  const live = liveSnapshot(doc, workshopId);
  try {
    return live.get();
  } finally {
    live.dispose();
  }
}
