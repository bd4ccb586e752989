// The process entry (`node --import tsx server/cli.ts`, what `npm start` runs): configuration from the
// environment, and a clean shutdown on SIGTERM/SIGINT (store everything queued, close LevelDB, exit 0).
import { configFromEnv } from './config';
import { createLogger, errorText } from './log';
import { startServer } from './main';

async function run(): Promise<void> {
  let config;
  try {
    config = configFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`eventstorm: ${errorText(error)}\n`);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  let server;
  try {
    server = await startServer({ ...config, logger: log });
  } catch (error) {
    log.error('server.start-failed', { error: errorText(error), data: config.dataDir, port: config.port });
    process.exit(1);
  }
  const running = server;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn('server.forced-exit', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('server.signal', { signal });
    running.close().then(
      () => process.exit(0),
      (error) => {
        log.error('server.close-failed', { error: errorText(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void run();
