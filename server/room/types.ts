// The words every part of a room uses: a connection, the jobs of a room's queue, what a room is given by its
// registry, close codes, and the room's own constants (sizes, waits, compaction thresholds) in one place. Nothing
// here does anything; it is what the other files of server/room/ share, so each can be read on its own.
import type { WebSocket } from 'ws';
import type { Limits, TokenBucket } from '../limits';
import type { Logger } from '../log';
import type { Storage } from '../storage';
import type { AwarenessEntry, DecodedUpdate } from '../sync-protocol';
import type { Room } from './room';

export type Access = 'edit' | 'view';

/** Close codes (RFC 6455). */
export const CLOSE = {
  goingAway: 1001,
  unsupportedData: 1003,
  policyViolation: 1008,
  tooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
} as const;

/** A log longer than this is compacted when its room loads, and when it unloads. */
export const COMPACT_ON_LOAD = 100;
export const COMPACT_ON_UNLOAD = 50;
/** A log of more than one update and more than this many bytes is compacted on load and unload. */
export const COMPACT_BYTES = 1024 * 1024;
/**
 * A room that stays loaded compacts after this many records (each batch stores one per author, so a busy room of
 * twenty writers adds twenty a batch: compacting every 500 cost a quarter of its throughput).
 */
export const COMPACT_EVERY = 2_000;
export const MAX_STORE_BATCH_BYTES = 8 * 1024 * 1024;
export const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** How long a load waits for answers sent from storage to leave before applying the document. */
export const EARLY_FLUSH_MS = 250;
/** How long a load that has read storage waits for the first sync request of a client that just connected. */
export const EARLY_REQUEST_WAIT_MS = 50;
export const PING_INTERVAL_MS = 30_000;
/** Sync requests per client: a burst of 10, then one every two seconds (y-websocket sends one per connection). */
export const SYNC_REQUEST_BURST = 10;
export const SYNC_REQUESTS_PER_SECOND = 0.5;

export interface Connection {
  readonly ws: WebSocket;
  /** The client, for the logs: `c<n>`, unique in this process. */
  readonly client: string;
  readonly access: Access;
  readonly address: string;
  readonly openedAt: number;
  /** Awareness client ids this connection speaks for. */
  readonly controlled: Set<number>;
  readonly awarenessBucket: TokenBucket;
  /** Sync requests are answered with the whole document: a client gets a few, not a stream of them. */
  readonly syncBucket: TokenBucket;
  /** The latest awareness held back by the rate limit, delivered when the bucket refills. */
  lateAwareness: Map<number, AwarenessEntry> | null;
  lateTimer: NodeJS.Timeout | null;
  alive: boolean;
  droppedWrites: number;
  droppedAwareness: number;
  droppedSyncRequests: number;
  /** Being closed by the server: whatever else it sends is ignored. */
  ending: boolean;
  /** One of its updates was refused: those queued after it (which may build on it) are dropped too. */
  refused: boolean;
  /** Some of its presence was refused (said once in the log). */
  warnedPresence: boolean;
  closed: boolean;
}

/** A room's life: loading until the stored document is in, ready until storage fails or the room unloads. */
export type RoomState = 'loading' | 'ready' | 'failed' | 'closed';

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

export type Job =
  | { kind: 'remote'; conn: Connection; update: Uint8Array; decoded: DecodedUpdate | null }
  | { kind: 'local'; update: Uint8Array; stored: Deferred }
  /** `reads`: sends document content, so waits until no change made by server code is unstored. */
  | { kind: 'task'; reads: boolean; run: () => void; syncRequest?: { conn: Connection; stateVector: Uint8Array } }
  | { kind: 'compact' };

/** A run of document updates taken off the head of the queue to be stored together. */
export type UpdateJob = Extract<Job, { kind: 'remote' | 'local' }>;

export interface RoomHooks {
  /** Runs before each append (tests slow storage down with it to watch the ordering). */
  beforeStore?: (room: string, update: Uint8Array) => Promise<void> | void;
  /** Runs once an append is stored (its updates already applied), before they are sent. */
  afterStore?: (room: string, update: Uint8Array) => void;
}

/** What a room is given by the registry that made it. */
export interface RoomContext {
  storage: Storage;
  log: Logger;
  limits: Limits;
  hooks: RoomHooks;
  /** The room failed or closed: forget it. */
  gone(room: Room): void;
  /** Nobody holds the room any more. */
  unused(room: Room): void;
}
