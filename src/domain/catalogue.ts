// The element catalogue: the one definition of the sticky types (ddd-crew EventStorming glossary legend), the
// Big Picture's opportunity included.

export const ELEMENT_TYPES = [
  'actor',
  'command',
  'aggregate',
  'event',
  'policy',
  'read_model',
  'external_system',
  'hotspot',
  'opportunity',
] as const;

export type ElementType = (typeof ELEMENT_TYPES)[number];

/** The original server's eight types: every count by type lists them, whatever the board holds. */
export const SEED_TYPES = ELEMENT_TYPES.slice(0, 8) as readonly ElementType[];

/**
 * A count per type as the answers give it: the seed's eight always (so the original answers keep their shape), a
 * newer type (opportunity) only where the board has some.
 */
export function countsByType(count: (type: ElementType) => number): Record<ElementType, number> {
  const out = {} as Record<ElementType, number>;
  for (const type of ELEMENT_TYPES) {
    const n = count(type);
    if (n > 0 || SEED_TYPES.includes(type)) out[type] = n;
  }
  return out;
}

export interface ElementKind {
  type: ElementType;
  label: string;
  /** Sticky background, a CSS hex colour. */
  color: string;
  /** Text colour that stays readable on `color`. */
  textColor: string;
  /** Default row on the board, top to bottom. */
  row: number;
  /** Sticky size on the canvas, in pixels at zoom 1. */
  width: number;
  height: number;
  /** Hotspots are drawn tilted. */
  rotation: number;
  /** The palette's keyboard shortcut. */
  key: string;
  /** One line a person (or a model) can act on. */
  hint: string;
}

export const CATALOGUE: Readonly<Record<ElementType, ElementKind>> = {
  actor: {
    type: 'actor', label: 'Actor', color: '#fef9c3', textColor: '#1f2937', row: 0,
    width: 140, height: 80, rotation: 0, key: 'a', hint: 'A person or role who issues commands',
  },
  command: {
    type: 'command', label: 'Command', color: '#60a5fa', textColor: '#0b1b33', row: 1,
    width: 160, height: 100, rotation: 0, key: 'c', hint: 'An intention, in the imperative: "Place Order"',
  },
  aggregate: {
    type: 'aggregate', label: 'Aggregate', color: '#facc15', textColor: '#1f2937', row: 2,
    width: 200, height: 140, rotation: 0, key: 'g', hint: 'The consistency boundary that handles commands',
  },
  event: {
    type: 'event', label: 'Domain Event', color: '#fb923c', textColor: '#1f1300', row: 3,
    width: 160, height: 100, rotation: 0, key: 'e', hint: 'Something that happened, in the past tense: "Order Placed"',
  },
  policy: {
    type: 'policy', label: 'Policy', color: '#c4b5fd', textColor: '#1e1333', row: 4,
    width: 180, height: 120, rotation: 0, key: 'p', hint: 'A reaction rule: "whenever X, then Y"',
  },
  read_model: {
    type: 'read_model', label: 'Read Model', color: '#86efac', textColor: '#052e16', row: 5,
    width: 160, height: 100, rotation: 0, key: 'r', hint: 'Information a person needs to decide',
  },
  external_system: {
    type: 'external_system', label: 'External System', color: '#f9a8d4', textColor: '#3b0a24', row: 6,
    width: 200, height: 100, rotation: 0, key: 'x', hint: 'A system outside our control',
  },
  hotspot: {
    type: 'hotspot', label: 'Hotspot', color: '#ff2d95', textColor: '#ffffff', row: 7,
    width: 160, height: 100, rotation: -3, key: 'h', hint: 'A question, risk or disagreement to resolve',
  },
  opportunity: {
    type: 'opportunity', label: 'Opportunity', color: '#bef264', textColor: '#1a2e05', row: 8,
    width: 160, height: 100, rotation: 2, key: 'o', hint: 'A chance to do better, the hotspot\'s hopeful twin: "Offer express delivery"',
  },
};

export function isElementType(value: unknown): value is ElementType {
  return typeof value === 'string' && (ELEMENT_TYPES as readonly string[]).includes(value);
}
