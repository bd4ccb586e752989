// Import: write a validated plan (src/domain/exchange.ts) into a fresh document, whole, in one transaction.
import type * as Y from 'yjs';
import {
  EventStormError,
  LIMITS,
  importInput,
  inTimelineOrder,
  parseInput,
  parseWorkshopDocument,
  type ElementType,
  type ImportPlan,
  type IssueDetail,
  type WorkshopMeta,
} from '../domain';
import { nextContextColor, writeContext } from './contexts';
import { boardMaps, type BoardMaps } from './document';
import { writeElement } from './elements';
import { writeLink } from './links';
import { stackedY, type PlacedSticky } from './placement';
import { readMeta } from './read';
import { requireFreshDocument, writeMeta } from './workshop';

export interface ApplyImportOptions {
  /** Replaces the file's workshop name (the original server's `new_name`). */
  newName?: string;
  /** Transaction origin. */
  origin?: unknown;
  /** Clock (ISO 8601) for whatever the file does not stamp; now when absent. */
  now?: string;
}

const joinIssues = (issues: IssueDetail[]) => issues.map((i) => `${i.path}: ${i.message}`).join('; ');
const quoted = (id: string) => JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);

/**
 * A plan is plain data and may come from elsewhere than parseWorkshopDocument; check what would corrupt the
 * document (ids, references, the board's size) before writing anything.
 */
function checkPlan(plan: ImportPlan): void {
  const issues: IssueDetail[] = [];
  if (plan.elements.length > LIMITS.elementsPerBoard) {
    issues.push({ path: 'elements', message: `must hold at most ${LIMITS.elementsPerBoard} elements (has ${plan.elements.length})` });
  }
  const elementIds = new Set<string>();
  plan.elements.forEach((e, i) => {
    if (elementIds.has(e.id)) issues.push({ path: `elements.${i}.id`, message: `duplicate element id ${quoted(e.id)}` });
    elementIds.add(e.id);
  });
  const contextIds = new Set<string>();
  plan.contexts.forEach((c, i) => {
    if (contextIds.has(c.id)) issues.push({ path: `contexts.${i}.id`, message: `duplicate context id ${quoted(c.id)}` });
    contextIds.add(c.id);
  });
  plan.elements.forEach((e, i) => {
    if (e.contextId !== null && !contextIds.has(e.contextId)) issues.push({ path: `elements.${i}.contextId`, message: `names no context in the plan (${quoted(e.contextId)})` });
  });
  plan.links.forEach((l, i) => {
    if (!elementIds.has(l.from) || !elementIds.has(l.to)) issues.push({ path: `links.${i}`, message: `names an element not in the plan (${quoted(l.from)} > ${quoted(l.to)})` });
    else if (l.from === l.to) issues.push({ path: `links.${i}`, message: 'an element cannot trigger itself' });
  });
  if (issues.length > 0) {
    throw new EventStormError('invalid', `This import plan is inconsistent: ${joinIssues(issues.slice(0, 20))}`, issues.slice(0, 100));
  }
}

/** A fresh document holds nothing at all: no workshop, and no stray records either. */
function requireEmpty(maps: BoardMaps): void {
  requireFreshDocument(maps);
  if (maps.elements.size > 0 || maps.contexts.size > 0 || maps.links.size > 0) {
    throw new EventStormError('conflict', 'This document already holds board records; import only into a new, empty workshop.');
  }
}

/**
 * The y of every element: the file's own when it has one; otherwise placed on its type's row, in timeline order,
 * below whatever of its type is already in its column, so a file without coordinates lands readably and stably.
 */
function placements(plan: ImportPlan): Map<string, number> {
  const ys = new Map<string, number>();
  const placed = new Map<ElementType, PlacedSticky[]>();
  const sameType = (type: ElementType) => {
    let list = placed.get(type);
    if (!list) placed.set(type, (list = []));
    return list;
  };
  for (const e of plan.elements) {
    if (e.y === undefined) continue;
    ys.set(e.id, e.y);
    sameType(e.type).push({ position: e.position, y: e.y });
  }
  const unplaced = inTimelineOrder(plan.elements.filter((e) => e.y === undefined));
  for (const e of unplaced) {
    const others = sameType(e.type);
    const y = stackedY(e.type, e.position, others);
    ys.set(e.id, y);
    others.push({ position: e.position, y });
  }
  return ys;
}

/**
 * Write `plan` into `doc`, which must hold no workshop yet, as workshop `workshopId`: meta, contexts, elements and
 * links in one transaction, keeping the file's ids and timestamps. Answers the new workshop's meta.
 */
export function applyImport(doc: Y.Doc, workshopId: string, plan: ImportPlan, options: ApplyImportOptions = {}): WorkshopMeta {
  const { new_name: newName } = parseInput(importInput.pick({ new_name: true }), { new_name: options.newName }, 'new_name');
  if (!workshopId) throw new EventStormError('invalid', 'An imported workshop needs an id.', [{ path: 'workshop_id', message: 'must not be empty' }]);
  const maps = boardMaps(doc);
  requireEmpty(maps);
  checkPlan(plan);
  const now = options.now ?? new Date().toISOString();
  const ys = placements(plan);

  doc.transact(() => {
    writeMeta(maps, {
      id: workshopId,
      name: newName ?? plan.meta.name,
      description: plan.meta.description,
      domain: plan.meta.domain,
      facilitators: [...plan.meta.facilitators],
      createdAt: plan.meta.createdAt ?? now,
      updatedAt: plan.meta.updatedAt ?? plan.meta.createdAt ?? now,
    });
    for (const c of plan.contexts) {
      const createdAt = c.createdAt ?? now;
      writeContext(maps, {
        id: c.id,
        name: c.name,
        description: c.description,
        color: c.color ?? nextContextColor(maps),
        createdAt,
        updatedAt: c.updatedAt ?? createdAt,
      });
    }
    for (const e of plan.elements) {
      const createdAt = e.createdAt ?? now;
      writeElement(maps, {
        id: e.id,
        type: e.type,
        name: e.name,
        description: e.description,
        notes: e.notes,
        position: e.position,
        y: ys.get(e.id) ?? e.y ?? 0,
        contextId: e.contextId,
        ...(e.pivotal ? { pivotal: true as const } : {}),
        createdBy: e.createdBy,
        createdAt,
        updatedAt: e.updatedAt ?? createdAt,
      });
    }
    // The file keeps no link records of their own, so a link's author is unknown and its date is the import's.
    for (const link of plan.links) writeLink(maps, link.from, link.to, '', now);
  }, options.origin ?? null);
  return readMeta(maps.meta);
}

/**
 * Parse then apply: a workshop file (JSON text or its parsed value, ours or the original server's) into a fresh
 * document. A bad file throws one `invalid` error naming every bad path, and the document stays untouched.
 */
export function importWorkshop(doc: Y.Doc, workshopId: string, file: unknown, options: ApplyImportOptions = {}): { meta: WorkshopMeta; plan: ImportPlan } {
  const plan = parseWorkshopDocument(file);
  return { meta: applyImport(doc, workshopId, plan, options), plan };
}
