/**
 * The layout on a phone and the accessibility of shared pieces, in both versions: the
 * "Izvēlne" disclosure that keeps the header short (with and without JavaScript, by
 * keyboard), the nav kept in view on a desktop, the focused button's contrast, link-styled
 * buttons focused like links, the error summary as an alert, the A–Z and municipality jump
 * lists, and easy-read pages that fold away what the reader does not act on. Every page's
 * header height at 360 px and easy-read's written-out abbreviations are checked in
 * pages.spec.ts, in its one walk of the sitemap. Pages are visited in loops, one browser
 * page each.
 */
import { expect, test, type Page } from './fixtures';
import { LATVIAN_ALPHABET } from '../../src/domain/text/alphabet';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const VERSIONS = [
  { name: 'Latvian', prefix: '' },
  { name: 'easy-read', prefix: '/viegli' },
] as const;

/** WCAG contrast ratio of two CSS colours as `getComputedStyle` gives them (`rgb(…)`). */
function contrast(a: string, b: string): number {
  const lum = (css: string): number => {
    const [r = 0, g = 0, bl = 0] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour of the focused element and the first opaque background behind it. */
async function focusedColours(page: Page): Promise<{ color: string; background: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    let bg = 'rgb(255, 255, 255)';
    for (let node: Element | null = el; node; node = node.parentElement) {
      const c = getComputedStyle(node).backgroundColor;
      if (c !== 'transparent' && !/,\s*0\)$/.test(c)) {
        bg = c;
        break;
      }
    }
    return { color: getComputedStyle(el).color, background: bg, visible: el.matches(':focus-visible') };
  });
}

test('the menu opens and closes with the keyboard, and a desktop keeps the links in view', async ({ page }) => {
  for (const version of VERSIONS) {
    await page.setViewportSize(PHONE);
    await page.goto(`${version.prefix}/pakalpojumi/`);
    const menu = page.locator('details.menu');
    const button = menu.locator('summary');
    const links = page.locator('nav.main-nav a');
    await expect(button).toHaveText('Izvēlne');
    await expect(links.first()).toBeHidden();
    // Skip link, brand, version switch, then the menu button.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('open', '');
    await expect(links).toHaveCount(6);
    for (const link of await links.all()) await expect(link).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(links.first()).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect(menu).not.toHaveAttribute('open');
    await expect(links.first()).toBeHidden();
    // The browser says whether it is open: a disclosure with its state, named "Izvēlne".
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; properties?: { name: string }[] }[];
    };
    const node = nodes.find((n) => n.role?.value === 'DisclosureTriangle');
    expect(node?.name?.value).toBe('Izvēlne');
    expect(node?.properties?.map((p) => p.name)).toContain('expanded');
    await cdp.detach();

    await page.setViewportSize(DESKTOP);
    await expect(button).toBeHidden();
    const tops = await links.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(new Set(tops).size, 'the links in one row').toBe(1);
    for (const link of await links.all()) await expect(link).toBeVisible();
  }
});

test('without JavaScript the menu still opens and closes, by pointer and by keyboard', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  try {
    const page = await context.newPage();
    for (const version of VERSIONS) {
      await page.goto(`${version.prefix}/pieteikums/`);
      const menu = page.locator('details.menu');
      const firstLink = page.locator('nav.main-nav a').first();
      await expect(firstLink).toBeHidden();
      await menu.locator('summary').click();
      await expect(firstLink).toBeVisible();
      await menu.locator('summary').click();
      await expect(firstLink).toBeHidden();
      await menu.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect(firstLink).toBeVisible();
      await firstLink.click();
      await expect(page).toHaveURL(new RegExp(`${version.prefix}/pakalpojumi/$`));
      await expect(page.locator('details.menu')).not.toHaveAttribute('open');
    }
  } finally {
    await context.close();
  }
});

test('a focused primary button keeps at least 4.5:1 text contrast, computed from its styles', async ({ page }) => {
  for (const version of VERSIONS) {
    for (const path of [`${version.prefix}/pakalpojumi/atelpas-bridis/`, `${version.prefix}/pieteikums/`]) {
      await page.goto(path);
      await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
      const button = page.locator('main .button:not(.button-secondary)').first();
      // A key press first, so the browser treats the focus as keyboard focus.
      await page.keyboard.press('Tab');
      await button.focus();
      const c = await focusedColours(page);
      expect(c.visible, `${path}: focus is visible`).toBe(true);
      expect(contrast(c.color, c.background), `${path}: ${c.color} on ${c.background}`).toBeGreaterThanOrEqual(4.5);
    }
  }
});

test('a link-styled button is focused like a link: the same yellow block and dark text', async ({ page }) => {
  await page.goto('/pakalpojumi/');
  await page.keyboard.press('Tab');
  const link = await page
    .locator('main a')
    .first()
    .evaluate((a) => {
      (a as HTMLElement).focus();
      const s = getComputedStyle(a);
      return { background: s.backgroundColor, color: s.color, shadow: s.boxShadow };
    });
  // The component's markup (the wizard's "Atpakaļ" and "Mainīt"), on a page without islands.
  const button = await page.evaluate(() => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link-button';
    b.textContent = 'Mainīt';
    document.querySelector('main')?.append(b);
    b.focus();
    const s = getComputedStyle(b);
    return { background: s.backgroundColor, color: s.color, shadow: s.boxShadow };
  });
  expect(button).toEqual(link);
});

test('the error summary is an alert named by its heading, with JavaScript and without', async ({ page, browser }) => {
  await page.goto('/pieteikums/');
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
  await page.getByRole('button', { name: 'Nosūtīt' }).click();
  const summary = page.getByRole('alert', { name: 'Ir problēma' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();

  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const noJs = await context.newPage();
    await noJs.goto('/viegli/audzugimenem/pieteikums/');
    await noJs.getByRole('button', { name: 'Nosūtīt' }).click();
    await expect(noJs.getByRole('alert', { name: 'Ir problēma' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('the glossary A–Z list: its letters in Latvian alphabet order, each link landing on its letter', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  for (const version of VERSIONS) {
    await page.goto(`${version.prefix}/vardnica/`);
    const jumps = page.locator('nav.jump-list a');
    const letters = await jumps.allInnerTexts();
    const order = letters.map((l) => (LATVIAN_ALPHABET as readonly string[]).indexOf(l));
    expect(
      order.every((i) => i >= 0),
      `letters: ${letters.join(' ')}`,
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Only letters that have entries, and every letter heading has its link.
    expect(await page.locator('main h2.letter-heading').allInnerTexts()).toEqual(letters);
    for (const [i, letter] of letters.entries()) {
      const jump = jumps.nth(i);
      const id = decodeURIComponent((await jump.getAttribute('href')) ?? '').slice(1);
      // Half by keyboard, half by pointer.
      if (i % 2 === 0) {
        await jump.focus();
        await page.keyboard.press('Enter');
      } else {
        await jump.click();
      }
      // The letter's heading, at the top of the screen, and its address in the URL.
      const landed = await page.evaluate((target) => {
        const h = document.getElementById(target);
        return { text: h?.textContent?.trim(), top: h?.getBoundingClientRect().top, hash: location.hash };
      }, id);
      expect(landed.text).toBe(letter);
      expect(landed.top, `letter ${letter}`).toBeGreaterThan(-1);
      expect(landed.top, `letter ${letter}`).toBeLessThan(100);
      expect(decodeURIComponent(landed.hash)).toBe(`#${id}`);
    }
  }
});

test('the contacts page jumps to each municipality by keyboard', async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const version of VERSIONS) {
    await page.goto(`${version.prefix}/kontakti/`);
    const jumps = page.locator('nav.jump-list a');
    expect(await jumps.count()).toBe(8);
    for (const href of await jumps.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      await page.locator(`nav.jump-list a[href="${href}"]`).focus();
      await page.keyboard.press('Enter');
      const target = page.locator(href);
      await expect(target).toBeFocused();
      expect(await target.evaluate((s) => Math.round(s.getBoundingClientRect().top))).toBeLessThan(100);
      // The next Tab continues inside the municipality, not back at the top of the page.
      await page.keyboard.press('Tab');
      expect(await page.evaluate((h) => document.activeElement?.closest(h) !== null, href)).toBe(true);
    }
  }
});

test('easy-read folds sources, checks and history away (one tap to open); Latvian shows its sources', async ({
  page,
}) => {
  await page.goto('/pakalpojumi/dac/');
  await expect(page.locator('aside.source-note details')).toHaveCount(0);
  await expect(page.locator('aside.source-note li').first()).toBeVisible();

  for (const path of ['/viegli/pakalpojumi/dac/', '/viegli/pasvaldibas/liepaja/']) {
    await page.goto(path);
    const folds = page.locator('main details.fold');
    expect(await folds.count(), path).toBeGreaterThan(0);
    for (const fold of await folds.all()) {
      await expect(fold).not.toHaveAttribute('open');
      const inside = fold.locator('li, p').first();
      await expect(inside).toBeHidden();
      await fold.locator('summary').click();
      await expect(inside).toBeVisible();
    }
    await expect(page.locator('aside.source-note summary')).toHaveText('No kurienes ir šī informācija?');
  }
  // The municipality page's history of places, and each contact card's sources.
  await expect(page.locator('details.history')).toHaveCount(1);
  expect(await page.locator('.contact-card details.fold').count()).toBeGreaterThan(0);
});
