// The REST API the pages call (server/ implements it): create, import, read and export a workshop.
import type { IssueDetail } from '../domain';

export interface CreatedWorkshop {
  workshop_id: string;
  name: string;
  edit_key: string;
  view_key: string;
  board_url: string;
  view_url: string;
  message: string;
}

export interface WorkshopInfo {
  workshop: { id: string; name: string; description?: string; domain?: string; facilitators?: string[] } & Record<string, unknown>;
  statistics?: unknown;
  access: 'edit' | 'view';
  /** Offered to edit links by servers that share the view secret with editors. */
  view_key?: string;
  view_url?: string;
}

export interface CreateWorkshopRequest {
  name: string;
  description?: string;
  domain?: string;
  facilitators?: string[];
}

/** A refused request: the server's message and, for invalid input, each problem with its path. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: IssueDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through to the status text
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  const issues = Array.isArray(error?.issues)
    ? error.issues
        .filter((i): i is { path?: unknown; message?: unknown } => !!i && typeof i === 'object')
        .map((i) => ({ path: typeof i.path === 'string' ? i.path : String(i.path ?? ''), message: typeof i.message === 'string' ? i.message : 'invalid' }))
    : [];
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, typeof error?.code === 'string' ? error.code : 'http_error', message, issues);
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the EventStorm server. Check your connection and try again.');
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

export function createWorkshop(request: CreateWorkshopRequest): Promise<CreatedWorkshop> {
  return send('/api/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
}

/** Import an exchange document (already parsed JSON) as a new workshop. */
export function importWorkshop(document: unknown): Promise<CreatedWorkshop> {
  return send('/api/workshops/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
}

export function fetchWorkshop(workshopId: string, secret: string): Promise<WorkshopInfo> {
  return send(`/api/workshops/${encodeURIComponent(workshopId)}`, { headers: { authorization: `Bearer ${secret}` } });
}

/** A plain download link for the exchange JSON (the secret in the query, as the API allows for downloads). */
export function exportUrl(workshopId: string, secret: string, metadata = true): string {
  return `/api/workshops/${encodeURIComponent(workshopId)}/export?metadata=${metadata}&key=${encodeURIComponent(secret)}`;
}
