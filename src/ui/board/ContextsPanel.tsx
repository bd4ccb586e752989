// Bounded contexts: create, rename, recolour, delete; assign the selection; dim everything outside one.
import { Eye, EyeOff, Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { BoundedContext } from '../../domain';
import { setFocusContext } from '../../state/boardStore';
import { DraftInput } from './Draft';
import { useBoard, useSession } from './sessionContext';

export function ContextsPanel() {
  const { ops } = useSession();
  const contexts = useBoard((s) => s.contexts);
  const readOnly = useBoard((s) => s.access === 'view');
  const [name, setName] = useState('');

  const create = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    if (ops.createContext(name.trim())) setName('');
  };

  return (
    <div className="p-4 text-sm" data-testid="contexts-panel">
      <p className="mb-3 text-xs text-slate-500">
        A bounded context groups the stickies one model owns. Its colour bands its stickies and shades the board behind them.
      </p>
      {!readOnly && (
        <form className="mb-4 flex gap-2" onSubmit={create}>
          <input
            className="input-sm flex-1"
            placeholder="New context name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            data-testid="context-new-name"
            aria-label="New context name"
          />
          <button type="submit" className="btn-secondary !px-2 !py-1" disabled={!name.trim()} data-testid="context-create">
            <Plus size={14} /> Add
          </button>
        </form>
      )}
      {contexts.length === 0 ? (
        <p className="text-slate-400" data-testid="contexts-empty">
          No bounded contexts yet.
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {contexts.map((c) => (
            <ContextRow key={c.id} context={c} readOnly={readOnly} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ContextRow({ context, readOnly }: { context: BoundedContext; readOnly: boolean }) {
  const { ops, store } = useSession();
  const count = useBoard((s) => s.elements.reduce((n, e) => (e.contextId === context.id ? n + 1 : n), 0));
  const selected = useBoard((s) => s.selectedIds);
  const focused = useBoard((s) => s.focusContextId === context.id);

  return (
    <li className="rounded-lg border border-slate-200 p-2" data-testid="context-row" data-context-id={context.id}>
      <div className="flex items-center gap-2">
        <input
          type="color"
          className="h-7 w-7 shrink-0 cursor-pointer rounded border border-slate-200 bg-white p-0.5 disabled:cursor-default"
          value={/^#[0-9a-fA-F]{6}$/.test(context.color) ? context.color : '#94a3b8'}
          disabled={readOnly}
          onChange={(e) => ops.updateContext(context.id, { color: e.target.value })}
          aria-label={`Colour of ${context.name}`}
          data-testid="context-color"
        />
        <DraftInput
          className="input-sm min-w-0 flex-1 font-medium"
          value={context.name}
          maxLength={200}
          readOnly={readOnly}
          onCommit={(name) => ops.updateContext(context.id, { name })}
          aria-label="Context name"
          data-testid="context-name"
        />
        <button
          type="button"
          className={`btn-icon !h-7 !w-7 ${focused ? 'bg-blue-100 text-blue-700' : ''}`}
          title={focused ? 'Show the whole board again' : 'Dim everything outside this context'}
          aria-pressed={focused}
          onClick={() => setFocusContext(store, focused ? null : context.id)}
          data-testid="context-focus"
        >
          {focused ? <EyeOff size={15} /> : <Eye size={15} />}
        </button>
        {!readOnly && (
          <button
            type="button"
            className="btn-icon !h-7 !w-7 hover:!text-red-600"
            title="Delete this context (its stickies stay, unassigned)"
            onClick={() => {
              if (count === 0 || window.confirm(`Delete the context “${context.name}”? Its ${count} stickies stay on the board, unassigned.`)) ops.deleteContext(context.id);
            }}
            data-testid="context-delete"
          >
            <Trash2 size={15} />
          </button>
        )}
      </div>
      <div className="mt-1.5 flex items-center justify-between pl-9 text-xs text-slate-500">
        <span data-testid="context-count">
          {count} {count === 1 ? 'sticky' : 'stickies'}
        </span>
        {!readOnly && (
          <span className="flex gap-2">
            <button
              type="button"
              className="font-medium text-blue-700 hover:underline disabled:cursor-default disabled:text-slate-300 disabled:no-underline"
              disabled={selected.length === 0}
              onClick={() => ops.assign(context.id, selected)}
              data-testid="context-assign"
            >
              Assign selection{selected.length > 0 ? ` (${selected.length})` : ''}
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
