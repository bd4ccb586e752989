// Filters that name an element or a context must name one on the board; otherwise the caller learns which and why.
import { EventStormError } from '../errors';
import type { BoardElement, BoundedContext } from '../types';
import type { BoardIndex } from './board-index';

export function requireElementFilter(index: BoardIndex, field: string, id: string): BoardElement {
  const element = index.elementById.get(id);
  if (element) return element;
  throw new EventStormError(
    'not_found',
    `${field}: no element with id "${id}" in this workshop. Take an id from the timeline or a search.`,
    [{ path: field, message: `unknown element id ${id}` }],
  );
}

export function requireContextFilter(index: BoardIndex, field: string, id: string): BoundedContext {
  const context = index.contextById.get(id);
  if (context) return context;
  const listed = index.orderedContexts.slice(0, 10).map((c) => `${c.name} (${c.id})`);
  const more = index.orderedContexts.length - listed.length;
  const known = `${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  throw new EventStormError(
    'not_found',
    `${field}: no bounded context with id "${id}" in this workshop. ${known ? `Its contexts are: ${known}.` : 'It has no bounded contexts yet.'}`,
    [{ path: field, message: `unknown context id ${id}` }],
  );
}
