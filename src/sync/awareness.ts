// Presence on the wire: what each page puts in its Yjs awareness state (who it is, where its pointer and its
// view are, what it has selected, what it is dragging, whether it asks to be followed), the check every remote
// state goes through before the page believes it, and the throttle that keeps a page under the server's
// awareness rate (30 a second per connection). Nothing here enters the shared document.

/** The version of this shape; a state of another version is ignored rather than misread. */
/** 2: x coordinates in timeline units, whatever the sender's layout (src/state/presenceLayout.ts). */
export const PRESENCE_VERSION = 2;
/** At most one awareness update per 40 ms: 25 a second, under the server's 30 a second per client. */
export const AWARENESS_INTERVAL_MS = 40;

export const MAX_NAME_LENGTH = 40;
/** Bounds on what a remote state may carry (a selection or a drag of more is cut, never trusted whole). */
export const MAX_PRESENCE_IDS = 1000;
const MAX_ID_LENGTH = 64;
const MAX_COORDINATE = 1e7;

export interface FlowPoint {
  x: number;
  y: number;
}

/** A rectangle in flow (canvas) coordinates. */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A drag in progress: these stickies, the i-th at (points[2i], points[2i+1]) in flow coordinates. */
export interface PresenceDrag {
  ids: string[];
  points: number[];
}

export interface PresenceUser {
  /** Stable per browser, so a person keeps their colour across reloads. */
  id: string;
  name: string;
  /** `#rrggbb`. */
  color: string;
}

export interface PresenceState {
  v: typeof PRESENCE_VERSION;
  user: PresenceUser;
  access: 'edit' | 'view';
  /** The pointer over the canvas, in flow coordinates; null when it is elsewhere. */
  cursor: FlowPoint | null;
  /** Selected sticky ids. */
  selection: string[];
  drag: PresenceDrag | null;
  /** The part of the board on this person's screen, in flow coordinates. */
  view: FlowRect | null;
  /** While set, this person asks everyone to follow their view; a new id for each request. */
  lead: string | null;
  /** When this page joined (ms since the epoch): of two people wearing one colour, the later one changes. */
  since: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function coordinate(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE ? value : null;
}

function point(value: unknown): FlowPoint | null {
  if (!isRecord(value)) return null;
  const x = coordinate(value.x);
  const y = coordinate(value.y);
  return x === null || y === null ? null : { x, y };
}

function rect(value: unknown): FlowRect | null {
  if (!isRecord(value)) return null;
  const p = point(value);
  const width = coordinate(value.width);
  const height = coordinate(value.height);
  if (!p || width === null || height === null || width <= 0 || height <= 0) return null;
  return { ...p, width, height };
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const id of value) {
    if (out.length >= MAX_PRESENCE_IDS) break;
    if (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH) out.push(id);
  }
  return out;
}

/** A display name as people see it: trimmed, single-spaced, bounded; empty when nothing is left. */
export function cleanName(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Control characters (and the bidi overrides that could disguise a name) go.
  const plain = value.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ');
  return [...plain.replace(/\s+/g, ' ').trim()].slice(0, MAX_NAME_LENGTH).join('');
}

const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * A remote awareness state as this page will use it, or null when it is not a presence state of ours (an empty
 * state of a page that has not said who it is yet, another version, or junk). Remote states are untrusted
 * input: every field is checked and bounded here, once.
 */
export function parsePresence(raw: unknown): PresenceState | null {
  if (!isRecord(raw) || raw.v !== PRESENCE_VERSION || !isRecord(raw.user)) return null;
  const name = cleanName(raw.user.name);
  const id = typeof raw.user.id === 'string' ? raw.user.id.slice(0, MAX_ID_LENGTH) : '';
  const color = typeof raw.user.color === 'string' && COLOR.test(raw.user.color) ? raw.user.color.toLowerCase() : null;
  if (!name || !id || !color) return null;
  let drag: PresenceDrag | null = null;
  if (isRecord(raw.drag) && Array.isArray(raw.drag.ids) && Array.isArray(raw.drag.points)) {
    const rawIds: unknown[] = raw.drag.ids.slice(0, MAX_PRESENCE_IDS);
    const rawPoints: unknown[] = raw.drag.points;
    const dragIds: string[] = [];
    const points: number[] = [];
    rawIds.forEach((id, i) => {
      const x = coordinate(rawPoints[2 * i]);
      const y = coordinate(rawPoints[2 * i + 1]);
      if (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH && x !== null && y !== null) {
        dragIds.push(id);
        points.push(x, y);
      }
    });
    if (dragIds.length > 0) drag = { ids: dragIds, points };
  }
  return {
    v: PRESENCE_VERSION,
    user: { id, name, color },
    access: raw.access === 'edit' ? 'edit' : 'view',
    cursor: point(raw.cursor),
    selection: ids(raw.selection),
    drag,
    view: rect(raw.view),
    lead: typeof raw.lead === 'string' && raw.lead.length > 0 && raw.lead.length <= MAX_ID_LENGTH ? raw.lead : null,
    since: typeof raw.since === 'number' && Number.isFinite(raw.since) && raw.since > 0 ? raw.since : 0,
  };
}

/** Structural equality for the small plain values a presence state holds. */
export function samePresenceValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => samePresenceValue(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => samePresenceValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The page's own presence, published at most once per `interval`: changes made in between are merged and the
 * latest state goes out at the end of the interval, so the last cursor position or the end of a drag is never
 * lost, only coalesced. An update that changes nothing sends nothing.
 */
export class ThrottledPresence {
  private current: PresenceState;
  private lastSent = -Infinity;
  private timer: unknown = null;
  private dirty = false;
  private disposed = false;

  constructor(
    initial: PresenceState,
    private readonly publish: (state: PresenceState) => void,
    private readonly interval = AWARENESS_INTERVAL_MS,
    private readonly timers: Timers = realTimers,
  ) {
    this.current = initial;
    this.dirty = true;
    this.flush();
  }

  get state(): PresenceState {
    return this.current;
  }

  update(patch: Partial<Omit<PresenceState, 'v'>>): void {
    if (this.disposed) return;
    let changed = false;
    for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
      if (!samePresenceValue(this.current[key], patch[key])) {
        changed = true;
        break;
      }
    }
    if (!changed) return;
    this.current = { ...this.current, ...patch };
    this.dirty = true;
    const wait = this.lastSent + this.interval - this.timers.now();
    if (wait <= 0) this.flush();
    else if (this.timer === null) this.timer = this.timers.setTimeout(() => this.flush(), wait);
  }

  /** Send now whatever is not sent yet. */
  flush(): void {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.dirty || this.disposed) return;
    this.dirty = false;
    this.lastSent = this.timers.now();
    this.publish(this.current);
  }

  dispose(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.disposed = true;
  }
}
