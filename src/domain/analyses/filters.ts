// Filters that name an element or a context must name one on the board; otherwise the caller learns which and why.
import { EventStormError } from '../errors';
import type { BoardIndex } from './board-index';

/** The rank of the element `id` names. */
export function requireElementFilter(index: BoardIndex, field: string, id: string): number {
  const rank = index.rank.get(id);
  if (rank !== undefined) return rank;
  throw new EventStormError(
    'not_found',
    `${field}: no element with id "${id}" in this workshop. Take an id from the timeline or a search.`,
    [{ path: field, message: `unknown element id ${id}` }],
  );
}

/** The index (in `index.contexts`) of the context `id` names. */
export function requireContextFilter(index: BoardIndex, field: string, id: string): number {
  const at = index.contextIndex.get(id);
  if (at !== undefined) return at;
  const listed = index.contexts.slice(0, 10).map((c) => `${c.name} (${c.id})`);
  const more = index.contexts.length - listed.length;
  const known = `${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  throw new EventStormError(
    'not_found',
    `${field}: no bounded context with id "${id}" in this workshop. ${known ? `Its contexts are: ${known}.` : 'It has no bounded contexts yet.'}`,
    [{ path: field, message: `unknown context id ${id}` }],
  );
}
