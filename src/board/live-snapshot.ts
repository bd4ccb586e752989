// A snapshot kept current as the document changes: only records touched since the last read are read again, and
// elements that did not change keep their object identity, so memoised views re-render only what changed.
import type * as Y from 'yjs';
import { linkKey, type BoardElement, type BoundedContext, type TriggerLink, type WorkshopSnapshot } from '../domain';
import { boardMaps } from './document';
import { readContext, readElement, readLink, readMeta } from './read';
import { allEdits, editTarget, editsOf, type FieldEdits } from './records';

export interface LiveSnapshot {
  /** The current snapshot; the same object until the document changes. */
  get(): WorkshopSnapshot;
  dispose(): void;
}

/** The fields an element record stores; contextId and the links are compared after repair and derivation. */
const RECORD_FIELDS = ['type', 'name', 'description', 'notes', 'position', 'y', 'pivotal', 'createdBy', 'createdAt', 'updatedAt'] as const;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function liveSnapshot(doc: Y.Doc, workshopId?: string): LiveSnapshot {
  const maps = boardMaps(doc);
  /** Element records as read, without derived links. */
  const bases = new Map<string, BoardElement>();
  const links = new Map<string, TriggerLink>();
  const contexts = new Map<string, BoundedContext>();
  const published = new Map<string, BoardElement>();
  let dirtyElements: Set<string> | 'all' = 'all';
  let dirtyLinks: Set<string> | 'all' = 'all';
  let dirtyContexts: Set<string> | 'all' = 'all';
  let dirtyMeta = true;
  let current: WorkshopSnapshot | null = null;

  const mark = (dirty: Set<string> | 'all', events: Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> | 'all' => {
    if (dirty === 'all') return dirty;
    for (const event of events) {
      if (event.path.length === 0) for (const key of event.changes.keys.keys()) dirty.add(key);
      else dirty.add(String(event.path[0]));
    }
    return dirty;
  };
  const onElements = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    dirtyElements = mark(dirtyElements, events);
    current = null;
  };
  const onEdits = (event: Y.YMapEvent<unknown>) => {
    if (dirtyElements === 'all') return;
    for (const key of event.keysChanged) {
      const target = editTarget(key);
      if (target) dirtyElements.add(target.id);
    }
    current = null;
  };
  const onLinks = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    dirtyLinks = mark(dirtyLinks, events);
    current = null;
  };
  const onContexts = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    dirtyContexts = mark(dirtyContexts, events);
    current = null;
  };
  const onMeta = () => {
    dirtyMeta = true;
    current = null;
  };
  maps.elements.observeDeep(onElements);
  maps.edits.observe(onEdits);
  maps.links.observeDeep(onLinks);
  maps.contexts.observeDeep(onContexts);
  maps.meta.observe(onMeta);

  function refresh<T>(target: Map<string, T>, source: Y.Map<unknown>, dirty: Set<string> | 'all', read: (key: string, value: unknown) => T | null): void {
    const keys = dirty === 'all' ? (target.clear(), source.keys()) : dirty.values();
    for (const key of keys) {
      const value = source.get(key);
      const record = value === undefined ? null : read(key, value);
      if (record) target.set(key, record);
      else target.delete(key);
    }
  }

  let meta = readMeta(maps.meta, workshopId);
  let linkList: TriggerLink[] = [];
  let triggers = new Map<string, string[]>();
  let triggeredBy = new Map<string, string[]>();
  let order: string[] = [];
  let contextList: BoundedContext[] = [];
  const NONE: string[] = [];

  function relink(): void {
    triggers = new Map();
    triggeredBy = new Map();
    linkList = [];
    // Sorted by record key (`from>to`): a plain string sort, the fastest deterministic order.
    for (const key of [...links.keys()].sort()) {
      const link = links.get(key)!;
      // A record whose key disagrees with its ends was not written by an operation: drop it, so no arrow doubles.
      if (key !== linkKey(link.from, link.to) || !bases.has(link.from) || !bases.has(link.to)) continue;
      linkList.push(link);
      (triggers.get(link.from) ?? triggers.set(link.from, []).get(link.from)!).push(link.to);
      (triggeredBy.get(link.to) ?? triggeredBy.set(link.to, []).get(link.to)!).push(link.from);
    }
    for (const list of triggers.values()) list.sort();
    for (const list of triggeredBy.values()) list.sort();
  }

  function publish(id: string): void {
    const base = bases.get(id);
    if (!base) {
      published.delete(id);
      return;
    }
    const out = triggers.get(id) ?? NONE;
    const into = triggeredBy.get(id) ?? NONE;
    const contextId = base.contextId && contexts.has(base.contextId) ? base.contextId : null;
    const previous = published.get(id);
    const same =
      previous !== undefined &&
      previous.contextId === contextId &&
      sameList(previous.triggers, out) &&
      sameList(previous.triggeredBy, into) &&
      RECORD_FIELDS.every((field) => previous[field] === base[field]);
    if (!same) published.set(id, { ...base, contextId, triggers: [...out], triggeredBy: [...into] });
  }

  function build(): WorkshopSnapshot {
    const everything = dirtyElements === 'all' || dirtyLinks === 'all' || dirtyContexts === 'all';
    const membershipBefore = bases.size;
    const touched = dirtyElements === 'all' ? null : [...dirtyElements];
    const membershipChanged = touched === null || touched.some((id) => bases.has(id) !== maps.elements.has(id));
    const linksChanged = dirtyLinks === 'all' || dirtyLinks.size > 0;
    const contextsChanged = dirtyContexts === 'all' || dirtyContexts.size > 0;
    // A full read gathers every field edit in one pass; an incremental one looks up only the touched elements'.
    const edits: Map<string, FieldEdits> | null = dirtyElements === 'all' ? allEdits(maps.edits) : null;
    const NO_EDITS: FieldEdits = {};
    refresh(bases, maps.elements, dirtyElements, (id, value) => readElement(id, value, edits ? (edits.get(id) ?? NO_EDITS) : editsOf(maps.edits, id)));
    refresh(links, maps.links as Y.Map<unknown>, dirtyLinks, (_key, value) => readLink(value));
    refresh(contexts, maps.contexts as Y.Map<unknown>, dirtyContexts, readContext);
    if (dirtyMeta) meta = readMeta(maps.meta, workshopId);
    dirtyElements = new Set();
    dirtyLinks = new Set();
    dirtyContexts = new Set();
    dirtyMeta = false;

    const structural = everything || membershipChanged || bases.size !== membershipBefore;
    if (structural || linksChanged) relink();
    if (structural || linksChanged || contextsChanged) {
      // Links or contexts can change any element's derived fields: look at each, rebuilding only those that differ.
      for (const id of published.keys()) if (!bases.has(id)) published.delete(id);
      for (const id of bases.keys()) publish(id);
    } else if (touched) {
      for (const id of touched) publish(id);
    }
    if (structural) order = [...bases.keys()].sort();
    if (contextsChanged || everything) contextList = [...contexts.values()].sort((a, b) => compare(a.id, b.id));
    return { meta, elements: order.map((id) => published.get(id)!), links: linkList, contexts: contextList };
  }

  return {
    get() {
      if (!current) current = build();
      return current;
    },
    dispose() {
      maps.elements.unobserveDeep(onElements);
      maps.edits.unobserve(onEdits);
      maps.links.unobserveDeep(onLinks);
      maps.contexts.unobserveDeep(onContexts);
      maps.meta.unobserve(onMeta);
    },
  };
}
