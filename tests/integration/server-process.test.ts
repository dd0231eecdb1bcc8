/** The server as a process: refuses a bad environment, and stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(env: Record<string, string>): {
  done: Promise<{ code: number | null; out: string }>;
  kill: (s: NodeJS.Signals) => void;
  output: () => string;
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
  return { done, kill: (s) => child.kill(s), output: () => out };
}

describe('server/index.ts', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PUBLIC_ORIGIN: 'kurzemevisiem' }, 'PUBLIC_ORIGIN'],
    [{ NODE_ENV: 'production' }, 'PUBLIC_ORIGIN'],
  ])('refuses to start with %o and names %s', async (env, name) => {
    const { code, out } = await run(env).done;
    expect(code).toBe(2);
    expect(out).toContain(name);
  });

  it('refuses a production start while office addresses are placeholders or unverified, naming each', async () => {
    const { code, out } = await run({
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://kurzemevisiem.example',
      SMTP_URL: 'smtp://127.0.0.1:1',
      MAIL_FROM: 'Kurzeme visiem <portals@kurzemevisiem.example>',
    }).done;
    expect(code).toBe(2);
    expect(out).toMatch(/tukuma-novads \(Tukuma novads\), service: no .* address is known/);
    expect(out).toMatch(/kuldigas-novads \(Kuldīgas novads\), service: .* is not verified/);
    expect(out).toContain('ROUTING_FILE');
  });

  it('listens, answers, and exits 0 on SIGTERM', async () => {
    const port = 4300 + Math.floor(Math.random() * 500);
    const proc = run({ PORT: String(port), HOST: '127.0.0.1' });
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline) {
      try {
        status = (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(status).toBe(200);
    proc.kill('SIGTERM');
    const { code, out } = await proc.done;
    expect(code).toBe(0);
    expect(out).toContain('shutting down');
  });
});
