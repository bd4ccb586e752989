// Export, in the top bar: one click downloads the workshop as JSON (the exchange format, with timestamps and
// authors); the menu beside it offers the model-only JSON, the Markdown report of every analysis, and pictures of
// the whole board (PNG at a readable resolution, SVG).
import { getNodesBounds } from '@xyflow/react';
import { ChevronDown, Download, FileCode2, FileJson, FileText, Image, Loader2 } from 'lucide-react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { exportFileName, exportWorkshop } from '../../domain';
import { showToast } from '../../state/boardStore';
import { boardSnapshotOf } from '../../state/insights';
import { useBoard, useSession } from '../board/sessionContext';
import { downloadBlob, downloadText } from './download';
import { imageFrame, type ImageFrame } from './imageFrame';
import { workshopReport } from './markdownReport';
import { StillBoard } from './StillBoard';

type Picture = 'png' | 'svg';

/** The frame a picture of the board as it is now would have. */
function useCurrentFrame(): () => ImageFrame | null {
  const { store } = useSession();
  return useCallback(() => {
    const nodes = store.getState().nodes;
    return nodes.length === 0 ? null : imageFrame(getNodesBounds(nodes));
  }, [store]);
}

export function ExportMenu() {
  const session = useSession();
  const { store } = session;
  const ready = useBoard((s) => s.status === 'ready');
  const [open, setOpen] = useState(false);
  const [drawing, setDrawing] = useState<{ kind: Picture; frame: ImageFrame } | null>(null);
  const [frame, setFrame] = useState<ImageFrame | null>(null);
  const currentFrame = useCurrentFrame();
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);

  /** The board as the document holds it this moment (the store otherwise catches up within a microtask). */
  const snapshotNow = useCallback(() => {
    session.refresh();
    return boardSnapshotOf(store.getState());
  }, [session, store]);

  const exportJson = useCallback(
    (includeMetadata: boolean) => {
      const snap = snapshotNow();
      const document = exportWorkshop(snap, { includeMetadata });
      downloadText(`${JSON.stringify(document, null, 2)}\n`, exportFileName(snap.meta.name, 'json'), 'application/json');
      setOpen(false);
    },
    [snapshotNow],
  );

  const exportMarkdown = useCallback(() => {
    const snap = snapshotNow();
    downloadText(workshopReport(snap), exportFileName(snap.meta.name, 'markdown'), 'text/markdown');
    setOpen(false);
  }, [snapshotNow]);

  const exportPicture = (kind: Picture) => {
    session.refresh();
    const f = currentFrame();
    if (!f) return;
    setDrawing({ kind, frame: f });
  };

  const onPictureReady = useCallback(
    (viewport: HTMLElement) => {
      if (!drawing) return;
      const name = store.getState().meta.name;
      // html-to-image is loaded the first time someone asks for a picture, not with the board.
      import('./boardImage')
        .then(({ boardPng, boardSvg }) => (drawing.kind === 'png' ? boardPng(viewport, drawing.frame) : boardSvg(viewport, drawing.frame)))
        .then((blob) => downloadBlob(blob, exportFileName(name, drawing.kind)))
        .catch((error: unknown) => showToast(store, `The picture could not be made: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          setDrawing(null);
          setOpen(false);
        });
    },
    [drawing, store],
  );
  const onPictureError = useCallback(
    (error: Error) => {
      showToast(store, `The picture could not be made: ${error.message}`);
      setDrawing(null);
    },
    [store],
  );

  // The menu closes on a click elsewhere or Escape; it opens with the keyboard on its first item.
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    requestAnimationFrame(() => menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus());
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      menuButton.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
      next?.focus();
    }
  };

  const busy = drawing !== null;
  return (
    <div className="relative flex" ref={root}>
      <button
        type="button"
        className="btn-secondary !rounded-r-none !py-1.5"
        onClick={() => exportJson(true)}
        disabled={!ready}
        data-testid="export-json"
        title="Download the workshop as an EventStorm JSON file (with timestamps and authors)"
      >
        <Download size={16} /> Export JSON
      </button>
      <button
        ref={menuButton}
        type="button"
        className="btn-secondary !-ml-px !rounded-l-none !px-1.5 !py-1.5"
        onClick={() => {
          // The picture sizes are worked out as the menu opens, for the board as it is then.
          if (!open) setFrame(currentFrame());
          setOpen(!open);
        }}
        disabled={!ready}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="More export formats"
        title="More export formats: JSON without metadata, Markdown report, PNG, SVG"
        data-testid="export-menu-button"
      >
        {busy ? <Loader2 size={16} className="animate-spin" /> : <ChevronDown size={16} />}
      </button>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label="Export"
          className="absolute right-0 top-10 z-30 w-80 rounded-lg border border-slate-200 bg-white p-1.5 shadow-xl"
          onKeyDown={onMenuKey}
          data-testid="export-menu"
        >
          <MenuItem icon={<FileJson size={16} />} testId="export-json-full" onClick={() => exportJson(true)} title="JSON, with metadata">
            The exchange file, with timestamps and authors. Import it on the home page.
          </MenuItem>
          <MenuItem icon={<FileJson size={16} />} testId="export-json-plain" onClick={() => exportJson(false)} title="JSON, model only">
            Without timestamps: the same board always gives the same file (good for Git).
          </MenuItem>
          <MenuItem icon={<FileText size={16} />} testId="export-markdown" onClick={exportMarkdown} title="Markdown report">
            Statistics, timeline, flows, contexts, hotspots and lint, as the analyses write them.
          </MenuItem>
          <div className="my-1 border-t border-slate-100" />
          <MenuItem
            icon={busy && drawing.kind === 'png' ? <Loader2 size={16} className="animate-spin" /> : <Image size={16} />}
            testId="export-png"
            onClick={() => exportPicture('png')}
            disabled={!frame || busy}
            title="PNG image of the whole board"
            data={frame ? { 'data-scale': String(frame.scale), 'data-width': String(frame.pixelWidth), 'data-height': String(frame.pixelHeight) } : undefined}
          >
            {frame ? (
              <span data-testid="export-png-size">
                {frame.scale}× · {frame.pixelWidth.toLocaleString('en')} × {frame.pixelHeight.toLocaleString('en')} px
              </span>
            ) : (
              'Nothing on the board to draw yet.'
            )}
          </MenuItem>
          <MenuItem
            icon={busy && drawing.kind === 'svg' ? <Loader2 size={16} className="animate-spin" /> : <FileCode2 size={16} />}
            testId="export-svg"
            onClick={() => exportPicture('svg')}
            disabled={!frame || busy}
            title="SVG image of the whole board"
          >
            {frame ? 'Sharp at any zoom; opens in a browser.' : 'Nothing on the board to draw yet.'}
          </MenuItem>
          {busy && (
            <p className="px-2 pb-1 pt-1.5 text-xs text-slate-500" role="status" data-testid="export-drawing">
              Drawing the board…
            </p>
          )}
        </div>
      )}
      {drawing && <StillBoard frame={drawing.frame} onReady={onPictureReady} onError={onPictureError} />}
    </div>
  );
}

function MenuItem({
  icon,
  title,
  children,
  onClick,
  testId,
  disabled,
  data,
}: {
  icon: React.ReactNode;
  title: string;
  children: React.ReactNode;
  onClick: () => void;
  testId: string;
  disabled?: boolean;
  data?: Record<string, string>;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className="flex w-full items-start gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 focus-visible:bg-blue-50 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50"
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
      {...data}
    >
      <span className="mt-0.5 text-slate-500">{icon}</span>
      <span className="min-w-0">
        <span className="block text-sm font-medium text-slate-900">{title}</span>
        <span className="block text-xs text-slate-500">{children}</span>
      </span>
    </button>
  );
}
