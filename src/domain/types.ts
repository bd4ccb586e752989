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

export function linkKey(from: string, to: string): string {
  return `${from}>${to}`;
}
