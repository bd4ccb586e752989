// The compact timeline's layout (issue 12): 5,000 stickies at 200 distinct positions, numbered with gaps as the seed
// numbers its events. Measured in Node on the board store the canvas reads: laying the timeline out (the scale:
// columns, widths, every sticky's x), and a whole re-layout as a drop inserts a new column (scale, every node's
// place, the context regions), the work a person's drop between two columns costs. Printed, never asserted; the
// drag frames on such a board are in board.bench.ts.
import * as Y from 'yjs';
import { addElement, assignToContext, createContext, initWorkshop, moveElements } from '../src/board';
import { ELEMENT_TYPES, timelineScaleOf } from '../src/domain';
import { createBoardSession } from '../src/state/boardSession';
import { median, percentile, report, timeRuns } from './report';

const STICKIES = 5000;
const POSITIONS = 200;

const doc = new Y.Doc();
initWorkshop(doc, 'layout', { name: 'Layout bench' });
const contexts = [0, 1, 2, 3].map((i) => createContext(doc, { name: `Context ${i}` }).id);
const ids: string[] = [];
doc.transact(() => {
  for (let i = 0; i < STICKIES; i++) {
    const type = ELEMENT_TYPES[i % ELEMENT_TYPES.length];
    // Positions 0, 3, 6 … with a few big jumps, as a workshop numbers its chapters.
    const column = i % POSITIONS;
    const position = column * 3 + Math.floor(column / 50) * 100;
    ids.push(addElement(doc, { type, name: `${type} ${i}`, position, y: Math.floor(i / POSITIONS) * 120 }).id);
  }
});
for (let c = 0; c < contexts.length; c++) assignToContext(doc, { element_ids: ids.filter((_, i) => i % 7 === c), context_id: contexts[c] });

const session = createBoardSession({ workshopId: 'layout', secret: 'k', access: 'edit' }, { connect: false, doc });
session.refresh();
const state = session.store.getState();
if (state.elements.length !== STICKIES || state.scale.columns.length !== POSITIONS) throw new Error(`built ${state.elements.length} stickies in ${state.scale.columns.length} columns`);

const scaleTimes = timeRuns(() => {
  const scale = timelineScaleOf(state.elements);
  let sum = 0;
  for (const e of state.elements) sum += scale.xOf(e.position);
  return sum;
}, 30, 5);
report(`layout ${STICKIES} stickies / ${POSITIONS} positions: timeline scale`, median(scaleTimes), 'ms', { p95: Math.round(percentile(scaleTimes, 95) * 1000) / 1000, target: '<= 10 ms' });

// A drop between two columns: one sticky to a new position, a column inserted, everything after it moves.
const relayouts: number[] = [];
for (let run = 0; run < 20; run++) {
  const id = ids[run * 13];
  const start = performance.now();
  moveElements(doc, { moves: [{ element_id: id, position: 1.5 + run * 3 }] });
  session.refresh();
  relayouts.push(performance.now() - start);
  moveElements(doc, { moves: [{ element_id: id, position: 0 }] });
  session.refresh();
}
const after = session.store.getState();
report(`layout ${STICKIES} stickies / ${POSITIONS} positions: drop inserting a column (document to nodes)`, median(relayouts), 'ms', {
  p95: Math.round(percentile(relayouts, 95) * 1000) / 1000,
  nodes: after.nodes.length,
  regions: after.regions.length,
});
session.destroy();
