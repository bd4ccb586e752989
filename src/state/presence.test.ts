import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addElement, initWorkshop } from '../board';
import type { Timers } from '../sync/awareness';
import { CATALOGUE, COLUMN_GAP, COLUMN_WIDTH } from '../domain';
import { applyCanvasNodeChanges, selectStickies, setTimelineMode } from './boardStore';
import { createBoardSession } from './boardSession';
import { PARTICIPANT_KEY, preferredColor } from './participant';
import { createPresence, followTarget, viewportShowing, type Peer } from './presence';

function memoryStorage(participant?: { id: string; name: string; named?: boolean }) {
  const data = new Map<string, string>();
  if (participant) data.set(PARTICIPANT_KEY, JSON.stringify({ named: true, ...participant }));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

/** One clock for everybody; timers run when it is moved. */
function clock() {
  let now = 0;
  const pending: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      pending.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = pending.findIndex((p) => p.id === id);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      pending.sort((a, b) => a.at - b.at);
      if (!pending[0] || pending[0].at > end) break;
      const t = pending.shift()!;
      now = t.at;
      t.fn();
    }
    now = end;
  };
  return { timers, advance };
}

/** Awareness instances that hear each other at once, as through a server. */
function link(...all: Awareness[]) {
  for (const from of all) {
    from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === 'remote') return;
      const update = encodeAwarenessUpdate(from, [...added, ...updated, ...removed]);
      for (const to of all) if (to !== from) applyAwarenessUpdate(to, update, 'remote');
    });
  }
}

function room() {
  const doc = new Y.Doc();
  initWorkshop(doc, 'w1', { name: 'Presence' });
  const a = addElement(doc, { type: 'event', name: 'A', position: 1, y: 510 }).id;
  const b = addElement(doc, { type: 'command', name: 'B', position: 3, y: 170 }).id;
  const { timers, advance } = clock();
  const pages: ReturnType<typeof page>[] = [];
  function page(name: string, access: 'edit' | 'view' = 'edit', id = `${name.toLowerCase()}-id`) {
    const pageDoc = new Y.Doc();
    Y.applyUpdate(pageDoc, Y.encodeStateAsUpdate(doc));
    const session = createBoardSession({ workshopId: 'w1', secret: 'k', access }, { connect: false, doc: pageDoc });
    const awareness = new Awareness(pageDoc);
    const presence = createPresence({ awareness, board: session.store, access, storage: memoryStorage({ id, name }), timers, schedule: (fn) => fn() });
    return { session, store: session.store, awareness, presence };
  }
  const join = (name: string, access: 'edit' | 'view' = 'edit', id?: string) => {
    const p = page(name, access, id);
    pages.push(p);
    return p;
  };
  const connect = () => link(...pages.map((p) => p.awareness));
  return { a, b, join, connect, advance, pages };
}

describe('presence between pages', () => {
  it('lists everyone else with their name and colour, and forgets who leaves', () => {
    const r = room();
    const ana = r.join('Ana');
    const ben = r.join('Ben', 'view');
    r.connect();
    ana.presence.setCursor({ x: 1, y: 2 });
    ben.presence.setCursor({ x: 3, y: 4 });
    r.advance(100);
    const [peer] = ana.presence.store.getState().peers;
    expect(peer.user.name).toBe('Ben');
    expect(peer.access).toBe('view');
    expect(ben.presence.store.getState().peers.map((p) => p.user.name)).toEqual(['Ana']);
    ben.presence.destroy();
    expect(ana.presence.store.getState().peers).toEqual([]);
  });

  it("carries a person's cursor, selection and view", () => {
    const r = room();
    const ana = r.join('Ana');
    const ben = r.join('Ben');
    r.connect();
    ana.presence.setCursor({ x: 100, y: 200 });
    selectStickies(ana.store, [r.a]);
    ana.presence.setView({ x: 0, y: 0, width: 1000, height: 500 });
    r.advance(100);
    const seen = [...ben.presence.live.values()][0];
    expect(seen.cursor).toEqual({ x: 100, y: 200 });
    expect(seen.selection).toEqual([r.a]);
    expect(seen.view).toEqual({ x: 0, y: 0, width: 1000, height: 500 });
  });

  it('moves a sticky on the other page while it is dragged, through the board store', () => {
    const r = room();
    const ana = r.join('Ana');
    const ben = r.join('Ben');
    r.connect();
    applyCanvasNodeChanges(ana.store, [{ type: 'position', id: r.a, position: { x: 500, y: 530 }, dragging: true }]);
    r.advance(100);
    expect(ben.store.getState().nodes.find((n) => n.id === r.a)!.position).toEqual({ x: 500, y: 530 });
    expect(ben.store.getState().remoteDrags.get(r.a)).toEqual({ x: 500, y: 530 });
    // Ana's own board is hers to draw: no override of her own drag.
    expect(ana.store.getState().remoteDrags.size).toBe(0);
  });

  it('shows a colleague who lays the timeline out differently in the right place: cursor, view and drag', () => {
    const r = room();
    const ana = r.join('Ana');
    const ben = r.join('Ben');
    // Ana's board is compact (positions 1 and 3 side by side); Ben has chosen one column per unit.
    setTimelineMode(ben.store, 'to-scale');
    r.connect();
    const three = ana.store.getState().scale.xOf(3);
    expect(three).toBe(CATALOGUE.event.width + COLUMN_GAP);
    // Halfway across the column of 3 on Ana's screen is position 3.5: on Ben's, 3.5 columns of 220.
    ana.presence.setCursor({ x: three + (CATALOGUE.command.width + COLUMN_GAP) / 2, y: 200 });
    ana.presence.setView({ x: 0, y: 0, width: three, height: 500 });
    applyCanvasNodeChanges(ana.store, [{ type: 'position', id: r.a, position: { x: three, y: 530 }, dragging: true }]);
    r.advance(100);
    const seen = [...ben.presence.live.values()][0];
    expect(seen.cursor).toEqual({ x: 3.5 * COLUMN_WIDTH, y: 200 });
    expect(seen.view).toEqual({ x: 1 * COLUMN_WIDTH, y: 0, width: 2 * COLUMN_WIDTH, height: 500 });
    expect(ben.store.getState().remoteDrags.get(r.a)).toEqual({ x: 3 * COLUMN_WIDTH, y: 530 });
  });

  it('follows whoever asks to be followed, until stopped; a new request is followed again', () => {
    const r = room();
    const ana = r.join('Ana');
    const ben = r.join('Ben');
    const viewer = r.join('Vic', 'view');
    r.connect();
    ana.presence.lead();
    r.advance(100);
    const anaId = ana.awareness.clientID;
    expect(ben.presence.store.getState().following).toBe(anaId);
    expect(viewer.presence.store.getState().following).toBe(anaId);
    expect(ana.presence.store.getState().leading).toBe(true);
    ben.presence.stopFollowing();
    ana.presence.setView({ x: 5, y: 5, width: 10, height: 10 });
    r.advance(100);
    expect(ben.presence.store.getState().following).toBeNull();
    expect(viewer.presence.store.getState().following).toBe(anaId);
    ana.presence.stopLeading();
    r.advance(100);
    expect(viewer.presence.store.getState().following).toBeNull();
    ana.presence.lead();
    r.advance(100);
    expect(ben.presence.store.getState().following).toBe(anaId);
  });

  it('a view link cannot ask everyone to follow', () => {
    const r = room();
    const viewer = r.join('Vic', 'view');
    const ben = r.join('Ben');
    r.connect();
    viewer.presence.lead();
    r.advance(100);
    expect(ben.presence.store.getState().following).toBeNull();
  });

  it('the later of two people wearing one colour changes colour', () => {
    // Two participant ids that prefer the same colour.
    const first = 'p-0';
    let second = 'p-1';
    for (let i = 1; preferredColor(second) !== preferredColor(first); i++) second = `p-${i}`;
    const r = room();
    const ana = r.join('Ana', 'edit', first);
    r.connect();
    r.advance(10);
    const ben = r.join('Ben', 'edit', second);
    r.pages.splice(0, r.pages.length, ana, ben);
    link(ana.awareness, ben.awareness);
    // Ben joined later (his `since` is later or equal with a greater id): Ben moves.
    ana.presence.setCursor({ x: 1, y: 1 });
    ben.presence.setCursor({ x: 2, y: 2 });
    r.advance(100);
    const anaColour = ana.presence.store.getState().self.color;
    const benColour = ben.presence.store.getState().self.color;
    expect(anaColour).toBe(preferredColor(first));
    expect(benColour).not.toBe(anaColour);
    expect([...ana.presence.live.values()][0].user.color).toBe(benColour);
  });

  it('renaming reaches the others and is remembered', () => {
    const r = room();
    const ana = r.join('Ana');
    const ben = r.join('Ben');
    r.connect();
    ana.presence.rename('  Ana Lima ');
    r.advance(100);
    expect(ben.presence.store.getState().peers[0].user.name).toBe('Ana Lima');
    expect(ana.presence.store.getState().named).toBe(true);
  });
});

describe('following and looking', () => {
  const peer = (clientId: number, lead: string | null): Peer => ({ clientId, lead, since: 0, access: 'edit', user: { id: `u${clientId}`, name: `P${clientId}`, color: '#000000' } });

  it('follows the latest request not declined, and nobody while leading', () => {
    expect(followTarget([peer(1, 'a1'), peer(2, 'b2'), peer(3, null)], new Set(), false)).toBe(2);
    expect(followTarget([peer(1, 'a1'), peer(2, 'b2')], new Set(['2:b2']), false)).toBe(1);
    expect(followTarget([peer(1, 'a1')], new Set(), true)).toBeNull();
    expect(followTarget([], new Set(), false)).toBeNull();
    expect(followTarget([{ ...peer(4, 'z9'), access: 'view' }], new Set(), false)).toBeNull();
  });

  it('shows the whole of what someone sees, centred, within the zoom limits', () => {
    expect(viewportShowing({ x: 0, y: 0, width: 1000, height: 500 }, { width: 500, height: 500 }, 0.1, 2)).toEqual({ x: 500, y: 250, zoom: 0.5 });
    expect(viewportShowing({ x: 0, y: 0, width: 10, height: 10 }, { width: 500, height: 500 }, 0.1, 2).zoom).toBe(2);
  });
});
