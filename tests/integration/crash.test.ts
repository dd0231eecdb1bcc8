/**
 * Nothing accepted is lost: the server process is killed with SIGKILL after it has
 * answered 201 but before it could deliver (the mail server is down); after a restart
 * with the mail server up, exactly the accepted set arrives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MUNICIPALITIES, officeAddress, serviceReferral, writeRoutingFile } from './helpers/app';
import { freePort, startSmtp, waitFor, type TestSmtp } from './helpers/smtp';

const children: ChildProcess[] = [];
let smtp: TestSmtp | null = null;

afterEach(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await smtp?.close();
});

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  await waitFor(
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${env['PORT']}/healthz`)).ok;
      } catch {
        return false;
      }
    },
    30_000,
    'server start',
  );
  return child;
}

describe('SIGKILL between accept and delivery', () => {
  it('after a restart, exactly the accepted enquiries are delivered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kv-crash-'));
    const smtpPort = await freePort();
    const port = String(await freePort());
    const env = {
      PORT: port,
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      ROUTING_FILE: writeRoutingFile(dataDir),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      DELIVERY_RETRY_DELAYS: '0.2',
    };
    const first = await startServer(env);

    const accepted: { reference: string; to: string }[] = [];
    for (const [i, id] of MUNICIPALITIES.entries()) {
      const res = await fetch(`http://127.0.0.1:${port}/api/referrals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
        body: JSON.stringify(serviceReferral({ municipality: id, message: `pirms avārijas ${i}` })),
      });
      expect(res.status).toBe(201);
      accepted.push({
        reference: ((await res.json()) as { reference: string }).reference,
        to: officeAddress(id, 'service'),
      });
    }

    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // Every accepted enquiry is on disk: waiting, or leased by an attempt the kill cut short.
    // The kill may also land inside a failed attempt's hand-back, after the new version was
    // renamed into pending/ and before the leased/ copy was unlinked: then one id is in both
    // folders, and recovery keeps the higher revision (the delivery count below proves it).
    const onDisk = ['pending', 'leased'].flatMap((d) => readdirSync(join(dataDir, 'outbox', d)));
    expect([...new Set(onDisk)].sort()).toEqual(accepted.map((a) => `${a.reference}.json`).sort());

    smtp = await startSmtp({ port: smtpPort });
    await startServer(env);
    const received = smtp;
    await waitFor(() => received.received.length >= accepted.length, 30_000, 'deliveries after restart');
    // Give a duplicate the chance to show up before counting.
    await new Promise((r) => setTimeout(r, 1000));
    const got = received.received.map((m) => ({ reference: /KV-\S+/.exec(m.parsed.subject ?? '')?.[0], to: m.to[0] }));
    expect(got.sort((a, b) => String(a.reference).localeCompare(String(b.reference)))).toEqual(
      accepted.sort((a, b) => a.reference.localeCompare(b.reference)),
    );
    await waitFor(() => readdirSync(join(dataDir, 'outbox', 'pending')).length === 0, 10_000, 'outbox emptied');
  });
});
