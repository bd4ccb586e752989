// One line per event: `<time> <level> <event> key=value ...`, with the room and the client where there are some.
// Paths are logged without their query string, so a secret in `?key=` never reaches a log.

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  readonly level: LogLevel;
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function formatValue(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  return /^[\w.:/@+-]+$/.test(value) ? value : JSON.stringify(value);
}

/** `event key=value ...`; undefined fields are left out. */
export function formatLine(level: Exclude<LogLevel, 'silent'>, event: string, fields: LogFields = {}): string {
  const parts = [new Date().toISOString(), level, event];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${key}=${formatValue(value)}`);
  }
  return parts.join(' ');
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const threshold = rank[level];
  const at = (l: Exclude<LogLevel, 'silent'>) => (event: string, fields?: LogFields) => {
    if (rank[l] >= threshold) write(formatLine(l, event, fields));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), level };
}

/** A request path for a log line: never the query string, never more than 200 characters. */
export function pathForLog(url: string | undefined): string {
  const path = (url ?? '').split('?')[0].split('#')[0];
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
