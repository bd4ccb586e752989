// The queue: the one order in which a room does its work. Clients' updates, changes made by server code, sync
// answers and compactions are jobs in one list, run one at a time by `pump`, which does not start before the
// stored document has loaded (so no client is answered from a half-loaded room). It owns the jobs, the bytes they
// hold, the count of server changes not yet stored (a job that sends document content waits for them) and the
// callers waiting for the queue to go idle. What a run of updates does when it reaches the head (guard, apply,
// store, forward) is the store's (store.ts); the queue only decides when.
import { errorText, type Logger } from '../log';
import type { Room } from './room';
import { MAX_STORE_BATCH_BYTES, deferred, type Connection, type Deferred, type Job, type UpdateJob } from './types';

export class Queue {
  private readonly jobs: Job[] = [];
  private bytes = 0;
  private pumping = false;
  /** Server changes queued and not yet stored: a job that sends document content waits until there are none. */
  private localPending = 0;
  private last: Deferred | null = null;
  private idleWaiters: Array<() => void> = [];
  /** Called when a sync request is queued, while a load waits for one. */
  private onSyncRequest: (() => void) | null = null;

  constructor(
    private readonly room: Room,
    private readonly ctx: { readonly log: Logger },
  ) {}

  /** Bytes of document updates queued and not yet stored. */
  get queuedBytes(): number {
    return this.bytes;
  }

  /** The latest change made by server code that was queued: it settles once stored (and those before it are). */
  get lastLocal(): Deferred | null {
    return this.last;
  }

  enqueue(job: Job, bytes = 0): void {
    this.jobs.push(job);
    if (job.kind === 'task' && job.syncRequest) this.onSyncRequest?.();
    this.bytes += bytes;
    void this.pump();
  }

  /** Queue a change made by server code, right in the document: it is stored, then sent. */
  enqueueLocal(update: Uint8Array): void {
    const stored = deferred();
    this.localPending++;
    this.last = stored;
    this.enqueue({ kind: 'local', update, stored }, update.byteLength);
  }

  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      await this.room.ready;
      while (this.jobs.length > 0 && this.room.state === 'ready') {
        const head = this.jobs[0];
        if (head.kind === 'task') {
          this.jobs.shift();
          // A task that sends document content waits for any unstored server change (it is further down the queue).
          if (head.reads && this.localPending > 0) this.jobs.push(head);
          else head.run();
          continue;
        }
        if (head.kind === 'compact') {
          this.jobs.shift();
          await this.room.store.compact();
          continue;
        }
        await this.room.store.storeBatch();
      }
    } catch (error) {
      if (this.room.state === 'ready') {
        this.ctx.log.error('room.store.failed', { room: this.room.id, error: errorText(error) });
        this.room.fail(error);
      }
    } finally {
      this.pumping = false;
      if (this.jobs.length === 0 || this.room.state !== 'ready') {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  /** Take the run of document updates at the head of the queue (up to MAX_STORE_BATCH_BYTES) to store together. */
  takeBatch(): { batch: UpdateJob[]; bytes: number } {
    const batch: UpdateJob[] = [];
    let bytes = 0;
    while (this.jobs.length > 0 && bytes < MAX_STORE_BATCH_BYTES) {
      const job = this.jobs[0];
      if (job.kind !== 'remote' && job.kind !== 'local') break;
      batch.push(job);
      bytes += job.update.byteLength;
      this.jobs.shift();
    }
    return { batch, bytes };
  }

  /** A batch's append is over (stored or failed): its bytes no longer count as queued. */
  released(bytes: number): void {
    this.bytes -= bytes;
  }

  /** A change made by server code is stored. */
  localStored(): void {
    this.localPending--;
  }

  /** Compact before anything else queued. */
  compactNext(): void {
    this.jobs.unshift({ kind: 'compact' });
  }

  /** Compact after what is queued now (at load: the pump, waiting for the load to finish, will get to it). */
  compactAfterQueued(): void {
    this.jobs.push({ kind: 'compact' });
  }

  /** The connections with a sync request in the queue. */
  askers(): Set<Connection> {
    const asked = new Set<Connection>();
    for (const job of this.jobs) if (job.kind === 'task' && job.syncRequest) asked.add(job.syncRequest.conn);
    return asked;
  }

  /** Resolves when the next sync request is queued, or after `timeoutMs`. */
  nextSyncRequest(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.onSyncRequest = done;
    }).finally(() => {
      this.onSyncRequest = null;
    });
  }

  /** Take out of the queue, in order, the queued sync requests that `match`, to answer them some other way. */
  takeSyncRequests(match: (stateVector: Uint8Array) => boolean): Connection[] {
    const taken: Connection[] = [];
    for (let i = 0; i < this.jobs.length; i++) {
      const job = this.jobs[i];
      if (job.kind !== 'task' || !job.syncRequest || !match(job.syncRequest.stateVector)) continue;
      taken.push(job.syncRequest.conn);
      this.jobs.splice(i--, 1);
    }
    return taken;
  }

  /** Resolves when nothing is queued or in flight. */
  whenIdle(): Promise<void> {
    if (!this.pumping && (this.jobs.length === 0 || this.room.state !== 'ready')) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The room failed: nothing queued will run, and the server changes waiting to be stored fail with `error`. */
  drop(error: unknown): void {
    for (const job of this.jobs) if (job.kind === 'local') job.stored.reject(error);
    this.jobs.length = 0;
  }
}
