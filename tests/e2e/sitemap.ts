/** The paths the built sitemap lists (read from disk so tests can be generated per URL). */
import { readFileSync, readdirSync } from 'node:fs';

export function sitemapPaths(dir = 'dist/client'): string[] {
  const index = readFileSync(`${dir}/sitemap-index.xml`, 'utf8');
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const files =
    parts.length > 0
      ? parts.map((p) => p.replace(/^\//, ''))
      : readdirSync(dir).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const paths = files.flatMap((f) =>
    [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname),
  );
  return [...new Set(paths)];
}
