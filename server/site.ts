/**
 * Facts about the built site the server needs: where its files are, the 404 pages,
 * and the hashes of inline scripts (Astro's island bootstrap) for the CSP.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import islandScript from 'astro/runtime/server/astro-island.prebuilt.js';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import idleDirective from 'astro/runtime/client/idle.prebuilt.js';
import loadDirective from 'astro/runtime/client/load.prebuilt.js';
import mediaDirective from 'astro/runtime/client/media.prebuilt.js';
import onlyDirective from 'astro/runtime/client/only.prebuilt.js';
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js';

export interface BuiltSite {
  clientDir: string;
  /** `dist/server/entry.mjs` if the build has on-demand pages, else null. */
  serverEntry: string | null;
  notFound: { lv: string; easy: string };
  /** `'sha256-…'` sources for every distinct inline script in the built HTML. */
  scriptHashes: string[];
  /** The same for inline `<style>` elements (Astro's island styles). */
  styleHashes: string[];
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(p);
    else if (entry.name.endsWith('.html')) yield p;
  }
}

const sha256 = (body: string): string => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

/** Hashes of the contents of `<script>` elements without `src` in an HTML text. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/.test(attrs) || /type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs)) continue;
    out.push(sha256(m[2] ?? ''));
  }
  return out;
}

/**
 * The inline scripts and style Astro writes before islands (its hydration runtime and one
 * script per client directive). Pages rendered on demand carry them too, so their hashes
 * are known before any such page has been rendered.
 */
const ASTRO_ISLAND_SCRIPT_HASHES: readonly string[] = [
  islandScript,
  idleDirective,
  loadDirective,
  mediaDirective,
  onlyDirective,
  visibleDirective,
].map((s: string) => sha256(s));
const ASTRO_ISLAND_STYLE_HASHES: readonly string[] = [sha256(ISLAND_STYLES)];

/** Hashes of the contents of inline `<style>` elements in an HTML text. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1] ?? ''));
}

/**
 * Inspect the build output.
 * @throws Error with a hint to run the build when it is missing.
 */
export function readBuiltSite(distDir: string): BuiltSite {
  const clientDir = join(distDir, 'client');
  const lv404 = join(clientDir, '404.html');
  const easy404 = join(clientDir, 'viegli', '404', 'index.html');
  if (!existsSync(clientDir) || !existsSync(lv404) || !existsSync(easy404)) {
    throw new Error(`The built site is missing in ${distDir}: run "npm run build" first.`);
  }
  const scripts = new Set<string>(ASTRO_ISLAND_SCRIPT_HASHES);
  const styles = new Set<string>(ASTRO_ISLAND_STYLE_HASHES);
  for (const file of htmlFiles(clientDir)) {
    const html = readFileSync(file, 'utf8');
    for (const h of inlineScriptHashes(html)) scripts.add(h);
    for (const h of inlineStyleHashes(html)) styles.add(h);
  }
  const entry = join(distDir, 'server', 'entry.mjs');
  return {
    clientDir,
    serverEntry: existsSync(entry) ? entry : null,
    notFound: { lv: readFileSync(lv404, 'utf8'), easy: readFileSync(easy404, 'utf8') },
    scriptHashes: [...scripts].sort(),
    styleHashes: [...styles].sort(),
  };
}
