// snapshot(doc): the whole board as plain domain values, the input of every analysis.
import type * as Y from 'yjs';
import type { BoardElement, BoundedContext, TriggerLink, WorkshopSnapshot } from '../domain';
import { boardMaps } from './document';
import { readContext, readElement, readLink, readMeta } from './read';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function snapshot(doc: Y.Doc): WorkshopSnapshot {
  const maps = boardMaps(doc);
  const contexts: BoundedContext[] = [];
  maps.contexts.forEach((map, id) => {
    const context = readContext(id, map);
    if (context) contexts.push(context);
  });
  const contextIds = new Set(contexts.map((c) => c.id));

  const elements: BoardElement[] = [];
  const elementById = new Map<string, BoardElement>();
  maps.elements.forEach((map, id) => {
    const element = readElement(id, map);
    if (!element) return;
    // An assignment that raced a context's deletion points nowhere: the element is simply unassigned.
    if (element.contextId && !contextIds.has(element.contextId)) element.contextId = null;
    elements.push(element);
    elementById.set(id, element);
  });

  const links: TriggerLink[] = [];
  maps.links.forEach((map) => {
    const link = readLink(map);
    // A link that raced its element's deletion is dropped on read.
    if (!link) return;
    const from = elementById.get(link.from);
    const to = elementById.get(link.to);
    if (!from || !to) return;
    links.push(link);
    from.triggers.push(link.to);
    to.triggeredBy.push(link.from);
  });

  elements.sort(byId);
  for (const e of elements) {
    e.triggers.sort();
    e.triggeredBy.sort();
  }
  links.sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : a.to > b.to ? 1 : 0) : a.from < b.from ? -1 : 1));
  contexts.sort(byId);
  return { meta: readMeta(maps.meta), elements, links, contexts };
}
