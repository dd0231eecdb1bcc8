/**
 * Benchmark (not a test): what a first visit to each type of page transfers — HTML, CSS,
 * JavaScript and preloaded data, raw and gzip — from the build in dist/client. Prints a
 * table with the heaviest page of each type, then the wizard's figures against its budgets
 * (`PAGE_BUDGETS`; the browser tests hold the build to them). Run `npm run build` first.
 *
 * "JS" is what the page loads before it can run: its scripts, module preloads, island
 * components and renderers, and every module they import statically. Modules the page
 * imports later with `import()` (the wizard's answer check and result view) are counted
 * apart as "later JS", and a `<link rel="preload" as="fetch">` file (the wizard's bundle of
 * rules and texts) as "data".
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runIfMain } from '../../scripts/cli';

export interface Size {
  raw: number;
  gz: number;
}

/** What one page transfers. */
export interface PageFigures {
  /** The URL path, e.g. `/parbaude/`. */
  path: string;
  html: Size;
  css: Size;
  /** JavaScript loaded before the page can run (static imports included). */
  js: Size;
  /** JavaScript imported later with `import()`. */
  laterJs: Size;
  /** Preloaded data (`<link rel="preload" as="fetch">`). */
  data: Size;
  /** HTML + CSS + JS + data. */
  total: Size;
}

/** gzip budgets (bytes) of the pages the issues name: the wizard of issue 10. */
export const PAGE_BUDGETS = {
  wizard: { js: 110 * 1024, html: 10 * 1024 },
} as const;

/** The built site's folder of static files. */
export function clientRoot(): string {
  return join(process.env['DIST_DIR'] ?? 'dist', 'client');
}

const size = (buf: Buffer): Size => ({ raw: buf.length, gz: gzipSync(buf, { level: 9 }).length });
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gz: a.gz + b.gz });
const zero: Size = { raw: 0, gz: 0 };

/** Measures the pages of one build (files are read once). */
export class Build {
  private readonly assets = new Map<string, Size>();

  constructor(readonly root: string) {}

  private asset(url: string): Size {
    const hit = this.assets.get(url);
    if (hit) return hit;
    const file = join(this.root, url.split('?')[0] ?? '');
    const s = existsSync(file) ? size(readFileSync(file)) : zero;
    this.assets.set(url, s);
    return s;
  }

  /** Modules a JS file imports: statically (`import … from "./x.js"`, `import "./x.js"`) or later (`import("./x.js")`). */
  private imports(url: string): { now: string[]; later: string[] } {
    const file = join(this.root, url);
    if (!existsSync(file)) return { now: [], later: [] };
    const code = readFileSync(file, 'utf8');
    const resolve = (m: RegExpMatchArray): string => new URL(m[1] ?? '', `http://x${url}`).pathname;
    return {
      now: [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)].map(resolve),
      later: [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map(resolve),
    };
  }

  /** The modules `urls` load before running, and those they import later (without the former). */
  private graph(urls: string[]): { now: string[]; later: string[] } {
    const now = new Set<string>();
    const later = new Set<string>();
    const visit = (url: string, into: Set<string>): void => {
      if (now.has(url) || into.has(url)) return;
      into.add(url);
      const { now: n, later: l } = this.imports(url);
      n.forEach((u) => visit(u, into));
      l.forEach((u) => visit(u, later));
    };
    urls.forEach((u) => visit(u, now));
    return { now: [...now], later: [...later].filter((u) => !now.has(u)) };
  }

  /** What a first visit to the page in `file` (an HTML file under the root) transfers. */
  page(file: string): PageFigures {
    const path = `/${relative(this.root, file).replace(/index\.html$/, '')}`;
    const html = readFileSync(file);
    const text = html.toString('utf8');
    const css = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]
      .map((m) => this.asset(m[1] ?? ''))
      .reduce(add, zero);
    const urls = new Set<string>();
    for (const m of text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1] ?? '');
    for (const m of text.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1] ?? '');
    for (const m of text.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) urls.add(m[1] ?? '');
    const { now, later } = this.graph([...urls].filter((u) => u.startsWith('/')));
    const inline = Buffer.from(
      [...text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('\n'),
    );
    const js = now.map((u) => this.asset(u)).reduce(add, inline.length > 0 ? size(inline) : zero);
    const laterJs = later.map((u) => this.asset(u)).reduce(add, zero);
    const data = [...text.matchAll(/<link(?=[^>]*rel="preload")(?=[^>]*as="fetch")[^>]*href="([^"]+)"/g)]
      .map((m) => this.asset(m[1] ?? ''))
      .reduce(add, zero);
    const h = size(html);
    return { path, html: h, css, js, laterJs, data, total: [h, css, js, data].reduce(add) };
  }

  /** Every HTML file of the build. */
  *htmlFiles(dir = this.root): Generator<string> {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) yield* this.htmlFiles(p);
      else if (e.name.endsWith('.html')) yield p;
    }
  }
}

/** Page type of a URL path (either version). */
export function pageType(path: string): string {
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

function main(): number {
  const root = clientRoot();
  if (!existsSync(root)) {
    process.stderr.write(`${root} is missing: run "npm run build" first.\n`);
    return 2;
  }
  const build = new Build(root);
  const byType = new Map<string, PageFigures[]>();
  for (const file of build.htmlFiles()) {
    const row = build.page(file);
    const type = pageType(row.path);
    byType.set(type, [...(byType.get(type) ?? []), row]);
  }

  const kb = (n: number): string => (n / 1024).toFixed(1).padStart(7);
  const pad = (s: string, n: number): string => s.padEnd(n);
  const f = (s: Size): string => `${kb(s.raw)}/${kb(s.gz)}`;
  const header = `${pad('page type', 21)}${pad('pages', 6)}${pad('heaviest page', 30)}   HTML raw/gz KB    CSS raw/gz KB     JS raw/gz KB   data raw/gz KB  TOTAL raw/gz KB  later JS raw/gz`;
  process.stdout.write(
    `First-visit transfer per page type (dist/client, gzip -9)\n${header}\n${'-'.repeat(header.length)}\n`,
  );
  for (const [type, rows] of [...byType.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const heaviest = rows.reduce((a, b) => (b.total.gz > a.total.gz ? b : a));
    process.stdout.write(
      `${pad(type, 21)}${pad(String(rows.length), 6)}${pad(heaviest.path, 30)}${f(heaviest.html)} ${f(heaviest.css)} ${f(heaviest.js)} ${f(heaviest.data)} ${f(heaviest.total)} ${f(heaviest.laterJs)}\n`,
    );
  }
  const all = [...byType.values()].flat();
  const withJs = all.filter((r) => r.js.raw > 0).length;
  process.stdout.write(`\n${all.length} pages; ${withJs} ship JavaScript.\n`);

  // The wizard against its budgets, both versions.
  const budget = PAGE_BUDGETS.wizard;
  process.stdout.write(
    `\nWizard pages (budget: JS ≤ ${kb(budget.js).trim()} KB gz, HTML ≤ ${kb(budget.html).trim()} KB gz):\n`,
  );
  for (const row of byType.get('wizard') ?? []) {
    const ok = row.js.gz <= budget.js && row.html.gz <= budget.html;
    process.stdout.write(
      `  ${pad(row.path, 20)} JS ${kb(row.js.gz).trim()} KB gz, HTML ${kb(row.html.gz).trim()} KB gz, ` +
        `data ${kb(row.data.gz).trim()} KB gz, later JS ${kb(row.laterJs.gz).trim()} KB gz — ${ok ? 'within budget' : 'OVER BUDGET'}\n`,
    );
  }
  // A benchmark: it reports, the browser tests enforce.
  return 0;
}

runIfMain(import.meta.url, () => main());
