/**
 * The checks both ways of sending an enquiry share (server/plugins/submissions.ts): the
 * media type and the same-origin rule, on the headers browsers really send.
 */
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { FORM_TYPE, JSON_TYPE, hasType, isSameOrigin } from '../../../../server/plugins/submissions';

const PUBLIC = new URL('https://kurzemevisiem.lv');

type Headers = FastifyRequest['headers'];
/** A request to `host` over `protocol` with these headers (what the checks read). */
const request = (headers: Headers, host = 'kurzemevisiem.lv', protocol: 'http' | 'https' = 'https') => ({
  headers,
  host,
  protocol,
});

describe('hasType', () => {
  it('compares the media type only, in any case, ignoring its parameters', () => {
    expect(hasType(request({ 'content-type': 'application/json; charset=utf-8' }), JSON_TYPE)).toBe(true);
    expect(hasType(request({ 'content-type': 'Application/X-WWW-Form-Urlencoded' }), FORM_TYPE)).toBe(true);
    expect(hasType(request({ 'content-type': 'text/plain' }), JSON_TYPE)).toBe(false);
    expect(hasType(request({ 'content-type': 'application/jsonp' }), JSON_TYPE)).toBe(false);
    expect(hasType(request({}), JSON_TYPE)).toBe(false);
  });
});

describe('isSameOrigin', () => {
  it('accepts the public origin and the host the request was sent to', () => {
    expect(isSameOrigin(request({ origin: 'https://kurzemevisiem.lv' }, 'internal:8080'), PUBLIC)).toBe(true);
    expect(isSameOrigin(request({ origin: 'http://127.0.0.1:4321' }, '127.0.0.1:4321', 'http'), PUBLIC)).toBe(true);
  });

  it('refuses another site, another scheme or port, and a post that names no origin', () => {
    expect(isSameOrigin(request({ origin: 'https://evil.example' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(request({ origin: 'http://kurzemevisiem.lv' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(request({ origin: 'https://kurzemevisiem.lv:8443' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(request({}), PUBLIC)).toBe(false);
    expect(isSameOrigin(request({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }), PUBLIC)).toBe(
      false,
    );
  });

  it('falls back to the Referer when the Origin is missing or "null"', () => {
    expect(isSameOrigin(request({ referer: 'https://kurzemevisiem.lv/pieteikums/' }), PUBLIC)).toBe(true);
    const nullOrigin = { origin: 'null', referer: 'https://kurzemevisiem.lv/viegli/pieteikums/' };
    expect(isSameOrigin(request(nullOrigin), PUBLIC)).toBe(true);
    expect(isSameOrigin(request({ origin: 'null' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(request({ origin: 'null', referer: 'https://evil.example/' }), PUBLIC)).toBe(false);
  });

  it('trusts the browser saying the request is same-origin', () => {
    expect(isSameOrigin(request({ 'sec-fetch-site': 'same-origin' }), PUBLIC)).toBe(true);
  });

  it('refuses what is not a URL', () => {
    expect(isSameOrigin(request({ origin: 'kurzemevisiem.lv' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(request({ referer: '/pieteikums/' }), PUBLIC)).toBe(false);
  });
});
