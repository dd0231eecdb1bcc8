// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { FORM_PAGES, VARIANTS, pathFor } from './src/domain/routes.ts';
import { loadContent } from './server/content.ts';

/**
 * The public origin the site is built for (sitemap URLs, Astro's same-origin check for
 * form posts). The server validates the same variable at start.
 */
const site = process.env.PUBLIC_ORIGIN || 'http://localhost:4321';

export default defineConfig({
  site,
  // The build goes to dist/ (DIST_DIR lets a second build live beside it, e.g. in tests).
  outDir: process.env.DIST_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Static pages by default; the form pages opt out with `prerender = false` and are
  // rendered by the node adapter's handler, mounted inside the Fastify server.
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  integrations: [
    {
      // The content as a whole (ids, rule files, current sources), checked with the server's
      // loader before anything is built: an editor's mistake fails the build in seconds,
      // naming the file and the field. The pages check it again as they read it.
      name: 'kurzeme-visiem:content-check',
      hooks: { 'astro:build:start': () => void loadContent() },
    },
    react(),
    sitemap({
      filter: (page) => !/\/404\/?$/.test(new URL(page).pathname),
      // The form pages render on demand, so the sitemap cannot find them by itself.
      // (Their confirmation pages need a reference and are not listed.)
      customPages: FORM_PAGES.flatMap((f) => VARIANTS.map((v) => new URL(pathFor(v, f.path), site).href)),
    }),
  ],
  i18n: {
    defaultLocale: 'lv',
    // Easy-read Latvian is its own locale under /viegli/; the HTML language stays `lv`.
    locales: ['lv', { path: 'viegli', codes: ['lv-easy'] }],
    routing: { prefixDefaultLocale: false },
  },
  security: {
    // Astro checks the Origin of form posts against the host it trusts; behind Fastify it
    // trusts the Host header only for these: the public origin, and this machine (a local
    // run or the tests, on any port). The server applies the same rule to every POST.
    allowedDomains: [
      (() => {
        const u = new URL(site);
        return { protocol: u.protocol.replace(':', ''), hostname: u.hostname, ...(u.port ? { port: u.port } : {}) };
      })(),
      { protocol: 'http', hostname: 'localhost' },
      { protocol: 'http', hostname: '127.0.0.1' },
    ],
  },
  devToolbar: { enabled: false },
});
