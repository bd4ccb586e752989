// One sticky on the canvas. Memoised; it reads its element from its node's data (a stable object, replaced only
// when the element changes) and subscribes to two booleans only: "is the board zoomed out" and "am I being edited".
import { Handle, Position, useStore as useFlowStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { CATALOGUE } from '../../domain';
import { setEditing } from '../../state/boardStore';
import type { StickyNode } from '../../state/canvasNodes';
import { useBoard, useSession } from '../board/sessionContext';

/** Below this zoom a sticky draws as a coloured card with its name only. */
export const LOW_DETAIL_ZOOM = 0.45;
export const zoomedOut = (s: ReactFlowState) => s.transform[2] < LOW_DETAIL_ZOOM;

const PADDING_Y = 16;
const TYPE_LABEL = 17;

function nameStyle(name: string, height: number, low: boolean): { fontSize: number; WebkitLineClamp: number } {
  const fontSize = low ? 22 : name.length > 44 ? 13 : 15;
  const lineHeight = fontSize * (low ? 1.15 : 1.25);
  const available = height - PADDING_Y - (low ? 4 : TYPE_LABEL);
  return { fontSize, WebkitLineClamp: Math.max(1, Math.floor(available / lineHeight)) };
}

function StickyNodeView({ id, data }: NodeProps<StickyNode>) {
  const low = useFlowStore(zoomedOut);
  const editing = useBoard((s) => s.editingId === id);
  const { element, band, contextName } = data;
  const kind = CATALOGUE[element.type];
  const title = contextName ? `${kind.label} · ${contextName}\n${element.name}` : `${kind.label}\n${element.name}`;

  return (
    <>
      <div
        className={low ? 'es-sticky es-low' : 'es-sticky'}
        style={{ background: kind.color, color: kind.textColor, transform: kind.rotation ? `rotate(${kind.rotation}deg)` : undefined }}
        data-testid="sticky"
        data-type={element.type}
        title={editing ? undefined : title}
      >
        {band && <div className="es-sticky-band" style={{ background: band }} data-testid="sticky-band" />}
        {!low && <div className="es-sticky-type">{kind.label}</div>}
        {editing ? (
          <NameEditor id={id} name={element.name} />
        ) : (
          <div className="es-sticky-name" style={nameStyle(element.name, kind.height, low)} data-testid="sticky-name">
            {element.name}
          </div>
        )}
      </div>
      {/* Outside the card (which clips its text), so the dot can stick out of its edge. */}
      <Handle type="source" id="out" position={Position.Right} className={low ? 'es-handle-out es-hidden' : 'es-handle-out'} />
      <Handle type="target" id="in" position={Position.Left} className="es-handle-in" isConnectableStart={false} />
    </>
  );
}

export const StickyNodeComponent = memo(StickyNodeView);

/** Inline name editing: Enter commits, Escape cancels, leaving the field commits. */
function NameEditor({ id, name }: { id: string; name: string }) {
  const session = useSession();
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.select();
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const value = ref.current?.value.replace(/\s+/g, ' ').trim() ?? '';
    if (commit && value && value !== name) session.ops.rename(id, value);
    setEditing(session.store, null);
    // Give the keyboard back to the canvas, so the next shortcut works without a click.
    document.querySelector<HTMLElement>('[data-testid="canvas"]')?.focus({ preventScroll: true });
  };

  return (
    <textarea
      ref={ref}
      className="es-sticky-editor nodrag nopan nowheel"
      defaultValue={name}
      maxLength={200}
      aria-label="Sticky name"
      data-testid="sticky-name-input"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
