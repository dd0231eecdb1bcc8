/**
 * Benchmark (not a test): what a first visit to each type of page transfers — HTML, CSS
 * and JavaScript, raw and gzip — from the build in dist/client. Prints a table with the
 * heaviest page of each type. Run `npm run build` first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(process.env['DIST_DIR'] ?? 'dist', 'client');
if (!existsSync(ROOT)) {
  process.stderr.write(`${ROOT} is missing: run "npm run build" first.\n`);
  process.exit(2);
}

/** Page type of a URL path (either version). */
function pageType(path: string): string {
  const p = path.replace(/^\/viegli(?=\/)/, '');
  const rules: [RegExp, string][] = [
    [/^\/$/, 'home'],
    [/^\/pakalpojumi\/$/, 'services index'],
    [/^\/pakalpojumi\/[^/]+\/$/, 'service'],
    [/^\/atbalsts\/$/, 'groups index'],
    [/^\/atbalsts\/[^/]+\/$/, 'target group'],
    [/^\/pasvaldibas\/$/, 'municipalities index'],
    [/^\/pasvaldibas\/[^/]+\/$/, 'municipality'],
    [/^\/vardnica\/$/, 'glossary'],
    [/^\/kontakti\/$/, 'contacts'],
    [/^\/parbaude\/$/, 'wizard'],
    [/^\/(pieteikums|audzugimenem\/pieteikums)\/$/, 'forms'],
    [/^\/404\/$|^\/404\.html$/, '404'],
  ];
  return rules.find(([re]) => re.test(p))?.[1] ?? 'text page';
}

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

interface Size {
  raw: number;
  gz: number;
}
const size = (buf: Buffer): Size => ({ raw: buf.length, gz: gzipSync(buf, { level: 9 }).length });
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gz: a.gz + b.gz });
const zero: Size = { raw: 0, gz: 0 };
const assetCache = new Map<string, Size>();
function asset(url: string): Size {
  const hit = assetCache.get(url);
  if (hit) return hit;
  const file = join(ROOT, url.split('?')[0] ?? '');
  const s = existsSync(file) ? size(readFileSync(file)) : zero;
  assetCache.set(url, s);
  return s;
}

/**
 * Modules a JS file imports statically (`import … from "./x.js"`, `import "./x.js"`),
 * recursively: a first visit loads them all. Dynamic `import()` is left out.
 */
function withStaticImports(urls: string[]): string[] {
  const seen = new Set<string>();
  const visit = (url: string): void => {
    if (seen.has(url)) return;
    seen.add(url);
    const file = join(ROOT, url);
    if (!existsSync(file)) return;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      visit(new URL(m[1] ?? '', `http://x${url}`).pathname);
    }
  };
  urls.forEach(visit);
  return [...seen];
}

/** JS a page loads: scripts, module preloads, and island component/renderer modules. */
function jsUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1] ?? '');
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1] ?? '');
  for (const m of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) urls.add(m[1] ?? '');
  return withStaticImports([...urls].filter((u) => u.startsWith('/')));
}
const inlineJs = (html: string): Buffer =>
  Buffer.from(
    [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('\n'),
  );

interface Row {
  path: string;
  html: Size;
  css: Size;
  js: Size;
  total: Size;
}
const byType = new Map<string, Row[]>();
for (const file of htmlFiles(ROOT)) {
  const rel = `/${relative(ROOT, file).replace(/index\.html$/, '')}`;
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]
    .map((m) => asset(m[1] ?? ''))
    .reduce(add, zero);
  const inline = inlineJs(text);
  const js = jsUrls(text)
    .map(asset)
    .reduce(add, inline.length > 0 ? size(inline) : zero);
  const h = size(html);
  const row: Row = { path: rel, html: h, css, js, total: add(add(h, css), js) };
  const type = pageType(rel);
  byType.set(type, [...(byType.get(type) ?? []), row]);
}

const kb = (n: number): string => (n / 1024).toFixed(1).padStart(7);
const pad = (s: string, n: number): string => s.padEnd(n);
const header = `${pad('page type', 21)}${pad('pages', 6)}${pad('heaviest page', 44)}   HTML raw/gz KB    CSS raw/gz KB     JS raw/gz KB  TOTAL raw/gz KB`;
process.stdout.write(
  `First-visit transfer per page type (dist/client, gzip -9)\n${header}\n${'-'.repeat(header.length)}\n`,
);
for (const [type, rows] of [...byType.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
  const heaviest = rows.reduce((a, b) => (b.total.gz > a.total.gz ? b : a));
  const f = (s: Size): string => `${kb(s.raw)}/${kb(s.gz)}`;
  process.stdout.write(
    `${pad(type, 21)}${pad(String(rows.length), 6)}${pad(heaviest.path, 44)}${f(heaviest.html)} ${f(heaviest.css)} ${f(heaviest.js)} ${f(heaviest.total)}\n`,
  );
}
const all = [...byType.values()].flat();
const withJs = all.filter((r) => r.js.raw > 0).length;
process.stdout.write(`\n${all.length} pages; ${withJs} ship JavaScript.\n`);
