// Who is here, in the top bar: everyone's initials in their colour (their name on hover), yourself first (click
// to change your name). Clicking someone takes you to what they are looking at. An editor can ask everyone to
// follow their view.
import { useReactFlow } from '@xyflow/react';
import { Eye, Radio } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { viewportShowing, type Peer } from '../../state/presence';
import { useBoard, useSession } from '../board/sessionContext';
import { canvasElement } from '../canvas/canvasElement';
import { Avatar } from './Avatar';
import { NameForm } from './NameForm';
import { usePresence } from './usePresence';

/** Avatars shown before the rest fold into "+N". */
const SHOWN = 5;
const MIN_ZOOM = 0.04;
const MAX_ZOOM = 2;

function describe(peer: Peer, facilitators: readonly string[]): string {
  const facilitator = facilitators.some((f) => f.trim().toLowerCase() === peer.user.name.toLowerCase());
  const parts = [peer.user.name];
  if (facilitator) parts.push('facilitator');
  if (peer.access === 'view') parts.push('view only');
  if (peer.lead) parts.push('asks everyone to follow');
  return parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : parts[0];
}

/** Takes this page's view to what a person is looking at. */
function useGoTo() {
  const { presence } = useSession();
  const flow = useReactFlow();
  return (peer: Peer) => {
    const view = presence?.live.get(peer.clientId)?.view;
    const canvas = canvasElement();
    if (!view || !canvas) return;
    const target = viewportShowing(view, { width: canvas.clientWidth, height: canvas.clientHeight }, MIN_ZOOM, MAX_ZOOM);
    void flow.setCenter(target.x, target.y, { zoom: target.zoom, duration: 300 });
  };
}

export function Participants() {
  const { presence } = useSession();
  const self = usePresence((s) => s.self);
  const everyone = usePresence((s) => s.peers);
  // One avatar per person: the same browser in two tabs is one person (and yourself in another tab is you).
  const peers = useMemo(() => {
    const seen = new Set<string>([self.id]);
    return everyone.filter((p) => !seen.has(p.user.id) && seen.add(p.user.id));
  }, [everyone, self.id]);
  const leading = usePresence((s) => s.leading);
  const facilitators = useBoard((s) => s.meta.facilitators);
  const canLead = useBoard((s) => s.access === 'edit');
  const goTo = useGoTo();
  const [renaming, setRenaming] = useState(false);
  const [more, setMore] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!renaming && !more) return;
    const close = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) {
        setRenaming(false);
        setMore(false);
      }
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [renaming, more]);

  if (!presence) return null;
  const shown = peers.slice(0, SHOWN);
  const hidden = peers.slice(SHOWN);
  const here = peers.length + 1;

  return (
    <div ref={root} className="relative flex items-center gap-1" data-testid="participants" data-count={here} aria-label={`${here} ${here === 1 ? 'person' : 'people'} on this board`}>
      <div className="flex items-center -space-x-1.5">
        <button
          type="button"
          className="rounded-full"
          title={`${self.name} (you): click to change your name`}
          onClick={() => setRenaming((v) => !v)}
          data-testid="participant-self"
          data-name={self.name}
          data-color={self.color}
        >
          <Avatar name={self.name} color={self.color} ring />
        </button>
        {shown.map((peer) => (
          <PeerButton key={peer.clientId} peer={peer} title={describe(peer, facilitators)} onClick={() => goTo(peer)} />
        ))}
        {hidden.length > 0 && (
          <button
            type="button"
            className="inline-flex h-7 min-w-7 items-center justify-center rounded-full bg-slate-200 px-1.5 text-xs font-semibold text-slate-700 ring-2 ring-white"
            title={hidden.map((p) => p.user.name).join(', ')}
            onClick={() => setMore((v) => !v)}
            data-testid="participants-more"
          >
            +{hidden.length}
          </button>
        )}
      </div>
      {canLead && (
        <button
          type="button"
          className={`btn-icon ${leading ? '!bg-blue-600 !text-white' : ''}`}
          onClick={() => (leading ? presence.stopLeading() : presence.lead())}
          title={leading ? 'Stop asking everyone to follow your view' : 'Ask everyone to follow your view'}
          aria-pressed={leading}
          data-testid="follow-me"
        >
          <Radio size={17} />
        </button>
      )}
      {renaming && (
        <div className="absolute right-0 top-10 z-40 w-72 rounded-lg border border-slate-200 bg-white p-3 shadow-lg" data-testid="rename-popover">
          <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Your name, as others see it</p>
          <NameForm onDone={() => setRenaming(false)} />
        </div>
      )}
      {more && (
        <ul className="absolute right-0 top-10 z-40 max-h-72 w-64 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg" data-testid="participants-list">
          {hidden.map((peer) => (
            <li key={peer.clientId}>
              <button
                type="button"
                className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-slate-100"
                onClick={() => {
                  goTo(peer);
                  setMore(false);
                }}
                data-testid="participant"
                data-client-id={peer.clientId}
                data-name={peer.user.name}
              >
                <Avatar name={peer.user.name} color={peer.user.color} size={22} />
                <span className="truncate">{describe(peer, facilitators)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PeerButton({ peer, title, onClick }: { peer: Peer; title: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="relative rounded-full"
      title={`${title}: click to see what they see`}
      onClick={onClick}
      data-testid="participant"
      data-client-id={peer.clientId}
      data-name={peer.user.name}
      data-color={peer.user.color}
      data-access={peer.access}
    >
      <Avatar name={peer.user.name} color={peer.user.color} />
      {peer.access === 'view' && (
        <span className="absolute -bottom-1 -right-1 rounded-full bg-white p-px text-slate-500" aria-hidden="true">
          <Eye size={11} />
        </span>
      )}
    </button>
  );
}
