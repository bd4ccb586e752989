// "N changes not yet on the server": this page's own changes, counted from the moment they are made until the
// server has certainly stored them. The server answers a client's messages in order and stores an update before
// it answers anything sent after it, so the answer to a sync request (sync step 2) proves that every update sent
// before that request is stored. On (re)connecting, the page answers the server's sync step 1 with everything
// the server lacks — the changes made offline among them — and then asks once; while online it asks again
// (rate-limited, the server allows a client few sync requests) whenever it has sent changes since.
// Pure bookkeeping: the connection feeds it events and a clock.

/**
 * Questions are rationed like the server rations sync requests (a burst, then one per two seconds; y-websocket
 * spends one per connection): a burst of four, then one per two and a half seconds, never two within a quarter
 * second (a burst of edits is confirmed by one answer).
 */
export const PROBE_BURST = 4;
export const PROBE_REFILL_MS = 2500;
export const PROBE_GAP_MS = 250;
/** A question unanswered for this long is taken as lost (a later answer then proves less, never more). */
export const PROBE_TIMEOUT_MS = 10_000;
/** A change sent while online that the server has not confirmed within this long shows as "syncing". */
export const STALE_AFTER_MS = 6000;

interface Change {
  seq: number;
  at: number;
  /** Made while the page was not connected (or carried over from an earlier visit): shows until confirmed. */
  offline: boolean;
}

export class UnsyncedChanges {
  private seq = 0;
  private pending: Change[] = [];
  /** Changes up to this number have been handed to the socket on the current connection. */
  private sentUpTo = 0;
  private connected = false;
  /** The server's sync step 1 on this connection has arrived (and been answered with what it lacks). */
  private greeted = false;
  /** y-websocket's own sync request of this connection is still unanswered. */
  private firstAnswerDue = false;
  private probe: { upTo: number; at: number } | null = null;
  private lastProbeAt = -Infinity;
  private tokens = PROBE_BURST;
  private refilledAt: number | null = null;

  /** `carried`: changes an earlier visit of this page left unconfirmed (they are in the local copy). */
  constructor(carried = 0, now = 0) {
    for (let i = 0; i < carried; i++) this.pending.push({ seq: ++this.seq, at: now, offline: true });
  }

  get count(): number {
    return this.pending.length;
  }

  /** Pending changes the person should hear about: made offline, or sent but unconfirmed for too long. */
  backlog(now: number): number {
    let n = 0;
    for (const c of this.pending) if (c.offline || now - c.at >= STALE_AFTER_MS) n++;
    return n;
  }

  /** A change made on this page. Online, the provider has already sent it. */
  record(now: number): void {
    const seq = ++this.seq;
    const online = this.connected && this.greeted;
    this.pending.push({ seq, at: now, offline: !online });
    if (online) this.sentUpTo = seq;
  }

  /** The socket is open: a new connection, whose first sync request is y-websocket's own. */
  opened(): void {
    this.connected = true;
    this.greeted = false;
    this.firstAnswerDue = true;
    this.probe = null;
  }

  /** The server's sync step 1 arrived; the page answers it with everything the server lacks. */
  greeting(): void {
    if (!this.connected) return;
    this.greeted = true;
    this.sentUpTo = this.seq;
  }

  /** A sync step 2 arrived: the answer to the oldest unanswered sync request of this connection. */
  answer(): void {
    if (!this.connected) return;
    if (this.firstAnswerDue) {
      this.firstAnswerDue = false;
      return;
    }
    if (!this.probe) return;
    const { upTo } = this.probe;
    this.probe = null;
    this.pending = this.pending.filter((c) => c.seq > upTo);
  }

  closed(): void {
    this.connected = false;
    this.greeted = false;
    this.firstAnswerDue = false;
    this.probe = null;
  }

  private refill(now: number): void {
    if (this.refilledAt === null || this.tokens >= PROBE_BURST) {
      this.refilledAt = now;
      return;
    }
    const gained = Math.floor((now - this.refilledAt) / PROBE_REFILL_MS);
    if (gained <= 0) return;
    this.tokens = Math.min(PROBE_BURST, this.tokens + gained);
    this.refilledAt += gained * PROBE_REFILL_MS;
  }

  private needsProbe(): boolean {
    return this.connected && this.greeted && !this.firstAnswerDue && this.pending.some((c) => c.seq <= this.sentUpTo);
  }

  /** Whether to ask the server now; if a question was lost, forget it first. */
  shouldProbe(now: number): boolean {
    if (this.probe && now - this.probe.at >= PROBE_TIMEOUT_MS) this.probe = null;
    if (this.probe || !this.needsProbe()) return false;
    this.refill(now);
    return this.tokens >= 1 && now - this.lastProbeAt >= PROBE_GAP_MS;
  }

  /** When the next question may go (for a timer), or null when none is needed. */
  nextProbeAt(now: number): number | null {
    if (this.probe) return this.probe.at + PROBE_TIMEOUT_MS;
    if (!this.needsProbe()) return null;
    this.refill(now);
    const gap = this.lastProbeAt + PROBE_GAP_MS;
    return this.tokens >= 1 ? Math.max(now, gap) : Math.max(gap, (this.refilledAt ?? now) + PROBE_REFILL_MS);
  }

  probed(now: number): void {
    this.refill(now);
    this.tokens = Math.max(0, this.tokens - 1);
    this.probe = { upTo: this.sentUpTo, at: now };
    this.lastProbeAt = now;
  }
}
