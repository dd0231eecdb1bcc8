/**
 * OpenPGP (server/mail/pgp.ts) with real keys made by OpenPGP.js: which key files start
 * the server, and the PGP/MIME message an office decrypts with its private key.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createMessage, decrypt, generateKey, readMessage, readPrivateKey, type PrivateKey } from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptedSubject, pgpMimeMessage, readPublicKeyFile } from '../../../../server/mail/pgp';
import type { OutgoingMessage } from '../../../../server/mail/compose';

const dir = mkdtempSync(join(tmpdir(), 'kv-pgp-'));
let publicFile: string;
let privateKey: PrivateKey;

beforeAll(async () => {
  const pair = await generateKey({
    type: 'curve25519',
    userIDs: [{ email: 'sd@saldus.example.test' }],
    format: 'armored',
  });
  publicFile = join(dir, 'office.asc');
  writeFileSync(publicFile, pair.publicKey);
  writeFileSync(join(dir, 'private.asc'), pair.privateKey);
  privateKey = await readPrivateKey({ armoredKey: pair.privateKey });
  const expired = await generateKey({
    type: 'curve25519',
    userIDs: [{ email: 'old@saldus.example.test' }],
    keyExpirationTime: 1,
    date: new Date('2020-01-01T00:00:00Z'),
    format: 'armored',
  });
  writeFileSync(join(dir, 'expired.asc'), expired.publicKey);
  writeFileSync(join(dir, 'garbage.asc'), 'not a key');
});

describe('readPublicKeyFile', () => {
  it('reads an armored public key that can encrypt', async () => {
    const key = await readPublicKeyFile(publicFile);
    expect(key.isPrivate()).toBe(false);
  });

  it.each([
    ['missing.asc', /cannot be read/],
    ['garbage.asc', /not an armored OpenPGP public key/],
    ['private.asc', /private key/],
    ['expired.asc', /expired/],
  ])('refuses %s, naming the file and why', async (file, reason) => {
    await expect(readPublicKeyFile(join(dir, file))).rejects.toThrow(reason);
    await expect(readPublicKeyFile(join(dir, file))).rejects.toThrow(file);
  });
});

describe('pgpMimeMessage', () => {
  const message: OutgoingMessage = {
    from: { name: 'Kurzeme visiem', address: 'portals@kurzeme.example.test' },
    to: { name: 'Sociālais dienests', address: 'sd@saldus.example.test' },
    replyTo: { name: '', address: 'ilze@example.test' },
    subject: 'Pieteikums KV-ABCD-EFGH — Atelpas brīdis — Saldus novads',
    text: 'Vārds, uzvārds: Ilze Bērziņa\nZiņa: epilepsija\n',
    html: '<p>Ilze Bērziņa — epilepsija</p>',
    messageId: '<KV-ABCD-EFGH@kurzeme-visiem>',
    headers: { 'X-Kurzeme-Visiem-Reference': 'KV-ABCD-EFGH' },
    meta: { id: 'KV-ABCD-EFGH', municipalityId: 'saldus-novads', kind: 'office' },
  };

  it('is RFC 3156 PGP/MIME: nothing personal readable outside, everything inside for the private key', async () => {
    const raw = (await pgpMimeMessage(message, await readPublicKeyFile(publicFile), 'KV-ABCD-EFGH')).toString('utf8');
    for (const secret of ['Ilze', 'epilepsija', 'ilze@example.test', 'Atelpas', 'Saldus novads']) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).toMatch(/^Content-Type: multipart\/encrypted;[\s\S]*protocol="application\/pgp-encrypted"/m);
    expect(raw).toContain('Version: 1');
    const outer = await simpleParser(raw);
    expect(outer.subject).toBe(encryptedSubject('KV-ABCD-EFGH'));
    expect(outer.messageId).toBe('<KV-ABCD-EFGH@kurzeme-visiem>');
    expect(outer.replyTo).toBeUndefined();
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(raw)?.[0] ?? '';
    // OpenPGP's declarations are typed loosely (see server/mail/pgp.ts).
    const decrypted: unknown = await decrypt({
      message: await readMessage({ armoredMessage: armored }),
      decryptionKeys: privateKey,
    });
    const inner = await simpleParser(String((decrypted as { data: unknown }).data));
    expect(inner.subject).toBe(message.subject);
    expect(inner.text).toContain('Ilze Bērziņa');
    expect(inner.html).toContain('epilepsija');
    expect(inner.replyTo?.value[0]?.address).toBe('ilze@example.test');
    expect(String((decrypted as { data: unknown }).data)).toMatch(/protected-headers="?v1"?/);
  });

  it('cannot be read with another key', async () => {
    const other = await generateKey({ type: 'curve25519', userIDs: [{ email: 'x@example.test' }] });
    const raw = (await pgpMimeMessage(message, await readPublicKeyFile(publicFile), 'KV-ABCD-EFGH')).toString('utf8');
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]+?-----END PGP MESSAGE-----/.exec(raw)?.[0] ?? '';
    await expect(
      decrypt({
        message: await readMessage({ armoredMessage: armored }),
        decryptionKeys: await readPrivateKey({ armoredKey: other.privateKey }),
      }),
    ).rejects.toThrow();
    // (createMessage is what the module uses; imported here so the test fails loudly if its API changes.)
    expect(typeof createMessage).toBe('function');
  });
});
