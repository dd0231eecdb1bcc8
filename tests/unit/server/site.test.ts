import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, inlineStyleHashes } from '../../../server/site';

const hash = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('CSP hashes of the inline scripts and styles in built pages', () => {
  it('hashes inline scripts exactly, and skips external and JSON scripts', () => {
    const html =
      '<script>(()=>{a()})();</script><script type="module" src="/_astro/x.js"></script>' +
      '<script type="application/json">{"a":1}</script><script type="module">b()</script>';
    expect(inlineScriptHashes(html)).toEqual([hash('(()=>{a()})();'), hash('b()')]);
  });

  it('hashes inline style elements', () => {
    expect(inlineStyleHashes('<style>astro-island{display:contents}</style>')).toEqual([
      hash('astro-island{display:contents}'),
    ]);
  });
});
