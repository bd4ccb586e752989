// The workshop service: what REST and MCP call. Creating and importing write a whole new document atomically;
// editing and reading go through the live room (server/rooms.ts), so a server-side change is stored and
// broadcast exactly like a client's.
import * as Y from 'yjs';
import { applyImport } from '../src/board/import';
import { initWorkshop } from '../src/board';
import {
  EventStormError,
  createWorkshopInput,
  idSchema,
  parseInput,
  parseWorkshopDocument,
  type CreateWorkshopInput,
  type WorkshopMeta,
  type WorkshopSnapshot,
} from '../src/domain';
import { ACCESS_META, AccessControl, newSecret, newWorkshopId, storedAccess, type AccessKeys } from './access';
import type { Logger } from './log';
import { SCHEMA_META, schemaVersionOf, summaryOf, type Access, type Rooms, type WorkshopSummary } from './rooms';
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
}

export class Workshops {
  constructor(private readonly options: WorkshopsOptions) {}

  /** Create a workshop: validated with `createWorkshopInput`; answers its meta, its secrets and its links. */
  async create(input: CreateWorkshopInput): Promise<CreatedWorkshop> {
    const args = parseInput(createWorkshopInput, input, 'workshop');
    return this.store((doc, id) => initWorkshop(doc, id, args, { origin: 'create' }), 'create');
  }

  /**
   * Create a workshop from an exchange document, an export of the original server, or either as JSON text.
   * The whole file is checked first: an invalid one throws one `invalid` error naming every bad path, and
   * nothing is created.
   */
  async importDocument(input: unknown, newName?: string): Promise<CreatedWorkshop> {
    if (typeof input === 'string' && Buffer.byteLength(input, 'utf8') > this.options.maxDocumentBytes) {
      const mib = Math.round(this.options.maxDocumentBytes / 1024 / 1024);
      throw new EventStormError('invalid', `This file is too large to import: a workshop file is at most ${mib} MiB.`, [
        { path: '', message: `must be at most ${mib} MiB` },
      ]);
    }
    const plan = parseWorkshopDocument(input);
    return this.store((doc, id) => applyImport(doc, id, plan, { newName, origin: 'import' }), 'import');
  }

  private async store(write: (doc: Y.Doc, id: string) => WorkshopMeta, how: string): Promise<CreatedWorkshop> {
    const keys: AccessKeys = { editKey: newSecret(), viewKey: newSecret() };
    for (let attempt = 0; ; attempt++) {
      const id = newWorkshopId();
      if (await this.exists(id)) continue;
      const doc = new Y.Doc();
      try {
        const meta = write(doc, id);
        await this.options.storage.create(id, Y.encodeStateAsUpdate(doc), {
          [SUMMARY_META]: summaryOf(id, doc),
          [SCHEMA_META]: schemaVersionOf(doc) ?? null,
          [ACCESS_META]: storedAccess(keys),
        });
        this.options.access.remember(id, keys);
        this.options.log.info(`workshop.${how}`, { room: id, elements: summaryOf(id, doc).element_count });
        return { meta, ...keys, ...this.links(id, keys) };
      } catch (error) {
        if (attempt < 3 && error instanceof Error && /already exists/.test(error.message)) continue;
        throw error;
      } finally {
        doc.destroy();
      }
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
