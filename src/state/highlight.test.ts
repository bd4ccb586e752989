import { describe, expect, it } from 'vitest';
import { createBoardStore } from './boardStore';
import { clearHighlight, linkMark, sameHighlight, setHighlight, stickyMark, type BoardHighlight } from './highlight';

const search: BoardHighlight = { source: 'search', ids: new Set(['a', 'b']) };
const flow: BoardHighlight = { source: 'flow', ids: new Set(['a', 'c']), links: new Set(['a>c']) };

describe('highlight marks', () => {
  it('mark nothing when nothing is highlighted', () => {
    expect(stickyMark(null, 'a')).toBeUndefined();
    expect(linkMark(null, 'a', 'b')).toBeUndefined();
  });

  it('show the highlighted stickies and dim the rest', () => {
    expect(stickyMark(search, 'a')).toBe('match');
    expect(stickyMark(search, 'z')).toBe('dim');
  });

  it('keep an arrow between two matches and dim the others, without a list of arrows', () => {
    expect(linkMark(search, 'a', 'b')).toBeUndefined();
    expect(linkMark(search, 'a', 'z')).toBe('dim');
  });

  it('show exactly the listed arrows of a flow', () => {
    expect(linkMark(flow, 'a', 'c')).toBe('match');
    expect(linkMark(flow, 'c', 'a')).toBe('dim');
  });
});

describe('setting a highlight', () => {
  it('leaves the store alone when an equal highlight is set again', () => {
    const store = createBoardStore();
    setHighlight(store, search);
    const before = store.getState();
    setHighlight(store, { source: 'search', ids: new Set(['b', 'a']) });
    expect(store.getState()).toBe(before);
    expect(sameHighlight(search, flow)).toBe(false);
    expect(sameHighlight(flow, { ...flow, links: new Set(['a>c', 'c>a']) })).toBe(false);
  });

  it("clears only the asking panel's highlight", () => {
    const store = createBoardStore();
    setHighlight(store, flow);
    clearHighlight(store, 'search');
    expect(store.getState().highlight).toBe(flow);
    clearHighlight(store, 'flow');
    expect(store.getState().highlight).toBeNull();
  });
});
