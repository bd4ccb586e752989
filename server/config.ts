// Configuration: the environment, each setting with a working default (DESIGN.md "The server").
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllowedHosts } from './host-guard';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { isLogLevel, type LogLevel } from './log';

export interface ServerConfig {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Where LevelDB keeps the documents. */
  dataDir: string;
  /** The origin the links are built on (`https://storm.example.com`); `http://<host>:<port>` when unset. */
  publicUrl?: string;
  /** ALLOWED_HOSTS: more names the server answers to (`storm.lan`, `10.0.0.5:8080`), besides loopback and PUBLIC_URL's. */
  allowedHosts?: string[];
  /** When set, listing all workshops needs `Authorization: Bearer <ADMIN_TOKEN>`. */
  adminToken?: string;
  /** The MCP endpoint's bearer token (read by server/mcp). */
  mcpToken?: string;
  logLevel: LogLevel;
  /** The built app (vite's outDir). */
  distDir: string;
  /** Take the client address from the first X-Forwarded-For entry (only behind a reverse proxy you run). */
  trustProxy: boolean;
  /** How long a room with nobody in it stays loaded before it is stored away and dropped from memory. */
  roomLingerMs: number;
  limits: Limits;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULT_CONFIG: ServerConfig = {
  port: 3000,
  host: '127.0.0.1',
  dataDir: './data',
  logLevel: 'info',
  distDir: resolve(repoRoot, 'dist'),
  trustProxy: false,
  roomLingerMs: 2_000,
  limits: DEFAULT_LIMITS,
};

export type ServerOptions = Partial<Omit<ServerConfig, 'limits'>> & { limits?: Partial<Limits> };

/** Fill in the defaults; explicit options win. No environment is read here (tests stay hermetic). */
export function resolveConfig(options: ServerOptions = {}): ServerConfig {
  const pick = <K extends keyof ServerConfig>(key: K): ServerConfig[K] =>
    (options[key as keyof ServerOptions] ?? DEFAULT_CONFIG[key]) as ServerConfig[K];
  return {
    port: pick('port'),
    host: pick('host'),
    dataDir: resolve(pick('dataDir')),
    publicUrl: options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : undefined,
    allowedHosts: options.allowedHosts?.length ? [...options.allowedHosts] : undefined,
    adminToken: options.adminToken || undefined,
    mcpToken: options.mcpToken || undefined,
    logLevel: pick('logLevel'),
    distDir: resolve(pick('distDir')),
    trustProxy: pick('trustProxy'),
    roomLingerMs: pick('roomLingerMs'),
    limits: { ...DEFAULT_LIMITS, ...(options.limits ?? {}) },
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/**
 * The environment the process was started with: PORT, HOST, DATA_DIR, PUBLIC_URL, ALLOWED_HOSTS, ADMIN_TOKEN, MCP_TOKEN,
 * LOG_LEVEL, TRUST_PROXY, ROOM_LINGER_MS, CONNECT_BURST, CONNECT_RATE, CREATE_BURST, CREATE_RATE, CREATE_BYTES_PER_HOUR,
 * IMPORT_WORKERS, IMPORT_QUEUE, MAX_BOARD_BYTES. Throws a message naming a bad value.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = text(env, 'LOG_LEVEL');
  if (logLevel !== undefined && !isLogLevel(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of debug, info, warn, error, silent (got "${logLevel}")`);
  }
  const publicUrl = text(env, 'PUBLIC_URL');
  if (publicUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(publicUrl);
    } catch {
      throw new Error(`PUBLIC_URL must be an absolute http(s) URL like https://storm.example.com (got "${publicUrl}")`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`PUBLIC_URL must start with http:// or https:// (got "${publicUrl}")`);
    }
  }
  const limits: Partial<Limits> = {};
  const burst = integer(env, 'CONNECT_BURST', 1, 1_000_000);
  const rate = integer(env, 'CONNECT_RATE', 1, 1_000_000);
  if (burst !== undefined) limits.connectBurst = burst;
  if (rate !== undefined) limits.connectPerSecond = rate;
  // Creating and importing, per address: a burst, then CREATE_RATE a minute; bytes stored in any hour.
  const creation: Array<[string, keyof Limits, number, number]> = [
    ['CREATE_BURST', 'createBurst', 1, 1_000_000],
    ['CREATE_RATE', 'createPerMinute', 1, 1_000_000],
    ['CREATE_BYTES_PER_HOUR', 'createBytesPerHour', 1024, Number.MAX_SAFE_INTEGER],
    ['IMPORT_WORKERS', 'importWorkers', 1, 64],
    ['IMPORT_QUEUE', 'importQueue', 0, 10_000],
    // What one board's document may grow to (the websocket refuses more with 1008; imports take twice as much).
    ['MAX_BOARD_BYTES', 'maxBoardBytes', 64 * 1024, 1024 * 1024 * 1024],
  ];
  for (const [name, key, min, max] of creation) {
    const value = integer(env, name, min, max);
    if (value !== undefined) limits[key] = value;
  }
  return resolveConfig({
    port: integer(env, 'PORT', 0, 65_535),
    host: text(env, 'HOST'),
    dataDir: text(env, 'DATA_DIR'),
    publicUrl,
    allowedHosts: parseAllowedHosts(text(env, 'ALLOWED_HOSTS') ?? ''),
    adminToken: text(env, 'ADMIN_TOKEN'),
    mcpToken: text(env, 'MCP_TOKEN'),
    logLevel: logLevel as LogLevel | undefined,
    distDir: text(env, 'DIST_DIR') ? resolve(text(env, 'DIST_DIR')!) : undefined,
    trustProxy: ['1', 'true', 'yes'].includes((text(env, 'TRUST_PROXY') ?? '').toLowerCase()),
    roomLingerMs: integer(env, 'ROOM_LINGER_MS', 0, 3_600_000),
    limits,
  });
}

/** The name server/mcp/stdio.ts knows it by. */
export const loadConfig = configFromEnv;

/** True for addresses only this machine can reach. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  return a === 'localhost' || a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
}

/** The origin links are built on: PUBLIC_URL, else the address the server listens on. */
export function publicOrigin(config: ServerConfig, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' || config.host === '' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
