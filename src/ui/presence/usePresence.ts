// The open board's presence, for components: a slice of who is here (re-rendering only when that slice changes).
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PresenceView } from '../../state/presence';
import { useSession } from '../board/sessionContext';

/** A board without a connection (never in the app; in tests) has nobody else. */
const alone = createStore<PresenceView>(() => ({
  self: { id: '', name: '', color: '#64748b' },
  named: true,
  peers: [],
  following: null,
  leading: false,
}));

export function usePresence<T>(selector: (state: PresenceView) => T): T {
  return useStore(useSession().presence?.store ?? alone, selector);
}
