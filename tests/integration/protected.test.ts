/**
 * Protected delivery, end to end on a real server process and a real SMTP server: every
 * message DKIM-signed (verified here with mailauth against the test's own key, served by a
 * stand-in DNS resolver), enquiries for an office with an OpenPGP key sent PGP/MIME
 * (decrypted here with the office's private key), and the production start that refuses an
 * office taking no personal data by ordinary e-mail until it has a key — naming it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { decrypt, generateKey, readMessage, readPrivateKey, type PrivateKey } from 'openpgp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { officeAddress, serviceReferral, writeRoutingFile, type KeyFiles } from './helpers/app';
import { killServers, refusedStart, startServer } from './helpers/process';
import { startSmtp, waitFor, type TestSmtp } from './helpers/smtp';

const DOMAIN = 'kurzemevisiem.example';
const SELECTOR = 'portals2026';
let dir: string;
let dkimPublicKey: string;
let officePrivateKey: PrivateKey;
let smtp: TestSmtp | null = null;

/** A routing file with key files for the given routes (relative to it), a new file each time. */
const routingWithKeys = (keys: Record<string, KeyFiles>): string =>
  writeRoutingFile(
    dir,
    keys,
    `routing-${Object.keys(keys).join('-') || 'none'}-${Math.random().toString(36).slice(2)}.json`,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kv-protected-'));
  const dkim = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'dkim.pem'), dkim.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  dkimPublicKey = dkim.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const office = await generateKey({
    type: 'curve25519',
    userIDs: [{ email: 'sd@saldus.example.test' }],
    format: 'armored',
  });
  writeFileSync(join(dir, 'office.asc'), office.publicKey);
  officePrivateKey = await readPrivateKey({ armoredKey: office.privateKey });
  const expired = await generateKey({
    type: 'curve25519',
    userIDs: [{ email: 'old@saldus.example.test' }],
    keyExpirationTime: 1,
    date: new Date('2020-01-01T00:00:00Z'),
    format: 'armored',
  });
  writeFileSync(join(dir, 'expired.asc'), expired.publicKey);
});
afterEach(async () => {
  killServers();
  await smtp?.close();
  smtp = null;
});
afterAll(() => killServers());

/** The stand-in DNS: only the test's DKIM key record exists. */
const resolver = async (name: string, type: string): Promise<string[][]> => {
  if (type === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [[`v=DKIM1; k=rsa; p=${dkimPublicKey}`]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
};

describe('DKIM and OpenPGP on a real server', () => {
  it('signs every message; encrypts the enquiry for an office with a key, which decrypts it with its private key', async () => {
    smtp = await startSmtp();
    const server = await startServer({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: `Kurzeme visiem <portals@${DOMAIN}>`,
      DKIM_DOMAIN: DOMAIN,
      DKIM_SELECTOR: SELECTOR,
      DKIM_PRIVATE_KEY_FILE: join(dir, 'dkim.pem'),
      ROUTING_FILE: routingWithKeys({ 'saldus-novads': { service: 'office.asc', foster: 'office.asc' } }),
    });
    expect(server.output()).toContain('Encrypted (OpenPGP) delivery to saldus-novads/service, saldus-novads/foster');
    const secret = 'Meitai ir epilepsija';
    const post = async (municipality: string): Promise<string> => {
      const res = await fetch(`${server.origin}/api/referrals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin },
        body: JSON.stringify(
          serviceReferral({
            municipality,
            message: secret,
            contact: {
              name: 'Ilze Bērziņa',
              email: 'ilze@example.com',
              phone: '20000000',
              easyLanguage: false,
              supportPerson: false,
              confirmation: true,
            },
          }),
        ),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { reference: string }).reference;
    };
    const encrypted = await post('saldus-novads');
    const plain = await post('talsu-novads');
    const current = smtp;
    // Two office e-mails and two confirmations.
    await waitFor(() => current.received.length === 4, 15_000, 'four messages');

    // Every message carries a DKIM signature that verifies.
    for (const message of current.received) {
      const result = await dkimVerify(message.raw, { resolver });
      expect(
        result.results.map((r) => r.status.result),
        message.parsed.subject,
      ).toEqual(['pass']);
      expect(result.results[0]?.signingDomain).toBe(DOMAIN);
    }
    // A message changed on the way does not.
    const first = current.received[0]?.raw ?? '';
    const tampered = first.replace(/Pieteikums /u, 'Pieteikum5 ');
    expect((await dkimVerify(tampered, { resolver })).results[0]?.status.result).not.toBe('pass');

    const office = (ref: string) => current.received.find((m) => m.to[0]?.startsWith('sd.') && m.raw.includes(ref));
    // Saldus: PGP/MIME, nothing personal readable on the way, the subject only the reference.
    const sealed = office(encrypted);
    expect(sealed?.to).toEqual([officeAddress('saldus-novads', 'service')]);
    expect(sealed?.parsed.subject).toBe(`Pieteikums ${encrypted}`);
    expect(String(sealed?.parsed.headers.get('content-type') && sealed.raw)).toMatch(
      /Content-Type: multipart\/encrypted;[\s\S]*protocol="application\/pgp-encrypted"/,
    );
    expect(sealed?.parsed.replyTo).toBeUndefined();
    for (const word of ['Ilze', 'Bērziņa', 'ilze@example.com', 'epilepsija', 'Atelpas'])
      expect(sealed?.raw).not.toContain(word);
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(sealed?.raw ?? '')?.[0] ?? '';
    // OpenPGP's declarations are typed loosely (see server/mail/pgp.ts).
    const decrypted: unknown = await decrypt({
      message: await readMessage({ armoredMessage: armored }),
      decryptionKeys: officePrivateKey,
    });
    const inside = await simpleParser(String((decrypted as { data: unknown }).data));
    expect(inside.subject).toBe(`Pieteikums ${encrypted} — Atelpas brīdis — Saldus novads`);
    expect(inside.text).toContain(secret);
    expect(inside.text).toContain('Ilze Bērziņa');
    expect(inside.replyTo?.value[0]?.address).toBe('ilze@example.com');

    // Talsi has no key: a plain e-mail, readable, with the address only in Reply-To.
    const open = office(plain);
    expect(open?.parsed.text).toContain(secret);
    expect(open?.parsed.replyTo?.value).toEqual([{ address: 'ilze@example.com', name: '' }]);
  });
});

describe('a production start and the offices that take no personal data by ordinary e-mail', () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    PUBLIC_ORIGIN: 'https://kurzemevisiem.example',
    MAIL_FROM: 'Kurzeme visiem <portals@kurzemevisiem.example>',
    CONFIRMATION_SECRET: 'integration-test-confirmation-secret-32+',
  };

  it('is refused while Saldus has no key, naming the office and the setting', async () => {
    const { code, out } = await refusedStart({
      ...PRODUCTION,
      SMTP_URL: 'smtp://127.0.0.1:1',
      ROUTING_FILE: routingWithKeys({}),
    });
    expect(code).toBe(2);
    expect(out).toMatch(/saldus-novads \(Saldus novads\), service: .*no personal data by ordinary e-mail.*pgpKeyFile/);
    expect(out).toMatch(/saldus-novads \(Saldus novads\), foster: /);
    expect(out).not.toMatch(/liepaja/);
  });

  it('is refused with a key that has expired, naming the municipality and the file', async () => {
    const { code, out } = await refusedStart({
      ...PRODUCTION,
      SMTP_URL: 'smtp://127.0.0.1:1',
      ROUTING_FILE: routingWithKeys({ 'saldus-novads': { service: 'expired.asc', foster: 'office.asc' } }),
    });
    expect(code).toBe(2);
    expect(out).toContain('ROUTING_FILE');
    expect(out).toMatch(/saldus-novads\.pgpKeyFile\.service: .*expired\.asc: the key expired/);
    expect(out).not.toMatch(/at .*\.ts:\d+/);
  });

  it('starts once every office that needs one has a key, with the security headers on its pages', async () => {
    smtp = await startSmtp();
    const server = await startServer({
      ...PRODUCTION,
      // The same-origin check in production compares with PUBLIC_ORIGIN only.
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_REQUIRE_TLS: 'false',
      ALLOW_INSECURE: 'smtp-without-tls',
      ROUTING_FILE: routingWithKeys({ 'saldus-novads': { service: 'office.asc', foster: 'office.asc' } }),
    });
    expect(server.output()).toContain('ALLOW_INSECURE=smtp-without-tls');
    const page = await fetch(`${server.origin}/pieteikums/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('strict-transport-security')).toContain('max-age=');
    // No notice: Saldus's enquiries go encrypted.
    expect(await page.text()).not.toContain('plain-mail');
    // A post whose Origin is the host it was sent to, not the public origin, is refused in production.
    const res = await fetch(`${server.origin}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify(serviceReferral()),
    });
    expect(res.status).toBe(403);
    const ok = await fetch(`${server.origin}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PRODUCTION.PUBLIC_ORIGIN },
      body: JSON.stringify(serviceReferral()),
    });
    expect(ok.status).toBe(201);
  });
});

describe('in development an office that takes no personal data by ordinary e-mail', () => {
  it('still gets its enquiries (so the portal runs as it is), the start says so, and the form tells people how else to reach it', async () => {
    const server = await startServer();
    expect(server.output()).toMatch(
      /saldus-novads service \(.*\): this office takes no personal data by ordinary e-mail/,
    );
    expect(server.output()).toMatch(/saldus-novads foster .*no OpenPGP key/);
    const form = await (await fetch(`${server.origin}/pieteikums/`)).text();
    expect(form).toContain('Ja dzīvojat Saldus novadā');
    expect(form).toContain('Slimnīcas iela 3A, Saldus');
    expect(form).toContain('latvija.gov.lv');
    const foster = await (await fetch(`${server.origin}/viegli/audzugimenem/pieteikums/`)).text();
    expect(foster).toContain('Vai dzīvojat Saldus novadā?');
    expect(foster).toContain('62801444');
    const res = await fetch(`${server.origin}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify(serviceReferral({ municipality: 'saldus-novads' })),
    });
    expect(res.status).toBe(201);
  });
});
