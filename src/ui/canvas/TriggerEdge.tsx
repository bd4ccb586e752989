// A trigger arrow. Its shape comes from its props alone: React Flow hands it the positions of the source's dot
// (centred on the source's right edge) and of the target's drop area (its left edge), updated live while a sticky
// is dragged, and the edge data carries both stickies' sizes, so it rebuilds both rectangles without subscribing to
// anything but its highlight mark. Drawn over the stickies with a white halo so it stays visible across them; a midpoint dot to grab.
import type { EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { OUT_HANDLE_HALF, type TriggerEdge } from '../../state/canvasNodes';
import { linkMark } from '../../state/highlight';
import { useBoard } from '../board/sessionContext';
import { StaticBoardContext } from './staticBoard';
import { triggerPath } from './triggerPath';

function TriggerEdgeView({ id, source: from, target: to, sourceX, sourceY, targetX, targetY, data, markerEnd }: EdgeProps<TriggerEdge>) {
  // The one subscription: whether an insight panel's highlight shows or dims this arrow.
  const still = useContext(StaticBoardContext);
  const mark = useBoard((s) => (still ? undefined : linkMark(s.highlight, from, to)));
  if (!data) return null;
  const source = { x: sourceX - OUT_HANDLE_HALF - data.sourceWidth, y: sourceY - data.sourceHeight / 2, width: data.sourceWidth, height: data.sourceHeight };
  const target = { x: targetX, y: targetY - data.targetHeight / 2, width: data.targetWidth, height: data.targetHeight };
  const p = triggerPath(source, target);
  return (
    <g data-highlight={mark}>
      <path d={p.path} className="es-edge-halo" />
      <path id={id} d={p.path} className="es-edge-path react-flow__edge-path" markerEnd={markerEnd} />
      <path d={p.path} className="react-flow__edge-interaction" fill="none" strokeOpacity={0} strokeWidth={18} />
      <circle cx={p.midX} cy={p.midY} r={6} className="es-edge-mid" data-testid="edge-handle" data-edge-id={id} />
    </g>
  );
}

export const TriggerEdgeComponent = memo(TriggerEdgeView);
