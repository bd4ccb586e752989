// DNS rebinding and cross-site requests (DESIGN.md "Access"): a page on another site may send requests to this
// server, and a name it controls may be made to resolve to 127.0.0.1. Its browser then sends that name as `Host`,
// and its own origin as `Origin`. The doors that need no secret (MCP without a token, listing, creating,
// importing) answer only a request sent to one of the server's own names, and coming, when it says it comes from
// a page, from the app's own. The MCP SDK's DNS-rebinding protection is the model; this is the one place that says
// what the server's own names are.
import type { IncomingMessage } from 'node:http';

export interface HostGuardConfig {
  /** The interface the server listens on; a specific address or name is one of its names, 0.0.0.0 and :: are not. */
  host: string;
  /** The origin the share links are built on; its host is one of the server's names. */
  publicUrl?: string;
  /** ALLOWED_HOSTS: more names, each with an optional port (`storm.lan`, `10.0.0.5:8080`). */
  allowedHosts?: readonly string[];
}

/** 'host': Host must be one of the server's names and Origin, when sent, the app's own. 'origin': only Origin. */
export type GuardScope = 'host' | 'origin';

/** A name the server answers to; without a port it answers to that name on any port. */
interface Name {
  hostname: string;
  port?: string;
}

const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);
const HOSTNAME = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*)$/;
const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** ::1, and 127.0.0.0/8 mapped into IPv6 (`[::ffff:7f00:1]` once the URL parser has written it its way). */
const LOOPBACK_IPV6 = /^\[(?:::1|::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4})\]$/;

/** `host[:port]` as the URL parser writes it (lower case, punycode, IPv6 in brackets), or null when it is not one. */
function parseHost(value: string): Name | null {
  let url: URL;
  try {
    url = new URL(`http://${value}`);
  } catch {
    return null;
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
  // `storm.example.com.` is the same name as `storm.example.com`.
  const hostname = url.hostname.replace(/\.$/, '');
  if (!HOSTNAME.test(hostname)) return null;
  return url.port ? { hostname, port: url.port } : { hostname };
}

/** The name a listen address is reached by (`::1` → `[::1]`), or null for an address that means "every interface". */
function listenName(host: string): Name | null {
  const trimmed = host.trim();
  if (WILDCARD_HOSTS.has(trimmed)) return null;
  const parsed = parseHost(trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed);
  return parsed ? { hostname: parsed.hostname } : null;
}

/** True for names only this machine answers to: localhost, *.localhost, 127.0.0.0/8, [::1]. */
export function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || LOOPBACK_IPV4.test(hostname) || LOOPBACK_IPV6.test(hostname);
}

/**
 * ALLOWED_HOSTS: comma-separated names, each with an optional port. Throws a message naming the bad entry
 * (a URL instead of a name, a path, a wildcard, a port out of range).
 */
export function parseAllowedHosts(raw: string, variable = 'ALLOWED_HOSTS'): string[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
      throw new Error(`${variable} takes host names, not URLs: write "${entry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '')}" instead of "${entry}"`);
    }
    if (!parseHost(entry)) {
      throw new Error(`${variable} must be comma-separated host names, each with an optional port, like storm.lan,10.0.0.5:8080 (got "${entry}")`);
    }
  }
  return entries;
}

/** An Origin or Host value as it may be repeated in a message: printable, and short. */
function quoted(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 100 ? `${printable.slice(0, 100)}…` : printable;
}

export interface HostGuard {
  /** The server's own names, for the log (`localhost`, `127.0.0.1`, …, `storm.example.com`). */
  readonly names: readonly string[];
  /** True when a `Host` header value is one of the server's own names. */
  isOwnHost(host: string): boolean;
  /** True when an `Origin` header value is the app's own: http(s) on one of the server's own names. */
  isOwnOrigin(origin: string): boolean;
  /** Why `req` must be refused (a sentence a person can act on), or null when it may go on. */
  refusal(req: Pick<IncomingMessage, 'headers'>, scope?: GuardScope): string | null;
}

export function createHostGuard(config: HostGuardConfig): HostGuard {
  const names: Name[] = [];
  const own = listenName(config.host);
  if (own && !isLoopbackName(own.hostname)) names.push(own);
  if (config.publicUrl) {
    const url = new URL(config.publicUrl);
    names.push({ hostname: url.hostname.replace(/\.$/, '') });
  }
  for (const entry of parseAllowedHosts((config.allowedHosts ?? []).join(','))) names.push(parseHost(entry)!);

  /** `port` undefined: the header named none (the scheme's default). */
  const matches = (hostname: string, port: string | undefined, defaults: readonly string[]) =>
    isLoopbackName(hostname) ||
    names.some((name) => name.hostname === hostname && (name.port === undefined || (port === undefined ? defaults.includes(name.port) : name.port === port)));

  const isOwnHost = (host: string) => {
    const parsed = parseHost(host);
    // Without a scheme, a Host without a port may be either default port (TLS may end at a proxy in front).
    return parsed !== null && matches(parsed.hostname, parsed.port, ['80', '443']);
  };

  const isOwnOrigin = (origin: string) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return false;
    const parsed = parseHost(url.host);
    return parsed !== null && matches(parsed.hostname, parsed.port, [url.protocol === 'https:' ? '443' : '80']);
  };

  const described = ['localhost', '127.0.0.1', '[::1]', ...names.map((n) => (n.port ? `${n.hostname}:${n.port}` : n.hostname))];

  return {
    names: described,
    isOwnHost,
    isOwnOrigin,
    refusal(req, scope = 'host') {
      const origin = req.headers.origin;
      if (scope === 'host') {
        const host = req.headers.host;
        if (!host) return `This request has no Host header; send the server's name (one of ${described.join(', ')}).`;
        if (!isOwnHost(host)) {
          return (
            `Host ${quoted(host)} is not this server's name (${described.join(', ')}), so the request is refused ` +
            `(DNS rebinding). If the server is reached by that name, add it to ALLOWED_HOSTS.`
          );
        }
      }
      if (origin !== undefined && !isOwnOrigin(origin)) {
        return (
          `Origin ${quoted(origin)} is not this app's own, so the request is refused: pages of other sites may not ` +
          `use this server. If the app is served at that address, add its host to ALLOWED_HOSTS.`
        );
      }
      return null;
    },
  };
}
