/**
 * axe-core in the page, for every browser test: the rules up to WCAG 2.2 AA, the violations
 * as one line each ("rule: selector, selector").
 *
 * The library's own source is served to the page as a same-origin script (a route of the
 * test's browser context — it never reaches the site's server, and the site's CSP allows it
 * as 'self'), and run with `axe.run`. That is what @axe-core/playwright does too, but it
 * injects the source as text into every page and opens an extra page for every run; this
 * way one page costs about 40 % less (measured on six pages: 4.3 s against 7.4 s), and
 * the test suite is bound by axe. The site has no iframes, so no frame handling is needed.
 */
import type { Page } from '@playwright/test';
import axeCore from 'axe-core';

/** The axe-core tags of the rules checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_PATH = '/__axe-core__.js';
const routed = new WeakSet<object>();

/** The page's violations of `WCAG_TAGS`, one line each; `[]` when it is clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  const context = page.context();
  if (!routed.has(context)) {
    routed.add(context);
    await context.route(`**${AXE_PATH}`, (route) =>
      route.fulfill({ body: axeCore.source, contentType: 'text/javascript; charset=utf-8' }),
    );
  }
  // A page that changed in place (a wizard step) still has it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_PATH });
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
