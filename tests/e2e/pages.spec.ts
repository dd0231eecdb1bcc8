/**
 * Every page of both versions, as listed in the sitemap, in one walk (a page is loaded once
 * and looked at in three widths): loads, is Latvian, has one h1, links to its counterpart
 * (which links back), ships no JavaScript, and has no axe-core violations up to WCAG 2.2 AA
 * (1280 px); its header leaves the first screen to the page and easy-read writes its
 * abbreviations out (360 × 740, a phone); it reflows without horizontal scrolling, also
 * with WCAG text spacing (320 px).
 */
import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { counterpartOf } from '../../src/domain/routes';
import { axeViolations } from './axe';
import { sitemapPaths } from './sitemap';

const paths = sitemapPaths();
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 360, height: 740 };
const NARROW = { width: 320, height: 640 };
/** The header's budget on a phone: the rest of the first screen is the page's. */
const HEADER_MAX = 160;
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
  test(`pages, part ${i + 1} of ${CHUNKS}: loads, one h1, counterpart, punctuation, no JavaScript, axe clean; header at ${PHONE.width} px; reflow at ${NARROW.width} px`, async ({
    page,
    request,
  }) => {
    // About 9 pages with an axe run each: 10 s on 2 busy cores; room for a loaded machine.
    test.setTimeout(90_000);
    for (const path of chunk) await checkPage(page, request, path);
  });
}

async function checkPage(page: Page, request: APIRequestContext, path: string): Promise<void> {
  await test.step(path, async () => {
    await page.setViewportSize(DESKTOP);
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

    await page.setViewportSize(PHONE);
    expect(await phoneProblems(page, path.startsWith('/viegli/')), `at ${PHONE.width} px: ${path}`).toEqual([]);

    await page.setViewportSize(NARROW);
    expect(await overflow(page), `horizontal scrolling at ${NARROW.width} px: ${path}`).toBe(0);
    // WCAG 1.4.12 text spacing, as a constructed style sheet (the CSP refuses inline styles); the last check.
    const spaced = await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return document.documentElement.scrollWidth - window.innerWidth;
    });
    expect(spaced, `horizontal scrolling at ${NARROW.width} px with text spacing: ${path}`).toBe(0);
  });
}

/** How far the page scrolls sideways (0: it reflows). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * On a phone: the header at most HEADER_MAX px and the h1's first line wholly on the first
 * screen; on easy-read pages, every abbreviation marked on the page written out where it is
 * first used.
 */
async function phoneProblems(page: Page, easy: boolean): Promise<string[]> {
  const wrong: string[] = [];
  const m = await page.evaluate(() => {
    const header = document.querySelector('body > header')?.getBoundingClientRect();
    const h1 = document.querySelector('h1');
    const line = h1 ? parseFloat(getComputedStyle(h1).lineHeight) : 0;
    return { header: header?.height ?? Infinity, h1Top: h1?.getBoundingClientRect().top ?? Infinity, line };
  });
  if (m.header > HEADER_MAX) wrong.push(`header ${m.header} px`);
  if (m.h1Top + m.line > PHONE.height) wrong.push(`h1 at ${m.h1Top} px`);
  if (easy) {
    const bare = await page.locator('main a.term > abbr[title]').evaluateAll((abbrs) =>
      abbrs
        .filter((abbr) => {
          const full = (abbr.getAttribute('title') ?? '').toLocaleLowerCase('lv').slice(0, -2);
          const sentence = (abbr.closest('p, li, dd') ?? abbr).textContent?.toLocaleLowerCase('lv') ?? '';
          const short = (abbr.textContent ?? '').toLocaleLowerCase('lv');
          return !sentence.includes(full) && !sentence.includes(`(${short}`) && !sentence.includes(`${short} (`);
        })
        .map((abbr) => abbr.textContent),
    );
    if (bare.length > 0) wrong.push(`abbreviations not written out: ${bare.join(', ')}`);
  }
  return wrong;
}
