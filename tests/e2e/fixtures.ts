/**
 * The `test` every browser test uses: Playwright's, with one browser context per worker
 * shared by its tests, and a new page (a new tab) for each test.
 *
 * A new context costs Chromium about a quarter of a second on this machine (its storage,
 * and every script of the islands compiled again from cold), more than most checks do; a
 * new tab costs half as much and still starts with nothing: no history, no sessionStorage
 * (the wizard's answers and the form drafts live there), no routes, no listeners. What a
 * tab does not reset is reset after each test: every tab closed, cookies and permissions
 * cleared, back online; the site keeps nothing in localStorage or cookies (a form test
 * checks it). Tests without JavaScript (`javaScriptEnabled: false`) share a second context
 * the same way.
 */
import { test as base, type BrowserContext, type BrowserContextOptions } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Locator, Page, APIRequestContext } from '@playwright/test';

/** The project's context options (baseURL, locale, the device), as Playwright would use them. */
function contextOptions(use: {
  [K in keyof BrowserContextOptions]?: BrowserContextOptions[K] | undefined;
}): BrowserContextOptions {
  const keys = [
    'baseURL',
    'locale',
    'viewport',
    'screen',
    'userAgent',
    'deviceScaleFactor',
    'isMobile',
    'hasTouch',
    'javaScriptEnabled',
    'colorScheme',
    'timezoneId',
  ] as const;
  return Object.fromEntries(keys.filter((k) => use[k] !== undefined).map((k) => [k, use[k]]));
}

/** The worker's two contexts, with JavaScript and without, made when first asked for. */
export type Shared = (javaScript: boolean) => Promise<BrowserContext>;

export const test = base.extend<object, { sharedContext: Shared }>({
  sharedContext: [
    async ({ browser }, use, workerInfo) => {
      const made = new Map<boolean, Promise<BrowserContext>>();
      await use((javaScript) => {
        let context = made.get(javaScript);
        if (!context) {
          context = browser.newContext({ ...contextOptions(workerInfo.project.use), javaScriptEnabled: javaScript });
          made.set(javaScript, context);
        }
        return context;
      });
      for (const context of made.values()) await (await context).close();
    },
    { scope: 'worker' },
  ],

  page: async ({ sharedContext, javaScriptEnabled }, use) => {
    const context = await sharedContext(javaScriptEnabled);
    await use(await context.newPage());
    await resetContext(context);
  },
});

/** Every tab closed, cookies and permissions cleared, back online. */
async function resetContext(context: BrowserContext): Promise<void> {
  for (const p of context.pages()) await p.close();
  await context.clearCookies();
  await context.clearPermissions();
  await context.setOffline(false);
}
