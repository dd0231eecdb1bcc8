/** The server as a process: refuses a bad environment or a data directory in use, and stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, waitFor } from './helpers/smtp';

function run(env: Record<string, string>): {
  done: Promise<{ code: number | null; out: string }>;
  kill: (s: NodeJS.Signals) => void;
  output: () => string;
  pid: number | undefined;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', DATA_DIR: mkdtempSync(join(tmpdir(), 'kv-proc-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out })),
  );
  return { done, kill: (s) => child.kill(s), output: () => out, pid: child.pid };
}

describe('server/index.ts', () => {
  // Every refused setting is tested on the configuration (tests/unit/server/config.test.ts);
  // here the process: it prints what is wrong and exits 2.
  it('refuses to start with a setting it cannot use, names it, and exits 2', async () => {
    const { code, out } = await run({ PORT: 'abc' }).done;
    expect(code).toBe(2);
    expect(out).toContain('PORT="abc"');
  });

  it('refuses a production start while office addresses are placeholders or unverified, naming each', async () => {
    const { code, out } = await run({
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://kurzemevisiem.example',
      SMTP_URL: 'smtp://127.0.0.1:1',
      MAIL_FROM: 'Kurzeme visiem <portals@kurzemevisiem.example>',
      CONFIRMATION_SECRET: 'integration-test-confirmation-secret-32+',
    }).done;
    expect(code).toBe(2);
    expect(out).toMatch(/tukuma-novads \(Tukuma novads\), service: no .* address is known/);
    expect(out).toMatch(/kuldigas-novads \(Kuldīgas novads\), service: .* is not verified/);
    expect(out).toContain('ROUTING_FILE');
  });

  it('listens, answers, keeps a second server off its data directory, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'kv-proc-'));
    const proc = run({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir });
    await waitFor(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
        } catch {
          return false;
        }
      },
      20_000,
      'server start',
    );
    const pid = readFileSync(join(dataDir, 'outbox', 'server.pid'), 'utf8').trim();
    expect(pid).toBe(String(proc.pid));

    // A second process on the same outbox would re-send what the first is sending.
    const second = await run({ PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: dataDir }).done;
    expect(second.code).toBe(2);
    expect(second.out).toContain('DATA_DIR');
    expect(second.out).toContain(`pid ${pid}`);

    proc.kill('SIGTERM');
    const { code, out } = await proc.done;
    expect(code).toBe(0);
    expect(out).toContain('shutting down');
    expect(existsSync(join(dataDir, 'outbox', 'server.pid'))).toBe(false);
  });
});
