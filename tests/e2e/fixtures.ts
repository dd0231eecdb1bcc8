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
 * checks it). Tests with other options (`javaScriptEnabled: false`) share a context of
 * those options the same way.
 */
import { test as base, type BrowserContext, type BrowserContextOptions } from '@playwright/test';

export { expect } from '@playwright/test';
export type { APIRequestContext, BrowserContext, Locator, Page } from '@playwright/test';

/**
 * The worker's contexts, one per set of options, made when first asked for: a test gets
 * the one with its own options (`test.use({ javaScriptEnabled: false })`, a viewport…),
 * so an option a test sets is never ignored.
 */
type Shared = (options: BrowserContextOptions) => Promise<BrowserContext>;

export const test = base.extend<
  { testContextOptions: BrowserContextOptions; scriptedContext: BrowserContext },
  { sharedContext: Shared }
>({
  sharedContext: [
    async ({ browser }, use) => {
      const made = new Map<string, Promise<BrowserContext>>();
      await use((options) => {
        const key = JSON.stringify(options);
        let context = made.get(key);
        if (!context) {
          context = browser.newContext(options);
          made.set(key, context);
        }
        return context;
      });
      for (const context of made.values()) await (await context).close();
    },
    { scope: 'worker' },
  ],

  /** The test's context options (the project's, and what the test sets with `test.use`). */
  testContextOptions: async (
    {
      baseURL,
      locale,
      viewport,
      userAgent,
      deviceScaleFactor,
      isMobile,
      hasTouch,
      javaScriptEnabled,
      colorScheme,
      timezoneId,
    },
    use,
  ) => {
    const all = {
      baseURL,
      locale,
      viewport,
      userAgent,
      deviceScaleFactor,
      isMobile,
      hasTouch,
      javaScriptEnabled,
      colorScheme,
      timezoneId,
    };
    await use(Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)));
  },

  page: async ({ sharedContext, testContextOptions }, use) => {
    const context = await sharedContext(testContextOptions);
    await use(await context.newPage());
    await resetContext(context);
  },

  /** The worker's context with the test's options and JavaScript on (a tab beside a no-JavaScript page). */
  scriptedContext: async ({ sharedContext, testContextOptions }, use) => {
    await use(await sharedContext({ ...testContextOptions, javaScriptEnabled: true }));
  },
});

/** Every tab closed, cookies and permissions cleared, back online. */
async function resetContext(context: BrowserContext): Promise<void> {
  for (const p of context.pages()) await p.close();
  await context.clearCookies();
  await context.clearPermissions();
  await context.setOffline(false);
}
