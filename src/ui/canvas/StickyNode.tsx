// One sticky on the canvas. Memoised; it reads its element from its node's data (a stable object, replaced only
// when the element changes) and subscribes to two small values only: "am I being edited" and its highlight mark. Its level of detail at the
// current zoom is CSS, switched once for the whole canvas (DetailLevel).
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext, useEffect, useRef, type CSSProperties } from 'react';
import { CATALOGUE, type ElementType } from '../../domain';
import { setEditing } from '../../state/boardStore';
import type { StickyNode } from '../../state/canvasNodes';
import { stickyMark } from '../../state/highlight';
import { useBoard, useSession } from '../board/sessionContext';
import { focusCanvas } from './canvasElement';
import { StaticBoardContext } from './staticBoard';
import { estimateWidth, fitName, type Measure, type NameFit } from './stickyText';

let measureContext: CanvasRenderingContext2D | null | undefined;
const STICKY_FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif';

/** Text width in the sticky's face, measured by the browser (an estimate where there is no canvas). */
const measureText: Measure = (text, fontSize) => {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return estimateWidth(text, fontSize);
  measureContext.font = `600 ${fontSize}px ${STICKY_FONT}`;
  // A hair of slack for sub-pixel layout differences between canvas and DOM.
  return measureContext.measureText(text).width * 1.02;
};

const fits = new Map<string, NameFit>();

function nameFitOf(name: string, type: ElementType, low: boolean): NameFit {
  const key = `${type}|${low ? 1 : 0}|${name}`;
  let fit = fits.get(key);
  if (!fit) {
    const kind = CATALOGUE[type];
    fit = fitName(name, kind.width, kind.height, low, measureText);
    if (fits.size > 20_000) fits.clear();
    fits.set(key, fit);
  }
  return fit;
}

/** Both fits, as CSS variables: the canvas's `data-detail` picks one (see index.css), so zooming re-renders nothing. */
function nameStyle(name: string, type: ElementType): CSSProperties {
  const full = nameFitOf(name, type, false);
  const low = nameFitOf(name, type, true);
  return {
    '--fs': `${full.fontSize}px`,
    '--lh': `${full.lineHeight}px`,
    '--lines': full.lines,
    '--fs-low': `${low.fontSize}px`,
    '--lh-low': `${low.lineHeight}px`,
    '--lines-low': low.lines,
  } as CSSProperties;
}

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
