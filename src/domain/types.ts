// Plain domain values: what a snapshot of the shared document holds and every analysis reads.
import type { ElementType } from './catalogue';

export interface WorkshopMeta {
  id: string;
  name: string;
  description: string;
  domain: string;
  facilitators: string[];
  createdAt: string;
  updatedAt: string;
}

export interface BoardElement {
  id: string;
  type: ElementType;
  name: string;
  description: string;
  notes: string;
  /** Timeline coordinate: one unit is one column (x = position × COLUMN_WIDTH). */
  position: number;
  /** Free vertical coordinate on the canvas, in pixels. */
  y: number;
  contextId: string | null;
  /** Set (true) on a pivotal domain event, which closes a chapter of the story; absent otherwise. */
  pivotal?: true;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Derived from the links, never stored: ids this element triggers, sorted. */
  triggers: string[];
  /** Derived from the links, never stored: ids that trigger this element, sorted. */
  triggeredBy: string[];
}

export interface TriggerLink {
  from: string;
  to: string;
  createdBy: string;
  createdAt: string;
}

export interface BoundedContext {
  id: string;
  name: string;
  description: string;
  color: string;
  createdAt: string;
  updatedAt: string;
}

/** A whole workshop as plain values; arrays are sorted by id (links by key) so equal boards compare equal. */
export interface WorkshopSnapshot {
  meta: WorkshopMeta;
  elements: BoardElement[];
  links: TriggerLink[];
  contexts: BoundedContext[];
}

/** A link's key, `from>to`: its record's key in the document, its arrow's id on the canvas, its highlight's mark. */
export function linkKey(from: string, to: string): string {
  return `${from}>${to}`;
}

/** The ends a link key was made of (linkKey), or null when it is not one. An id never holds a `>` (schemas.ts). */
export function linkKeyEnds(key: string): { from: string; to: string } | null {
  const ends = key.split('>');
  return ends.length === 2 && ends[0] && ends[1] ? { from: ends[0], to: ends[1] } : null;
}
