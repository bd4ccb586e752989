// Capability secrets (DESIGN.md "Access"): each workshop has an edit secret and a view secret, kept server-side
// beside its document (never in the Y.Doc, which every client can read) and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { nanoid } from 'nanoid';
import type { Access } from './rooms';
import type { Storage } from './storage';

export interface AccessKeys {
  editKey: string;
  viewKey: string;
}

interface StoredAccess {
  edit: string;
  view: string;
}

export const ACCESS_META = 'access';

/** 144 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(18).toString('base64url');
}

/** Workshop ids are not secrets, only unique; URL-safe so they sit in paths unescaped. */
export function newWorkshopId(): string {
  return nanoid(12);
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time comparison (both sides hashed first, so their lengths leak nothing either). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function storedAccess(keys: AccessKeys): StoredAccess {
  return { edit: keys.editKey, view: keys.viewKey };
}

/** `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}

/** The secrets of every workshop, read from storage once and then kept (a few dozen bytes each). */
export class AccessControl {
  private readonly cache = new Map<string, AccessKeys>();

  constructor(private readonly storage: Storage) {}

  async keysOf(id: string): Promise<AccessKeys | undefined> {
    const known = this.cache.get(id);
    if (known) return known;
    const stored = await this.storage.getMeta<StoredAccess>(id, ACCESS_META);
    if (!stored || typeof stored.edit !== 'string' || typeof stored.view !== 'string') return undefined;
    const keys = { editKey: stored.edit, viewKey: stored.view };
    if (this.cache.size >= 100_000) this.cache.clear();
    this.cache.set(id, keys);
    return keys;
  }

  remember(id: string, keys: AccessKeys): void {
    this.cache.set(id, keys);
  }

  /**
   * What `secret` grants on workshop `id`: the edit secret grants edit, the view secret view; `wanted` 'view'
   * asks for no more than view, whichever secret comes. Null for a wrong secret, undefined for no workshop.
   */
  async grant(id: string, secret: string, wanted: Access = 'edit'): Promise<Access | null | undefined> {
    const keys = await this.keysOf(id);
    if (!keys) return undefined;
    const edit = sameSecret(secret, keys.editKey);
    const view = sameSecret(secret, keys.viewKey);
    if (edit) return wanted;
    if (view) return 'view';
    return null;
  }
}
