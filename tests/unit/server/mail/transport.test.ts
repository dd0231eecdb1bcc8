import { describe, expect, it } from 'vitest';
import { MailConfigError, createMailer, mailConfigFromEnv, parseSmtpUrl } from '../../../../server/mail/transport';

describe('parseSmtpUrl', () => {
  it('reads smtp:// (STARTTLS, 587) and smtps:// (TLS, 465) with credentials', () => {
    expect(parseSmtpUrl('smtp://relay.example.test')).toEqual({ host: 'relay.example.test', port: 587, secure: false });
    expect(parseSmtpUrl('smtps://us%40er:p%3Ass@relay.example.test')).toEqual({
      host: 'relay.example.test',
      port: 465,
      secure: true,
      auth: { user: 'us@er', pass: 'p:ss' },
    });
    expect(parseSmtpUrl('smtp://relay.example.test:2525').port).toBe(2525);
  });

  it('refuses other schemes and paths, without echoing the password', () => {
    expect(() => parseSmtpUrl('http://relay.example.test')).toThrow(MailConfigError);
    expect(() => parseSmtpUrl('smtp://u:secret@relay.example.test/x')).toThrow(/path/);
    try {
      parseSmtpUrl('smtp://u:secret@relay.example.test/x');
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
    expect(() => parseSmtpUrl('not a url')).toThrow(MailConfigError);
  });
});

describe('mailConfigFromEnv', () => {
  it('uses .eml files without SMTP_URL', () => {
    const config = mailConfigFromEnv({}, '/data');
    expect(config).toEqual({ dataDir: '/data' });
    expect(createMailer(config).kind).toBe('file');
  });

  it('requires TLS by default when a password is sent, and obeys SMTP_REQUIRE_TLS', () => {
    expect(mailConfigFromEnv({ SMTP_URL: 'smtp://u:p@relay.example.test' }, '/d').requireTLS).toBe(true);
    expect(mailConfigFromEnv({ SMTP_URL: 'smtp://relay.example.test' }, '/d').requireTLS).toBe(false);
    expect(
      mailConfigFromEnv({ SMTP_URL: 'smtp://relay.example.test', SMTP_REQUIRE_TLS: 'true' }, '/d').requireTLS,
    ).toBe(true);
    expect(() => mailConfigFromEnv({ SMTP_URL: 'smtp://relay.example.test', SMTP_REQUIRE_TLS: 'yes' }, '/d')).toThrow(
      MailConfigError,
    );
  });

  it('describes an SMTP mailer without its credentials', async () => {
    const mailer = createMailer({
      dataDir: '/d',
      smtpUrl: 'smtp://user:topsecret@relay.example.test:25',
      requireTLS: true,
    });
    expect(mailer.kind).toBe('smtp');
    expect(mailer.description).toBe('smtp://relay.example.test:25 (TLS required)');
    await mailer.close();
  });
});
