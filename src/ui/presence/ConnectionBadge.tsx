// The top bar's word on the link to the server: online, syncing, or offline — and how many of this page's
// changes the server does not have yet (they are kept in this browser and sent when the connection is back).
import type { ConnectionState } from '../../sync/connection';
import { useBoard } from '../board/sessionContext';

const LABEL: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  online: 'Online',
  offline: 'Offline',
  denied: 'Refused',
  refused: 'Change refused',
};
const DOT: Record<ConnectionState, string> = {
  connecting: 'bg-amber-400',
  syncing: 'bg-amber-400 animate-pulse',
  online: 'bg-emerald-500',
  offline: 'bg-slate-400',
  denied: 'bg-red-500',
  refused: 'bg-red-500',
};

export function changesNotOnServer(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} not yet on the server`;
}

function explanation(state: ConnectionState, unsynced: number, refusal: string | null): string | undefined {
  const kept = unsynced > 0 ? ` ${changesNotOnServer(unsynced)}: they are kept in this browser and sent when the connection is back.` : '';
  switch (state) {
    case 'offline':
      return `Not connected. You can keep working: the board is kept in this browser.${kept}`;
    case 'syncing':
      return unsynced > 0 ? `Sending your changes to the server (${changesNotOnServer(unsynced)}).` : 'Catching up with the server.';
    case 'online':
      return 'Connected: everyone sees your changes as you make them.';
    case 'denied':
      return 'The server refused this link.';
    case 'refused':
      return `The server would not take a change made on this page (${refusal ?? 'no reason given'}). It is kept here and retried; undo it or delete something to make room.`;
    default:
      return undefined;
  }
}

export function ConnectionBadge() {
  const state = useBoard((s) => s.connection);
  const unsynced = useBoard((s) => s.unsynced);
  const refusal = useBoard((s) => s.refusal);
  const showCount = unsynced > 0 && (state === 'offline' || state === 'syncing');
  return (
    <span
      className={`flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium ${
        state === 'offline' && unsynced > 0 ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-slate-200 text-slate-600'
      }`}
      data-testid="connection-state"
      data-state={state}
      data-unsynced={unsynced}
      title={explanation(state, unsynced, refusal)}
      data-refusal={refusal ?? undefined}
      role="status"
    >
      <span className={`inline-block h-2 w-2 shrink-0 rounded-full ${DOT[state]}`} />
      {LABEL[state]}
      {state === 'refused' && refusal && (
        <span className="max-w-72 truncate" data-testid="connection-refusal">
          · {refusal}
        </span>
      )}
      {showCount && (
        <span className="whitespace-nowrap" data-testid="unsynced-count" data-count={unsynced}>
          · {changesNotOnServer(unsynced)}
        </span>
      )}
    </span>
  );
}
