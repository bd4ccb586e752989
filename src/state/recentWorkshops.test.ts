import { describe, expect, it } from 'vitest';
import { RECENT_KEY, RECENT_LIMIT, forgetWorkshop, loadRecent, rememberWorkshop } from './recentWorkshops';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('recent workshops', () => {
  it('lists the most recently opened first', () => {
    const s = memoryStorage();
    rememberWorkshop(s, { workshopId: 'a', name: 'A', secret: 'ka', access: 'edit', openedAt: '2024-01-01T00:00:00Z' });
    rememberWorkshop(s, { workshopId: 'b', name: 'B', secret: 'kb', access: 'edit', openedAt: '2024-01-02T00:00:00Z' });
    expect(loadRecent(s).map((r) => r.workshopId)).toEqual(['b', 'a']);
    rememberWorkshop(s, { workshopId: 'a', name: 'A2', secret: 'ka', access: 'edit', openedAt: '2024-01-03T00:00:00Z' });
    expect(loadRecent(s).map((r) => [r.workshopId, r.name])).toEqual([['a', 'A2'], ['b', 'B']]);
  });

  it('keeps the edit secret when the view link of the same board is opened', () => {
    const s = memoryStorage();
    rememberWorkshop(s, { workshopId: 'a', name: 'A', secret: 'edit-k', access: 'edit' });
    const [entry] = rememberWorkshop(s, { workshopId: 'a', name: 'A', secret: 'view-k', access: 'view' });
    expect(entry).toMatchObject({ secret: 'edit-k', access: 'edit', viewSecret: 'view-k' });
  });

  it('drops garbage in storage rather than failing', () => {
    expect(loadRecent(memoryStorage({ [RECENT_KEY]: 'not json' }))).toEqual([]);
    expect(loadRecent(memoryStorage({ [RECENT_KEY]: '[{"workshopId":1},{"workshopId":"x","name":"X","secret":"s","access":"edit","openedAt":"t"}]' })).map((r) => r.workshopId)).toEqual(['x']);
    expect(loadRecent(null)).toEqual([]);
  });

  it('forgets a workshop and keeps at most the limit', () => {
    const s = memoryStorage();
    for (let i = 0; i < RECENT_LIMIT + 5; i++) {
      rememberWorkshop(s, { workshopId: `w${i}`, name: `W${i}`, secret: 'k', access: 'edit', openedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString() });
    }
    expect(loadRecent(s)).toHaveLength(RECENT_LIMIT);
    expect(forgetWorkshop(s, `w${RECENT_LIMIT + 4}`).map((r) => r.workshopId)).not.toContain(`w${RECENT_LIMIT + 4}`);
  });
});
