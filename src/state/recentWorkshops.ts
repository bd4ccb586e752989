// The workshops this browser has opened, kept in localStorage so the home page can list them.
import type { Access } from './boardLink';

export interface RecentWorkshop {
  workshopId: string;
  name: string;
  /** The secret this browser opened it with (the edit key when it has one). */
  secret: string;
  access: Access;
  /** The view secret, when this browser learned it (creating or importing the workshop). */
  viewSecret?: string;
  openedAt: string;
}

export const RECENT_KEY = 'eventstorm.recentWorkshops';
export const RECENT_LIMIT = 30;

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function isRecent(value: unknown): value is RecentWorkshop {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.workshopId === 'string' &&
    typeof v.name === 'string' &&
    typeof v.secret === 'string' &&
    (v.access === 'edit' || v.access === 'view') &&
    typeof v.openedAt === 'string' &&
    (v.viewSecret === undefined || typeof v.viewSecret === 'string')
  );
}

/** The list, most recently opened first; whatever in storage is not a valid entry is dropped. */
export function loadRecent(storage: KeyValueStore | null): RecentWorkshop[] {
  if (!storage) return [];
  try {
    const parsed: unknown = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isRecent).sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0));
  } catch {
    return [];
  }
}

function save(storage: KeyValueStore, list: RecentWorkshop[]): void {
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, RECENT_LIMIT)));
  } catch {
    // Storage full or disabled: the list is a convenience, the board works without it.
  }
}

/**
 * Record that this browser opened a workshop. An edit secret is never replaced by a view secret:
 * opening the view link of a board one can edit keeps the edit link in the list.
 */
export function rememberWorkshop(
  storage: KeyValueStore | null,
  entry: Omit<RecentWorkshop, 'openedAt'> & { openedAt?: string },
): RecentWorkshop[] {
  if (!storage) return [];
  const list = loadRecent(storage);
  const existing = list.find((r) => r.workshopId === entry.workshopId);
  const keepEdit = existing?.access === 'edit' && entry.access === 'view';
  const merged: RecentWorkshop = {
    workshopId: entry.workshopId,
    name: entry.name || existing?.name || entry.workshopId,
    secret: keepEdit ? existing.secret : entry.secret,
    access: keepEdit ? 'edit' : entry.access,
    viewSecret: entry.viewSecret ?? existing?.viewSecret ?? (entry.access === 'view' ? entry.secret : undefined),
    openedAt: entry.openedAt ?? new Date().toISOString(),
  };
  const next = [merged, ...list.filter((r) => r.workshopId !== entry.workshopId)];
  save(storage, next);
  return loadRecent(storage);
}

export function forgetWorkshop(storage: KeyValueStore | null, workshopId: string): RecentWorkshop[] {
  if (!storage) return [];
  save(storage, loadRecent(storage).filter((r) => r.workshopId !== workshopId));
  return loadRecent(storage);
}

/** localStorage when the browser lets us use it. */
export function browserStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
