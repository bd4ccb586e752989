// The board's top bar: the workshop's name (editable), who is here (issue 5), connection state, undo/redo,
// share and export.
import { Redo2, Undo2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Logo } from '../home/HomePage';
import { useBoard, useSession } from './sessionContext';
import { ShareMenu } from './ShareMenu';
import { ViewMenu } from './ViewMenu';
import { ConnectionBadge } from '../presence/ConnectionBadge';
import { Participants } from '../presence/Participants';
import { ExportMenu } from '../export/ExportMenu';

export function TopBar() {
  const { ops } = useSession();
  const canUndo = useBoard((s) => s.canUndo);
  const canRedo = useBoard((s) => s.canRedo);
  const readOnly = useBoard((s) => s.access === 'view');

  // Undo and redo answer wherever the focus is, except in a text field (which has its own undo).
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.metaKey || e.ctrlKey) || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        ops.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        ops.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ops, readOnly]);

  return (
    <header className="z-20 flex h-12 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3" data-testid="top-bar">
      <a href="/" className="flex items-center rounded p-1 hover:bg-slate-100" title="EventStorm home" data-testid="home-link">
        <Logo size={26} />
      </a>
      <WorkshopName />
      {readOnly && (
        <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-800" data-testid="view-only-badge">
          View only
        </span>
      )}
      <div className="flex-1" />
      <Participants />
      <ConnectionBadge />
      {!readOnly && (
        <div className="flex items-center border-l border-slate-200 pl-2">
          <button type="button" className="btn-icon" onClick={() => ops.undo()} disabled={!canUndo} title="Undo your last edit (Ctrl/Cmd+Z)" aria-label="Undo" data-testid="undo">
            <Undo2 size={18} />
          </button>
          <button type="button" className="btn-icon" onClick={() => ops.redo()} disabled={!canRedo} title="Redo (Ctrl/Cmd+Shift+Z)" aria-label="Redo" data-testid="redo">
            <Redo2 size={18} />
          </button>
        </div>
      )}
      <ViewMenu />
      <ShareMenu />
      <ExportMenu />
    </header>
  );
}

function WorkshopName() {
  const { ops } = useSession();
  const name = useBoard((s) => s.meta.name);
  const readOnly = useBoard((s) => s.access === 'view');
  // null while the person is not typing: the field then follows the document (a rename by someone else shows).
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    const value = draft?.trim();
    setDraft(null);
    // A refused or empty name needs nothing more: with the draft dropped the field shows the document's name.
    if (value && value !== name) ops.renameWorkshop(value);
  };

  if (readOnly) {
    return (
      <h1 className="truncate text-base font-semibold text-slate-900" data-testid="workshop-name">
        {name}
      </h1>
    );
  }
  return (
    <input
      className="min-w-0 max-w-[28rem] flex-1 truncate rounded border border-transparent px-2 py-1 text-base font-semibold text-slate-900 hover:border-slate-200 focus:border-blue-500 focus:outline-none"
      value={draft ?? name}
      maxLength={200}
      aria-label="Workshop name"
      data-testid="workshop-name"
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(null);
          setTimeout(() => (e.target as HTMLInputElement).blur());
        }
      }}
    />
  );
}
