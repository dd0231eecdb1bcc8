/**
 * Entry point: read the configuration, build the app, listen, and shut down gracefully
 * on SIGTERM/SIGINT (stop accepting, finish requests in flight, then exit).
 */
import { mkdirSync } from 'node:fs';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { ContentError, RoutingFileError } from './content';
import { SpoolLockedError } from './outbox/lock';
import { plainRefusedOffices, productionRoutingProblems } from './referrals';

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
  // A routing file (or an office key it names) or the content that cannot be used: the
  // message names the file and what is wrong; a stack trace would add nothing.
  if (err instanceof RoutingFileError) {
    process.stderr.write(`ROUTING_FILE: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof ContentError) {
    process.stderr.write(`${err.message}\n`);
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
  app.log.warn(`${routing.length} routing problems would stop a production start ("npm run routing")`);
for (const warning of config.warnings) app.log.warn(warning);
for (const office of plainRefusedOffices(app.referrals.content)) {
  app.log.warn(
    `${office}: this office takes no personal data by ordinary e-mail, and it has no OpenPGP key; its enquiries are accepted here but production refuses them (give it "pgpKeyFile" in ROUTING_FILE)`,
  );
}
if (app.referrals.officeKeys.size > 0)
  app.log.info(`Encrypted (OpenPGP) delivery to ${[...app.referrals.officeKeys.keys()].join(', ')}`);
