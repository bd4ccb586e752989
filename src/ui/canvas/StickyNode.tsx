// One sticky on the canvas. Memoised; it reads its element from its node's data (a stable object, replaced only
// when the element changes) and subscribes to two small values only: "am I being edited" and its highlight mark. Its level of detail at the
// current zoom is CSS, switched once for the whole canvas (DetailLevel).
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext, useEffect, useRef } from 'react';
import { CATALOGUE } from '../../domain';
import { setEditing } from '../../state/boardStore';
import type { StickyNode } from '../../state/canvasNodes';
import { stickyMark } from '../../state/highlight';
import { useBoard, useSession } from '../board/sessionContext';
import { focusCanvas } from './canvasElement';
import { StaticBoardContext } from './staticBoard';
import { nameStyle } from './nameFit';

function StickyNodeView({ id, data, isConnectable }: NodeProps<StickyNode>) {
  const still = useContext(StaticBoardContext);
  const editing = useBoard((s) => !still && s.editingId === id);
  // Search matches and a hovered flow stand out, the rest is dimmed (a string, so only changed marks re-render).
  const mark = useBoard((s) => (still ? undefined : stickyMark(s.highlight, id)));
  const { element, band, contextName } = data;
  const kind = CATALOGUE[element.type];
  const title = contextName ? `${kind.label} · ${contextName}\n${element.name}` : `${kind.label}\n${element.name}`;

  return (
    <>
      <div
        className="es-sticky"
        style={{ background: kind.color, color: kind.textColor, transform: kind.rotation ? `rotate(${kind.rotation}deg)` : undefined }}
        data-testid="sticky"
        data-type={element.type}
        data-highlight={mark}
        title={editing ? undefined : title}
      >
        {band && <div className="es-sticky-band" style={{ background: band }} data-testid="sticky-band" />}
        <div className="es-sticky-type">{kind.label}</div>
        {editing ? (
          <NameEditor id={id} name={element.name} />
        ) : (
          <div className="es-sticky-name" style={nameStyle(element.name, element.type)} data-testid="sticky-name">
            {element.name}
          </div>
        )}
      </div>
      {/* Outside the card (which clips its text), so the dot can stick out of its edge. */}
      <Handle type="source" id="out" position={Position.Right} className="es-handle-out" isConnectable={isConnectable} />
      <Handle type="target" id="in" position={Position.Left} className="es-handle-in" isConnectableStart={false} isConnectable={isConnectable} />
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
    focusCanvas();
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
