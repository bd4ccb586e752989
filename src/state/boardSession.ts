// One open board: its Y.Doc, the page's local origin, the undo manager that tracks only that origin, the store
// fed by the document's updates, the operations the UI calls, and (in the browser) the room connection.
import * as Y from 'yjs';
import { allBoardMaps, boardMaps, liveSnapshot } from '../board';
import { connectRoom, type ConnectionState, type RoomConnection } from '../sync/connection';
import { openOfflineCopy, type OfflineCopy } from '../sync/offline';
import type { BoardLink } from './boardLink';
import { createBoardOps, type BoardOps } from './boardOps';
import { applySnapshot, createBoardStore, type BoardStatus, type BoardStore } from './boardStore';
import { createPresence, type Presence } from './presence';
import { browserStorage } from './recentWorkshops';
import { loadTimelineMode } from './viewPreferences';

export interface BoardSession {
  readonly link: BoardLink;
  readonly doc: Y.Doc;
  /** The transaction origin of every edit made on this page (and only those): what undo tracks. */
  readonly origin: { readonly page: string };
  readonly store: BoardStore;
  readonly undoManager: Y.UndoManager;
  readonly ops: BoardOps;
  readonly connection: RoomConnection | null;
  /** Who else is here, and what this page tells them (null when not connected). */
  readonly presence: Presence | null;
  /** Re-read the document into the store now (the observers otherwise do it once per burst of updates). */
  refresh(): void;
  destroy(): void;
}

export interface SessionOptions {
  /** Join the room over the websocket (the default); tests pass false and feed the doc themselves. */
  connect?: boolean;
  doc?: Y.Doc;
  serverUrl?: string;
}

export function createBoardSession(link: BoardLink, options: SessionOptions = {}): BoardSession {
  const doc = options.doc ?? new Y.Doc();
  const origin = Object.freeze({ page: `local:${doc.clientID}` });
  const store = createBoardStore(link.access, loadTimelineMode(browserStorage()));
  const maps = boardMaps(doc);
  const undoManager = new Y.UndoManager(allBoardMaps(maps), {
    trackedOrigins: new Set([origin]),
    // Every operation is already one transaction, so one step; do not merge separate edits made close together.
    captureTimeout: 0,
  });

  // Re-reads only the records an update touched, keeping the objects of everything else.
  const live = liveSnapshot(doc, link.workshopId);
  let dirty = true;
  let scheduled = false;
  let destroyed = false;
  const refresh = () => {
    scheduled = false;
    if (!dirty || destroyed) return;
    dirty = false;
    applySnapshot(store, live.get());
  };
  const onUpdate = () => {
    dirty = true;
    if (!scheduled) {
      scheduled = true;
      // A burst of updates (one websocket message, one sync step) becomes one snapshot.
      queueMicrotask(refresh);
    }
  };
  doc.on('update', onUpdate);

  const updateUndoState = () => {
    const canUndo = undoManager.canUndo();
    const canRedo = undoManager.canRedo();
    const s = store.getState();
    if (s.canUndo !== canUndo || s.canRedo !== canRedo) store.setState({ canUndo, canRedo });
  };
  undoManager.on('stack-item-added', updateUndoState);
  undoManager.on('stack-item-popped', updateUndoState);
  undoManager.on('stack-cleared', updateUndoState);

  const setStatus = (status: BoardStatus) => {
    if (store.getState().status !== status) store.setState({ status });
  };
  // The server opened the room, so the workshop exists whatever an editor wrote into its meta; a copy kept in this
  // browser alone counts when it holds a board.
  const markLoaded = (fromServer: boolean) => {
    refresh();
    const id = maps.meta.get('id');
    setStatus(fromServer || (typeof id === 'string' && id) || maps.elements.size > 0 ? 'ready' : 'missing');
  };

  let connection: RoomConnection | null = null;
  let presence: Presence | null = null;
  let offline: OfflineCopy | null = null;
  const stops: Array<() => void> = [];
  if (options.connect !== false) {
    // The copy this browser kept opens the board before (or without) the server.
    offline = openOfflineCopy(link.workshopId, doc);
    void offline.loaded.then(() => {
      const id = maps.meta.get('id');
      if (!destroyed && store.getState().status === 'loading' && ((typeof id === 'string' && id) || maps.elements.size > 0)) markLoaded(false);
    });
    connection = connectRoom({ workshopId: link.workshopId, secret: link.secret, access: link.access, doc, serverUrl: options.serverUrl });
    stops.push(
      connection.onState((state: ConnectionState) => {
        store.setState({ connection: state, refusal: state === 'refused' ? connection!.refusal : null });
        // The server's final word on the link, even over a copy kept in this browser.
        if (state === 'denied') setStatus('denied');
      }),
      connection.onUnsynced((unsynced) => store.setState({ unsynced })),
    );
    void connection.synced.then(() => {
      if (!destroyed) markLoaded(true);
    });
    presence = createPresence({ awareness: connection.provider.awareness, board: store, access: link.access });
  } else {
    markLoaded(false);
  }

  const session: BoardSession = {
    link,
    doc,
    origin,
    store,
    undoManager,
    ops: null as unknown as BoardOps,
    connection,
    presence,
    refresh,
    destroy() {
      destroyed = true;
      for (const stop of stops) stop();
      presence?.destroy();
      offline?.destroy();
      doc.off('update', onUpdate);
      live.dispose();
      undoManager.destroy();
      connection?.destroy();
    },
  };
  (session as { ops: BoardOps }).ops = createBoardOps(session);
  return session;
}
