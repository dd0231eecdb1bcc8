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
 * checks it). A test that changes the context's options (`javaScriptEnabled: false`) gets
 * a context of its own, as before.
 */
import { test as base, type BrowserContext, type BrowserContextOptions } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, Locator, Page, APIRequestContext } from '@playwright/test';

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

export const test = base.extend<object, { sharedContext: BrowserContext }>({
  sharedContext: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext(contextOptions(workerInfo.project.use));
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],

  page: async ({ sharedContext, javaScriptEnabled, browser }, use, testInfo) => {
    if (javaScriptEnabled === false) {
      // Another kind of context: its own, closed with the test.
      const own = await browser.newContext({
        ...contextOptions(testInfo.project.use),
        javaScriptEnabled: false,
      });
      await use(await own.newPage());
      await own.close();
      return;
    }
    const page = await sharedContext.newPage();
    await use(page);
    for (const p of sharedContext.pages()) await p.close();
    await sharedContext.clearCookies();
    await sharedContext.clearPermissions();
    await sharedContext.setOffline(false);
  },
});
