/**
 * How composed messages leave the server.
 *
 * - `SMTP_URL` set (`smtp://user:pass@host:587` with STARTTLS, `smtps://…:465` with TLS from
 *   the start): a pooled nodemailer SMTP transport. `requireTLS` refuses to send over a
 *   connection that could not be upgraded.
 * - No `SMTP_URL`: the embedded default — each message is written as an `.eml` file under
 *   `<DATA_DIR>/mail/<municipality-id>/<id>.eml`, so a fresh machine works and a person can
 *   open what would have been sent.
 *
 * Either way nodemailer may not read files or URLs named in a message (`disableFileAccess`,
 * `disableUrlAccess`): the HTML carries user text. A message for an office with an OpenPGP
 * key is sent PGP/MIME-encrypted (`pgp.ts`), and with `dkim` configured every message is
 * signed (nodemailer's own DKIM signer, over the final bytes — encrypted ones included).
 */
import { randomUUID } from 'node:crypto';
import { access, constants, mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';
import type { OutgoingMessage } from './compose';
import { pgpMimeMessage } from './pgp';

/** What a successful send reports (no personal data: ids and the server's reply only). */
export interface SendResult {
  messageId: string;
  /** The SMTP server's final reply, or the path of the .eml file. */
  response: string;
}

/** Sends composed messages. The worker depends on this, not on nodemailer. */
export interface Mailer {
  /** `smtp` or `file`. */
  readonly kind: 'smtp' | 'file';
  /** Where mail goes, without credentials (for the start-up log). */
  readonly description: string;
  /** How many messages it can send at the same time (the pool's connections; 1 for files). */
  readonly connections: number;
  /**
   * Send one message. Resolves when the server accepted it (250) or the file is on disk.
   * Rejects with the transport's error (`code`, `responseCode` as nodemailer sets them).
   */
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Readiness: the SMTP server answers and accepts our login, or the folder is writable. */
  verify(): Promise<void>;
  /** Close pooled connections. */
  close(): Promise<void>;
}

/** Mail transport configuration (from the environment, see `mailConfigFromEnv`). */
export interface MailTransportConfig {
  /** `smtp://` or `smtps://` URL with optional credentials; absent → .eml files. */
  smtpUrl?: string;
  /** Refuse to send unless the connection is encrypted (STARTTLS must succeed). */
  requireTLS?: boolean;
  /** The data directory; .eml files go to `<dataDir>/mail/`. */
  dataDir: string;
  /** TLS options, e.g. a private CA. Tests pass `{ rejectUnauthorized: false }`; production must not. */
  tls?: ConnectionOptions;
  /** Connection limits and timeouts (ms); defaults suit a municipal relay. */
  pool?: {
    maxConnections?: number;
    connectionTimeoutMs?: number;
    greetingTimeoutMs?: number;
    /** Inactivity on an open connection, in any SMTP step (DATA included). */
    socketTimeoutMs?: number;
    dnsTimeoutMs?: number;
  };
  /** Sign every message with DKIM. */
  dkim?: { domainName: string; keySelector: string; privateKey: string } | null;
}

/** Problems in the mail configuration. */
export class MailConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailConfigError';
  }
}

/** The parts of an SMTP URL (the password is never part of an error message). */
export interface SmtpEndpoint {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}

/**
 * Parse `SMTP_URL`.
 * @throws MailConfigError naming what is wrong (without the credentials)
 */
export function parseSmtpUrl(smtpUrl: string): SmtpEndpoint {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new MailConfigError(
      'SMTP_URL is not a URL; expected smtp://user:pass@host:587 or smtps://user:pass@host:465',
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MailConfigError(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
  }
  if (url.hostname === '') throw new MailConfigError('SMTP_URL has no host');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    throw new MailConfigError('SMTP_URL must not have a path or query; use environment variables for options');
  }
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  const endpoint: SmtpEndpoint = { host: url.hostname.replace(/^\[|\]$/gu, ''), port, secure };
  if (url.username !== '') {
    endpoint.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  return endpoint;
}

/**
 * Read the mail transport settings from the environment: `SMTP_URL`, `SMTP_REQUIRE_TLS`
 * (`true`/`false`; default true for `smtp://` URLs with credentials, so a password never
 * crosses the network in clear).
 */
export function mailConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): MailTransportConfig {
  const smtpUrl = env['SMTP_URL']?.trim();
  const config: MailTransportConfig = { dataDir };
  if (smtpUrl) {
    config.smtpUrl = smtpUrl;
    const raw = env['SMTP_REQUIRE_TLS']?.trim().toLowerCase();
    if (raw !== undefined && raw !== '' && raw !== 'true' && raw !== 'false') {
      throw new MailConfigError('SMTP_REQUIRE_TLS must be true or false');
    }
    config.requireTLS = raw === undefined || raw === '' ? parseSmtpUrl(smtpUrl).auth !== undefined : raw === 'true';
  }
  return config;
}

async function toNodemailer(message: OutgoingMessage): Promise<SendMailOptions> {
  if (message.encryptTo) {
    // The whole message is built here; the envelope cannot be read back out of it.
    return {
      raw: await pgpMimeMessage(message, message.encryptTo, message.meta.id),
      envelope: { from: message.from.address, to: [message.to.address] },
      ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
      disableFileAccess: true,
      disableUrlAccess: true,
    };
  }
  const options: SendMailOptions = {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (message.replyTo) options.replyTo = message.replyTo;
  if (message.messageId !== undefined) options.messageId = message.messageId;
  return options;
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u;

function safeSegment(value: string, what: string): string {
  if (!SAFE_SEGMENT.test(value) || value.includes('..')) throw new Error(`Unsafe ${what} for a mail file name.`);
  return value;
}

/** Write a file atomically: temp file, fsync, rename (a reader never sees half a message). */
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const tmp = `${path}.${randomUUID()}.tmp`;
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/** The embedded transport: `.eml` files under `<dataDir>/mail/<municipality-id>/<id>.eml`. */
export function createFileMailer(dataDir: string, dkim: MailTransportConfig['dkim'] = null): Mailer {
  const root = join(dataDir, 'mail');
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...(dkim ? { dkim } : {}),
  });
  return {
    kind: 'file',
    description: `.eml files in ${root}`,
    connections: 1,
    async send(message) {
      const dir = join(root, safeSegment(message.meta.municipalityId, 'municipality id'));
      const path = join(dir, `${safeSegment(message.meta.id, 'message id')}.eml`);
      const info = await transport.sendMail(await toNodemailer(message));
      if (!Buffer.isBuffer(info.message)) throw new Error('stream transport did not return a buffer');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // A retry writes the same file again: the last complete copy wins.
      await writeAtomically(path, info.message);
      return { messageId: info.messageId, response: path };
    },
    async verify() {
      await mkdir(root, { recursive: true, mode: 0o700 });
      await access(root, constants.W_OK);
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}

/** Connections a municipal relay is asked to accept from us at once. */
const DEFAULT_SMTP_CONNECTIONS = 2;

/** The SMTP transport: pooled connections, TLS as the URL and `requireTLS` say. */
export function createSmtpMailer(config: MailTransportConfig & { smtpUrl: string }): Mailer {
  const endpoint = parseSmtpUrl(config.smtpUrl);
  const pool = config.pool ?? {};
  const options: SMTPPoolOptions = {
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    requireTLS: config.requireTLS === true,
    ...(endpoint.auth ? { auth: endpoint.auth } : {}),
    ...(config.tls ? { tls: config.tls } : {}),
    maxConnections: pool.maxConnections ?? DEFAULT_SMTP_CONNECTIONS,
    connectionTimeout: pool.connectionTimeoutMs ?? 30_000,
    greetingTimeout: pool.greetingTimeoutMs ?? 30_000,
    socketTimeout: pool.socketTimeoutMs ?? 60_000,
    dnsTimeout: pool.dnsTimeoutMs ?? 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
    ...(config.dkim ? { dkim: config.dkim } : {}),
  };
  const transport = nodemailer.createTransport({ ...options, pool: true });
  const description = `${endpoint.secure ? 'smtps' : 'smtp'}://${endpoint.host}:${endpoint.port}${config.requireTLS ? ' (TLS required)' : ''}${config.dkim ? `, DKIM d=${config.dkim.domainName} s=${config.dkim.keySelector}` : ''}`;
  return {
    kind: 'smtp',
    description,
    connections: options.maxConnections ?? DEFAULT_SMTP_CONNECTIONS,
    async send(message) {
      const info = await transport.sendMail(await toNodemailer(message));
      return { messageId: info.messageId, response: info.response };
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}

/** The mailer the configuration asks for: SMTP when `smtpUrl` is set, `.eml` files otherwise. */
export function createMailer(config: MailTransportConfig): Mailer {
  if (config.smtpUrl !== undefined && config.smtpUrl !== '')
    return createSmtpMailer({ ...config, smtpUrl: config.smtpUrl });
  return createFileMailer(config.dataDir, config.dkim ?? null);
}
