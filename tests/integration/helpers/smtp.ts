/**
 * A real SMTP server for tests (the npm `smtp-server`, as nodemailer's own tests use it),
 * listening on 127.0.0.1 on an ephemeral port, recording what arrives — parsed with
 * mailparser — and every DATA attempt, so a test can refuse some of them.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the server accepted. */
export interface Received {
  /** MAIL FROM. */
  from: string;
  /** RCPT TO, in order. */
  to: string[];
  raw: string;
  parsed: ParsedMail;
  /** The session was encrypted (TLS from the start or after STARTTLS). */
  secure: boolean;
  /** The user that authenticated, if any. */
  user: string | undefined;
}

/** One DATA command, accepted or refused. */
export interface Attempt {
  raw: string;
  accepted: boolean;
}

export interface TestSmtpOptions {
  /** Listen on this port (default: any free one). */
  port?: number;
  /** Offer STARTTLS with smtp-server's built-in self-signed certificate. */
  starttls?: boolean;
  /** Require this login (only after STARTTLS, as smtp-server allows by default). */
  auth?: { user: string; pass: string };
  /** Return an error to refuse the n-th (1-based) DATA; its `responseCode` is the reply. */
  refuse?: (attempt: number, raw: string) => (Error & { responseCode?: number }) | null;
  /** Never answer the n-th (1-based) DATA: the client waits until its own timeout. */
  hang?: (attempt: number, raw: string) => boolean;
}

export interface TestSmtp {
  readonly port: number;
  readonly received: Received[];
  readonly attempts: Attempt[];
  close(): Promise<void>;
}

/** A port nothing listens on (for "the SMTP server is down"). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An SMTP reply error for `refuse`. */
export function smtpReply(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

/** Start a test SMTP server. */
export async function startSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const attempts: Attempt[] = [];
  const disabled: string[] = [];
  if (!options.starttls) disabled.push('STARTTLS');
  if (!options.auth) disabled.push('AUTH');
  const server = new SMTPServer({
    secure: false,
    disabledCommands: disabled,
    authOptional: !options.auth,
    logger: false,
    // Pooled client connections stay open; do not wait 30 s for them when a test ends.
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(smtpReply(535, 'Authentication failed'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (options.hang?.(attempts.length + 1, raw)) {
          attempts.push({ raw, accepted: false });
          return;
        }
        const refusal = options.refuse?.(attempts.length + 1, raw) ?? null;
        attempts.push({ raw, accepted: refusal === null });
        if (refusal) {
          callback(refusal);
          return;
        }
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
              secure: session.secure,
              user: typeof session.user === 'string' ? session.user : undefined,
            });
            callback(null);
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Poll until `check` holds (default 10 s). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A pino-compatible logger that keeps the lines. */
export class MemoryLogger {
  readonly lines: { level: string; obj: Record<string, unknown> }[] = [];
  info(obj: Record<string, unknown>): void {
    this.lines.push({ level: 'info', obj });
  }
  warn(obj: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', obj });
  }
  error(obj: Record<string, unknown>): void {
    this.lines.push({ level: 'error', obj });
  }
  events(): unknown[] {
    return this.lines.map((l) => l.obj['event']);
  }
}
