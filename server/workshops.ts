// The workshop service: what REST and MCP call. Creating and importing write a whole new document atomically;
// editing and reading go through the live room (server/rooms.ts), so a server-side change is stored and
// broadcast exactly like a client's. Creating and importing are counted per address (server/creation-quota.ts),
// and an import is parsed and built in a worker thread (server/import-worker.ts), never on the rooms' thread.
import type * as Y from 'yjs';
import { initWorkshop } from '../src/board';
import { EventStormError, createWorkshopInput, idSchema, parseInput, type CreateWorkshopInput, type WorkshopMeta, type WorkshopSnapshot } from '../src/domain';
import { ACCESS_META, AccessControl, newSecret, newWorkshopId, storedAccess, type AccessKeys } from './access';
import { CreationQuota, type CreationTicket } from './creation-quota';
import { ImportPool, buildDocument, refuseOversized, type BuiltDocument, type ImportSource, type ImportStats } from './import-worker';
import { currentCreator } from './request-creator';
import { DEFAULT_LIMITS, type Limits } from './limits';
import type { Logger } from './log';
import { SCHEMA_META, type Access, type Rooms, type WorkshopSummary } from './rooms';
import type { Storage } from './storage';

export interface WorkshopLinks {
  /** `/w/<id>#key=<edit secret>`: the board. */
  boardUrl: string;
  /** `/w/<id>#view=<view secret>`: the read-only board. */
  viewUrl: string;
}

export interface CreatedWorkshop extends WorkshopLinks {
  meta: WorkshopMeta;
  editKey: string;
  viewKey: string;
}

export type { WorkshopSummary };

export const SUMMARY_META = 'summary';

export function workshopNotFound(id: string): EventStormError {
  return new EventStormError('not_found', `No workshop with id "${id}". Check the id, or create a workshop first.`, [
    { path: 'workshop_id', message: `unknown workshop id ${id}` },
  ]);
}

export interface WorkshopsOptions {
  storage: Storage;
  rooms: Rooms;
  access: AccessControl;
  log: Logger;
  /** The origin links are built on (PUBLIC_URL, or where the server listens). */
  origin: () => string;
  /** An import given as text longer than this is refused before it is parsed. */
  maxDocumentBytes: number;
  /** The creation quota and the import workers (the defaults when absent). */
  limits?: CreationAndImportLimits;
}

export type CreationAndImportLimits = Pick<Limits, 'createBurst' | 'createPerMinute' | 'createBytesPerHour' | 'importWorkers' | 'importQueue'>;

/**
 * Who creates: an address (REST's client; counted, once per call, then charged the new document's bytes), a ticket
 * from `admit` (counted already, before its body was read), or nobody: then the address of the request being served
 * (MCP, through request-creator.ts), or not counted at all (server code).
 */
export type Creator = string | CreationTicket | undefined;

export class Workshops {
  private readonly quota: CreationQuota;
  private readonly imports: ImportPool;

  constructor(private readonly options: WorkshopsOptions) {
    const limits = options.limits ?? DEFAULT_LIMITS;
    this.quota = new CreationQuota(limits);
    this.imports = new ImportPool({ workers: limits.importWorkers, queue: limits.importQueue, log: options.log });
  }

  /**
   * Count one creation or import from `address` before anything is read or built: a 429 (`too_many_requests`, with
   * Retry-After) past its burst and rate, or once it has stored its hour's bytes. Pass the ticket to create/import.
   */
  admit(address: string): CreationTicket {
    return this.quota.admit(address);
  }

  /** A 503 when an import now would find every worker busy and the queue full (checked again when it is queued). */
  requireImportRoom(): void {
    if (!this.imports.hasRoom()) throw this.imports.busy();
  }

  /** Imports building and waiting, and how many the workers have answered. */
  importStats(): ImportStats {
    return this.imports.stats();
  }

  /** Create a workshop: validated with `createWorkshopInput`; answers its meta, its secrets and its links. */
  async create(input: CreateWorkshopInput, by?: Creator): Promise<CreatedWorkshop> {
    const ticket = this.ticketOf(by);
    const args = parseInput(createWorkshopInput, input, 'workshop');
    return this.store((id) => buildDocument(id, (doc) => initWorkshop(doc, id, args, { origin: 'create' })), 'create', ticket);
  }

  /**
   * Create a workshop from an exchange document, an export of the original server, or either as JSON text.
   * The whole file is checked first: an invalid one throws one `invalid` error naming every bad path, and
   * nothing is created. Parsed and built in a worker thread.
   */
  async importDocument(input: unknown, newName?: string, by?: Creator): Promise<CreatedWorkshop> {
    refuseOversized(input, this.options.maxDocumentBytes);
    return this.importFrom({ kind: 'file', file: input, newName }, by);
  }

  /**
   * Import a REST body as it came: the exchange document (or the original server's export), or the MCP tool's
   * `{"workshop_data": "<the file as a string>", "new_name"?}`; `newName` renames unless the body names one.
   * Even the JSON is parsed in the worker: a 400 for bad JSON, an empty body or a bad file, exactly as before.
   */
  async importBody(body: Uint8Array, newName?: string, by?: Creator): Promise<CreatedWorkshop> {
    return this.importFrom({ kind: 'body', body, newName }, by);
  }

  /** End the import workers (they also end by themselves when idle). */
  async close(): Promise<void> {
    await this.imports.close();
  }

  private importFrom(source: ImportSource, by: Creator): Promise<CreatedWorkshop> {
    this.requireImportRoom();
    const ticket = this.ticketOf(by);
    return this.store((workshopId) => this.imports.run({ workshopId, source, maxDocumentBytes: this.options.maxDocumentBytes }), 'import', ticket);
  }

  /** The caller's ticket; with none given, the address of the request being served (MCP), if any. */
  private ticketOf(by: Creator): CreationTicket | undefined {
    const who = by ?? currentCreator();
    return typeof who === 'string' ? this.quota.admit(who) : who;
  }

  /**
   * Build a new workshop's document under a fresh id, charge its bytes to whoever asked for it, and store it whole.
   * Nothing is stored when building throws or the bytes would pass the creator's hour.
   */
  private async store(build: (id: string) => BuiltDocument | Promise<BuiltDocument>, how: string, by?: CreationTicket): Promise<CreatedWorkshop> {
    const keys: AccessKeys = { editKey: newSecret(), viewKey: newSecret() };
    for (let attempt = 0; ; attempt++) {
      const id = newWorkshopId();
      if (await this.exists(id)) continue;
      const built = await build(id);
      const refund = by ? this.quota.charge(by.address, built.update.byteLength) : () => {};
      try {
        await this.options.storage.create(
          id,
          built.update,
          {
            [SUMMARY_META]: built.summary,
            [SCHEMA_META]: built.schemaVersion,
            [ACCESS_META]: storedAccess(keys),
          },
          built.stateVector,
        );
      } catch (error) {
        refund();
        if (attempt < 3 && error instanceof Error && /already exists/.test(error.message)) continue;
        throw error;
      }
      this.options.access.remember(id, keys);
      this.options.log.info(`workshop.${how}`, { room: id, elements: built.summary.element_count, bytes: built.update.byteLength, addr: by?.address });
      return { meta: built.meta, ...keys, ...this.links(id, keys) };
    }
  }

  /** Every workshop, most recently changed first, from the summaries kept beside the documents (none is loaded). */
  async list(): Promise<WorkshopSummary[]> {
    const live = this.options.rooms.liveSummaries();
    const out: WorkshopSummary[] = [];
    for (const name of await this.options.storage.documentNames()) {
      const summary = live.get(name) ?? (await this.options.storage.getMeta<WorkshopSummary>(name, SUMMARY_META));
      if (summary && typeof summary.id === 'string') out.push(summary);
    }
    return out.sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : a.id < b.id ? -1 : 1));
  }

  async exists(id: string): Promise<boolean> {
    if (!idSchema.safeParse(id).success) return false;
    return (await this.options.access.keysOf(id)) !== undefined;
  }

  private async requireWorkshop(id: string): Promise<void> {
    if (!(await this.exists(id))) throw workshopNotFound(id);
  }

  /**
   * Run `fn` on the workshop's live document, in one transaction with `origin` (it calls src/board operations).
   * Resolves with its result once the change is durably stored and sent to the room's clients. An error thrown
   * by `fn` (an EventStormError from an operation, which then changed nothing) propagates.
   */
  async edit<T>(id: string, fn: (doc: Y.Doc) => T, origin: unknown = 'server'): Promise<T> {
    await this.requireWorkshop(id);
    return this.options.rooms.edit(id, fn, origin);
  }

  /** Read the workshop: `fn` gets its snapshot and the live document (do not write to it here; use `edit`). */
  async read<T>(id: string, fn: (snap: WorkshopSnapshot, doc: Y.Doc) => T): Promise<T> {
    await this.requireWorkshop(id);
    return this.options.rooms.read(id, fn);
  }

  links(id: string, keys: AccessKeys): WorkshopLinks {
    const base = `${this.options.origin()}/w/${encodeURIComponent(id)}`;
    return { boardUrl: `${base}#key=${encodeURIComponent(keys.editKey)}`, viewUrl: `${base}#view=${encodeURIComponent(keys.viewKey)}` };
  }

  /** The secrets of a workshop, for trusted callers only (MCP answering with a board's links). */
  async keys(id: string): Promise<AccessKeys> {
    const keys = (await this.exists(id)) ? await this.options.access.keysOf(id) : undefined;
    if (!keys) throw workshopNotFound(id);
    return keys;
  }

  /**
   * What `secret` grants on `id`: 'edit' or 'view', null when it is wrong; a workshop that does not exist
   * throws not_found.
   */
  async authorize(id: string, secret: string, wanted: Access = 'edit'): Promise<Access | null> {
    const granted = idSchema.safeParse(id).success ? await this.options.access.grant(id, secret, wanted) : undefined;
    if (granted === undefined) throw workshopNotFound(id);
    return granted;
  }
}
