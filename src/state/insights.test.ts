import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TUTORIAL_FLOW_MARKDOWN } from '../../fixtures/tutorial';
import { addElement, initWorkshop, snapshot, updateWorkshop } from '../board';
import { replayOnDoc } from '../board/tutorial-replay';
import { flowsMarkdown, statistics } from '../domain';
import { createBoardSession } from './boardSession';
import { boardSnapshotOf, DEFAULT_FLOW_DEPTH, flowDepth, insightsOf, lastInsightDuration, MAX_FLOW_DEPTH } from './insights';

async function tutorialSession() {
  const doc = new Y.Doc();
  await replayOnDoc(doc);
  const session = createBoardSession({ workshopId: 'tutorial', secret: 'k', access: 'edit' }, { connect: false, doc });
  return { doc, session, store: session.store };
}

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the board snapshot the panels read', () => {
  it('is the same object while the store holds the same board, and a new one after an edit', async () => {
    const { doc, store } = await tutorialSession();
    const a = boardSnapshotOf(store.getState());
    // A change of local UI state (selection, highlight) is not a change of the board.
    store.setState({ selectedIds: ['x'], highlight: null });
    expect(boardSnapshotOf(store.getState())).toBe(a);

    addElement(doc, { type: 'event', name: 'Refund Issued', position: 200 });
    await flush();
    const b = boardSnapshotOf(store.getState());
    expect(b).not.toBe(a);
    expect(b.elements).toHaveLength(45);
  });

  it('equals the document snapshot the MCP tools analyse', async () => {
    const { doc, store } = await tutorialSession();
    const fromStore = boardSnapshotOf(store.getState());
    const fromDoc = snapshot(doc);
    expect(statistics(fromStore)).toEqual(statistics(fromDoc));
  });

  it('follows a rename of the workshop even when no element changed', async () => {
    const { doc, store } = await tutorialSession();
    const before = boardSnapshotOf(store.getState());
    updateWorkshop(doc, { name: 'Renamed' });
    await flush();
    const after = boardSnapshotOf(store.getState());
    expect(after.meta.name).toBe('Renamed');
    expect(insightsOf(after).statistics().workshop.name).toBe('Renamed');
    expect(insightsOf(before).statistics().workshop.name).toBe('E-commerce Order Management System');
  });
});

describe('the insights of a snapshot', () => {
  it('give the seed tutorial figures: 44 elements, 4 contexts, 77.3% coverage', async () => {
    const { store } = await tutorialSession();
    const stats = insightsOf(boardSnapshotOf(store.getState())).statistics();
    expect(stats.totals).toEqual({ elements: 44, bounded_contexts: 4 });
    expect(stats.coverage.percent).toBe(77.3);
  });

  it('compute each analysis once per snapshot and set of options', async () => {
    const { store } = await tutorialSession();
    const insights = insightsOf(boardSnapshotOf(store.getState()));
    expect(insightsOf(boardSnapshotOf(store.getState()))).toBe(insights);
    expect(insights.statistics()).toBe(insights.statistics());
    expect(insights.lint()).toBe(insights.lint());
    expect(insights.contexts()).toBe(insights.contexts());
    expect(insights.timeline(null)).toBe(insights.timeline(null));
    expect(insights.timeline('event')).not.toBe(insights.timeline(null));
    expect(insights.flows(10)).toBe(insights.flows(10));
    expect(insights.flows(3)).not.toBe(insights.flows(10));
    const q = { query: 'timeout', type: 'hotspot' as const, contextId: null };
    expect(insights.search(q)).toBe(insights.search({ ...q }));
    expect(lastInsightDuration('search')).toBeGreaterThanOrEqual(0);
  });

  it('recompute after a remote edit, and only then', async () => {
    const { doc, store } = await tutorialSession();
    const before = insightsOf(boardSnapshotOf(store.getState()));
    const statsBefore = before.statistics();
    // An edit by someone else (no local origin), as a websocket update would bring it.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    addElement(remote, { type: 'hotspot', name: 'Who pays for returns?', position: 3 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    await flush();
    const after = insightsOf(boardSnapshotOf(store.getState()));
    expect(after).not.toBe(before);
    expect(after.statistics().totals.elements).toBe(statsBefore.totals.elements + 1);
    expect(after.lint().counts['open-hotspot']).toBe(before.lint().counts['open-hotspot'] + 1);
  });

  it('list every element on the timeline and every lint finding, on one page', async () => {
    const { store } = await tutorialSession();
    const insights = insightsOf(boardSnapshotOf(store.getState()));
    expect(insights.timeline(null).timeline).toHaveLength(44);
    expect(insights.timeline(null).pagination.pages).toBe(1);
    expect(insights.timeline('hotspot').timeline.map((e) => e.type)).toEqual(['hotspot', 'hotspot', 'hotspot', 'hotspot']);
    const lint = insights.lint();
    expect(lint.findings).toHaveLength(lint.total);
  });

  it("trace the seed's flow from Place Order at the default depth", async () => {
    const { store } = await tutorialSession();
    const report = insightsOf(boardSnapshotOf(store.getState())).flows(DEFAULT_FLOW_DEPTH);
    expect(report.max_depth).toBe(10);
    expect(report.flows[0].start.name).toBe('Place Order');
    expect(flowsMarkdown(report).startsWith(TUTORIAL_FLOW_MARKDOWN)).toBe(true);
  });

  it('search in Korean and by type, and drop a context filter whose context is gone', async () => {
    const { store } = await tutorialSession();
    const insights = insightsOf(boardSnapshotOf(store.getState()));
    const timeout = insights.search({ query: 'timeout', type: 'hotspot', contextId: null });
    expect(timeout.matches.map((m) => m.name)).toEqual(['Payment Gateway Timeout Handling']);
    const korean = insights.search({ query: '실재고', type: null, contextId: null });
    expect(korean.matches.map((m) => m.name)).toEqual(['Inventory Reserved']);
    const gone = insights.search({ query: 'order', type: null, contextId: 'no-such-context' });
    expect(gone.filters.bounded_context_id).toBeNull();
    expect(gone.matches.length).toBeGreaterThan(0);
  });

  it('clamp the flow depth to what the analysis accepts', () => {
    expect(flowDepth(0)).toBe(1);
    expect(flowDepth(99)).toBe(MAX_FLOW_DEPTH);
    expect(flowDepth(4.4)).toBe(4);
    expect(flowDepth(Number.NaN)).toBe(DEFAULT_FLOW_DEPTH);
  });
});

describe('an empty board', () => {
  it('has insights that say there is nothing yet', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, 'w', { name: 'Empty' });
    const session = createBoardSession({ workshopId: 'w', secret: 'k', access: 'edit' }, { connect: false, doc });
    const insights = insightsOf(boardSnapshotOf(session.store.getState()));
    expect(insights.statistics().totals.elements).toBe(0);
    expect(insights.flows(10).flows).toEqual([]);
    expect(insights.lint().total).toBe(0);
    expect(insights.contexts().contexts).toEqual([]);
    expect(insights.search({ query: 'x', type: null, contextId: null }).matches).toEqual([]);
  });
});
