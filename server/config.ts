/**
 * The server's configuration, read from the environment and validated before anything
 * starts. A bad value stops the start with a message naming the variable and what it
 * expects (in Latvian and English, for the municipal IT person running it).
 */
import { isAbsolute, resolve } from 'node:path';
import { MailConfigError, mailConfigFromEnv, parseSmtpUrl, type MailTransportConfig } from './mail/transport';

export interface Config {
  /** TCP port to listen on. */
  port: number;
  /** Interface to listen on ("localhost" listens on both IPv4 and IPv6 loopback). */
  host: string;
  /** The public origin people use, e.g. https://kurzemevisiem.lv (no path). */
  publicOrigin: URL;
  /** Where enquiries and mail files are kept (created if missing). */
  dataDir: string;
  /** The built site (`astro build` output): `client/` for static files, `server/` for on-demand pages. */
  distDir: string;
  production: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** SMTP (pooled) when `SMTP_URL` is set; otherwise .eml files under `<dataDir>/mail/`. */
  mail: MailTransportConfig;
  /** Sender of the e-mails. */
  mailFrom: { name: string; address: string };
  /** A deployment's JSON file overriding office addresses (`npm run routing` shows the result). */
  routingFile: string | null;
  /** Submissions per minute per IP address on the submit routes. */
  rateLimitPerMinute: number;
  /** Give up delivering (move to the dead-letter folder) this long after acceptance. */
  deliveryMaxAgeHours: number;
  /** Waits between delivery attempts, in seconds (the last repeats); `null` = the built-in schedule. */
  deliveryRetryDelaysSeconds: number[] | null;
  /** Keep delivered enquiries this many days (0 = delete at once). */
  outboxRetentionDays: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Nederīga konfigurācija / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

/** `DATA_DIR` as an absolute path (default `./var`); also for operator commands. */
export function dataDirFrom(env: Env = process.env, cwd: string = process.cwd()): string {
  const given = env['DATA_DIR']?.trim();
  const raw = given === undefined || given === '' ? './var' : given;
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

/**
 * Read and validate the configuration.
 * @throws ConfigError listing every bad variable.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  let port = 4321;
  const rawPort = value('PORT');
  if (rawPort !== undefined) {
    if (/^\d+$/.test(rawPort) && Number(rawPort) >= 1 && Number(rawPort) <= 65535) port = Number(rawPort);
    else
      problems.push(
        `PORT="${rawPort}": jābūt veselam skaitlim no 1 līdz 65535 / expected a whole number from 1 to 65535`,
      );
  }

  const host = value('HOST') ?? 'localhost';
  if (!/^[A-Za-z0-9.:-]+$/.test(host) && host !== '::') {
    problems.push(
      `HOST="${host}": jābūt resursdatora nosaukumam vai IP adresei / expected a host name or IP address (e.g. localhost, 0.0.0.0)`,
    );
  }

  let publicOrigin = new URL(`http://localhost:${port}`);
  const rawOrigin = value('PUBLIC_ORIGIN');
  if (rawOrigin !== undefined) {
    let u: URL | null;
    try {
      u = new URL(rawOrigin);
    } catch {
      u = null;
    }
    if (
      !u ||
      (u.protocol !== 'http:' && u.protocol !== 'https:') ||
      (u.pathname !== '/' && u.pathname !== '') ||
      u.search ||
      u.hash ||
      u.username
    ) {
      problems.push(
        `PUBLIC_ORIGIN="${rawOrigin}": jābūt http(s) izcelsmei bez ceļa / expected an http(s) origin without a path, e.g. https://kurzemevisiem.lv`,
      );
    } else {
      publicOrigin = new URL(u.origin);
    }
  }

  const dataDir = dataDirFrom(env, cwd);
  const rawDist = value('DIST_DIR') ?? './dist';
  const distDir = isAbsolute(rawDist) ? rawDist : resolve(cwd, rawDist);

  const nodeEnv = value('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(
      `NODE_ENV="${nodeEnv}": jābūt development, production vai test / expected development, production or test`,
    );
  }
  const production = nodeEnv === 'production';
  if (production && rawOrigin === undefined) {
    problems.push('PUBLIC_ORIGIN: ražošanā obligāts / required when NODE_ENV=production');
  }

  const positive = (name: string, fallback: number, max: number, integer = true): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > max || (integer && !Number.isInteger(n))) {
      problems.push(
        `${name}="${raw}": jābūt skaitlim no 0 līdz ${max} / expected a ${integer ? 'whole ' : ''}number from 0 to ${max}`,
      );
      return fallback;
    }
    return n;
  };
  const rateLimitPerMinute = positive('RATE_LIMIT_PER_MINUTE', 10, 100000);
  if (rateLimitPerMinute === 0) problems.push('RATE_LIMIT_PER_MINUTE: jābūt vismaz 1 / expected at least 1');
  const deliveryMaxAgeHours = positive('DELIVERY_MAX_AGE_HOURS', 72, 24 * 365, false);
  if (deliveryMaxAgeHours === 0) problems.push('DELIVERY_MAX_AGE_HOURS: jābūt lielākam par 0 / expected more than 0');
  const outboxRetentionDays = positive('OUTBOX_RETENTION_DAYS', 0, 3650);
  let deliveryRetryDelaysSeconds: number[] | null = null;
  const rawDelays = value('DELIVERY_RETRY_DELAYS');
  if (rawDelays !== undefined) {
    const list = rawDelays.split(',').map((x) => Number(x.trim()));
    if (list.length === 0 || list.some((n) => !Number.isFinite(n) || n <= 0)) {
      problems.push(
        `DELIVERY_RETRY_DELAYS="${rawDelays}": jābūt sekunžu sarakstam, piem. 60,300,900 / expected seconds separated by commas, e.g. 60,300,900`,
      );
    } else deliveryRetryDelaysSeconds = list;
  }

  let mail: MailTransportConfig = { dataDir };
  try {
    mail = mailConfigFromEnv(env, dataDir);
    if (mail.smtpUrl) parseSmtpUrl(mail.smtpUrl);
    // In production an SMTP connection must be encrypted unless the operator says otherwise.
    if (production && mail.smtpUrl && value('SMTP_REQUIRE_TLS') === undefined) mail.requireTLS = true;
  } catch (err) {
    if (!(err instanceof MailConfigError) && !(err instanceof TypeError)) throw err;
    problems.push(
      `SMTP_URL / SMTP_REQUIRE_TLS: ${err.message} (expected smtp:// or smtps://user:password@host:port, and true or false)`,
    );
  }
  if (production && !mail.smtpUrl) {
    problems.push(
      'SMTP_URL: ražošanā obligāts (bez tā pasts tiek tikai saglabāts .eml failos) / required when NODE_ENV=production',
    );
  }

  const rawFrom =
    value('MAIL_FROM') ??
    `Kurzeme visiem <nosutitajs@${publicOrigin.hostname === 'localhost' ? 'kurzeme-visiem.invalid' : publicOrigin.hostname}>`;
  const fromMatch = /^\s*(?:"?([^"<>\r\n]*)"?\s*)?<([^<>\s@]+@[^<>\s@]+)>\s*$|^\s*([^<>\s@]+@[^<>\s@]+)\s*$/.exec(
    rawFrom,
  );
  let mailFrom = { name: 'Kurzeme visiem', address: 'nosutitajs@kurzeme-visiem.invalid' };
  if (!fromMatch) {
    problems.push(
      `MAIL_FROM="${rawFrom}": jābūt e-pasta adresei, piem. "Kurzeme visiem <portals@example.lv>" / expected an address`,
    );
  } else {
    mailFrom = {
      name: (fromMatch[1] ?? '').trim() || 'Kurzeme visiem',
      address: (fromMatch[2] ?? fromMatch[3] ?? '').trim(),
    };
  }
  if (production && value('MAIL_FROM') === undefined) {
    problems.push('MAIL_FROM: ražošanā obligāts / required when NODE_ENV=production');
  }

  const rawRouting = value('ROUTING_FILE');
  const routingFile = rawRouting === undefined ? null : isAbsolute(rawRouting) ? rawRouting : resolve(cwd, rawRouting);

  const rawLevel = value('LOG_LEVEL') ?? 'info';
  const logLevel = LOG_LEVELS.find((l) => l === rawLevel);
  if (!logLevel) problems.push(`LOG_LEVEL="${rawLevel}": expected one of ${LOG_LEVELS.join(', ')}`);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    publicOrigin,
    dataDir,
    distDir,
    production,
    logLevel: logLevel ?? 'info',
    mail,
    mailFrom,
    routingFile,
    rateLimitPerMinute,
    deliveryMaxAgeHours,
    deliveryRetryDelaysSeconds,
    outboxRetentionDays,
  };
}
