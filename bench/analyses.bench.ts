// The analyses on a big board: 10,000 elements, 15,000 trigger links and 20 contexts built on a real Y.Doc through
// the board operations; the median time of snapshot(doc) and of each analysis, the build time and the document size.
// Also the canvas's context regions (src/state/contextRegions.ts): on that board, and on 4,000 stickies of two
// contexts interleaved one by one along the timeline (the most regions to cluster).
import * as Y from 'yjs';
import { addElement, createContext, initWorkshop, linkElements, liveSnapshot, moveElements, snapshot } from '../src/board';
import { ELEMENT_TYPES, contextOverview, flows, lint, search, statistics, timeline, type BoardElement, type BoundedContext } from '../src/domain';
import { contextRegions } from '../src/state/contextRegions';
import { median, report, timeRuns } from './report';

const ELEMENTS = 10_000;
const LINKS = 15_000;
const CONTEXTS = 20;

// A seeded generator, so every run measures the same board.
let state = 0x2f6b3a1d;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const NOUNS = ['Order', 'Payment', 'Invoice', 'Shipment', 'Parcel', 'Customer', 'Stock', 'Refund', 'Coupon', 'Cart', '주문', '재고', '결제'];
const VERBS = ['Placed', 'Paid', 'Sent', 'Reserved', 'Cancelled', 'Shipped', 'Delivered', 'In Transit', 'Pending', '접수됨', '완료', '시작'];
const NOTES = ['', '', 'needs a decision', '재고 예약 시작', 'retry after timeout', 'customer notified by SMS', '고객 요청 또는 재고 부족'];

const doc = new Y.Doc();
initWorkshop(doc, 'bench', { name: 'Bench workshop', domain: 'Retail' });
const contextIds: string[] = [];
for (let i = 0; i < CONTEXTS; i++) contextIds.push(createContext(doc, { name: `Context ${i + 1}` }).id);

const ids: string[] = [];
const addStart = performance.now();
for (let i = 0; i < ELEMENTS; i++) {
  const type = pick(ELEMENT_TYPES);
  ids.push(
    addElement(doc, {
      type,
      name: `${pick(NOUNS)} ${pick(VERBS)} ${i}`,
      description: random() < 0.3 ? `${pick(NOUNS)} ${pick(NOTES)}` : '',
      notes: pick(NOTES),
      position: Math.floor(i / 20),
      y: (i % 20) * 120,
      bounded_context_id: random() < 0.9 ? pick(contextIds) : null,
    }).id,
  );
}
const addMs = performance.now() - addStart;

const pairs = new Set<string>();
const linkStart = performance.now();
while (pairs.size < LINKS) {
  const from = Math.floor(random() * ELEMENTS);
  // Mostly forward along the timeline, sometimes back: the graph has long chains and cycles.
  const to = random() < 0.85 ? Math.min(ELEMENTS - 1, from + 1 + Math.floor(random() * 40)) : Math.floor(random() * ELEMENTS);
  if (from === to || pairs.has(`${from}>${to}`)) continue;
  pairs.add(`${from}>${to}`);
  linkElements(doc, { from: ids[from], to: ids[to] });
}
const linkMs = performance.now() - linkStart;

const snap = snapshot(doc);
if (snap.elements.length !== ELEMENTS || snap.links.length !== LINKS || snap.contexts.length !== CONTEXTS) {
  throw new Error(`generated board is off: ${snap.elements.length} elements, ${snap.links.length} links, ${snap.contexts.length} contexts`);
}
const shape = { elements: ELEMENTS, links: LINKS, contexts: CONTEXTS };

report('analyses.addElement_10000', addMs, 'ms', { per_call_us: Math.round((addMs / ELEMENTS) * 1000) });
report('analyses.linkElements_15000', linkMs, 'ms');
report('analyses.encoded_doc', Y.encodeStateAsUpdate(doc).byteLength, 'bytes', shape);
report('analyses.snapshot', median(timeRuns(() => snapshot(doc))), 'ms median', shape);
{
  // What the browser pays per remote edit: the live snapshot re-reads only what the edit touched.
  const live = liveSnapshot(doc);
  live.get();
  let step = 0;
  const ids = live.get().elements.map((e) => e.id);
  report(
    'analyses.live_snapshot_after_edit',
    median(timeRuns(() => {
      moveElements(doc, { moves: [{ element_id: ids[step++ % ids.length], position: step % 400 }] });
      return live.get();
    }, 25, 3)),
    'ms median',
    { ...shape, note: 'one moved sticky, then the whole snapshot' },
  );
  live.dispose();
}

const flowReport = flows(snap, { max_depth: 10, max_elements: 10_000 });
const cases: [string, () => unknown, Record<string, unknown>][] = [
  ['statistics', () => statistics(snap), {}],
  ['timeline', () => timeline(snap, { page: 3, page_size: 50 }), { page_size: 50 }],
  ['timeline_filtered', () => timeline(snap, { element_type: 'event', bounded_context_id: contextIds[3], detail_level: 'full' }), {}],
  ['flows', () => flows(snap, { max_depth: 10, max_elements: 10_000 }), { max_depth: 10, max_elements: 10_000, starting_points: flowReport.starting_points, nodes: flowReport.nodes }],
  ['context_overview', () => contextOverview(snap, { page_size: 50 }), {}],
  ['context_overview_full', () => contextOverview(snap, { context_id: contextIds[0], detail_level: 'full' }), {}],
  ['search', () => search(snap, { query: 'order' }), { query: 'order', matches: search(snap, { query: 'order' }).pagination.total }],
  ['search_korean', () => search(snap, { query: '재고' }), { query: '재고', matches: search(snap, { query: '재고' }).pagination.total }],
  ['lint', () => lint(snap), { findings: lint(snap).total }],
];
for (const [name, run, extra] of cases) report(`analyses.${name}`, median(timeRuns(run, 25, 5)), 'ms median', extra);

{
  const regions = contextRegions(snap.elements, snap.contexts);
  report('analyses.context_regions', median(timeRuns(() => contextRegions(snap.elements, snap.contexts), 25, 5)), 'ms median', { ...shape, regions: regions.length });
  // Two contexts alternating sticky by sticky, half a column apart, on seven rows (as src/state/contextRegions.test.ts).
  const at = (i: number, contextId: string): BoardElement => ({
    id: `r${String(i).padStart(4, '0')}`, type: 'event', name: `Event ${i}`, description: '', notes: '', position: i * 0.5, y: (i % 7) * 120,
    contextId, createdBy: '', createdAt: '', updatedAt: '', triggers: [], triggeredBy: [],
  });
  const interleaved = Array.from({ length: 4000 }, (_, i) => at(i, i % 2 ? 'a' : 'b'));
  const two: BoundedContext[] = ['a', 'b'].map((id) => ({ id, name: id, description: '', color: '#3498db', createdAt: '', updatedAt: '' }));
  report('analyses.context_regions_interleaved_4000', median(timeRuns(() => contextRegions(interleaved, two), 25, 5)), 'ms median', {
    elements: interleaved.length,
    contexts: two.length,
    regions: contextRegions(interleaved, two).length,
  });
}
