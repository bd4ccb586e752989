// A big workshop file, written in the exchange format directly (fast to make): what the flood tests and the flood
// bench import.
import { ELEMENT_TYPES, type ExchangeDocument } from '../src/domain';

/**
 * An export of `n` stickies of every type (no y: the import places them), 12 contexts holding most of them, and a
 * trigger link from every third sticky to the next, written as the exchange format directly (fast to make).
 */
export function bigExport(n: number, name = 'Big board'): ExchangeDocument {
  const at = '2026-01-05T09:00:00.000Z';
  const id = (i: number) => `sticky-${i}`;
  const contextOf = (i: number) => (i % 13 < 12 ? `context-${i % 13}` : null);
  const elements = Array.from({ length: n }, (_, i) => {
    const type = ELEMENT_TYPES[i % ELEMENT_TYPES.length];
    return {
      id: id(i),
      type,
      name: `Sticky ${i}`,
      description: `The ${type} number ${i}, with a little text.`,
      notes: '',
      position: i % 250,
      bounded_context_id: contextOf(i),
      triggers: i % 3 === 0 && i + 1 < n ? [id(i + 1)] : [],
      triggered_by: i % 3 === 1 ? [id(i - 1)] : [],
      created_by: 'Ana',
      created_at: at,
      updated_at: at,
    };
  });
  const bounded_contexts = Array.from({ length: Math.min(12, n) }, (_, c) => ({
    id: `context-${c}`,
    name: `Context ${c}`,
    description: '',
    color: '#3498db',
    element_ids: elements.filter((_, i) => contextOf(i) === `context-${c}`).map((e) => e.id),
    created_at: at,
    updated_at: at,
  }));
  return {
    format: 'eventstorm.workshop',
    version: 1,
    workshop: { id: 'big', name, description: 'A board made for the flood tests and bench', domain: 'Testing', facilitators: [], created_at: at, updated_at: at },
    elements,
    bounded_contexts,
  } as unknown as ExchangeDocument;
}

