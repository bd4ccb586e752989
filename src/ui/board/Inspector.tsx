// The inspector: every field of the selected sticky (type, name, description, notes, position, context,
// triggers), or what can be done to a multiple selection at once.
import { Copy, Plus, Trash2, X } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { CATALOGUE, ELEMENT_TYPES, type BoardElement, type ElementType } from '../../domain';
import { selectStickies } from '../../state/boardStore';
import { DraftInput, DraftTextarea } from './Draft';
import { useBoard, useSession } from './sessionContext';

export function Inspector() {
  // A new selection is shown a moment later, at lower priority: the click that starts a drag must not wait for
  // the inspector's fields to be built.
  const selectedIds = useDeferredValue(useBoard((s) => s.selectedIds));
  const count = useBoard((s) => s.elements.length);
  if (selectedIds.length === 0) {
    return (
      <div className="p-4 text-sm text-slate-500" data-testid="inspector" data-empty="true">
        <p className="mb-2">Select a sticky to see and edit everything about it.</p>
        <p className="mb-2">Shift-click or drag a box on the canvas to select several. Double-click or press Enter to rename a sticky.</p>
        <p>
          {count} {count === 1 ? 'sticky' : 'stickies'} on this board.
        </p>
      </div>
    );
  }
  if (selectedIds.length === 1) return <ElementInspector id={selectedIds[0]} />;
  return <SelectionInspector ids={selectedIds} />;
}

function Label({ children, htmlFor }: { children: React.ReactNode; htmlFor?: string }) {
  return (
    <label htmlFor={htmlFor} className="mb-1 mt-3 block text-xs font-semibold uppercase tracking-wide text-slate-500">
      {children}
    </label>
  );
}

function ElementInspector({ id }: { id: string }) {
  const { ops } = useSession();
  const element = useBoard((s) => s.elementsById.get(id));
  const contexts = useBoard((s) => s.contexts);
  const readOnly = useBoard((s) => s.access === 'view');
  if (!element) return null;
  const kind = CATALOGUE[element.type];
  const update = (fields: Record<string, unknown>) => ops.updateElement({ element_id: id, ...fields });

  return (
    <div className="p-4" data-testid="inspector" data-element-id={id}>
      <div className="mb-2 h-2 rounded" style={{ background: kind.color }} />
      <Label htmlFor="inspector-type">Type</Label>
      <select
        id="inspector-type"
        className="input-sm w-full"
        value={element.type}
        disabled={readOnly}
        onChange={(e) => update({ type: e.target.value as ElementType })}
        data-testid="inspector-type"
      >
        {ELEMENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {CATALOGUE[t].label}
          </option>
        ))}
      </select>
      <p className="mt-1 text-xs text-slate-500">{kind.hint}</p>
      {element.type === 'event' && (
        <label className="mt-2 flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={element.pivotal === true}
            disabled={readOnly}
            onChange={(e) => update({ pivotal: e.target.checked })}
            data-testid="inspector-pivotal"
          />
          <span>
            Pivotal event <kbd className="text-xs text-slate-400">Shift+P</kbd>
            <span className="block text-xs text-slate-500">A turning point: it closes a chapter of the story and draws a line through the board.</span>
          </span>
        </label>
      )}

      <Label htmlFor="inspector-name">Name</Label>
      <DraftInput
        id="inspector-name"
        className="input-sm w-full"
        value={element.name}
        maxLength={200}
        readOnly={readOnly}
        onCommit={(name) => update({ name })}
        data-testid="inspector-name"
      />

      <Label htmlFor="inspector-description">Description</Label>
      <DraftTextarea
        id="inspector-description"
        className="input-sm w-full"
        rows={3}
        value={element.description}
        readOnly={readOnly}
        onCommit={(description) => update({ description })}
        data-testid="inspector-description"
      />

      <Label htmlFor="inspector-notes">Notes</Label>
      <DraftTextarea
        id="inspector-notes"
        className="input-sm w-full"
        rows={2}
        value={element.notes}
        readOnly={readOnly}
        onCommit={(notes) => update({ notes })}
        data-testid="inspector-notes"
      />

      <div className="grid grid-cols-2 gap-3">
        <div>
          <Label htmlFor="inspector-position">Position</Label>
          <DraftInput
            id="inspector-position"
            className="input-sm w-full"
            type="number"
            step={0.1}
            value={String(element.position)}
            readOnly={readOnly}
            onCommit={(v) => v.trim() !== '' && Number.isFinite(Number(v)) && update({ position: Number(v) })}
            data-testid="inspector-position"
          />
        </div>
        <div>
          <Label htmlFor="inspector-context">Context</Label>
          <select
            id="inspector-context"
            className="input-sm w-full"
            value={element.contextId ?? ''}
            disabled={readOnly}
            onChange={(e) => update({ bounded_context_id: e.target.value || null })}
            data-testid="inspector-context"
          >
            <option value="">None</option>
            {contexts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <Triggers element={element} readOnly={readOnly} />

      {!readOnly && (
        <div className="mt-5 flex gap-2 border-t border-slate-100 pt-4">
          <button type="button" className="btn-secondary !py-1" onClick={() => ops.duplicate([id])} data-testid="inspector-duplicate">
            <Copy size={14} /> Duplicate
          </button>
          <button type="button" className="btn-secondary !py-1 text-red-700" onClick={() => ops.deleteElements([id])} data-testid="inspector-delete">
            <Trash2 size={14} /> Delete
          </button>
        </div>
      )}
      <p className="mt-4 text-xs text-slate-400">
        {element.createdBy ? `Added by ${element.createdBy}. ` : ''}
        {element.updatedAt ? `Last changed ${new Date(element.updatedAt).toLocaleString()}.` : ''}
      </p>
    </div>
  );
}

function ElementChip({ element }: { element: BoardElement | undefined }) {
  if (!element) return <span className="text-slate-400">(gone)</span>;
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <span className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: CATALOGUE[element.type].color }} />
      <span className="truncate">{element.name}</span>
    </span>
  );
}

function Triggers({ element, readOnly }: { element: BoardElement; readOnly: boolean }) {
  const { ops, store } = useSession();
  const elementsById = useBoard((s) => s.elementsById);

  return (
    <>
      <Label>Triggers</Label>
      <ul className="flex flex-col gap-1" data-testid="inspector-triggers">
        {element.triggers.length === 0 && <li className="text-xs text-slate-400">Nothing yet. Drag from the sticky's right dot to another sticky, or pick one below.</li>}
        {element.triggers.map((to) => (
          <li key={to} className="flex items-center gap-2 rounded bg-slate-50 px-2 py-1 text-sm" data-testid="inspector-trigger" data-target-id={to}>
            <button type="button" className="min-w-0 flex-1 text-left hover:underline" onClick={() => selectStickies(store, [to])}>
              <ElementChip element={elementsById.get(to)} />
            </button>
            {!readOnly && (
              <button type="button" className="text-slate-400 hover:text-red-600" aria-label="Remove this trigger" onClick={() => ops.unlink([{ from: element.id, to }])} data-testid="inspector-trigger-remove">
                <X size={14} />
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && <TriggerPicker element={element} />}
      <Label>Triggered by</Label>
      <ul className="flex flex-col gap-1" data-testid="inspector-triggered-by">
        {element.triggeredBy.length === 0 && <li className="text-xs text-slate-400">Nothing.</li>}
        {element.triggeredBy.map((from) => (
          <li key={from} className="flex items-center gap-2 rounded bg-slate-50 px-2 py-1 text-sm" data-testid="inspector-triggered-by-item" data-source-id={from}>
            <button type="button" className="min-w-0 flex-1 text-left hover:underline" onClick={() => selectStickies(store, [from])}>
              <ElementChip element={elementsById.get(from)} />
            </button>
            {!readOnly && (
              <button type="button" className="text-slate-400 hover:text-red-600" aria-label="Remove this trigger" onClick={() => ops.unlink([{ from, to: element.id }])}>
                <X size={14} />
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

const PICKER_LIMIT = 30;

/**
 * Add a trigger by name: a search over the board's stickies (nearest on the timeline first), showing a few
 * matches at a time, so a board of thousands costs nothing until someone looks.
 */
function TriggerPicker({ element }: { element: BoardElement }) {
  const { ops } = useSession();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const elements = useBoard((s) => (open ? s.elements : null));

  if (!open || !elements) {
    return (
      <button type="button" className="btn-secondary mt-2 w-full !justify-start !py-1 text-slate-600" onClick={() => setOpen(true)} data-testid="inspector-add-trigger">
        <Plus size={14} /> Add a trigger…
      </button>
    );
  }
  const q = query.trim().toLowerCase();
  const matches = elements
    .filter((e) => e.id !== element.id && !element.triggers.includes(e.id) && (!q || e.name.toLowerCase().includes(q)))
    .sort((a, b) => Math.abs(a.position - element.position) - Math.abs(b.position - element.position) || a.name.localeCompare(b.name))
    .slice(0, PICKER_LIMIT);
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  return (
    <div className="mt-2 rounded-md border border-slate-200 p-1.5" data-testid="trigger-picker">
      <input
        autoFocus
        className="input-sm w-full"
        placeholder="Find the sticky it triggers"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          if (e.key === 'Enter' && matches[0]) {
            ops.link(element.id, matches[0].id);
            close();
          }
        }}
        aria-label="Find the sticky it triggers"
        data-testid="trigger-picker-query"
      />
      <ul className="mt-1 max-h-56 overflow-y-auto">
        {matches.length === 0 && <li className="px-2 py-1 text-xs text-slate-400">No sticky matches.</li>}
        {matches.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100"
              onClick={() => {
                ops.link(element.id, m.id);
                close();
              }}
              data-testid="trigger-picker-option"
              data-element-id={m.id}
            >
              <ElementChip element={m} />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="mt-1 text-xs text-slate-500 hover:underline" onClick={close}>
        Cancel
      </button>
    </div>
  );
}

function SelectionInspector({ ids }: { ids: readonly string[] }) {
  const { ops } = useSession();
  const contexts = useBoard((s) => s.contexts);
  const readOnly = useBoard((s) => s.access === 'view');
  return (
    <div className="p-4 text-sm" data-testid="inspector" data-count={ids.length}>
      <p className="font-semibold text-slate-800">{ids.length} stickies selected</p>
      <p className="mt-1 text-xs text-slate-500">Drag any of them to move them all; Delete removes them; Ctrl/Cmd+D duplicates them.</p>
      {!readOnly && (
        <>
          <Label htmlFor="selection-context">Bounded context</Label>
          <select
            id="selection-context"
            className="input-sm w-full"
            value=""
            onChange={(e) => {
              if (e.target.value === '__none') ops.unassign(ids);
              else if (e.target.value) ops.assign(e.target.value, ids);
            }}
            data-testid="selection-context"
          >
            <option value="">Assign to a context…</option>
            {contexts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value="__none">No context</option>
          </select>
          <div className="mt-4 flex gap-2">
            <button type="button" className="btn-secondary !py-1" onClick={() => ops.duplicate(ids)} data-testid="selection-duplicate">
              <Copy size={14} /> Duplicate
            </button>
            <button type="button" className="btn-secondary !py-1 text-red-700" onClick={() => ops.deleteElements(ids)} data-testid="selection-delete">
              <Trash2 size={14} /> Delete all
            </button>
          </div>
        </>
      )}
    </div>
  );
}
