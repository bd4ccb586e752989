// Where a build made for tests looks into the open board. Here, nothing: the app as it ships exposes no document,
// no operations and no session. `vite build --mode e2e` (vite.config.ts) compiles its own module in this one's place.
import type { ReactFlowInstance } from '@xyflow/react';
import type { BoardSession } from '../../state/boardSession';
import type { BoardNode, TriggerEdge } from '../../state/canvasNodes';

const nothing = () => {};

/** A board session opened; what it returns is called when the session closes. */
export const exposeSession: (session: BoardSession) => () => void = () => nothing;

/** The canvas of `session` has its React Flow instance. */
export const exposeFlow: (session: BoardSession, flow: ReactFlowInstance<BoardNode, TriggerEdge>) => void = nothing;
