// Limits that keep one bad client from hurting the others: sizes, rates and the token buckets that enforce them.

export interface Limits {
  /** A websocket message over this closes its connection with 1009 (4 MiB holds a 10,000-element board made offline). */
  maxMessageBytes: number;
  /** A request body over this gets 413. */
  maxBodyBytes: number;
  /** Awareness updates a client may send per second; the excess is dropped (the latest is delivered late). */
  awarenessPerSecond: number;
  /** An awareness update over this is dropped (presence is small; a document travels as a sync message). */
  maxAwarenessBytes: number;
  /** New websocket connections one address may open at once, then `connectPerSecond` more each second. */
  connectBurst: number;
  connectPerSecond: number;
  /** A client that lets this much pile up unread is closed (1013) rather than held in the server's memory. */
  maxBufferedBytes: number;
  /** Document updates waiting to be stored in one room; past it the sender is closed (1013) and retries. */
  maxQueuedBytes: number;
  /**
   * A board's document may grow to this many bytes (MAX_BOARD_BYTES); an update past it is refused with 1008 and
   * nothing stored. Sized for 10,000 elements of about 1.6 KB each (a long name, description and notes).
   */
  maxBoardBytes: number;
  /** Presence client ids one connection may speak for (a page uses one; a few allow for reloads of its state). */
  presenceIdsPerConnection: number;
  /** One presence state's JSON over this is dropped (a page's, with a selection of 1,000 stickies, is ~30 KB). */
  maxPresenceStateBytes: number;
  /**
   * Workshops one address may create or import at once (REST; the two count together), then `createPerMinute`
   * more each minute (CREATE_BURST, CREATE_RATE). Every attempt counts, an invalid one too.
   */
  createBurst: number;
  createPerMinute: number;
  /** Bytes of new documents one address may store in any hour, created and imported alike (CREATE_BYTES_PER_HOUR). */
  createBytesPerHour: number;
  /** Imports parsed, validated and built at once, each in a worker thread off the rooms' event loop (IMPORT_WORKERS). */
  importWorkers: number;
  /** Imports waiting for a worker; past it an import is refused with 503 and asked to retry (IMPORT_QUEUE). */
  importQueue: number;
}

const MiB = 1024 * 1024;

/**
 * The largest workshop file an import takes: whatever a board may hold exports to a file this size or smaller (the
 * JSON repeats each field's name per element: at most twice the document, plus about 300 bytes for each of its
 * 10,000 elements), so every export imports.
 */
export function importBytesFor(limits: Pick<Limits, 'maxBoardBytes' | 'maxBodyBytes'>): number {
  return Math.max(limits.maxBodyBytes, 2 * limits.maxBoardBytes + 8 * MiB);
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 4 * MiB,
  maxBodyBytes: 5 * MiB,
  awarenessPerSecond: 30,
  maxAwarenessBytes: 1 * MiB,
  connectBurst: 60,
  connectPerSecond: 20,
  maxBufferedBytes: 32 * MiB,
  maxQueuedBytes: 64 * MiB,
  maxBoardBytes: 16 * MiB,
  presenceIdsPerConnection: 4,
  maxPresenceStateBytes: 64 * 1024,
  createBurst: 20,
  createPerMinute: 30,
  createBytesPerHour: 200 * MiB,
  importWorkers: 1,
  importQueue: 8,
};

/** A bucket of `capacity` tokens refilled at `perSecond`; `take()` answers whether one was available. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }

  take(): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Milliseconds until the next token. */
  wait(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  /** True when the bucket is full again (it can be forgotten). */
  full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }
}

/** Per-address connection throttling: one bucket per address, forgotten once full again. */
export class AddressThrottle {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweeps = 0;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  allow(address: string): boolean {
    if (++this.sweeps % 1000 === 0) this.sweep();
    let bucket = this.buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(this.burst, this.perSecond, this.now);
      this.buckets.set(address, bucket);
    }
    return bucket.take();
  }

  private sweep(): void {
    for (const [address, bucket] of this.buckets) if (bucket.full()) this.buckets.delete(address);
  }

  get size(): number {
    return this.buckets.size;
  }
}
