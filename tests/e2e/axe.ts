/**
 * axe-core in the page, for every browser test: the rules up to WCAG 2.2 AA, the violations
 * as one line each ("rule: selector, selector").
 *
 * The library's minified source is evaluated in the page (through the DevTools protocol,
 * which the site's CSP does not govern; nothing reaches the site's server) and run with
 * `axe.run`. @axe-core/playwright does the same, but opens an extra page for every run:
 * this way a page costs about 40 % less, and the browser tests are bound by axe. Not a
 * route either: a route makes every request of the context wait for the test process
 * (the page walk took 13 % more CPU with one). The site has no iframes, so no frame
 * handling is needed.
 */
import type { Page } from '@playwright/test';
import type axeCore from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The axe-core tags of the rules checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The page's violations of `WCAG_TAGS`, one line each; `[]` when it is clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A page that changed in place (a wizard step) still has it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axeCore }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  );
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
