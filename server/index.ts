/**
 * Entry point: read the configuration, build the app, listen, and shut down gracefully
 * on SIGTERM/SIGINT (stop accepting, finish requests in flight, then exit).
 */
import { mkdirSync } from 'node:fs';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { SpoolLockedError } from './outbox/lock';
import { productionRoutingProblems } from './referrals';

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
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp(config);
} catch (err) {
  if (err instanceof SpoolLockedError) {
    process.stderr.write(`DATA_DIR: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

// In production every office address must be a real, confirmed one: name each that is not.
const routing = productionRoutingProblems(app.referrals.content);
if (config.production && routing.length > 0) {
  process.stderr.write(
    `Nederīga maršrutēšana / routing not ready for production (see "npm run routing"; fix with ROUTING_FILE):\n${routing.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  await app.close();
  process.exit(2);
}

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
app.log.info(
  app.referrals.mailer.kind === 'file'
    ? `No SMTP_URL: e-mails are written as .eml files under ${config.dataDir}/mail/<municipality>/ (nothing is sent)`
    : `Mail: ${app.referrals.mailer.description}`,
);
if (routing.length > 0)
  app.log.warn(`${routing.length} office addresses are placeholders or unverified ("npm run routing")`);
