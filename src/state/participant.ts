// Who this browser is on a board: a stable id, a display name (asked once, remembered in localStorage, with a
// friendly default until then) and a colour, the same on every board, that no one else in the room wears.
import { cleanName } from '../sync/awareness';

export interface Participant {
  id: string;
  name: string;
  /** The person chose (or accepted) the name: do not ask again. */
  named: boolean;
}

export const PARTICIPANT_KEY = 'eventstorm.participant';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Distinct, saturated colours that white text reads on and that differ from the sticky colours' pastels. */
export const PRESENCE_COLORS = [
  '#e11d48', // rose
  '#2563eb', // blue
  '#059669', // emerald
  '#d97706', // amber
  '#7c3aed', // violet
  '#0891b2', // cyan
  '#c026d3', // fuchsia
  '#65a30d', // lime
  '#dc2626', // red
  '#4f46e5', // indigo
  '#0d9488', // teal
  '#ea580c', // orange
] as const;

const ADJECTIVES = ['Bright', 'Calm', 'Clever', 'Curious', 'Eager', 'Gentle', 'Happy', 'Keen', 'Lively', 'Lucky', 'Merry', 'Nimble', 'Quick', 'Quiet', 'Sunny', 'Swift', 'Witty', 'Brave'];
const ANIMALS = ['Badger', 'Beaver', 'Falcon', 'Fox', 'Heron', 'Koala', 'Lynx', 'Marten', 'Otter', 'Owl', 'Panda', 'Puffin', 'Robin', 'Seal', 'Stork', 'Tiger', 'Wombat', 'Wren'];

/** A friendly default name ("Curious Otter"), from a random number in [0, 1). */
export function defaultName(random: () => number = Math.random): string {
  const pick = <T,>(list: readonly T[]) => list[Math.min(list.length - 1, Math.floor(random() * list.length))];
  return `${pick(ADJECTIVES)} ${pick(ANIMALS)}`;
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 20);
}

/** This browser's participant, created (and stored) on first use; whatever in storage is malformed is replaced. */
export function loadParticipant(storage: KeyValueStore | null, makeId: () => string = randomId, random: () => number = Math.random): Participant {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(PARTICIPANT_KEY) ?? 'null');
    if (parsed && typeof parsed === 'object') {
      const p = parsed as Record<string, unknown>;
      const name = cleanName(p.name);
      if (typeof p.id === 'string' && p.id.length > 0 && p.id.length <= 64 && name) {
        return { id: p.id, name, named: p.named === true };
      }
    }
  } catch {
    // not JSON: start afresh
  }
  const fresh: Participant = { id: makeId(), name: defaultName(random), named: false };
  saveParticipant(storage, fresh);
  return fresh;
}

export function saveParticipant(storage: KeyValueStore | null, participant: Participant): void {
  try {
    storage?.setItem(PARTICIPANT_KEY, JSON.stringify(participant));
  } catch {
    // storage refused: the name lasts for this page only
  }
}

/** The name a person typed, as it will be shown; the old name when nothing usable was typed. */
export function rename(participant: Participant, typed: string): Participant {
  const name = cleanName(typed);
  return { ...participant, name: name || participant.name, named: true };
}

function hash(text: string): number {
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The colour a participant wears when no one else has it: the same on every board, from their id. */
export function preferredColor(participantId: string): string {
  return PRESENCE_COLORS[hash(participantId) % PRESENCE_COLORS.length];
}

/**
 * A colour for `participantId` given the colours the others in the room wear: the preferred one when it is
 * free, else the least worn, the nearest after the preferred one on ties. Twelve colours, so up to twelve
 * people are all different; beyond, colours repeat as evenly as they can.
 */
export function assignColor(participantId: string, taken: readonly string[]): string {
  const start = PRESENCE_COLORS.indexOf(preferredColor(participantId) as (typeof PRESENCE_COLORS)[number]);
  const uses = new Map<string, number>();
  for (const c of taken) uses.set(c.toLowerCase(), (uses.get(c.toLowerCase()) ?? 0) + 1);
  let best: string = PRESENCE_COLORS[start];
  let bestUses = Infinity;
  for (let i = 0; i < PRESENCE_COLORS.length; i++) {
    const color = PRESENCE_COLORS[(start + i) % PRESENCE_COLORS.length];
    const n = uses.get(color) ?? 0;
    if (n < bestUses) {
      best = color;
      bestUses = n;
      if (n === 0) break;
    }
  }
  return best;
}

/** Up to two initials for an avatar: "Curious Otter" → "CO", "ana" → "AN", "李小龙" → "李小". */
export function initialsOf(name: string): string {
  const words = cleanName(name).split(' ').filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return [...words[0]].slice(0, 2).join('').toUpperCase();
  return ([...words[0]][0] + [...words[words.length - 1]][0]).toUpperCase();
}
