// What the page can do to the board: each call is one operation of the catalogue (src/board/catalogue) run with
// the page's origin, followed by the local UI consequences (select what was made, edit its name). A refused operation (EventStormError) is
// shown to the person as a toast and answers null; nothing is half-done, because the operations are atomic.
import type * as Y from 'yjs';
import { boardMaps, OPERATION_CATALOGUE as OPS, type OperationEntry } from '../board';
import { CATALOGUE, isEventStormError, linkKey, type ElementType, type UpdateElementInput } from '../domain';
import type { z } from 'zod';
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
  /** Mark these events pivotal (or not), in one step. */
  setPivotal(ids: readonly string[], pivotal: boolean): boolean;
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

  /** Run one catalogue operation as this page. */
  const perform = <S extends z.ZodObject, R>(entry: OperationEntry<S, R>, input: z.input<S>): R | null => write(() => entry.run(doc, input, options));

  return {
    addSticky(type, at, opts = {}) {
      const element = perform(OPS.add_element, { type, name: opts.name ?? defaultStickyName(type), position: at.position, y: at.y });
      if (!element) return null;
      selectStickies(store, [element.id]);
      if (opts.edit !== false) setEditing(store, element.id);
      return element.id;
    },
    rename(id, name) {
      return perform(OPS.update_element, { element_id: id, name }) !== null;
    },
    updateElement(input) {
      return perform(OPS.update_element, input) !== null;
    },
    setPivotal(ids, pivotal) {
      // One transaction of this page's origin: one undo step, however many events.
      return write(() => doc.transact(() => ids.forEach((id) => OPS.update_element.run(doc, { element_id: id, pivotal }, options)), session.origin)) !== null;
    },
    move(moves) {
      if (moves.length === 0) return true;
      return perform(OPS.move_elements, { moves: moves.map((m) => ({ element_id: m.id, position: m.position, y: m.y })) }) !== null;
    },
    deleteElements(ids) {
      if (ids.length === 0) return true;
      return perform(OPS.delete_elements, { element_ids: [...ids] }) !== null;
    },
    duplicate(ids) {
      if (ids.length === 0) return [];
      const result = perform(OPS.duplicate_elements, { element_ids: [...ids] });
      if (!result) return null;
      selectStickies(store, result.created);
      return result.created;
    },
    link(from, to) {
      return perform(OPS.link_elements, { from, to }) !== null;
    },
    unlink(links) {
      if (links.length === 0) return true;
      // Several arrows at once are one operation, so one undo step; arrows someone else removed meanwhile are skipped
      // first, so it is not refused for them.
      const present = boardMaps(doc).links;
      const doomed = links.filter((l) => present.has(linkKey(l.from, l.to)));
      if (doomed.length === 0) return true;
      return perform(OPS.unlink_elements, { links: doomed.map((l) => ({ from: l.from, to: l.to })) }) !== null;
    },
    createContext(name, color) {
      return perform(OPS.create_bounded_context, { name, color })?.id ?? null;
    },
    updateContext(id, fields) {
      return perform(OPS.update_bounded_context, { context_id: id, ...fields }) !== null;
    },
    deleteContext(id) {
      return perform(OPS.delete_bounded_context, { context_id: id }) !== null;
    },
    assign(contextId, ids) {
      if (ids.length === 0) return true;
      return perform(OPS.assign_to_context, { context_id: contextId, element_ids: [...ids] }) !== null;
    },
    unassign(ids) {
      if (ids.length === 0) return true;
      return perform(OPS.unassign_from_context, { element_ids: [...ids] }) !== null;
    },
    renameWorkshop(name) {
      return perform(OPS.update_workshop, { name }) !== null;
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
