import { describe, expect, it } from 'vitest';
import { PARTICIPANT_KEY, PRESENCE_COLORS, assignColor, defaultName, initialsOf, loadParticipant, preferredColor, rename, saveParticipant } from './participant';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('who this browser is', () => {
  it('creates a participant with a friendly default name once, then remembers it', () => {
    const storage = memoryStorage();
    const first = loadParticipant(storage, () => 'id-1', () => 0);
    expect(first).toEqual({ id: 'id-1', name: 'Bright Badger', named: false });
    expect(loadParticipant(storage, () => 'id-2')).toEqual(first);
    saveParticipant(storage, rename(first, '  Ana  María '));
    expect(loadParticipant(storage)).toEqual({ id: 'id-1', name: 'Ana María', named: true });
  });

  it('replaces what storage holds when it is not a participant', () => {
    const storage = memoryStorage();
    storage.setItem(PARTICIPANT_KEY, '{"id": 5}');
    expect(loadParticipant(storage, () => 'fresh').id).toBe('fresh');
    storage.setItem(PARTICIPANT_KEY, 'not json');
    expect(loadParticipant(storage, () => 'again').id).toBe('again');
  });

  it('keeps the old name when the new one is blank', () => {
    expect(rename({ id: 'x', name: 'Ana', named: false }, '   ')).toEqual({ id: 'x', name: 'Ana', named: true });
  });

  it('makes default names from a word list', () => {
    expect(defaultName(() => 0.999)).toMatch(/^\w+ \w+$/);
  });

  it('shows one or two initials', () => {
    expect(initialsOf('Curious Otter')).toBe('CO');
    expect(initialsOf('ana')).toBe('AN');
    expect(initialsOf('Jean Paul Sartre')).toBe('JS');
    expect(initialsOf('  ')).toBe('?');
  });
});

describe('colours', () => {
  it('gives a participant the same colour on every board', () => {
    expect(preferredColor('abc')).toBe(preferredColor('abc'));
    expect(PRESENCE_COLORS).toContain(preferredColor('abc'));
  });

  it('keeps the preferred colour when it is free', () => {
    expect(assignColor('abc', [])).toBe(preferredColor('abc'));
  });

  it('picks a colour nobody wears when the preferred one is taken', () => {
    const taken = [preferredColor('abc')];
    const picked = assignColor('abc', taken);
    expect(picked).not.toBe(taken[0]);
    expect(PRESENCE_COLORS).toContain(picked);
  });

  it('gives twelve people twelve different colours, whatever their ids', () => {
    const worn: string[] = [];
    for (let i = 0; i < PRESENCE_COLORS.length; i++) worn.push(assignColor(`person-${i}`, worn));
    expect(new Set(worn).size).toBe(PRESENCE_COLORS.length);
  });

  it('spreads colours evenly beyond twelve', () => {
    const worn: string[] = [];
    for (let i = 0; i < 3 * PRESENCE_COLORS.length; i++) worn.push(assignColor(`p${i}`, worn));
    const counts = new Map<string, number>();
    for (const c of worn) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 3)).toBe(true);
  });
});
