/**
 * Every page of both versions, as listed in the sitemap: loads, is Latvian, has one h1,
 * links to its counterpart (which links back), ships no JavaScript, and has no axe-core
 * violations up to WCAG 2.2 AA.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { counterpartOf } from '../../src/domain/routes';
import { axeViolations } from './axe';
import { sitemapPaths } from './sitemap';

const paths = sitemapPaths();
/** Pages that may carry React islands: the eligibility wizard and the two request forms. */
const PAGES_WITH_ISLANDS: string[] = [
  '/parbaude/',
  '/viegli/parbaude/',
  '/pieteikums/',
  '/viegli/pieteikums/',
  '/audzugimenem/pieteikums/',
  '/viegli/audzugimenem/pieteikums/',
];

test('the sitemap lists both versions of every page', () => {
  expect(paths.length).toBeGreaterThan(20);
  for (const p of paths) expect(paths, `counterpart of ${p}`).toContain(counterpartOf(p));
  expect(paths).toContain('/');
  expect(paths).toContain('/viegli/');
});

/**
 * The pages in a few chunks, one browser page each (a new page per path costs more than the
 * checks): the chunks run in parallel on the workers.
 */
const CHUNKS = 8;
const chunks = Array.from({ length: CHUNKS }, (_, i) => paths.filter((_, j) => j % CHUNKS === i));

for (const [i, chunk] of chunks.entries()) {
  test(`pages, part ${i + 1} of ${CHUNKS}: loads, one h1, counterpart, punctuation, no JavaScript, axe clean`, async ({
    page,
    request,
  }) => {
    // About 14 pages with an axe run each: 17 s on 2 idle cores; room for a loaded machine.
    test.setTimeout(90_000);
    for (const path of chunk) await checkPage(page, request, path);
  });
}

async function checkPage(page: Page, request: APIRequestContext, path: string): Promise<void> {
  await test.step(path, async () => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('main')).toHaveCount(1);
    await expect(page.locator('header')).toHaveCount(1);
    await expect(page.locator('footer')).toHaveCount(1);

    const switchLink = page.getByTestId('counterpart');
    await expect(switchLink).toHaveText(path.startsWith('/viegli/') ? 'Parastā valoda' : 'Viegli lasīt');
    const target = await switchLink.getAttribute('href');
    expect(target, path).toBe(counterpartOf(path));
    const other = await request.get(target ?? '');
    expect(other.status(), target ?? '').toBe(200);
    expect(await other.text(), target ?? '').toContain(`href="${path}" data-testid="counterpart"`);

    // Punctuation the templates can get wrong: a second full stop after a date ("22.11.2026.."),
    // a space before a comma (whitespace between list items: "63489648 , 63489647"), a
    // semicolon after a date's full stop ("30.11.2026.; iestāde": two sentences instead).
    const text = await page.locator('body').innerText();
    expect(text.match(/[^.]\.\.(?!\.)/g), `doubled full stops on ${path}`).toBeNull();
    expect(text.match(/.{0,20}\.;/g), `a full stop before a semicolon on ${path}`).toBeNull();
    expect(text.match(/\S\s+,/g), `space before a comma on ${path}`).toBeNull();
    // An interface key that has no text shows as the key itself ("footer.questions").
    expect(
      text.match(
        /\b(?:nav|footer|service|contact|source|municipality|municipalities|home|contacts|groups|glossary|location|unknown|switch|breadcrumbs)\.[a-z][A-Za-z]+\b/g,
      ),
      `untranslated keys on ${path}`,
    ).toBeNull();

    if (!PAGES_WITH_ISLANDS.includes(path)) {
      expect(await page.locator('script').count(), `content pages ship no JavaScript: ${path}`).toBe(0);
    }

    expect(await axeViolations(page), `axe on ${path}`).toEqual([]);
  });
}
