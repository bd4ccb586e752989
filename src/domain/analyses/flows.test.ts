import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshot } from '../../board';
import { replayOnDoc } from '../../board/tutorial-replay';
import type { WorkshopSnapshot } from '../types';
import { flows, flowsMarkdown, startingPoints, type FlowNode } from './flows';
import { indexBoard } from './board-index';
import { snapshotOf, type ElementSketch } from '../../../test-support/snapshot-of';

let tutorial: WorkshopSnapshot;
const idOf = (name: string) => tutorial.elements.find((e) => e.name === name)!.id;
beforeAll(async () => {
  const doc = new Y.Doc();
  await replayOnDoc(doc);
  tutorial = snapshot(doc);
});

function walk(node: FlowNode, visit: (n: FlowNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

function allNodes(report: ReturnType<typeof flows>): FlowNode[] {
  const nodes: FlowNode[] = [];
  for (const flow of report.flows) walk(flow.root, (n) => nodes.push(n));
  return nodes;
}

const SEED_11_3 = `# Event Flow Visualization

## Flow from: Place Order
→ [command] Place Order
  → [event] Order Placed
    → [command] Authorize Payment
      → [event] Payment Authorized
        → [command] Capture Payment
          → [event] Payment Captured
            → [command] Confirm Order
              → [event] Order Confirmed
                → [command] Reserve Inventory
                  → [event] Inventory Reserved
`;

describe('flows on the tutorial', () => {
  it('prints the seed §11.3 block first at max_depth 10', () => {
    expect(tutorial.links).toHaveLength(18);
    const md = flowsMarkdown(flows(tutorial, { max_depth: 10 }));
    expect(md.startsWith(SEED_11_3)).toBe(true);
  });

  it('starts from commands no event or policy triggers, then from free-standing triggers', () => {
    expect(startingPoints(indexBoard(tutorial)).map((e) => e.name)).toEqual(['Place Order', 'Cancel Order', 'Customer']);
    const report = flows(tutorial, { max_depth: 10 });
    expect(report.flows.map((f) => f.start.name)).toEqual(['Place Order', 'Cancel Order', 'Customer']);
    expect(report.nodes).toBe(10 + 1 + 10);
    expect(report.limit_reached).toBe(false);
  });

  it('shows levels 0..max_depth-1 and flags the cut', () => {
    const report = flows(tutorial, { max_depth: 10 });
    const nodes = allNodes(report);
    expect(Math.max(...nodes.map((n) => n.depth))).toBe(9);
    let deepest = report.flows[0].root;
    while (deepest.children.length > 0) deepest = deepest.children[0];
    expect(deepest).toMatchObject({ name: 'Inventory Reserved', depth: 9, truncated: true, truncated_by: 'max_depth' });
    expect(flowsMarkdown(report)).toContain('                  → [event] Inventory Reserved\n                    … more beyond max_depth 10');
  });

  it('follows the whole chain when the depth allows', () => {
    const report = flows(tutorial, { start_element_id: idOf('Order Confirmed'), max_depth: 20 });
    expect(report.flows).toHaveLength(1);
    const names: string[] = [];
    walk(report.flows[0].root, (n) => names.push(n.name));
    expect(names).toEqual([
      'Order Confirmed', 'Reserve Inventory', 'Inventory Reserved', 'Pick Items', 'Items Picked', 'Prepare Package',
      'Package Prepared', 'Ship Order', 'Order Shipped', 'Delivery Service', 'Order Delivered',
    ]);
    expect(allNodes(report).some((n) => n.truncated)).toBe(false);
  });

  it('refuses an unknown start element', () => {
    expect(() => flows(tutorial, { start_element_id: 'nope' })).toThrowError(/start_element_id: no element with id "nope"/);
  });
});

const el = (id: string, type: ElementSketch['type'] = 'event', position = 0): ElementSketch => ({ id, type, name: id.toUpperCase(), position });

describe('flows on awkward graphs', () => {
  it('shows a loop as a back-reference and stops there', () => {
    const snap = snapshotOf({
      elements: [el('a', 'command', 0), el('b', 'event', 1), el('c', 'policy', 2)],
      links: [['a', 'b'], ['b', 'c'], ['c', 'a']],
    });
    // Every command is triggered by a policy and everything is triggered by something: no starting point.
    const none = flows(snap);
    expect(none.flows).toEqual([]);
    expect(flowsMarkdown(none)).toContain('No starting points');
    const report = flows(snap, { start_element_id: 'a', max_depth: 20 });
    expect(flowsMarkdown(report)).toBe(
      ['# Event Flow Visualization', '', '## Flow from: A', '→ [command] A', '  → [event] B', '    → [policy] C', '      ↺ [command] A (cycle)'].join('\n'),
    );
    const back = allNodes(report).at(-1)!;
    expect(back).toMatchObject({ id: 'a', depth: 3, cycle: true, repeat: false, children: [] });
  });

  it('shows an element reached twice once, then as a reference', () => {
    const snap = snapshotOf({
      elements: [el('a', 'command', 0), el('b', 'event', 1), el('c', 'event', 2), el('d', 'policy', 3), el('e', 'command', 4)],
      links: [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd'], ['d', 'e']],
    });
    const report = flows(snap, { max_depth: 10 });
    expect(report.flows.map((f) => f.start.id)).toEqual(['a']);
    const d = allNodes(report).filter((n) => n.id === 'd');
    expect(d.map((n) => [n.repeat, n.children.length])).toEqual([[false, 1], [true, 0]]);
    expect(flowsMarkdown(report)).toContain('    → [policy] D (see above)');
  });

  it('re-expands an element first met where max_depth cut it', () => {
    // a → b → c → d and a → d, d → e. With max_depth 4, d is first met at depth 3, the last level, so its trigger
    // is cut there; met again at depth 1, it is expanded rather than shown as a reference to a cut node.
    const snap = snapshotOf({
      elements: [el('a', 'command', 0), el('b', 'event', 1), el('c', 'command', 2), el('d', 'event', 3), el('e', 'policy', 4)],
      links: [['a', 'b'], ['b', 'c'], ['c', 'd'], ['a', 'd'], ['d', 'e']],
    });
    const deep = flows(snap, { start_element_id: 'a', max_depth: 4 });
    expect(allNodes(deep).filter((n) => n.id === 'd').map((n) => [n.depth, n.truncated_by, n.repeat, n.children.map((c) => c.id)])).toEqual([
      [3, 'max_depth', false, []],
      [1, null, false, ['e']],
    ]);
    // With max_depth 3, d is not reached through c at all (levels 0..2): c is cut, d shown once, from a.
    const shallow = flows(snap, { start_element_id: 'a', max_depth: 3 });
    expect(allNodes(shallow).map((n) => `${n.depth}${n.id}${n.truncated ? '!' : ''}`)).toEqual(['0a', '1b', '2c!', '1d', '2e']);
  });

  it('never exceeds max_elements and says how many flows it left out', () => {
    const elements = Array.from({ length: 30 }, (_, i) => el(`c${i}`, 'command', i));
    const events = Array.from({ length: 30 }, (_, i) => el(`e${i}`, 'event', i));
    const snap = snapshotOf({ elements: [...elements, ...events], links: elements.map((c, i): [string, string] => [c.id, `e${i}`]) });
    const report = flows(snap, { max_elements: 7 });
    expect(report.nodes).toBe(7);
    expect(allNodes(report)).toHaveLength(7);
    expect(report.flows).toHaveLength(4);
    expect(report.flows[3].root.truncated_by).toBe('max_elements');
    expect(report.flows_omitted).toBe(26);
    expect(report.limit_reached).toBe(true);
    const md = flowsMarkdown(report);
    expect(md).toContain('… 26 more starting points not shown.');
    expect(md).toContain('max_elements 7');
  });

  it('handles a self-loop in a hand-built snapshot', () => {
    const snap = snapshotOf({ elements: [el('a', 'command')], links: [['a', 'a']] });
    const report = flows(snap, { start_element_id: 'a' });
    expect(report.flows[0].root.children).toMatchObject([{ id: 'a', cycle: true }]);
  });

  it('stays fast and bounded on 10,000 elements and 15,000 links full of cycles', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const types = ['command', 'event', 'policy', 'actor'] as const;
    const elements = Array.from({ length: 10_000 }, (_, i) => el(`n${i}`, types[i % 4], Math.floor(random() * 500)));
    const links: [string, string][] = [];
    for (let i = 0; i < 15_000; i++) links.push([`n${Math.floor(random() * 10_000)}`, `n${Math.floor(random() * 10_000)}`]);
    const snap = snapshotOf({ elements, links });
    const report = flows(snap, { max_depth: 20, max_elements: 10_000 });
    expect(report.nodes).toBeLessThanOrEqual(10_000);
    expect(allNodes(report)).toHaveLength(report.nodes);
    expect(flowsMarkdown(report).length).toBeGreaterThan(0);
  });
});
