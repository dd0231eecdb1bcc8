/**
 * The server's configuration, read from the environment and validated before anything
 * starts. A bad value stops the start with a message naming the variable and what it
 * expects (in Latvian and English, for the municipal IT person running it).
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  /**
   * Which proxies in front of the server are trusted to say who the client is
   * (`X-Forwarded-For`): `false` = none (the peer is the client), a hop count, or the
   * proxies' addresses and CIDR ranges. Never "every hop": a client could then name itself.
   */
  trustProxy: false | number | string[];
  /** The longest a request may take to arrive in full (headers and body), in ms. */
  requestTimeoutMs: number;
  /** Idle keep-alive connections are closed after this many ms. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; further ones are refused at once. */
  maxConnections: number;
  /** Confirmation e-mails to one address in 24 hours at most (0 = send none). */
  confirmationsPerAddressPerDay: number;
  /** Confirmation e-mails in one hour at most, to all addresses together (0 = send none). */
  confirmationsPerHour: number;
  /** `/readyz` says not ready when the data directory's disk has less free space than this (bytes). */
  readyMinFreeBytes: number;
  /** A delivery attempt held longer than this (ms) counts as stuck for `/readyz`. */
  leaseLimitMs: number;
  /**
   * The key that signs what the server issues with a reference (the confirmation page's
   * address), so that only a request it accepted shows "Pieteikums nosūtīts". A built-in
   * key in development; production refuses to start without its own.
   */
  confirmationSecret: string;
  /** DKIM signing of every outgoing message, or `null`. */
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
  /** Unsafe production settings the operator allowed explicitly (`ALLOW_INSECURE`). */
  allowInsecure: readonly InsecureSetting[];
  /** What the start-up log must warn about (insecure settings allowed, DKIM not aligned with the sender). */
  warnings: string[];
}

/** The unsafe settings production refuses unless `ALLOW_INSECURE` names them. */
export const INSECURE_SETTINGS = ['http-origin', 'smtp-without-tls', 'smtp-credentials-without-tls'] as const;
export type InsecureSetting = (typeof INSECURE_SETTINGS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Nederīga konfigurācija / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The confirmation secret of a development machine (`npm start`): public, so anyone could
 * sign a confirmation page with it — production refuses it and asks for its own.
 */
export const DEVELOPMENT_CONFIRMATION_SECRET = 'kurzeme-visiem-development-only-confirmation-secret';
/** The shortest confirmation secret production accepts (e.g. `openssl rand -base64 32` gives 44). */
export const MIN_CONFIRMATION_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

/** `DATA_DIR` as an absolute path (default `./var`); also for operator commands. */
export function dataDirFrom(env: Env = process.env, cwd: string = process.cwd()): string {
  const given = env['DATA_DIR']?.trim();
  const raw = given === undefined || given === '' ? './var' : given;
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

const CIDR_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One entry of `TRUST_PROXY`: an IP address, an address/prefix, or one of proxy-addr's names. */
function isProxyAddress(entry: string): boolean {
  if (CIDR_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...more] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || more.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/u.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
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

  const seconds = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback * 1000;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) {
      problems.push(`${name}="${raw}": jābūt sekundēm no ${min} līdz ${max} / expected seconds from ${min} to ${max}`);
      return fallback * 1000;
    }
    return Math.round(n * 1000);
  };
  const requestTimeoutMs = seconds('REQUEST_TIMEOUT_SECONDS', 30, 0.1, 600);
  const keepAliveTimeoutMs = Math.min(5000, requestTimeoutMs);
  const maxConnections = positive('MAX_CONNECTIONS', 256, 100000);
  if (maxConnections === 0) problems.push('MAX_CONNECTIONS: jābūt vismaz 1 / expected at least 1');
  const confirmationsPerAddressPerDay = positive('CONFIRMATIONS_PER_ADDRESS_PER_DAY', 3, 1000);
  const confirmationsPerHour = positive('CONFIRMATIONS_PER_HOUR', 60, 100000);
  const readyMinFreeBytes = positive('READY_MIN_FREE_MB', 100, 10_000_000) * 1024 * 1024;
  const smtpTimeoutMs = seconds('SMTP_TIMEOUT_SECONDS', 30, 0.1, 600);
  // Every SMTP step is bounded by the timeout; ten of them is far beyond any real send.
  const leaseLimitMs = 10 * smtpTimeoutMs;

  let trustProxy: false | number | string[] = false;
  const rawTrust = value('TRUST_PROXY');
  if (rawTrust !== undefined && rawTrust.toLowerCase() !== 'false') {
    const list = rawTrust.split(',').map((x) => x.trim());
    if (rawTrust.toLowerCase() === 'true') {
      problems.push(
        'TRUST_PROXY="true": tad klients var uzdoties par jebkuru adresi; norādiet starpniekserveru skaitu vai adreses / ' +
          'would let any client name its own address; give the number of proxies (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)',
      );
    } else if (/^\d+$/u.test(rawTrust)) {
      const hops = Number(rawTrust);
      if (hops < 1 || hops > 10) problems.push(`TRUST_PROXY="${rawTrust}": expected a number of proxies from 1 to 10`);
      else trustProxy = hops;
    } else if (list.every(isProxyAddress)) {
      trustProxy = list;
    } else {
      problems.push(
        `TRUST_PROXY="${rawTrust}": jābūt skaitlim vai IP adrešu/CIDR sarakstam / expected a number of proxies or addresses and CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8`,
      );
    }
  }

  const allowInsecure: InsecureSetting[] = [];
  for (const item of (value('ALLOW_INSECURE') ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')) {
    const known = INSECURE_SETTINGS.find((s) => s === item);
    if (known) allowInsecure.push(known);
    else problems.push(`ALLOW_INSECURE: "${item}" is not one of ${INSECURE_SETTINGS.join(', ')}`);
  }
  const warnings: string[] = [];
  /** An unsafe production setting: refused unless allowed by name, then a warning. */
  const unsafe = (setting: InsecureSetting, what: string): void => {
    if (!production) return;
    if (allowInsecure.includes(setting)) warnings.push(`ALLOW_INSECURE=${setting}: ${what}`);
    else
      problems.push(
        `${what}: ražošanā nav atļauts / refused in production (allow it explicitly with ALLOW_INSECURE=${setting})`,
      );
  };
  if (publicOrigin.protocol === 'http:' && rawOrigin !== undefined) {
    unsafe('http-origin', `PUBLIC_ORIGIN="${publicOrigin.origin}" is http: no HSTS, forms travel unencrypted`);
  }

  let mail: MailTransportConfig = { dataDir };
  try {
    mail = mailConfigFromEnv(env, dataDir);
    mail.pool = {
      connectionTimeoutMs: smtpTimeoutMs,
      greetingTimeoutMs: smtpTimeoutMs,
      socketTimeoutMs: smtpTimeoutMs,
      dnsTimeoutMs: smtpTimeoutMs,
    };
    if (mail.smtpUrl) {
      const endpoint = parseSmtpUrl(mail.smtpUrl);
      // In production an SMTP connection must be encrypted unless the operator says otherwise.
      if (production && value('SMTP_REQUIRE_TLS') === undefined) mail.requireTLS = true;
      if (!endpoint.secure && mail.requireTLS !== true) {
        unsafe('smtp-without-tls', 'SMTP_REQUIRE_TLS=false: enquiries may cross the network to the relay unencrypted');
        if (endpoint.auth) {
          unsafe(
            'smtp-credentials-without-tls',
            'SMTP_URL has credentials and TLS is not required: the password may cross the network in clear',
          );
          if (!production)
            warnings.push(
              'SMTP_URL has credentials and SMTP_REQUIRE_TLS=false: the password may cross the network in clear',
            );
        }
      }
    }
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

  let dkim: Config['dkim'] = null;
  const dkimDomain = value('DKIM_DOMAIN');
  const dkimSelector = value('DKIM_SELECTOR');
  const dkimKeyFile = value('DKIM_PRIVATE_KEY_FILE');
  const dkimGiven = [dkimDomain, dkimSelector, dkimKeyFile].filter((v) => v !== undefined).length;
  if (dkimGiven > 0 && dkimGiven < 3) {
    problems.push(
      'DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE: norādiet visus trīs vai nevienu / give all three or none',
    );
  } else if (dkimDomain !== undefined && dkimSelector !== undefined && dkimKeyFile !== undefined) {
    const domainOk =
      /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/u.test(
        dkimDomain,
      );
    if (!domainOk) problems.push(`DKIM_DOMAIN="${dkimDomain}": expected a domain name, e.g. kurzemesregions.lv`);
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62})$/u.test(dkimSelector))
      problems.push(`DKIM_SELECTOR="${dkimSelector}": expected a selector such as "portals2026"`);
    const keyPath = isAbsolute(dkimKeyFile) ? dkimKeyFile : resolve(cwd, dkimKeyFile);
    let privateKey: string | null = null;
    try {
      privateKey = readFileSync(keyPath, 'utf8');
      createPrivateKey(privateKey);
    } catch (err) {
      problems.push(
        `DKIM_PRIVATE_KEY_FILE="${dkimKeyFile}": ${privateKey === null ? 'cannot be read' : 'not a PEM private key'} (${(err as NodeJS.ErrnoException).code ?? 'invalid'})`,
      );
      privateKey = null;
    }
    if (privateKey !== null && domainOk) {
      dkim = { domainName: dkimDomain.toLowerCase(), keySelector: dkimSelector, privateKey };
      const fromDomain = mailFrom.address.split('@')[1]?.toLowerCase() ?? '';
      if (fromDomain !== dkim.domainName && !fromDomain.endsWith(`.${dkim.domainName}`)) {
        warnings.push(
          `DKIM_DOMAIN=${dkim.domainName} is not the domain of MAIL_FROM (${fromDomain}): DMARC will not align`,
        );
      }
    }
  }

  const rawSecret = value('CONFIRMATION_SECRET');
  const confirmationSecret = rawSecret ?? DEVELOPMENT_CONFIRMATION_SECRET;
  if (rawSecret !== undefined && rawSecret.length < MIN_CONFIRMATION_SECRET_LENGTH) {
    problems.push(
      `CONFIRMATION_SECRET: jābūt vismaz ${MIN_CONFIRMATION_SECRET_LENGTH} rakstzīmēm / expected at least ${MIN_CONFIRMATION_SECRET_LENGTH} characters (e.g. openssl rand -base64 32)`,
    );
  }
  if (production && (rawSecret === undefined || rawSecret === DEVELOPMENT_CONFIRMATION_SECRET)) {
    problems.push(
      'CONFIRMATION_SECRET: ražošanā obligāts savs noslēpums / required when NODE_ENV=production, your own (e.g. openssl rand -base64 32)',
    );
  }

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
    trustProxy,
    requestTimeoutMs,
    keepAliveTimeoutMs,
    maxConnections,
    confirmationsPerAddressPerDay,
    confirmationsPerHour,
    readyMinFreeBytes,
    leaseLimitMs,
    confirmationSecret,
    dkim,
    allowInsecure,
    warnings,
  };
}
