import { describe, expect, it } from 'vitest';
import { rowTop, type BoardElement, type BoundedContext, type ElementType } from '../domain';
import { buildBoardNodes, buildTriggerEdges, reconcileElements, type BoardNode, type StickyNode } from './canvasNodes';

function el(id: string, type: ElementType, position: number, extra: Partial<BoardElement> = {}): BoardElement {
  return {
    id, type, name: id, description: '', notes: '', position, y: rowTop(type), contextId: null,
    createdBy: '', createdAt: 't', updatedAt: 't', triggers: [], triggeredBy: [], ...extra,
  };
}
const none = new Map<string, BoundedContext>();
const byId = (nodes: BoardNode[]) => new Map(nodes.map((n) => [n.id, n]));

describe('canvas nodes from the snapshot', () => {
  it('places a sticky at x = position × COLUMN_WIDTH with its catalogue size', () => {
    const [node] = buildBoardNodes({ elements: [el('a', 'aggregate', 2.5)], contextsById: none, regions: [], previous: new Map(), focusContextId: null }) as StickyNode[];
    expect(node).toMatchObject({ id: 'a', type: 'sticky', position: { x: 550, y: rowTop('aggregate') }, width: 200, height: 140 });
    expect(node.handles?.map((h) => h.type)).toEqual(['source', 'target']);
  });

  it('keeps element objects that did not change and replaces those that did', () => {
    const first = reconcileElements(new Map(), [el('a', 'event', 0), el('b', 'event', 1)]);
    const second = reconcileElements(first.byId, [el('a', 'event', 0), el('b', 'event', 1, { name: 'renamed' })]);
    expect(second.byId.get('a')).toBe(first.byId.get('a'));
    expect(second.byId.get('b')).not.toBe(first.byId.get('b'));
    const third = reconcileElements(second.byId, [el('a', 'event', 0, { triggers: ['b'] }), second.byId.get('b')!]);
    expect(third.byId.get('a')).not.toBe(second.byId.get('a'));
  });

  it('reuses node objects for unchanged stickies, keeps selection and the place of a sticky being dragged', () => {
    const elements = reconcileElements(new Map(), [el('a', 'event', 0), el('b', 'event', 1)]);
    const nodes = buildBoardNodes({ elements: elements.elements, contextsById: none, regions: [], previous: new Map(), focusContextId: null, selectIds: new Set(['b']) });
    const dragged = nodes.map((n) => (n.id === 'b' ? { ...n, dragging: true, position: { x: 999, y: 5 } } : n));
    const moved = reconcileElements(elements.byId, [el('a', 'event', 0), el('b', 'event', 1, { name: 'renamed by a colleague' })]);
    const again = byId(buildBoardNodes({ elements: moved.elements, contextsById: none, regions: [], previous: byId(dragged), focusContextId: null }));
    expect(again.get('a')).toBe(byId(nodes).get('a'));
    expect(again.get('b')).toMatchObject({ selected: true, dragging: true, position: { x: 999, y: 5 } });
    expect((again.get('b') as StickyNode).data.element.name).toBe('renamed by a colleague');
  });

  it('bands a sticky with its context colour and dims what is outside the focused context', () => {
    const ctx: BoundedContext = { id: 'c', name: 'Payment', description: '', color: '#2ecc71', createdAt: '', updatedAt: '' };
    const nodes = byId(buildBoardNodes({
      elements: [el('a', 'event', 0, { contextId: 'c' }), el('b', 'event', 1)],
      contextsById: new Map([['c', ctx]]), regions: [], previous: new Map(), focusContextId: 'c',
    }));
    expect((nodes.get('a') as StickyNode).data).toMatchObject({ band: '#2ecc71', contextName: 'Payment' });
    expect(nodes.get('a')?.className).toBeUndefined();
    expect(nodes.get('b')?.className).toBe('es-dimmed');
  });

  it('makes one arrow per link, keyed like the link, reused while unchanged', () => {
    const elementsById = new Map([['a', el('a', 'command', 0)], ['b', el('b', 'event', 0)]]);
    const links = [{ from: 'a', to: 'b', createdBy: '', createdAt: '' }];
    const edges = buildTriggerEdges({ links, elementsById, previous: new Map(), focusContextId: null });
    expect(edges).toMatchObject([{ id: 'a>b', source: 'a', target: 'b', type: 'trigger' }]);
    const again = buildTriggerEdges({ links, elementsById, previous: new Map(edges.map((e) => [e.id, e])), focusContextId: null });
    expect(again[0]).toBe(edges[0]);
  });

  it('makes stickies of a view link neither draggable nor connectable', () => {
    const [node] = buildBoardNodes({ elements: [el('a', 'event', 0)], contextsById: none, regions: [], previous: new Map(), focusContextId: null, readOnly: true });
    expect(node).toMatchObject({ draggable: false, connectable: false });
  });
});
