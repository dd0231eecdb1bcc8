/**
 * The server as a real process (`server/index.ts` under tsx), as the README runs it: on a
 * free port of 127.0.0.1, a fresh DATA_DIR and a routing file sending every office's mail
 * to a test address. Its log (JSON lines, stdout and stderr) is kept for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRoutingFile } from './app';
import { freePort, waitFor } from './smtp';

export interface ServerProcess {
  readonly port: number;
  /** `http://127.0.0.1:<port>` (also its PUBLIC_ORIGIN unless the env says otherwise). */
  readonly origin: string;
  readonly dataDir: string;
  readonly pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** The JSON log lines with this `event`. */
  events(event: string): Record<string, unknown>[];
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kill every server a test left running (call in afterEach/afterAll). */
export function killServers(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

function spawnServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/**
 * Start a server and wait until `/healthz` answers. `env` adds to or overrides the
 * defaults (PORT, HOST, PUBLIC_ORIGIN, DATA_DIR, ROUTING_FILE, RATE_LIMIT_PER_MINUTE).
 * A port taken between choosing it and listening (another program on this machine) is
 * retried with another one.
 */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(env);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !error.message.includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnce(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = env['DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'kv-proc-'));
  const origin = `http://127.0.0.1:${port}`;
  const { child, output } = spawnServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: origin,
    DATA_DIR: dataDir,
    ROUTING_FILE: writeRoutingFile(dataDir),
    RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}:\n${output()}`);
      try {
        // Listening, and it is this process that answers (not another program on the port).
        return (await fetch(`${origin}/healthz`)).ok && output().includes(`listening at http://127.0.0.1:${port}`);
      } catch {
        return false;
      }
    },
    30_000,
    'server start',
  );
  return {
    port,
    origin,
    dataDir,
    pid: child.pid ?? 0,
    output,
    events: (event) =>
      output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l['event'] === event),
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      running.delete(child);
      return code;
    },
  };
}

/** Start a server that is expected to refuse to start: its exit code and what it printed. */
export async function refusedStart(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const dataDir = env['DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'kv-proc-'));
  const { child, output } = spawnServer({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...env,
  });
  // A server that starts after all must not hang the test: it is stopped after 20 s.
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  running.delete(child);
  return { code, out: output() };
}
