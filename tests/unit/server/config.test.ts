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
