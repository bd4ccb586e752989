import { describe, expect, it } from 'vitest';
import { PROBE_BURST, PROBE_GAP_MS, PROBE_REFILL_MS, PROBE_TIMEOUT_MS, STALE_AFTER_MS, UnsyncedChanges } from './unsynced';

/** A connection that opened, was greeted by the server and had its own first sync request answered. */
function online(u: UnsyncedChanges) {
  u.opened();
  u.greeting();
  u.answer();
}

describe('changes not yet on the server', () => {
  it('counts changes made offline and keeps counting until the server has confirmed them', () => {
    const u = new UnsyncedChanges();
    for (let i = 0; i < 10; i++) u.record(i);
    expect(u.count).toBe(10);
    expect(u.backlog(100)).toBe(10);
    u.opened();
    expect(u.shouldProbe(100)).toBe(false);
    // The server's step 1: the page answers with all ten.
    u.greeting();
    expect(u.shouldProbe(100)).toBe(false);
    // The answer to y-websocket's own request proves nothing about what was sent after it.
    u.answer();
    expect(u.count).toBe(10);
    expect(u.shouldProbe(100)).toBe(true);
    u.probed(100);
    expect(u.shouldProbe(200)).toBe(false);
    u.answer();
    expect(u.count).toBe(0);
    expect(u.backlog(300)).toBe(0);
  });

  it('a change made after the question was asked waits for the next answer', () => {
    const u = new UnsyncedChanges();
    online(u);
    u.record(0);
    expect(u.shouldProbe(0)).toBe(true);
    u.probed(0);
    u.record(10);
    u.answer();
    expect(u.count).toBe(1);
    expect(u.shouldProbe(10)).toBe(false);
    expect(u.nextProbeAt(10)).toBe(PROBE_GAP_MS);
    expect(u.shouldProbe(PROBE_GAP_MS)).toBe(true);
    u.probed(PROBE_GAP_MS);
    u.answer();
    expect(u.count).toBe(0);
    expect(u.nextProbeAt(PROBE_GAP_MS)).toBeNull();
  });

  it('rations its questions like the server rations sync requests: a burst, then one per refill', () => {
    const u = new UnsyncedChanges();
    online(u);
    let t = 0;
    const asked: number[] = [];
    // An edit every 100 ms for 20 s, a question whenever one may go, each answered at once.
    for (; t < 20_000; t += 50) {
      if (t % 100 === 0) u.record(t);
      if (u.shouldProbe(t)) {
        u.probed(t);
        asked.push(t);
        u.answer();
      }
    }
    expect(asked.length).toBeLessThanOrEqual(PROBE_BURST + Math.ceil(20_000 / PROBE_REFILL_MS));
    expect(asked.length).toBeGreaterThanOrEqual(Math.floor(20_000 / PROBE_REFILL_MS));
    for (let i = 1; i < asked.length; i++) expect(asked[i] - asked[i - 1]).toBeGreaterThanOrEqual(PROBE_GAP_MS);
    // Server side: a burst of ten and one per 2 s is never exceeded (plus y-websocket's one per connection).
    for (let i = 0; i < asked.length; i++) {
      const windowEnd = asked[i] + 10_000;
      const inWindow = asked.filter((a) => a >= asked[i] && a < windowEnd).length;
      expect(inWindow).toBeLessThanOrEqual(10 - 1 + 10_000 / 2000);
    }
  });

  it('forgets a question on a lost connection: changes stay counted and are sent again on reconnect', () => {
    const u = new UnsyncedChanges();
    online(u);
    u.record(0);
    u.probed(0);
    u.closed();
    u.answer();
    expect(u.count).toBe(1);
    u.record(5);
    expect(u.backlog(5)).toBe(1);
    online(u);
    expect(u.shouldProbe(PROBE_GAP_MS)).toBe(true);
    u.probed(PROBE_GAP_MS);
    u.answer();
    expect(u.count).toBe(0);
  });

  it('takes an unanswered question as lost after a while and asks again', () => {
    const u = new UnsyncedChanges();
    online(u);
    u.record(0);
    u.probed(0);
    expect(u.shouldProbe(PROBE_TIMEOUT_MS - 1)).toBe(false);
    expect(u.nextProbeAt(1)).toBe(PROBE_TIMEOUT_MS);
    expect(u.shouldProbe(PROBE_TIMEOUT_MS)).toBe(true);
  });

  it('changes sent while online only show once they are overdue', () => {
    const u = new UnsyncedChanges();
    online(u);
    u.record(0);
    expect(u.count).toBe(1);
    expect(u.backlog(STALE_AFTER_MS - 1)).toBe(0);
    expect(u.backlog(STALE_AFTER_MS)).toBe(1);
  });

  it('carries the count an earlier visit left, until a sync confirms it', () => {
    const u = new UnsyncedChanges(3);
    expect(u.count).toBe(3);
    expect(u.backlog(0)).toBe(3);
    online(u);
    u.probed(0);
    u.answer();
    expect(u.count).toBe(0);
  });

  it('does not ask before the server has greeted this connection', () => {
    const u = new UnsyncedChanges();
    u.record(0);
    u.opened();
    u.answer();
    expect(u.shouldProbe(PROBE_REFILL_MS * 2)).toBe(false);
    expect(u.nextProbeAt(PROBE_REFILL_MS * 2)).toBeNull();
  });
});
