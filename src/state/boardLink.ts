// Board links: `/w/<workshop id>#key=<edit secret>` or `#view=<view secret>` (DESIGN.md "Public URLs").
// The secret rides in the fragment so it never reaches access logs or Referer headers.

export type Access = 'edit' | 'view';

export interface BoardLink {
  workshopId: string;
  secret: string;
  access: Access;
}

const BOARD_PATH = /^\/w\/([^/?#]+)\/?$/;

/** The board a location points at, or null when it is not a board page or carries no secret. */
export function parseBoardLocation(pathname: string, hash: string): BoardLink | null {
  const match = BOARD_PATH.exec(pathname);
  if (!match) return null;
  const workshopId = safeDecode(match[1]);
  if (!workshopId) return null;
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const key = params.get('key');
  if (key) return { workshopId, secret: key, access: 'edit' };
  const view = params.get('view');
  if (view) return { workshopId, secret: view, access: 'view' };
  return null;
}

/** Whether a path is a board page at all (with or without a secret). */
export function isBoardPath(pathname: string): boolean {
  return BOARD_PATH.test(pathname);
}

export function workshopIdOfPath(pathname: string): string | null {
  const match = BOARD_PATH.exec(pathname);
  return match ? safeDecode(match[1]) : null;
}

/** The path and fragment of a board link, relative to the app's origin. */
export function boardHref(link: BoardLink): string {
  const param = link.access === 'edit' ? 'key' : 'view';
  return `/w/${encodeURIComponent(link.workshopId)}#${param}=${encodeURIComponent(link.secret)}`;
}

/** A board link pasted by a person: a full URL, a path, or a path with fragment. */
export function parsePastedLink(text: string, base: string): BoardLink | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  return parseBoardLocation(url.pathname, url.hash);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
