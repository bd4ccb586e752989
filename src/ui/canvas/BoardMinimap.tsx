// The overview in the corner, drawn on a canvas: every sticky as a rectangle in its colour (drawn once per
// document change, offscreen), the visible area as a frame over it (the only thing a pan redraws). Far cheaper
// than thousands of SVG elements; the stickies come from the document, so a drag shows there on drop.
// Click or drag on it to move the view there.
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { shallow } from 'zustand/shallow';
import { CATALOGUE, type BoardElement, type TimelineScale } from '../../domain';
import { boardBounds } from '../../state/boardBounds';
import type { ContextRegion } from '../../state/contextRegions';
import { useBoard } from '../board/sessionContext';

export const MINIMAP_WIDTH = 200;
export const MINIMAP_HEIGHT = 130;
const PAD = 6;

const viewSelector = (s: ReactFlowState) => ({ tx: s.transform[0], ty: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });

interface Frame {
  x: number;
  y: number;
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** The stickies and regions, drawn once per document change into an offscreen canvas. */
interface ContentLayer {
  canvas: HTMLCanvasElement;
  frame: Frame;
}

function drawContent(elements: readonly BoardElement[], regions: readonly ContextRegion[], layout: TimelineScale, dpr: number): ContentLayer {
  const covered = boardBounds(elements, layout.xOf) ?? { x: 0, y: 0, width: 2000, height: 1400 };
  const minX = covered.x;
  const minY = covered.y;
  const maxX = covered.x + covered.width;
  const maxY = covered.y + covered.height;
  const scale = Math.min((MINIMAP_WIDTH - 2 * PAD) / (maxX - minX || 1), (MINIMAP_HEIGHT - 2 * PAD) / (maxY - minY || 1));
  const offsetX = PAD + (MINIMAP_WIDTH - 2 * PAD - (maxX - minX) * scale) / 2;
  const offsetY = PAD + (MINIMAP_HEIGHT - 2 * PAD - (maxY - minY) * scale) / 2;
  const frame = { x: minX, y: minY, scale, offsetX, offsetY };
  const canvas = document.createElement('canvas');
  canvas.width = MINIMAP_WIDTH * dpr;
  canvas.height = MINIMAP_HEIGHT * dpr;
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const sx = (x: number) => offsetX + (x - minX) * scale;
    const sy = (y: number) => offsetY + (y - minY) * scale;
    for (const r of regions) {
      ctx.fillStyle = `${r.color}33`;
      ctx.fillRect(sx(r.x), sy(r.y), Math.max(1, r.width * scale), Math.max(1, r.height * scale));
    }
    for (const e of elements) {
      const kind = CATALOGUE[e.type];
      ctx.fillStyle = kind.color;
      ctx.fillRect(sx(layout.xOf(e.position)), sy(e.y), Math.max(1.5, kind.width * scale), Math.max(1.5, kind.height * scale));
    }
  }
  return { canvas, frame };
}

export function BoardMinimap() {
  const elements = useBoard((s) => s.elements);
  const regions = useBoard((s) => s.regions);
  const layout = useBoard((s) => s.scale);
  const view = useStore(viewSelector, shallow);
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  // Redrawn when the document changes; a pan or zoom only moves the frame drawn over it.
  const content = useMemo(() => drawContent(elements, regions, layout, dpr), [elements, regions, layout, dpr]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    if (el.width !== MINIMAP_WIDTH * dpr) {
      el.width = MINIMAP_WIDTH * dpr;
      el.height = MINIMAP_HEIGHT * dpr;
    }
    const { frame } = content;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, el.width, el.height);
    ctx.drawImage(content.canvas, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // The visible area, clipped to the map.
    const x = frame.offsetX + (-view.tx / view.zoom - frame.x) * frame.scale;
    const y = frame.offsetY + (-view.ty / view.zoom - frame.y) * frame.scale;
    const w = (view.width / view.zoom) * frame.scale;
    const h = (view.height / view.zoom) * frame.scale;
    const left = Math.max(1, x);
    const top = Math.max(1, y);
    const right = Math.min(MINIMAP_WIDTH - 1, x + w);
    const bottom = Math.min(MINIMAP_HEIGHT - 1, y + h);
    if (right > left && bottom > top) {
      ctx.fillStyle = 'rgb(37 99 235 / 0.08)';
      ctx.fillRect(left, top, right - left, bottom - top);
      ctx.strokeStyle = '#2563eb';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(left, top, right - left, bottom - top);
    }
  }, [content, view, dpr]);

  const moveTo = (e: PointerEvent<HTMLCanvasElement>) => {
    const f = content.frame;
    const rect = e.currentTarget.getBoundingClientRect();
    const x = f.x + (e.clientX - rect.left - f.offsetX) / f.scale;
    const y = f.y + (e.clientY - rect.top - f.offsetY) / f.scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  return (
    <canvas
      ref={canvas}
      className="nopan nowheel absolute bottom-3 right-3 z-[5] cursor-pointer rounded-md border border-slate-200 bg-white/90 shadow-md"
      style={{ width: MINIMAP_WIDTH, height: MINIMAP_HEIGHT }}
      aria-label="Board overview: click to move the view there"
      role="img"
      data-testid="minimap"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) moveTo(e);
      }}
    />
  );
}
