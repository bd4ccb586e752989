// The open board's session, reachable from any component under the board page.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { BoardSession } from '../../state/boardSession';
import type { BoardState } from '../../state/boardStore';

export const SessionContext = createContext<BoardSession | null>(null);

export function useSession(): BoardSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a board page');
  return session;
}

/** Subscribe to one slice of the board store; the component re-renders only when that slice changes. */
export function useBoard<T>(selector: (state: BoardState) => T): T {
  return useStore(useSession().store, selector);
}
