// Presence crosses layouts: a person may lay the timeline out compact and a colleague to scale, so cursors, views
// and drags travel with their x in timeline units (TimelineScale.unitsAt), not in canvas pixels, and each page
// draws them through its own layout. y is the same in every layout and travels as it is.
import type { TimelineScale } from '../domain';
import type { FlowPoint, FlowRect, PresenceDrag, PresenceState } from '../sync/awareness';

type Layout = Pick<TimelineScale, 'xOf' | 'unitsAt'>;

export function pointToUnits(point: FlowPoint | null, layout: Layout): FlowPoint | null {
  return point && { x: layout.unitsAt(point.x), y: point.y };
}

export function rectToUnits(rect: FlowRect | null, layout: Layout): FlowRect | null {
  if (!rect) return null;
  const left = layout.unitsAt(rect.x);
  return { x: left, y: rect.y, width: layout.unitsAt(rect.x + rect.width) - left, height: rect.height };
}

export function dragToUnits(drag: PresenceDrag | null, layout: Layout): PresenceDrag | null {
  return drag && { ids: drag.ids, points: drag.points.map((v, i) => (i % 2 === 0 ? layout.unitsAt(v) : v)) };
}

/** To a thousandth of a pixel: units and back leave float dust (499.9999999999999) that would move nothing. */
const px = (x: number) => Math.round(x * 1000) / 1000;

/** A colleague's presence, as this page's layout draws it. */
export function presenceInLayout(state: PresenceState, layout: Layout): PresenceState {
  const cursor = state.cursor && { x: px(layout.xOf(state.cursor.x)), y: state.cursor.y };
  const view = state.view && { x: px(layout.xOf(state.view.x)), y: state.view.y, width: px(layout.xOf(state.view.x + state.view.width) - layout.xOf(state.view.x)), height: state.view.height };
  const drag = state.drag && { ids: state.drag.ids, points: state.drag.points.map((v, i) => (i % 2 === 0 ? px(layout.xOf(v)) : v)) };
  return { ...state, cursor, view, drag };
}
