// What the page can do to the board: each call is one src/board operation with the page's origin, followed by
// the local UI consequences (select what was made, edit its name). A refused operation (EventStormError) is
// shown to the person as a toast and answers null; nothing is half-done, because the operations are atomic.
import type * as Y from 'yjs';
import {
  addElement,
  boardMaps,
  assignToContext,
  createContext,
  deleteContext,
  deleteElements,
  duplicateElements,
  linkElements,
  moveElements,
  unassignFromContext,
  unlinkElements,
  updateContext,
  updateElement,
  updateWorkshop,
} from '../board';
import { CATALOGUE, isEventStormError, linkKey, type ElementType, type UpdateElementInput } from '../domain';
import type { BoardLink } from './boardLink';
import { selectStickies, setEditing, showToast, type BoardStore } from './boardStore';

interface SessionParts {
  readonly link: BoardLink;
  readonly doc: Y.Doc;
  readonly origin: object;
  readonly store: BoardStore;
  readonly undoManager: Y.UndoManager;
  refresh(): void;
}

export interface StickyMove {
  id: string;
  position: number;
  y: number;
}

export interface BoardOps {
  /** Add a sticky at a timeline position and y; select it and open its name for editing. */
  addSticky(type: ElementType, at: { position: number; y: number }, options?: { edit?: boolean; name?: string }): string | null;
  rename(id: string, name: string): boolean;
  updateElement(input: UpdateElementInput): boolean;
  /** Write a drop: every moved sticky in one transaction. */
  move(moves: StickyMove[]): boolean;
  deleteElements(ids: readonly string[]): boolean;
  duplicate(ids: readonly string[]): string[] | null;
  link(from: string, to: string): boolean;
  unlink(links: readonly { from: string; to: string }[]): boolean;
  createContext(name: string, color?: string): string | null;
  updateContext(id: string, fields: { name?: string; color?: string; description?: string }): boolean;
  deleteContext(id: string): boolean;
  assign(contextId: string, ids: readonly string[]): boolean;
  unassign(ids: readonly string[]): boolean;
  renameWorkshop(name: string): boolean;
  undo(): void;
  redo(): void;
}

export function defaultStickyName(type: ElementType): string {
  return `New ${CATALOGUE[type].label.toLowerCase()}`;
}

export function createBoardOps(session: SessionParts): BoardOps {
  const { doc, store } = session;
  const options = { origin: session.origin };

  const report = (error: unknown) => {
    if (isEventStormError(error)) {
      showToast(store, error.message);
    } else {
      console.error(error);
      showToast(store, `Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /** Run a write; refresh the store at once so the page shows it in this frame. */
  function write<T>(fn: () => T): T | null {
    if (session.link.access !== 'edit') {
      showToast(store, 'This is a view-only link: ask for the edit link to change the board.', 'info');
      return null;
    }
    try {
      const result = fn();
      session.refresh();
      return result;
    } catch (error) {
      report(error);
      return null;
    }
  }

  return {
    addSticky(type, at, opts = {}) {
      const element = write(() =>
        addElement(doc, { type, name: opts.name ?? defaultStickyName(type), position: at.position, y: at.y }, options),
      );
      if (!element) return null;
      selectStickies(store, [element.id]);
      if (opts.edit !== false) setEditing(store, element.id);
      return element.id;
    },
    rename(id, name) {
      return write(() => updateElement(doc, { element_id: id, name }, options)) !== null;
    },
    updateElement(input) {
      return write(() => updateElement(doc, input, options)) !== null;
    },
    move(moves) {
      if (moves.length === 0) return true;
      return write(() => moveElements(doc, { moves: moves.map((m) => ({ element_id: m.id, position: m.position, y: m.y })) }, options)) !== null;
    },
    deleteElements(ids) {
      if (ids.length === 0) return true;
      return write(() => deleteElements(doc, { element_ids: [...ids] }, options)) !== null;
    },
    duplicate(ids) {
      if (ids.length === 0) return [];
      const result = write(() => duplicateElements(doc, { element_ids: [...ids] }, options));
      if (!result) return null;
      selectStickies(store, result.created);
      return result.created;
    },
    link(from, to) {
      return write(() => linkElements(doc, { from, to }, options)) !== null;
    },
    unlink(links) {
      if (links.length === 0) return true;
      // Several arrows at once are one transaction, so one undo step; arrows someone else removed meanwhile are skipped
      // first, so the transaction cannot fail half-way.
      const present = boardMaps(doc).links;
      const doomed = links.filter((l) => present.has(linkKey(l.from, l.to)));
      if (doomed.length === 0) return true;
      return write(() => doc.transact(() => doomed.forEach((l) => unlinkElements(doc, l, options)), session.origin)) !== null;
    },
    createContext(name, color) {
      return write(() => createContext(doc, { name, color }, options))?.id ?? null;
    },
    updateContext(id, fields) {
      return write(() => updateContext(doc, { context_id: id, ...fields }, options)) !== null;
    },
    deleteContext(id) {
      return write(() => deleteContext(doc, { context_id: id }, options)) !== null;
    },
    assign(contextId, ids) {
      if (ids.length === 0) return true;
      return write(() => assignToContext(doc, { context_id: contextId, element_ids: [...ids] }, options)) !== null;
    },
    unassign(ids) {
      if (ids.length === 0) return true;
      return write(() => unassignFromContext(doc, { element_ids: [...ids] }, options)) !== null;
    },
    renameWorkshop(name) {
      return write(() => updateWorkshop(doc, { name }, options)) !== null;
    },
    undo() {
      if (session.link.access !== 'edit') return;
      session.undoManager.undo();
      session.refresh();
    },
    redo() {
      if (session.link.access !== 'edit') return;
      session.undoManager.redo();
      session.refresh();
    },
  };
}
