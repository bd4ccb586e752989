// Imports off the rooms' hot path. Parsing, validating and building the Yjs document of an imported file (tens of
// milliseconds to seconds for a big one) run in a worker thread, with the same src/board/import.ts functions as
// ever; the worker hands back the document's bytes and the main thread only stores them. This module is both the
// worker's entry and the pool that feeds it: a few workers, a bounded queue, and a 503 past it, so a flood of
// imports waits its turn instead of piling up in memory or stalling the rooms.
import { Worker, isMainThread, parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import * as Y from 'yjs';
import { applyImport } from '../src/board/import';
import { EventStormError, importInput, parseInput, parseWorkshopDocument, type IssueDetail, type WorkshopMeta } from '../src/domain';
import { HttpError, parseJson } from './http';
import type { Logger } from './log';
import { schemaVersionOf, summaryOf, type WorkshopSummary } from './rooms';

/** What to import: a REST body as it came (the file, or the MCP tool's `{workshop_data, new_name}`), or a file. */
export type ImportSource = { kind: 'body'; body: Uint8Array; newName?: string } | { kind: 'file'; file: unknown; newName?: string };

export interface ImportJob {
  workshopId: string;
  source: ImportSource;
  /** A file given as text longer than this is refused before it is parsed. */
  maxDocumentBytes: number;
}

/** A new workshop's document, built and ready to store. */
export interface BuiltDocument {
  meta: WorkshopMeta;
  update: Uint8Array;
  /** Its state vector, read from the document here so storage need not decode the update again. */
  stateVector: Uint8Array;
  summary: WorkshopSummary;
  schemaVersion: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A file given as text longer than `maxBytes` is refused before anything parses it. */
export function refuseOversized(file: unknown, maxBytes: number): void {
  if (typeof file === 'string' && Buffer.byteLength(file, 'utf8') > maxBytes) {
    const mib = Math.round(maxBytes / 1024 / 1024);
    throw new EventStormError('invalid', `This file is too large to import: a workshop file is at most ${mib} MiB.`, [{ path: '', message: `must be at most ${mib} MiB` }]);
  }
}

/** A REST import body: the export itself, or the MCP tool's shape (the export as a JSON string and a new name). */
function readImportBody(body: Uint8Array, newName: string | undefined): { file: unknown; newName?: string } {
  const value = parseJson(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  if (isRecord(value) && 'workshop_data' in value && !('format' in value)) {
    const args = parseInput(importInput, value, 'import');
    return { file: args.workshop_data, newName: args.new_name ?? newName };
  }
  if (value === undefined) {
    throw new EventStormError('invalid', 'Send the workshop file as the request body (JSON).', [{ path: '', message: 'must not be empty' }]);
  }
  return { file: value, newName };
}

/**
 * Parse, validate and build the workshop `job` describes, as workshop `job.workshopId`: the whole file is checked
 * first, and an invalid one throws one `invalid` error naming every bad path. Runs in the worker.
 */
export function buildImport(job: ImportJob): BuiltDocument {
  const { file, newName } = job.source.kind === 'body' ? readImportBody(job.source.body, job.source.newName) : job.source;
  refuseOversized(file, job.maxDocumentBytes);
  const plan = parseWorkshopDocument(file);
  return buildDocument(job.workshopId, (doc) => applyImport(doc, job.workshopId, plan, { newName, origin: 'import' }));
}

/** A fresh document written by `write`, as the bytes and summaries storage keeps. */
export function buildDocument(id: string, write: (doc: Y.Doc) => WorkshopMeta): BuiltDocument {
  const doc = new Y.Doc();
  try {
    const meta = write(doc);
    return {
      meta,
      update: Y.encodeStateAsUpdate(doc),
      stateVector: Y.encodeStateVector(doc),
      summary: summaryOf(id, doc),
      schemaVersion: schemaVersionOf(doc) ?? null,
    };
  } finally {
    doc.destroy();
  }
}

// ---- between the threads ----

const WORKER_ROLE = 'eventstorm-import';

interface JobMessage {
  id: number;
  job: ImportJob;
}

type ErrorShape = { kind: 'eventstorm'; code: EventStormError['code']; message: string; issues: IssueDetail[] } | { kind: 'other'; message: string; stack?: string };

type ResultMessage = { id: number; ok: true; built: BuiltDocument } | { id: number; ok: false; error: ErrorShape };

function errorShape(error: unknown): ErrorShape {
  if (error instanceof EventStormError) return { kind: 'eventstorm', code: error.code, message: error.message, issues: error.issues };
  return error instanceof Error ? { kind: 'other', message: error.message, stack: error.stack } : { kind: 'other', message: String(error) };
}

function errorOf(shape: ErrorShape): Error {
  if (shape.kind === 'eventstorm') return new EventStormError(shape.code, shape.message, shape.issues);
  const error = new Error(`The import worker failed: ${shape.message}`);
  if (shape.stack) error.stack = shape.stack;
  return error;
}

/** Its own buffer, whole, so it can move to the other thread instead of being copied. */
function movable(bytes: Uint8Array): TransferListItem[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE && parentPort) {
  const port = parentPort;
  port.on('message', ({ id, job }: JobMessage) => {
    let answer: ResultMessage;
    try {
      answer = { id, ok: true, built: buildImport(job) };
    } catch (error) {
      answer = { id, ok: false, error: errorShape(error) };
    }
    port.postMessage(answer, answer.ok ? movable(answer.built.update) : []);
  });
}

/**
 * The worker's bootstrap. Under tsx (`npm start`, `node --import tsx`, vitest) this module is TypeScript, which a
 * bare worker cannot load: the worker registers tsx's loader itself (found from here, wherever the process was
 * started), then imports this module. Evaluated as a script, so it needs no file of its own.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then((tsx) => { tsx.register(); return import(workerData.entry); })
  .catch((error) => setImmediate(() => { throw error; }));
`;

function spawnWorker(): Worker {
  const entry = import.meta.url;
  const options = {
    workerData: { role: WORKER_ROLE, entry, tsx: entry.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined },
    // The parent's flags (`--import tsx`, a profiler) are not the worker's business; the bootstrap brings tsx.
    execArgv: [],
    // A file that blows up in memory kills its worker, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  };
  return entry.endsWith('.ts') ? new Worker(BOOTSTRAP, { ...options, eval: true }) : new Worker(new URL(entry), options);
}

// ---- the pool ----

export interface ImportPoolOptions {
  /** Imports built at once (one worker thread each). */
  workers: number;
  /** Imports waiting for a worker; past it `run` refuses with 503. */
  queue: number;
  log: Logger;
  /** An idle worker ends after this long (it is started again on the next import). */
  idleMs?: number;
  /** A worker still busy after this long is ended and its import fails. */
  timeoutMs?: number;
}

interface Pending {
  id: number;
  job: ImportJob;
  resolve(built: BuiltDocument): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  current: Pending | null;
  idleTimer: NodeJS.Timeout | null;
  jobTimer: NodeJS.Timeout | null;
}

export interface ImportStats {
  /** Imports being built now. */
  running: number;
  /** Imports waiting for a worker. */
  queued: number;
  /** Worker threads alive. */
  workers: number;
  /** Imports a worker has answered since the pool started (built or refused as invalid). */
  inWorker: number;
}

export class ImportPool {
  private readonly workers = new Set<PoolWorker>();
  private readonly waiting: Pending[] = [];
  private nextId = 0;
  private answered = 0;
  private closed = false;

  constructor(private readonly options: ImportPoolOptions) {}

  private get running(): number {
    let n = 0;
    for (const w of this.workers) if (w.current) n++;
    return n;
  }

  /** False when an import now would be refused: every worker busy and the queue full. */
  hasRoom(): boolean {
    return this.running < this.options.workers || this.waiting.length < this.options.queue;
  }

  /** A 503 saying the server is busy importing (what `run` throws when there is no room). */
  busy(): HttpError {
    return new HttpError(503, 'unavailable', 'The server is busy importing other workshops; try again in a few seconds.', [], { 'Retry-After': '5' });
  }

  /** Build `job` in a worker; waits its turn when every worker is busy, refused (503) when the queue is full too. */
  run(job: ImportJob): Promise<BuiltDocument> {
    if (this.closed) return Promise.reject(new HttpError(503, 'unavailable', 'The server is shutting down; import again in a moment.'));
    if (!this.hasRoom()) return Promise.reject(this.busy());
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: ++this.nextId, job, resolve, reject });
      this.dispatch();
    });
  }

  stats(): ImportStats {
    return { running: this.running, queued: this.waiting.length, workers: this.workers.size, inWorker: this.answered };
  }

  /** End every worker; imports still waiting or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new HttpError(503, 'unavailable', 'The server is shutting down; import again in a moment.'));
    await Promise.all([...this.workers].map((w) => this.end(w, new HttpError(503, 'unavailable', 'The server is shutting down; import again in a moment.'))));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let free = [...this.workers].find((w) => !w.current);
      if (!free) {
        if (this.workers.size >= this.options.workers) return;
        free = this.start();
      }
      this.give(free, this.waiting.shift()!);
    }
  }

  private give(w: PoolWorker, pending: Pending): void {
    if (w.idleTimer) clearTimeout(w.idleTimer);
    w.idleTimer = null;
    w.current = pending;
    w.jobTimer = setTimeout(() => {
      this.options.log.warn('import.timeout', { ms: this.options.timeoutMs ?? 60_000 });
      void this.end(w, new HttpError(503, 'unavailable', 'This import took too long and was stopped; try a smaller file, or again later.'));
    }, this.options.timeoutMs ?? 60_000);
    w.jobTimer.unref();
    try {
      w.worker.postMessage({ id: pending.id, job: pending.job } satisfies JobMessage);
    } catch (error) {
      // The file holds something that cannot travel to the worker (only a caller in this process could send it).
      w.current = null;
      clearTimeout(w.jobTimer);
      pending.reject(new EventStormError('invalid', `This workshop file cannot be read: ${error instanceof Error ? error.message : String(error)}`, [{ path: '', message: 'must be JSON data' }]));
      this.idle(w);
    }
  }

  private start(): PoolWorker {
    const w: PoolWorker = { worker: spawnWorker(), current: null, idleTimer: null, jobTimer: null };
    w.worker.unref();
    this.workers.add(w);
    w.worker.on('message', (message: ResultMessage) => {
      const pending = w.current;
      if (!pending || pending.id !== message.id) return;
      if (w.jobTimer) clearTimeout(w.jobTimer);
      w.current = null;
      this.answered++;
      if (message.ok) pending.resolve(message.built);
      else pending.reject(errorOf(message.error));
      this.idle(w);
    });
    w.worker.on('error', (error) => {
      this.options.log.error('import.worker-failed', { error: error.message });
      void this.end(w, new Error(`The import worker failed: ${error.message}`));
    });
    w.worker.on('exit', () => {
      // Ended by `end`, or by itself (out of memory): fail what it held, let the next import start another.
      void this.end(w, new Error('The import worker stopped unexpectedly.'));
    });
    return w;
  }

  private idle(w: PoolWorker): void {
    this.dispatch();
    if (w.current || !this.workers.has(w)) return;
    w.idleTimer = setTimeout(() => void this.end(w), this.options.idleMs ?? 60_000);
    w.idleTimer.unref();
  }

  private async end(w: PoolWorker, error?: Error): Promise<void> {
    if (!this.workers.delete(w)) return;
    if (w.idleTimer) clearTimeout(w.idleTimer);
    if (w.jobTimer) clearTimeout(w.jobTimer);
    const pending = w.current;
    w.current = null;
    if (pending) pending.reject(error ?? new Error('The import worker stopped.'));
    await w.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
