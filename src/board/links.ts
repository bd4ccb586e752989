// Trigger links: records of their own, keyed from>to, so two people drawing the same arrow make one arrow.
import * as Y from 'yjs';
import { EventStormError, linkInput, linkKey, parseInput, unlinkAllInput, type LinkInput, type TriggerLink, type UnlinkAllInput } from '../domain';
import type { BoardMaps } from './document';
import { requireElements } from './guards';
import { linkEnds, newLinkValue } from './records';
import { runOp, type OpOptions } from './transaction';

export function writeLink(maps: BoardMaps, from: string, to: string, createdBy: string, now: string): void {
  const key = linkKey(from, to);
  if (maps.links.has(key)) return;
  maps.links.set(key, newLinkValue(from, to, createdBy, now));
}

/** Delete every link that touches one of `ids` (one pass over the links). */
export function removeLinksTouching(maps: BoardMaps, ids: ReadonlySet<string>): void {
  const doomed: string[] = [];
  maps.links.forEach((record, key) => {
    const ends = linkEnds(record);
    if (ends && (ids.has(ends.from) || ids.has(ends.to))) doomed.push(key);
  });
  for (const key of doomed) maps.links.delete(key);
}

/** Make the links on one side of `id` exactly `targets`, keeping the records of links that stay. */
export function replaceLinks(maps: BoardMaps, id: string, side: 'triggers' | 'triggered_by', targets: readonly string[], by: string, now: string): void {
  const wanted = new Set(targets);
  const doomed: string[] = [];
  maps.links.forEach((record, key) => {
    const ends = linkEnds(record);
    if (!ends) return;
    if (side === 'triggers' && ends.from === id && !wanted.has(ends.to)) doomed.push(key);
    if (side === 'triggered_by' && ends.to === id && !wanted.has(ends.from)) doomed.push(key);
  });
  for (const key of doomed) maps.links.delete(key);
  for (const other of wanted) {
    if (side === 'triggers') writeLink(maps, id, other, by, now);
    else writeLink(maps, other, id, by, now);
  }
}

export function linkElements(doc: Y.Doc, input: LinkInput, options?: OpOptions & { by?: string }): TriggerLink {
  const { from, to } = parseInput(linkInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    requireElements(maps, [from, to], 'from/to');
    if (from === to) throw new EventStormError('invalid', 'An element cannot trigger itself.', [{ path: 'to', message: 'same as from' }]);
    return () => {
      writeLink(maps, from, to, options?.by ?? '', now);
      return { from, to, createdBy: options?.by ?? '', createdAt: now };
    };
  });
}

export function unlinkElements(doc: Y.Doc, input: LinkInput, options?: OpOptions): { removed: boolean } {
  const { from, to } = parseInput(linkInput, input);
  return runOp(doc, options, ({ maps }) => {
    const key = linkKey(from, to);
    if (!maps.links.has(key)) {
      throw new EventStormError('not_found', `There is no trigger link from "${from}" to "${to}".`, [{ path: 'from/to', message: 'no such link' }]);
    }
    return () => {
      maps.links.delete(key);
      return { removed: true };
    };
  });
}

/** Remove several links in one transaction (one undo step); every one must be there, or nothing is removed. */
export function unlinkAll(doc: Y.Doc, input: UnlinkAllInput, options?: OpOptions): { removed: number } {
  const args = parseInput(unlinkAllInput, input);
  return runOp(doc, options, ({ maps }) => {
    const keys = [...new Set(args.links.map((l) => linkKey(l.from, l.to)))];
    const missing = keys.filter((key) => !maps.links.has(key));
    if (missing.length > 0) {
      throw new EventStormError(
        'not_found',
        `${missing.length === 1 ? 'There is no trigger link' : 'There are no trigger links'} ${missing.map((k) => `"${k}"`).join(', ')}.`,
        missing.map((key) => ({ path: 'links', message: `no link ${key}` })),
      );
    }
    return () => {
      for (const key of keys) maps.links.delete(key);
      return { removed: keys.length };
    };
  });
}
