import { describe, expect, it } from 'vitest';
import { AWARENESS_INTERVAL_MS, PRESENCE_VERSION, ThrottledPresence, cleanName, parsePresence, type PresenceState, type Timers } from './awareness';

const base: PresenceState = {
  v: PRESENCE_VERSION,
  user: { id: 'u1', name: 'Ana', color: '#2563eb' },
  access: 'edit',
  cursor: null,
  selection: [],
  drag: null,
  view: null,
  lead: null,
  since: 1,
};

/** A clock and timers that only move when told. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => pending.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { timers, advance };
}

describe('presence states from others', () => {
  it('reads a well-formed state as it is', () => {
    const state = { ...base, cursor: { x: 10, y: -20 }, selection: ['a', 'b'], drag: { ids: ['a'], points: [1, 2] }, view: { x: 0, y: 0, width: 800, height: 600 }, lead: 'l1' };
    expect(parsePresence(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('ignores states that are not presence: empty, another version, no usable name or colour', () => {
    expect(parsePresence({})).toBeNull();
    expect(parsePresence(null)).toBeNull();
    expect(parsePresence({ ...base, v: PRESENCE_VERSION + 1 })).toBeNull();
    // Version 1 sent canvas pixels of its own layout: read as timeline units it would put people in the wrong place.
    expect(parsePresence({ ...base, v: 1 })).toBeNull();
    expect(parsePresence({ ...base, user: { ...base.user, name: '   ' } })).toBeNull();
    expect(parsePresence({ ...base, user: { ...base.user, color: 'red; background: url(x)' } })).toBeNull();
  });

  it('bounds and cleans what it keeps: names, ids, coordinates, drag points', () => {
    const parsed = parsePresence({
      ...base,
      user: { id: 'u1', name: `  Ana\u202e\n  ${'x'.repeat(100)}`, color: '#ABCDEF' },
      access: 'admin',
      cursor: { x: Infinity, y: 1 },
      selection: ['ok', 42, '', 'y'.repeat(65), ...Array.from({ length: 2000 }, (_, i) => `s${i}`)],
      drag: { ids: ['a', 7, 'b'], points: [1, 2, 3, 4, 'x', 6] },
      view: { x: 0, y: 0, width: -5, height: 10 },
      lead: 5,
    })!;
    expect(parsed.user.name.startsWith('Ana x')).toBe(true);
    expect([...parsed.user.name]).toHaveLength(40);
    expect(parsed.user.color).toBe('#abcdef');
    expect(parsed.access).toBe('view');
    expect(parsed.cursor).toBeNull();
    expect(parsed.selection[0]).toBe('ok');
    expect(parsed.selection).toHaveLength(1000);
    expect(parsed.drag).toEqual({ ids: ['a'], points: [1, 2] });
    expect(parsed.view).toBeNull();
    expect(parsed.lead).toBeNull();
  });

  it('cleans a typed name: spaces collapsed, control characters gone', () => {
    expect(cleanName('  Jo\t\tAnn \u0007 ')).toBe('Jo Ann');
    expect(cleanName(42)).toBe('');
  });
});

describe('the awareness throttle', () => {
  it('sends the first state at once and then at most one update per interval, ending with the latest', () => {
    const { timers, advance } = fakeTimers();
    const sent: PresenceState[] = [];
    const out = new ThrottledPresence(base, (s) => sent.push(s), AWARENESS_INTERVAL_MS, timers);
    expect(sent).toHaveLength(1);
    // A pointer moving every 4 ms for one second: 250 moves.
    for (let i = 1; i <= 250; i++) {
      advance(4);
      out.update({ cursor: { x: i, y: i } });
    }
    advance(AWARENESS_INTERVAL_MS);
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(1000 / AWARENESS_INTERVAL_MS) + 1);
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.at(-1)!.cursor).toEqual({ x: 250, y: 250 });
    // No two sends closer together than the interval: ≤ 30 a second.
    expect(1000 / AWARENESS_INTERVAL_MS).toBeLessThanOrEqual(30);
  });

  it('keeps to the interval between sends', () => {
    const { timers, advance } = fakeTimers();
    const times: number[] = [];
    const out = new ThrottledPresence(base, () => times.push(timers.now()), AWARENESS_INTERVAL_MS, timers);
    for (let i = 0; i < 300; i++) {
      advance(3);
      out.update({ cursor: { x: i, y: 0 } });
    }
    advance(100);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(AWARENESS_INTERVAL_MS);
  });

  it('sends nothing for an update that changes nothing, and merges fields changed within one interval', () => {
    const { timers, advance } = fakeTimers();
    const sent: PresenceState[] = [];
    const out = new ThrottledPresence(base, (s) => sent.push(s), AWARENESS_INTERVAL_MS, timers);
    advance(100);
    out.update({ selection: [] });
    out.update({ cursor: null });
    expect(sent).toHaveLength(1);
    out.update({ selection: ['a'] });
    expect(sent).toHaveLength(2);
    out.update({ cursor: { x: 1, y: 1 } });
    out.update({ drag: { ids: ['a'], points: [5, 5] } });
    expect(sent).toHaveLength(2);
    advance(AWARENESS_INTERVAL_MS);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ selection: ['a'], cursor: { x: 1, y: 1 }, drag: { ids: ['a'], points: [5, 5] } });
  });

  it('sends nothing after it is disposed', () => {
    const { timers, advance } = fakeTimers();
    const sent: PresenceState[] = [];
    const out = new ThrottledPresence(base, (s) => sent.push(s), AWARENESS_INTERVAL_MS, timers);
    out.update({ cursor: { x: 1, y: 1 } });
    out.dispose();
    advance(1000);
    out.update({ cursor: { x: 2, y: 2 } });
    expect(sent).toHaveLength(1);
  });
});
