// A still copy of the whole board for the image export: a second, non-interactive React Flow with every node
// rendered (the live canvas renders only what is on screen), the frame's top-left corner at its origin, drawn
// off screen and taken away when the picture is made. It shows the model only: no selection, no dimming, no
// highlight, no inline editor.
import { MarkerType, ReactFlow, ReactFlowProvider, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { BoardState } from '../../state/boardStore';
import type { BoardNode, TriggerEdge } from '../../state/canvasNodes';
import { useSession } from '../board/sessionContext';
import { ContextRegionComponent } from '../canvas/ContextRegionNode';
import { StaticBoardContext } from '../canvas/staticBoard';
import { StickyNodeComponent } from '../canvas/StickyNode';
import { TriggerEdgeComponent } from '../canvas/TriggerEdge';
import type { ImageFrame } from './imageFrame';

const nodeTypes: NodeTypes = { sticky: StickyNodeComponent, contextRegion: ContextRegionComponent };
const edgeTypes: EdgeTypes = { trigger: TriggerEdgeComponent };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, color: '#1f2937', width: 18, height: 18 } };
/** Frames to wait for every node and arrow to be in the DOM before giving up. */
const MAX_WAIT_FRAMES = 600;

/** The board's nodes and arrows as a still picture shows them. */
export function stillOf(state: Pick<BoardState, 'nodes' | 'edges'>): { nodes: BoardNode[]; edges: TriggerEdge[] } {
  return {
    nodes: state.nodes.map((n) => ({ ...n, selected: false, dragging: false, className: undefined, draggable: false, selectable: false }) as BoardNode),
    edges: state.edges.map((e) => ({ ...e, selected: false, className: undefined, selectable: false })),
  };
}

export function StillBoard({ frame, onReady, onError }: { frame: ImageFrame; onReady: (viewport: HTMLElement) => void; onError: (error: Error) => void }) {
  const { store } = useSession();
  const [{ nodes, edges }] = useState(() => stillOf(store.getState()));
  const container = useRef<HTMLDivElement>(null);
  const done = useRef(false);

  useEffect(() => {
    let frameId = 0;
    let waited = 0;
    const check = () => {
      const root = container.current;
      const viewport = root?.querySelector<HTMLElement>('.react-flow__viewport');
      const drawnNodes = root?.querySelectorAll('.react-flow__node').length ?? 0;
      const drawnEdges = root?.querySelectorAll('.react-flow__edge').length ?? 0;
      if (viewport && drawnNodes >= nodes.length && drawnEdges >= edges.length) {
        if (!done.current) {
          done.current = true;
          // Fonts first, so the picture has the board's type, not a fallback's.
          void document.fonts.ready.then(() => onReady(viewport));
        }
        return;
      }
      if (++waited > MAX_WAIT_FRAMES) {
        onError(new Error(`Only ${drawnNodes} of ${nodes.length} stickies and regions could be drawn for the picture.`));
        return;
      }
      frameId = requestAnimationFrame(check);
    };
    frameId = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frameId);
  }, [nodes.length, edges.length, onReady, onError]);

  return createPortal(
    <div
      style={{ position: 'fixed', left: 0, top: 0, width: 0, height: 0, overflow: 'hidden', pointerEvents: 'none' }}
      aria-hidden="true"
      data-testid="still-board"
    >
      <div ref={container} className="es-still-board" style={{ width: frame.width, height: frame.height, background: '#ffffff' }}>
        <StaticBoardContext.Provider value={true}>
          <ReactFlowProvider>
            <ReactFlow<BoardNode, TriggerEdge>
              id="eventstorm-still-board"
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              defaultEdgeOptions={defaultEdgeOptions}
              defaultViewport={{ x: -frame.x, y: -frame.y, zoom: 1 }}
              minZoom={1}
              maxZoom={1}
              nodesDraggable={false}
              nodesConnectable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              panOnDrag={false}
              zoomOnScroll={false}
              zoomOnPinch={false}
              zoomOnDoubleClick={false}
              preventScrolling={false}
              proOptions={{ hideAttribution: true }}
            />
          </ReactFlowProvider>
        </StaticBoardContext.Provider>
      </div>
    </div>,
    document.body,
  );
}
