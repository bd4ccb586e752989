// The element catalogue: the one definition of the eight sticky types (ddd-crew EventStorming glossary legend).

export const ELEMENT_TYPES = [
  'actor',
  'command',
  'aggregate',
  'event',
  'policy',
  'read_model',
  'external_system',
  'hotspot',
] as const;

export type ElementType = (typeof ELEMENT_TYPES)[number];

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
};

export function isElementType(value: unknown): value is ElementType {
  return typeof value === 'string' && (ELEMENT_TYPES as readonly string[]).includes(value);
}
