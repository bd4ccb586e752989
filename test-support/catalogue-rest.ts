// A REST client made from the catalogue, for tests and benches: any entry's call (by MCP tool name and MCP
// arguments) becomes the request its REST route takes, so a suite can replay the same calls through either face.
import { entryForTool, type AnyEntry } from '../src/board';

export interface RestRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** The request REST takes for `entry` called with MCP's arguments (workshop_id included). */
export function restRequest(entry: AnyEntry, args: Record<string, unknown>): RestRequest {
  const rest = { ...args };
  const template = entry.kind === 'server' ? entry.rest.path : `/api/workshops/{workshop_id}${entry.rest.path}`;
  const path = template.replace(/\{([^}]+)\}/g, (_, field: string) => {
    const value = rest[field];
    delete rest[field];
    return encodeURIComponent(String(value));
  });
  if (entry.rest.method === 'GET') {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) query.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const search = query.toString();
    return { method: 'GET', path: search ? `${path}?${search}` : path };
  }
  return { method: entry.rest.method, path, ...(Object.keys(rest).length > 0 ? { body: rest } : {}) };
}

export interface RestAnswer {
  status: number;
  body: unknown;
  text: string;
}

export async function sendRest(baseUrl: string, secret: string | undefined, request: RestRequest): Promise<RestAnswer> {
  const headers: Record<string, string> = {};
  if (secret) headers.authorization = `Bearer ${secret}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, body, text };
}

/**
 * Call a tool's REST route; answers its JSON, throws on any non-2xx. `secret` is a function so a replay can
 * take the edit secret from the create call's answer.
 */
export async function callRest(baseUrl: string, secret: string | undefined, tool: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const entry = entryForTool(tool);
  if (!entry) throw new Error(`no catalogue entry offers ${tool}`);
  const answer = await sendRest(baseUrl, secret, restRequest(entry, args));
  if (answer.status < 200 || answer.status > 299) throw new Error(`${tool} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
  return answer.body as Record<string, unknown>;
}

/**
 * Replay MCP-shaped calls through REST alone: the workshop's edit secret comes from the create call's answer, and
 * a resource REST answers (an element, a context) gives its id under MCP's name for it.
 */
export function restReplayer(baseUrl: string): (tool: string, args: Record<string, unknown>) => Promise<Record<string, unknown>> {
  let secret: string | undefined;
  return async (tool, args) => {
    const answer = await callRest(baseUrl, secret, tool, args);
    if (typeof answer.edit_key === 'string') secret = answer.edit_key;
    if (typeof answer.id === 'string') return { ...answer, element_id: answer.id, context_id: answer.id };
    return answer;
  };
}
