/**
 * Entry point: read the configuration, build the app, listen, and shut down gracefully
 * on SIGTERM/SIGINT (stop accepting, finish requests in flight, then exit).
 */
import { mkdirSync } from 'node:fs';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

mkdirSync(config.dataDir, { recursive: true });
const app = await buildApp(config);

let closing = false;
const shutdown = (signal: string): void => {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  app
    .close()
    .then(() => process.exit(0))
    .catch((err: unknown) => {
      app.log.error({ err }, 'error while shutting down');
      process.exit(1);
    });
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Kurzeme visiem: ${config.publicOrigin.href} (data: ${config.dataDir})`);
