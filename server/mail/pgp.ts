/**
 * OpenPGP for the offices that hold a key: the office e-mail goes out PGP/MIME-encrypted
 * (RFC 3156) — a `multipart/encrypted` message whose second part is the whole readable
 * message (text and HTML), encrypted to the office's public key with OpenPGP.js 6.
 *
 * What stays readable on the way is only what the envelope and the outer headers need:
 * sender, the office's address, the Message-ID, the date and a subject holding the
 * reference only. The real subject travels inside, as a "protected header" that Thunderbird
 * (which reads PGP/MIME without add-ons) shows in its place. No Reply-To outside either:
 * the person's address is inside, with everything else they wrote.
 */
import { readFile } from 'node:fs/promises';
import MimeNode from 'nodemailer/lib/mime-node';
import { createMessage, encrypt, readKey, type PublicKey } from 'openpgp';
import type { OutgoingMessage } from './compose';

/** A key file that cannot be used: the message names the file and why. */
export class PgpKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PgpKeyError';
  }
}

/**
 * Read an armored OpenPGP public key and check that it can encrypt now and for a while:
 * not expired, not revoked, with an encryption (sub)key.
 *
 * @param file the path of the armored key (`-----BEGIN PGP PUBLIC KEY BLOCK-----`)
 * @param now the time it must be valid at
 * @throws PgpKeyError naming what is wrong
 */
export async function readPublicKeyFile(file: string, now: Date = new Date()): Promise<PublicKey> {
  let armored: string;
  try {
    armored = await readFile(file, 'utf8');
  } catch (error) {
    throw new PgpKeyError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let key;
  try {
    key = await readKey({ armoredKey: armored });
  } catch {
    throw new PgpKeyError(`${file}: not an armored OpenPGP public key`);
  }
  if (key.isPrivate()) throw new PgpKeyError(`${file}: holds a private key; give the office's public key only`);
  const expires = await key.getExpirationTime();
  if (expires instanceof Date && expires.getTime() <= now.getTime()) {
    throw new PgpKeyError(`${file}: the key expired on ${expires.toISOString().slice(0, 10)}`);
  }
  try {
    await key.getEncryptionKey(undefined, now);
  } catch {
    throw new PgpKeyError(`${file}: the key has no valid encryption key (expired, revoked or sign-only)`);
  }
  return key;
}

/** The reference-only subject of an encrypted message. */
export function encryptedSubject(reference: string): string {
  return `Pieteikums ${reference}`;
}

/**
 * The whole message as PGP/MIME (RFC 3156), ready to send as it is (`raw`).
 *
 * @param message the composed message (its text and HTML go inside)
 * @param key the office's public key
 * @param reference the enquiry's reference (the outer subject)
 */
export async function pgpMimeMessage(message: OutgoingMessage, key: PublicKey, reference: string): Promise<Buffer> {
  const options = { disableFileAccess: true, disableUrlAccess: true } as const;
  // The readable message: its own MIME entity, with the real subject as a protected header.
  const holder = new MimeNode('multipart/mixed', options);
  const inner = holder.createChild('multipart/alternative; protected-headers="v1"');
  inner.setHeader('Subject', message.subject);
  inner.setHeader('From', message.from);
  inner.setHeader('To', message.to);
  if (message.replyTo) inner.setHeader('Reply-To', message.replyTo);
  inner.createChild('text/plain; charset=utf-8').setContent(message.text);
  inner.createChild('text/html; charset=utf-8').setContent(message.html);
  const plain = (await inner.build()).toString('utf8');
  // Typed loosely: openpgp's declarations name stream types of a package it does not install.
  const armored: unknown = await encrypt({
    message: await createMessage({ text: plain, format: 'binary' }),
    encryptionKeys: key,
    format: 'armored',
  });
  if (typeof armored !== 'string') throw new Error('OpenPGP did not return armored text');

  const root = new MimeNode('multipart/encrypted; protocol="application/pgp-encrypted"', options);
  root.setHeader('From', message.from);
  root.setHeader('To', message.to);
  root.setHeader('Subject', encryptedSubject(reference));
  if (message.messageId !== undefined) root.setHeader('Message-ID', message.messageId);
  for (const [name, value] of Object.entries(message.headers)) root.setHeader(name, value);
  root
    .createChild('application/pgp-encrypted')
    .setHeader('Content-Description', 'PGP/MIME version identification')
    .setContent('Version: 1\r\n');
  root
    .createChild('application/octet-stream; name="encrypted.asc"')
    .setHeader('Content-Description', 'OpenPGP encrypted message')
    .setHeader('Content-Disposition', 'inline; filename="encrypted.asc"')
    // ASCII armor is 7-bit text already: base64 around it would hide it from mail clients.
    .setHeader('Content-Transfer-Encoding', '7bit')
    .setContent(armored);
  return root.build();
}
