import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv, isLoopbackAddress, publicOrigin, resolveConfig } from './config';
import { createLogger, pathForLog } from './log';
import { importBytesFor } from './limits';

describe('configuration from the environment', () => {
  it('has a working default for everything', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: resolve('./data'), logLevel: 'info', trustProxy: false });
    expect(config.adminToken).toBeUndefined();
    expect(config.mcpToken).toBeUndefined();
    expect(config.limits.maxMessageBytes).toBe(4 * 1024 * 1024);
    expect(config.limits.maxBodyBytes).toBe(5 * 1024 * 1024);
    expect(publicOrigin(config, 3000)).toBe('http://127.0.0.1:3000');
  });

  it('reads every variable, and names a bad value', () => {
    const config = configFromEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/eventstorm',
      PUBLIC_URL: 'https://storm.example.com/',
      ADMIN_TOKEN: 'a',
      MCP_TOKEN: 'm',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: 'true',
      CONNECT_BURST: '500',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/eventstorm', adminToken: 'a', mcpToken: 'm', logLevel: 'warn', trustProxy: true });
    expect(config.limits.connectBurst).toBe(500);
    expect(publicOrigin(config, 8080)).toBe('https://storm.example.com');
    expect(publicOrigin(resolveConfig({ host: '0.0.0.0' }), 81)).toBe('http://localhost:81');
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => configFromEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => configFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => configFromEnv({ PUBLIC_URL: 'storm.example.com' })).toThrow(/PUBLIC_URL/);
  });

  it('reads ALLOWED_HOSTS as a list of names, and refuses to start on a bad one', () => {
    expect(configFromEnv({}).allowedHosts).toBeUndefined();
    expect(configFromEnv({ ALLOWED_HOSTS: 'storm.lan, 10.0.0.5:8080' }).allowedHosts).toEqual(['storm.lan', '10.0.0.5:8080']);
    expect(() => configFromEnv({ ALLOWED_HOSTS: 'https://storm.lan' })).toThrow(/ALLOWED_HOSTS takes host names, not URLs/);
    expect(() => configFromEnv({ ALLOWED_HOSTS: 'storm.lan,*.lan' })).toThrow(/ALLOWED_HOSTS must be comma-separated host names.*\(got "\*\.lan"\)/);
  });

  it('reads the create and import limits, with generous defaults', () => {
    expect(configFromEnv({}).limits).toMatchObject({ createBurst: 20, createPerMinute: 30, createBytesPerHour: 200 * 1024 * 1024, importWorkers: 1, importQueue: 8 });
    const config = configFromEnv({ CREATE_BURST: '5', CREATE_RATE: '10', CREATE_BYTES_PER_HOUR: '1048576', IMPORT_WORKERS: '2', IMPORT_QUEUE: '0' });
    expect(config.limits).toMatchObject({ createBurst: 5, createPerMinute: 10, createBytesPerHour: 1024 * 1024, importWorkers: 2, importQueue: 0 });
    expect(() => configFromEnv({ CREATE_BURST: '0' })).toThrow(/CREATE_BURST must be a whole number from 1/);
    expect(() => configFromEnv({ CREATE_RATE: 'fast' })).toThrow(/CREATE_RATE/);
    expect(() => configFromEnv({ CREATE_BYTES_PER_HOUR: '200MiB' })).toThrow(/CREATE_BYTES_PER_HOUR/);
    expect(() => configFromEnv({ IMPORT_WORKERS: '0' })).toThrow(/IMPORT_WORKERS/);
  });

  it('reads MAX_BOARD_BYTES, and the import takes whatever such a board exports', () => {
    expect(configFromEnv({}).limits.maxBoardBytes).toBe(16 * 1024 * 1024);
    const limits = configFromEnv({ MAX_BOARD_BYTES: String(64 * 1024 * 1024) }).limits;
    expect(limits.maxBoardBytes).toBe(64 * 1024 * 1024);
    expect(importBytesFor(limits)).toBeGreaterThanOrEqual(2 * limits.maxBoardBytes);
    expect(importBytesFor(configFromEnv({}).limits)).toBeGreaterThanOrEqual(configFromEnv({}).limits.maxBodyBytes);
    expect(() => configFromEnv({ MAX_BOARD_BYTES: '1' })).toThrow(/MAX_BOARD_BYTES must be a whole number from 65536/);
  });

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost', '127.1.2.3']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.2']) expect(isLoopbackAddress(a), a).toBe(false);
  });
});

describe('logging', () => {
  it('writes one line per event with its fields, and never a query string', () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    log.debug('hidden');
    log.info('ws.open', { room: 'abc', client: 'c1', note: 'two words', none: undefined });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\S+ info ws\.open room=abc client=c1 note="two words"$/);
    expect(pathForLog('/ws/abc?key=secret')).toBe('/ws/abc');
    expect(pathForLog('/api/workshops/x/export?view=secret#frag')).toBe('/api/workshops/x/export');
  });
});
