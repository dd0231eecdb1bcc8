/**
 * Faults, on real server processes, a real SMTP server on 127.0.0.1 and a real disk (the
 * red team's W4, W5, W7, W8, W11): a mail server that hangs, one that refuses for good,
 * a write-back that fails, damaged files in the outbox, an entry that cannot be composed,
 * a form post that cannot be stored — and /readyz telling the truth about each.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main as outboxCommand } from '../../scripts/outbox';
import { runMain } from '../helpers/cli';
import { ORIGIN, serviceReferral, testApp } from './helpers/app';
import { killServers, startServer, type ServerProcess } from './helpers/process';
import { freePort, smtpReply, startSmtp, waitFor, type TestSmtp } from './helpers/smtp';

let smtp: TestSmtp | null = null;
afterEach(async () => {
  killServers();
  await smtp?.close();
  smtp = null;
});
afterAll(() => killServers());

async function submit(server: ServerProcess, message: string): Promise<string> {
  const res = await fetch(`${server.origin}/api/referrals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify(serviceReferral({ message })),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
}

const folder = (server: ServerProcess, name: string): string[] => readdirSync(join(server.dataDir, 'outbox', name));
const subjects = (s: TestSmtp): string[] => s.received.map((m) => m.parsed.subject ?? '');

/** CPU time (user + system, in clock ticks) the process used so far (Linux). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

describe('the mail server (W8)', () => {
  it('one send that hangs does not hold up the others; it is retried after its timeout', async () => {
    smtp = await startSmtp({ hang: (n) => n === 1 });
    const server = await startServer({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_TIMEOUT_SECONDS: '3',
      DELIVERY_RETRY_DELAYS: '0.1',
    });
    const first = await submit(server, 'pirmais');
    const current = smtp;
    await waitFor(() => current.attempts.length === 1, 10_000, 'the hung DATA');
    const second = await submit(server, 'otrais');
    await waitFor(() => subjects(current).some((s) => s.includes(second)), 10_000, 'the second enquiry');
    // The first is still hanging on its connection when the second has arrived on the other.
    expect(subjects(current).some((s) => s.includes(first))).toBe(false);
    await waitFor(() => subjects(current).some((s) => s.includes(first)), 15_000, 'the first, after its timeout');
    expect(server.events('outbox.retry').map((l) => l['ref'])).toEqual([first]);
  });

  it('a permanent refusal (5xx) dead-letters the office e-mail after the first attempt, with a clear line', async () => {
    smtp = await startSmtp({ refuse: () => smtpReply(550, '5.1.1 Mailbox unavailable') });
    const server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, DELIVERY_RETRY_DELAYS: '0.1' });
    const reference = await submit(server, 'nepiegādājams');
    await waitFor(() => server.events('outbox.dead').length === 1, 10_000, 'the dead letter');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.attempts).toHaveLength(1);
    expect(server.events('outbox.dead')[0]).toMatchObject({ ref: reference, responseCode: 550, permanent: true });
    expect(server.output()).toMatch(/refused it for good \(5xx\)/);
    expect(folder(server, 'dead')).toEqual([`${reference}.json`]);
  });
});

describe('the outbox recovers without a restart (W5)', () => {
  it('a failed attempt that cannot be written back releases its lease; the enquiry is sent once the disk and the mail server are back', async () => {
    const smtpPort = await freePort();
    const server = await startServer({
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      DELIVERY_RETRY_DELAYS: '1',
      SMTP_TIMEOUT_SECONDS: '1',
    });
    const reference = await submit(server, 'pilns disks');
    // The first attempt fails (no mail server) and is written back normally.
    await waitFor(() => server.events('outbox.retry').length === 1, 10_000, 'the first failed attempt');
    // Now writing fails: the outbox's temporary folder is replaced by a file.
    const tmp = join(server.dataDir, 'outbox', 'tmp');
    rmSync(tmp, { recursive: true });
    writeFileSync(tmp, 'not a folder');
    await waitFor(() => server.events('outbox.error').length >= 1, 10_000, 'the failed write-back');
    // Released: waiting again, nothing stranded in leased/, and the server says it is not ready.
    expect(folder(server, 'leased')).toEqual([]);
    expect(folder(server, 'pending')).toEqual([`${reference}.json`]);
    expect(server.events('outbox.error')[0]).toMatchObject({ ref: reference });
    const readyz = (await (await fetch(`${server.origin}/readyz`)).json()) as Record<string, unknown>;
    expect(readyz).toMatchObject({ status: 'not ready', mail: false });
    // The disk and the mail server come back: delivered by the same process.
    rmSync(tmp);
    mkdirSync(tmp, { mode: 0o700 });
    smtp = await startSmtp({ port: smtpPort });
    const current = smtp;
    await waitFor(() => subjects(current).some((s) => s.includes(reference)), 20_000, 'the delivery');
    await waitFor(() => folder(server, 'pending').length === 0, 5000, 'an empty outbox');
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('damaged outbox files (W4, W7)', () => {
  it('are set aside at once with a line naming the file, listed by "outbox dead"; a bad date does not make the worker spin; an entry that cannot be composed is dead at once', async () => {
    smtp = await startSmtp();
    const server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    const pending = join(server.dataDir, 'outbox', 'pending');
    const good = await submit(server, 'paraugs');
    const current = smtp;
    await waitFor(() => subjects(current).some((s) => s.includes(good)), 10_000, 'the good one');
    // A record that looks right but has a date that does not parse, a truncated one, and one with a payload that cannot be composed.
    const record = {
      format: 'kurzeme-visiem/outbox@1',
      rev: 1,
      id: 'KV-BADD-DATE',
      createdAt: new Date().toISOString(),
      nextAttemptAt: 'not a date',
      attempts: [],
      payload: { kind: 'office', reference: 'KV-BADD-DATE', receivedAt: new Date().toISOString(), referral: {} },
    };
    writeFileSync(join(pending, 'KV-BADD-DATE.json'), JSON.stringify(record));
    writeFileSync(join(pending, 'KV-TRUN-CATE.json'), '{"format":"kurzeme-visiem/outbox@1","rev":1,"id":"KV-TRUN');
    const poison = {
      ...record,
      id: 'KV-POIS-ONNN',
      nextAttemptAt: new Date().toISOString(),
      payload: {
        ...record.payload,
        reference: 'KV-POIS-ONNN',
        referral: { type: 'service', municipality: 'talsu-novads', contact: null },
      },
    };
    writeFileSync(join(pending, 'KV-POIS-ONNN.json'), JSON.stringify(poison));
    // Wake the worker with a new enquiry.
    const before = cpuTicks(server.pid);
    const next = await submit(server, 'pamodina');
    await waitFor(() => server.events('outbox.quarantined').length === 2, 10_000, 'two files set aside');
    await waitFor(() => server.events('outbox.dead').length === 1, 10_000, 'the poison dead-lettered');
    await waitFor(() => subjects(current).some((s) => s.includes(next)), 10_000, 'the next one delivered');
    const files = server
      .events('outbox.quarantined')
      .map((l) => String(l['file']))
      .sort();
    expect(files).toEqual([
      expect.stringMatching(/^KV-BADD-DATE\.pending\.\d+\.unreadable$/),
      expect.stringMatching(/^KV-TRUN-CATE\.pending\.\d+\.unreadable$/),
    ]);
    expect(server.events('outbox.dead')[0]).toMatchObject({ ref: 'KV-POIS-ONNN', code: 'ECOMPOSE', attempt: 1 });
    // Idle again: a worker spinning on a bad date would burn a core (≈ 200 ticks in 2 s).
    await new Promise((r) => setTimeout(r, 2000));
    expect(cpuTicks(server.pid) - before).toBeLessThan(150);
    // The operator sees them.
    const dead = await runMain(outboxCommand, ['dead'], { DATA_DIR: server.dataDir });
    expect(dead.stdout).toContain('KV-POIS-ONNN');
    for (const f of files) expect(dead.stdout).toContain(f);
  });
});

describe('/readyz', () => {
  it('reports too little free disk space, and a delivery attempt held past its limit', async () => {
    const low = await testApp({ READY_MIN_FREE_MB: '10000000' });
    try {
      const res = await low.app.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'not ready', disk: false, leases: true });
    } finally {
      await low.app.close();
    }
    const stuck = await testApp({ SMTP_TIMEOUT_SECONDS: '1' });
    try {
      await stuck.app.referrals.worker.stop();
      const res = await stuck.app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: JSON.stringify(serviceReferral()),
      });
      const { reference } = res.json<{ reference: string }>();
      expect((await stuck.app.inject({ url: '/readyz' })).json()).toMatchObject({ leases: true });
      // Leased eleven seconds ago: past ten SMTP timeouts.
      await stuck.app.referrals.outbox.lease(reference, new Date(Date.now() - 11_000));
      const after = await stuck.app.inject({ url: '/readyz' });
      expect(after.statusCode).toBe(503);
      expect(after.json()).toMatchObject({ leases: false });
    } finally {
      await stuck.app.close();
    }
  });
});

describe('a form post that cannot be stored (W11)', () => {
  it('gets a Latvian HTML page (503), in its version of the site; the API gets JSON', async () => {
    const server = await startServer();
    const tmp = join(server.dataDir, 'outbox', 'tmp');
    rmSync(tmp, { recursive: true });
    writeFileSync(tmp, 'not a folder');
    const fields = new URLSearchParams({
      municipality: 'talsu-novads',
      filledBy: 'self',
      'person.group': 'adult',
      services: 'dac',
      'contact.name': 'Pēteris',
      'contact.phone': '26000000',
      consent: 'true',
    }).toString();
    for (const [path, words] of [
      ['/pieteikums/', 'Nekas netika nosūtīts'],
      ['/viegli/pieteikums/', 'Mēs nevarējām saglabāt jūsu pieteikumu.'],
    ] as const) {
      const res = await fetch(`${server.origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
        body: fields,
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<html lang="lv">');
      expect(html.toLowerCase()).toContain(words.toLowerCase());
      expect(html).toContain(`href="${path}"`);
      expect(html).not.toContain('Pēteris');
    }
    const api = await fetch(`${server.origin}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify(serviceReferral()),
    });
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: string }).error).toContain('Nekas netika nosūtīts');
  });
});
