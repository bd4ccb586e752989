// A WorkshopSnapshot from a terse description, with `triggers`/`triggered_by` derived from the links as snapshot()
// derives them: for tests and previews that need a board without a Y.Doc.
import type { ElementType } from '../src/domain/catalogue';
import type { BoardElement, BoundedContext, TriggerLink, WorkshopSnapshot } from '../src/domain/types';

export interface ElementSketch {
  id: string;
  type: ElementType;
  name: string;
  position?: number;
  description?: string;
  notes?: string;
  contextId?: string | null;
}

export interface BoardSketch {
  name?: string;
  domain?: string;
  elements?: ElementSketch[];
  /** [from, to] pairs. */
  links?: [string, string][];
  contexts?: { id: string; name: string; description?: string; color?: string }[];
}

const T = '2026-01-01T00:00:00.000Z';

export function snapshotOf(sketch: BoardSketch): WorkshopSnapshot {
  const elements: BoardElement[] = (sketch.elements ?? []).map((e, i) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    description: e.description ?? '',
    notes: e.notes ?? '',
    position: e.position ?? i,
    y: 0,
    contextId: e.contextId ?? null,
    createdBy: '',
    createdAt: T,
    updatedAt: T,
    triggers: [],
    triggeredBy: [],
  }));
  const byId = new Map(elements.map((e) => [e.id, e]));
  const links: TriggerLink[] = (sketch.links ?? []).map(([from, to]) => ({ from, to, createdBy: '', createdAt: T }));
  for (const { from, to } of links) {
    byId.get(from)?.triggers.push(to);
    byId.get(to)?.triggeredBy.push(from);
  }
  const contexts: BoundedContext[] = (sketch.contexts ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description ?? '',
    color: c.color ?? '#3498db',
    createdAt: T,
    updatedAt: T,
  }));
  return {
    meta: { id: 'w', name: sketch.name ?? 'Sketch', description: '', domain: sketch.domain ?? '', facilitators: [], createdAt: T, updatedAt: T },
    elements,
    links,
    contexts,
  };
}
