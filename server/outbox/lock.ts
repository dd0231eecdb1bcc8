/**
 * One server process per spool: the file outbox is safe for ONE process (its start-up
 * recovery puts everything in `leased/` back into `pending/`, which would re-send what a
 * second, running process is sending right now). The process that runs the worker writes
 * its pid to `<spool>/server.pid`, as Postfix's master does; a second one refuses to start
 * while that process is alive.
 *
 * A pid file left by a killed process is taken over: its pid is not alive, or it is this
 * process's own pid without this process holding the lock (containers restart as pid 1).
 * Operator commands (`scripts/outbox.ts`) do not take the lock: they only touch `dead/`,
 * which a running server never writes after its start.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** The spool is used by another living process. */
export class SpoolLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `${dir} jau izmanto cits servera process (pid ${pid}) / is in use by another server process (pid ${pid}); ` +
        'stop it, or give this one its own DATA_DIR',
    );
    this.name = 'SpoolLockedError';
  }
}

/** A held lock. */
export interface SpoolLock {
  readonly path: string;
  /** Remove the pid file (only if it is still ours). */
  release(): Promise<void>;
}

const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(path: string): Promise<number | null> {
  try {
    const n = Number((await readFile(path, 'utf8')).trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeSynced(path: string, text: string, flags: string): Promise<void> {
  const handle = await open(path, flags, 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Take the spool's lock for this process.
 * @throws SpoolLockedError while another living process holds it
 */
export async function lockSpool(dir: string): Promise<SpoolLock> {
  const path = join(dir, 'server.pid');
  if (held.has(path)) throw new SpoolLockedError(dir, process.pid);
  const mine = `${process.pid}\n`;
  try {
    await writeSynced(path, mine, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const pid = await readPid(path);
    if (pid !== null && pid !== process.pid && alive(pid)) throw new SpoolLockedError(dir, pid);
    // Left by a process that is gone: take it over (write beside, then rename over it).
    const tmp = `${path}.${process.pid}.tmp`;
    await writeSynced(tmp, mine, 'w');
    await rename(tmp, path);
  }
  held.add(path);
  return {
    path,
    async release() {
      if (!held.delete(path)) return;
      if ((await readPid(path)) === process.pid) await unlink(path).catch(() => undefined);
    },
  };
}
