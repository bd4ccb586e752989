// Two pages: home (`/`) and the board (`/w/<id>#key=…`). Navigation between them is a full page load.
import { isBoardPath, parseBoardLocation } from '../state/boardLink';
import { BoardPage } from './board/BoardPage';
import { HomePage } from './home/HomePage';
import { MessagePage } from './MessagePage';

export function App() {
  const { pathname, hash } = window.location;
  if (isBoardPath(pathname)) {
    const link = parseBoardLocation(pathname, hash);
    if (!link) {
      return (
        <MessagePage title="This board link has no key" testId="board-link-invalid">
          A board link ends with <code>#key=…</code> (to edit) or <code>#view=…</code> (to look). Ask whoever shared the board for the whole
          link.
        </MessagePage>
      );
    }
    return <BoardPage link={link} />;
  }
  if (pathname === '/' || pathname === '/index.html') return <HomePage />;
  return (
    <MessagePage title="Nothing here" testId="not-found">
      There is no page at this address.
    </MessagePage>
  );
}
