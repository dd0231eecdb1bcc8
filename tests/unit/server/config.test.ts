import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_CONFIRMATION_SECRET, loadConfig } from '../../../server/config';

/** A production confirmation secret (any 32 characters or more that are not the development one). */
const SECRET = 'test-confirmation-secret-of-32-characters-or-more';

describe('server configuration from the environment', () => {
  it('has embedded defaults so a fresh machine needs nothing', () => {
    const c = loadConfig({}, '/srv/kv');
    expect(c.port).toBe(4321);
    expect(c.host).toBe('localhost');
    expect(c.publicOrigin.href).toBe('http://localhost:4321/');
    expect(c.dataDir).toBe('/srv/kv/var');
    expect(c.production).toBe(false);
  });

  it('signs confirmations with a built-in secret in development; production needs its own', () => {
    expect(loadConfig({}).confirmationSecret).toBe(DEVELOPMENT_CONFIRMATION_SECRET);
    expect(loadConfig({ CONFIRMATION_SECRET: SECRET }).confirmationSecret).toBe(SECRET);
    const production = {
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://x.example',
      MAIL_FROM: 'a@x.example',
      SMTP_URL: 'smtps://relay.example:465',
    };
    expect(() => loadConfig(production)).toThrow(/CONFIRMATION_SECRET/);
    expect(() => loadConfig({ ...production, CONFIRMATION_SECRET: DEVELOPMENT_CONFIRMATION_SECRET })).toThrow(
      /CONFIRMATION_SECRET/,
    );
    expect(loadConfig({ ...production, CONFIRMATION_SECRET: SECRET }).confirmationSecret).toBe(SECRET);
  });

  it('reads every variable', () => {
    const c = loadConfig(
      { PORT: '8080', HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://kurzemevisiem.example/', DATA_DIR: '/data' },
      '/srv',
    );
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/data' });
    expect(c.publicOrigin.origin).toBe('https://kurzemevisiem.example');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: 'local host' }, 'HOST'],
    [{ PUBLIC_ORIGIN: 'kurzemevisiem.lv' }, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'https://x.lv/portals/' }, 'PUBLIC_ORIGIN'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV'],
    [{ NODE_ENV: 'production' }, 'PUBLIC_ORIGIN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CONFIRMATION_SECRET: 'short' }, 'CONFIRMATION_SECRET'],
  ])('refuses %o, naming %s', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(name);
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({ PORT: '-1', PUBLIC_ORIGIN: 'nope' })).toThrow(/PORT[\s\S]*PUBLIC_ORIGIN/);
  });
});

describe('mail, routing and delivery settings', () => {
  it('defaults: .eml files, 10 submissions a minute, 72 h of delivery attempts, delete when delivered', () => {
    const c = loadConfig({}, '/srv/kv');
    expect(c.mail.smtpUrl).toBeUndefined();
    expect(c.rateLimitPerMinute).toBe(10);
    expect(c.deliveryMaxAgeHours).toBe(72);
    expect(c.outboxRetentionDays).toBe(0);
    expect(c.routingFile).toBeNull();
    expect(c.mailFrom.address).toMatch(/@/);
  });

  it('reads SMTP, sender, routing file and limits', () => {
    const c = loadConfig(
      {
        SMTP_URL: 'smtp://user:pa%40ss@mail.example:587',
        MAIL_FROM: 'Kurzeme visiem <portals@example.lv>',
        ROUTING_FILE: 'routing.json',
        RATE_LIMIT_PER_MINUTE: '5',
        DELIVERY_MAX_AGE_HOURS: '24',
        DELIVERY_RETRY_DELAYS: '60,300',
      },
      '/srv',
    );
    expect(c.mail.smtpUrl).toBe('smtp://user:pa%40ss@mail.example:587');
    // Credentials given → TLS required unless SMTP_REQUIRE_TLS=false.
    expect(c.mail.requireTLS).toBe(true);
    expect(c.mailFrom).toEqual({ name: 'Kurzeme visiem', address: 'portals@example.lv' });
    expect(c.routingFile).toBe('/srv/routing.json');
    expect(c).toMatchObject({ rateLimitPerMinute: 5, deliveryMaxAgeHours: 24, deliveryRetryDelaysSeconds: [60, 300] });
  });

  it('requires TLS in production unless told otherwise', () => {
    const base = {
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://x.example',
      MAIL_FROM: 'a@x.example',
      CONFIRMATION_SECRET: SECRET,
    };
    expect(loadConfig({ ...base, SMTP_URL: 'smtp://relay.example:25' }).mail.requireTLS).toBe(true);
    // Turning it off in production must be allowed by name (ALLOW_INSECURE), and is then a warning.
    const insecure = loadConfig({
      ...base,
      SMTP_URL: 'smtp://relay.example:25',
      SMTP_REQUIRE_TLS: 'false',
      ALLOW_INSECURE: 'smtp-without-tls',
    });
    expect(insecure.mail.requireTLS).toBe(false);
    expect(insecure.warnings.join('\n')).toContain('ALLOW_INSECURE=smtp-without-tls');
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://mail.example', SMTP_REQUIRE_TLS: 'maybe' }, 'SMTP_REQUIRE_TLS'],
    [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_PER_MINUTE: 'many' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ DELIVERY_MAX_AGE_HOURS: '-1' }, 'DELIVERY_MAX_AGE_HOURS'],
    [{ DELIVERY_RETRY_DELAYS: '60,,x' }, 'DELIVERY_RETRY_DELAYS'],
    [{ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://x.example', MAIL_FROM: 'a@x.example' }, 'SMTP_URL'],
    [{ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://x.example', SMTP_URL: 'smtp://m.example' }, 'MAIL_FROM'],
  ])('refuses %o, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});

describe('abuse and transport settings', () => {
  it('defaults: trust no proxy, 30 s per request, 256 connections, 3 confirmations per address a day, 60 an hour', () => {
    const c = loadConfig({}, '/srv/kv');
    expect(c).toMatchObject({
      trustProxy: false,
      requestTimeoutMs: 30_000,
      maxConnections: 256,
      confirmationsPerAddressPerDay: 3,
      confirmationsPerHour: 60,
      readyMinFreeBytes: 100 * 1024 * 1024,
      dkim: null,
      allowInsecure: [],
      warnings: [],
    });
    expect(c.mail.pool).toMatchObject({
      connectionTimeoutMs: 30_000,
      greetingTimeoutMs: 30_000,
      socketTimeoutMs: 30_000,
    });
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['false', false],
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.0/8, ::1, fd00::/8, loopback', ['10.0.0.0/8', '::1', 'fd00::/8', 'loopback']],
  ])('TRUST_PROXY=%j trusts %j', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'TRUE', '0', '11', 'proxy.example', '10.0.0.0/33', '1.2.3.4/8/9'])(
    'refuses TRUST_PROXY=%j, naming it',
    (raw) => {
      expect(() => loadConfig({ TRUST_PROXY: raw })).toThrow(/TRUST_PROXY/);
    },
  );

  it('reads the timeouts, the connection cap and the confirmation limits', () => {
    const c = loadConfig({
      REQUEST_TIMEOUT_SECONDS: '2.5',
      SMTP_TIMEOUT_SECONDS: '5',
      MAX_CONNECTIONS: '50',
      CONFIRMATIONS_PER_ADDRESS_PER_DAY: '0',
      CONFIRMATIONS_PER_HOUR: '10',
      READY_MIN_FREE_MB: '1',
    });
    expect(c).toMatchObject({
      requestTimeoutMs: 2500,
      keepAliveTimeoutMs: 2500,
      maxConnections: 50,
      confirmationsPerAddressPerDay: 0,
      confirmationsPerHour: 10,
      readyMinFreeBytes: 1024 * 1024,
      leaseLimitMs: 50_000,
    });
    expect(c.mail.pool?.socketTimeoutMs).toBe(5000);
    for (const [name, raw] of [
      ['REQUEST_TIMEOUT_SECONDS', '0'],
      ['SMTP_TIMEOUT_SECONDS', 'soon'],
      ['MAX_CONNECTIONS', '0'],
      ['CONFIRMATIONS_PER_HOUR', '-1'],
    ] as const) {
      expect(() => loadConfig({ [name]: raw }), name).toThrow(new RegExp(name));
    }
  });
});

describe('production refuses unsafe settings unless ALLOW_INSECURE names them (W11)', () => {
  const base = {
    NODE_ENV: 'production',
    PUBLIC_ORIGIN: 'https://x.example',
    MAIL_FROM: 'a@x.example',
    SMTP_URL: 'smtp://relay.example:25',
    CONFIRMATION_SECRET: SECRET,
  };
  const problems = (env: Record<string, string>): string => {
    try {
      loadConfig({ ...base, ...env });
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('an http PUBLIC_ORIGIN', () => {
    expect(problems({ PUBLIC_ORIGIN: 'http://x.example' })).toMatch(/PUBLIC_ORIGIN.*ALLOW_INSECURE=http-origin/);
    const allowed = loadConfig({ ...base, PUBLIC_ORIGIN: 'http://x.example', ALLOW_INSECURE: 'http-origin' });
    expect(allowed.warnings).toEqual([expect.stringContaining('ALLOW_INSECURE=http-origin')]);
  });

  it('SMTP without TLS, and credentials over it — each by name', () => {
    expect(problems({ SMTP_REQUIRE_TLS: 'false' })).toMatch(/ALLOW_INSECURE=smtp-without-tls/);
    const both = problems({ SMTP_URL: 'smtp://u:p@relay.example:587', SMTP_REQUIRE_TLS: 'false' });
    expect(both).toMatch(/ALLOW_INSECURE=smtp-without-tls/);
    expect(both).toMatch(/ALLOW_INSECURE=smtp-credentials-without-tls/);
    expect(both).not.toContain(':p@');
    expect(
      problems({
        SMTP_URL: 'smtp://u:p@relay.example:587',
        SMTP_REQUIRE_TLS: 'false',
        ALLOW_INSECURE: 'smtp-without-tls',
      }),
    ).toMatch(/smtp-credentials-without-tls/);
    // TLS from the start needs nothing.
    expect(problems({ SMTP_URL: 'smtps://u:p@relay.example:465', SMTP_REQUIRE_TLS: 'false' })).toBe('');
  });

  it('an unknown ALLOW_INSECURE item', () => {
    expect(problems({ ALLOW_INSECURE: 'everything' })).toMatch(/ALLOW_INSECURE: "everything"/);
  });

  it('development only warns about credentials over plaintext', () => {
    const c = loadConfig({ SMTP_URL: 'smtp://u:p@relay.example:587', SMTP_REQUIRE_TLS: 'false' });
    expect(c.warnings.join('\n')).toMatch(/password may cross the network in clear/);
  });
});

describe('DKIM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kv-dkim-'));
  const keyFile = join(dir, 'dkim.pem');
  writeFileSync(
    keyFile,
    generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  writeFileSync(join(dir, 'not-a-key.pem'), 'hello');

  it('signs with the three settings, relative to the working directory', () => {
    const c = loadConfig(
      {
        DKIM_DOMAIN: 'Kurzeme.Example',
        DKIM_SELECTOR: 'portals2026',
        DKIM_PRIVATE_KEY_FILE: 'dkim.pem',
        MAIL_FROM: 'p@kurzeme.example',
      },
      dir,
    );
    expect(c.dkim).toMatchObject({ domainName: 'kurzeme.example', keySelector: 'portals2026' });
    expect(c.dkim?.privateKey).toContain('PRIVATE KEY');
    expect(c.warnings).toEqual([]);
  });

  it.each([
    [{ DKIM_DOMAIN: 'kurzeme.example' }, /give all three or none/],
    [
      { DKIM_DOMAIN: 'kurzeme.example', DKIM_SELECTOR: 's', DKIM_PRIVATE_KEY_FILE: 'missing.pem' },
      /DKIM_PRIVATE_KEY_FILE.*cannot be read/,
    ],
    [
      { DKIM_DOMAIN: 'kurzeme.example', DKIM_SELECTOR: 's', DKIM_PRIVATE_KEY_FILE: 'not-a-key.pem' },
      /not a PEM private key/,
    ],
    [{ DKIM_DOMAIN: 'not a domain', DKIM_SELECTOR: 's', DKIM_PRIVATE_KEY_FILE: 'dkim.pem' }, /DKIM_DOMAIN/],
    [{ DKIM_DOMAIN: 'kurzeme.example', DKIM_SELECTOR: 'a b', DKIM_PRIVATE_KEY_FILE: 'dkim.pem' }, /DKIM_SELECTOR/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env, dir)).toThrow(message);
  });

  it('warns when the signing domain does not match the sender (DMARC would not align)', () => {
    const c = loadConfig(
      {
        DKIM_DOMAIN: 'other.example',
        DKIM_SELECTOR: 's',
        DKIM_PRIVATE_KEY_FILE: 'dkim.pem',
        MAIL_FROM: 'p@kurzeme.example',
      },
      dir,
    );
    expect(c.warnings.join('\n')).toMatch(/DMARC/);
  });
});

describe("production refuses unsafe settings, naming each (the red team's W11)", () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    PUBLIC_ORIGIN: 'https://kurzemevisiem.example',
    SMTP_URL: 'smtp://127.0.0.1:1',
    MAIL_FROM: 'Kurzeme visiem <portals@kurzemevisiem.example>',
    CONFIRMATION_SECRET: SECRET,
  };

  it('starts with them', () => {
    expect(loadConfig(PRODUCTION).production).toBe(true);
  });

  it.each([
    [{ PUBLIC_ORIGIN: 'http://kurzemevisiem.example' }, ['PUBLIC_ORIGIN', 'ALLOW_INSECURE=http-origin']],
    [{ SMTP_REQUIRE_TLS: 'false' }, ['SMTP_REQUIRE_TLS=false', 'ALLOW_INSECURE=smtp-without-tls']],
    [
      { SMTP_URL: 'smtp://portals:secret@127.0.0.1:1', SMTP_REQUIRE_TLS: 'false' },
      ['ALLOW_INSECURE=smtp-without-tls', 'ALLOW_INSECURE=smtp-credentials-without-tls'],
    ],
    [{ TRUST_PROXY: 'true' }, ['TRUST_PROXY']],
  ])('%o', (env, names) => {
    let error: unknown;
    try {
      loadConfig({ ...PRODUCTION, ...env });
    } catch (e) {
      error = e;
    }
    // What the server prints before it exits 2 (server/index.ts).
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of names) expect(message).toContain(name);
    // The SMTP password in SMTP_URL is never repeated.
    expect(message).not.toContain('secret');
  });
});
