/**
 * The axe check itself (tests/e2e/axe.ts): it finds what it should on a page of the site
 * made wrong on purpose, so a clean result elsewhere means clean — and not that axe did not run.
 */
import { expect, test } from './fixtures';
import { axeViolations } from './axe';

test('axe finds a picture without a text alternative and a field without a label', async ({ page }) => {
  // The home page as the site serves it is clean…
  await page.goto('/');
  expect(await axeViolations(page)).toEqual([]);
  // …and a copy of it with the two faults is not.
  await page.route(
    (url) => url.pathname === '/' && url.search === '?faults',
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<main',
        '<div><img src="/favicon.svg"><input type="text"></div><main',
      );
      await route.fulfill({ response, body: html });
    },
  );
  await page.goto('/?faults');
  const rules = (await axeViolations(page)).map((v) => v.split(':')[0]);
  expect(rules).toEqual(expect.arrayContaining(['image-alt', 'label']));
});
