// The board page: joins the workshop's room, then shows the top bar, the palette, the canvas and the side panel.
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { BoardLink } from '../../state/boardLink';
import { createBoardSession, type BoardSession } from '../../state/boardSession';
import { browserStorage, rememberWorkshop } from '../../state/recentWorkshops';
import { ApiError, fetchWorkshop } from '../../sync/api';
import { MessagePage } from '../MessagePage';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { Palette } from './Palette';
import { exposeSession } from './probe';
import { SessionContext, useBoard, useSession } from './sessionContext';
import { NamePrompt } from '../presence/NamePrompt';
import { SidePanel } from './SidePanel';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';

export function BoardPage({ link }: { link: BoardLink }) {
  const [session, setSession] = useState<BoardSession | null>(null);

  useEffect(() => {
    // The session opens sockets and must be destroyed with the page (and twice-mounted in StrictMode), so it is
    // made in the effect that destroys it, and handed to the render from there.
    const s = createBoardSession(link);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above: the session is an external resource
    setSession(s);
    const unexpose = exposeSession(s);
    // The REST API says whether the link is good before the websocket has anything to say.
    fetchWorkshop(link.workshopId, link.secret)
      .then((info) => {
        rememberWorkshop(browserStorage(), {
          workshopId: link.workshopId,
          name: info.workshop.name,
          secret: link.secret,
          access: link.access,
          viewSecret: info.view_key,
        });
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || s.store.getState().status !== 'loading') return;
        if (error.status === 404) s.store.setState({ status: 'missing' });
        else if (error.status === 401 || error.status === 403) s.store.setState({ status: 'denied' });
      });
    const onHash = () => window.location.reload();
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      s.destroy();
      unexpose();
    };
  }, [link]);

  if (!session) return null;
  return (
    <SessionContext.Provider value={session}>
      <ReactFlowProvider>
        <BoardLayout />
      </ReactFlowProvider>
    </SessionContext.Provider>
  );
}

function BoardLayout() {
  const session = useSession();
  const status = useBoard((s) => s.status);
  const name = useBoard((s) => s.meta.name);
  const readOnly = useBoard((s) => s.access === 'view');

  useEffect(() => {
    document.title = name ? `${name} · EventStorm` : 'EventStorm';
    if (name) {
      const { link } = session;
      rememberWorkshop(browserStorage(), { workshopId: link.workshopId, name, secret: link.secret, access: link.access });
    }
  }, [name, session]);

  if (status === 'missing') {
    return (
      <MessagePage title="This workshop does not exist" testId="board-missing">
        No workshop answers to this link. It may have been mistyped, or the workshop was never created on this server.
      </MessagePage>
    );
  }
  if (status === 'denied') {
    return (
      <MessagePage title="This link's key was refused" testId="board-denied">
        The key in this link does not open this workshop. Ask whoever shared it for the current link.
      </MessagePage>
    );
  }
  return (
    <div className="flex h-screen flex-col overflow-hidden bg-slate-100" data-testid="board" data-status={status}>
      <TopBar />
      <NamePrompt />
      <div className="relative flex min-h-0 flex-1">
        {!readOnly && <Palette />}
        <BoardCanvas />
        <SidePanel />
        {status === 'loading' && (
          <div className="absolute inset-0 z-20 flex items-center justify-center bg-slate-100/80" data-testid="board-loading">
            <div className="rounded-lg bg-white px-5 py-3 text-sm text-slate-600 shadow">Connecting to the workshop…</div>
          </div>
        )}
      </div>
      <Toasts />
    </div>
  );
}
