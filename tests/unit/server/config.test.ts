import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

describe('server configuration from the environment', () => {
  it('has embedded defaults so a fresh machine needs nothing', () => {
    const c = loadConfig({}, '/srv/kv');
    expect(c.port).toBe(4321);
    expect(c.host).toBe('localhost');
    expect(c.publicOrigin.href).toBe('http://localhost:4321/');
    expect(c.dataDir).toBe('/srv/kv/var');
    expect(c.production).toBe(false);
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
    const base = { NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://x.example', MAIL_FROM: 'a@x.example' };
    expect(loadConfig({ ...base, SMTP_URL: 'smtp://relay.example:25' }).mail.requireTLS).toBe(true);
    expect(
      loadConfig({ ...base, SMTP_URL: 'smtp://relay.example:25', SMTP_REQUIRE_TLS: 'false' }).mail.requireTLS,
    ).toBe(false);
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
