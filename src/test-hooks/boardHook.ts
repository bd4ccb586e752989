// The test and benchmark hook, compiled only into the test build (`vite build --mode e2e`, dist-e2e/), where
// vite.config.ts puts it in place of src/ui/board/probe.ts: the page's document, its local origin and the board
// operations on `window.__eventstorm`, so a test can replay a workshop through the very operations the page uses.
// Reading it changes nothing. The production build (`npm start`, dist/) holds none of this (server/dist.test.ts).
import type { ReactFlowInstance } from '@xyflow/react';
import * as Y from 'yjs';
import * as board from '../board';
import { snapshot } from '../board';
import { runToolOnDoc } from '../board/tutorial-replay';
import type { BoardSession } from '../state/boardSession';
import type { BoardNode, TriggerEdge } from '../state/canvasNodes';
import type * as probe from '../ui/board/probe';

declare global {
  interface Window {
    /** The test build's hook (src/test-hooks/boardHook.ts); undefined in the production build. */
    __eventstorm?: {
      doc: BoardSession['doc'];
      origin: BoardSession['origin'];
      board: typeof board;
      /** Run one MCP-shaped tool call through the catalogue with the page's origin; answers the tool's answer. */
      runTool: (tool: string, args: Record<string, unknown>) => Record<string, unknown>;
      session: BoardSession;
      snapshot: () => ReturnType<typeof snapshot>;
      /** Bytes of the whole document as stored (its full state as one update). */
      encodedSize: () => number;
      /** The canvas's React Flow instance (viewport control for screenshots and benchmarks). */
      flow?: ReactFlowInstance<BoardNode, TriggerEdge>;
    };
  }
}

export const exposeSession: typeof probe.exposeSession = (s) => {
  window.__eventstorm = {
    doc: s.doc,
    origin: s.origin,
    board,
    runTool: (tool, args) => runToolOnDoc(s.doc, tool, args, { origin: s.origin }),
    session: s,
    snapshot: () => snapshot(s.doc),
    encodedSize: () => Y.encodeStateAsUpdate(s.doc).byteLength,
  };
  return () => {
    if (window.__eventstorm?.session === s) delete window.__eventstorm;
  };
};

export const exposeFlow: typeof probe.exposeFlow = (session, flow) => {
  if (window.__eventstorm?.session === session) window.__eventstorm.flow = flow;
};
