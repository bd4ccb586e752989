// A trigger arrow. It follows its two stickies live (it reads their current rectangles from React Flow), is
// drawn over the stickies with a white halo so it stays visible across them, and has a midpoint dot to grab.
import { useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import type { TriggerEdge } from '../../state/canvasNodes';
import { triggerPath, type Rect } from './triggerPath';

function rectOf(node: InternalNode): Rect {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

function TriggerEdgeView({ id, source, target, markerEnd }: EdgeProps<TriggerEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to) return null;
  const p = triggerPath(rectOf(from), rectOf(to));
  return (
    <>
      <path d={p.path} className="es-edge-halo" />
      <path id={id} d={p.path} className="es-edge-path react-flow__edge-path" markerEnd={markerEnd} />
      <path d={p.path} className="react-flow__edge-interaction" fill="none" strokeOpacity={0} strokeWidth={18} />
      <circle cx={p.midX} cy={p.midY} r={6} className="es-edge-mid" data-testid="edge-handle" data-edge-id={id} />
    </>
  );
}

export const TriggerEdgeComponent = memo(TriggerEdgeView);
