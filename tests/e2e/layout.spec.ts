/** Keyboard, small screens, 404 pages and headers that every visitor depends on. */
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './sitemap';

test('the skip link is the first thing Tab reaches and moves focus to the content', async ({ page }) => {
  await page.goto('/pakalpojumi/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Pāriet uz saturu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('keyboard only: reach the easy-read version and a service page', async ({ page }) => {
  await page.goto('/');
  // Tab to the counterpart link and follow it.
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Viegli lasīt') break;
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/viegli\/$/);
  await expect(page.locator('body')).toHaveClass(/easy/);
});

test('every page reflows at 320 px wide without horizontal scrolling', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const wide: string[] = [];
  for (const path of sitemapPaths()) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) wide.push(`${path} (+${overflow}px)`);
  }
  expect(wide).toEqual([]);
});

test('text sizes: at least 18 px, and at least 20 px on easy-read pages', async ({ page }) => {
  await page.goto('/pakalpojumi/atelpas-bridis/');
  const plain = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.querySelector('main p') as Element).fontSize),
  );
  expect(plain).toBeGreaterThanOrEqual(18);
  await page.goto('/viegli/pakalpojumi/atelpas-bridis/');
  const easy = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.querySelector('main p') as Element).fontSize),
  );
  expect(easy).toBeGreaterThanOrEqual(20);
  const line = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('main p') as Element);
    return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
  });
  expect(line).toBeGreaterThanOrEqual(1.5);
});

test('unknown URLs answer 404 with a Latvian page and a way home, in both versions', async ({ page }) => {
  const lv = await page.goto('/nav-tadas-lapas/');
  expect(lv?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Lapa nav atrasta');
  await expect(page.getByRole('link', { name: 'Uz sākumlapu' })).toHaveAttribute('href', '/');

  const easy = await page.goto('/viegli/nav-tadas-lapas/');
  expect(easy?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Šādas lapas nav');
  await expect(page.getByRole('link', { name: 'Iet uz sākumu' })).toHaveAttribute('href', '/viegli/');
});

test('no request leaves the site: every resource a page loads is same-origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL ?? '') && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  for (const path of ['/', '/viegli/', '/pasvaldibas/kuldigas-novads/', '/viegli/pakalpojumi/atelpas-bridis/']) {
    await page.goto(path);
  }
  expect(foreign).toEqual([]);
});

test('security headers: CSP without unsafe-inline scripts, and long caching for hashed assets', async ({
  request,
  page,
}) => {
  const res = await request.get('/');
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src [^;]*'self'/);
  expect(csp).not.toContain("'unsafe-inline'");
  expect(res.headers()['x-content-type-options']).toBe('nosniff');

  await page.goto('/');
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  expect(css).toMatch(/^\/_astro\//);
  const asset = await request.get(css ?? '', { headers: { 'accept-encoding': 'br' } });
  expect(asset.headers()['cache-control']).toContain('immutable');
  expect(asset.headers()['content-encoding']).toBe('br');
});

test('abbreviations are explained on first use: <abbr title> and a link to the glossary of the same version', async ({
  page,
}) => {
  await page.goto('/pakalpojumi/dac/');
  const grt = page.locator('main a.term:has(abbr:text-is("GRT"))');
  await expect(grt).toHaveCount(1);
  await expect(grt).toHaveAttribute('href', '/vardnica/#grt');
  await expect(grt.locator('abbr')).toHaveAttribute('title', /garīga rakstura traucējum/);

  await page.goto('/viegli/pakalpojumi/atelpas-bridis/');
  const vdeavk = page.locator('main a.term:has(abbr:text-is("VDEĀVK"))');
  await expect(vdeavk).toHaveCount(1);
  await expect(vdeavk).toHaveAttribute('href', '/viegli/vardnica/#vdeavk');
  await vdeavk.click();
  await expect(page).toHaveURL(/\/viegli\/vardnica\/#vdeavk$/);
  await expect(page.locator('#vdeavk')).toBeVisible();
});

test('every fact page names its sources and the date the facts describe, no more precisely than its source', async ({
  page,
}) => {
  const cases = [
    // Seed 004 is dated only "ap. 2016": the page gives the year, not a made-up day.
    { path: '/pakalpojumi/atelpas-bridis/', asOf: 'Informācija uz 2016. gadu' },
    { path: '/viegli/pakalpojumi/dac/', asOf: 'Šī informācija ir no 2016. gada' },
    { path: '/viegli/pasvaldibas/kuldigas-novads/', asOf: /par laiku līdz \d{2}\.\d{2}\.\d{4}\./ },
    { path: '/par-projektu/', asOf: /Informācija uz \d{2}\.\d{2}\.\d{4}\./ },
  ];
  for (const { path, asOf } of cases) {
    await page.goto(path);
    const note = page.locator('aside.source-note');
    await expect(note).toBeVisible();
    await expect(note.locator('li').first()).not.toBeEmpty();
    await expect(note.locator('strong')).toHaveText(asOf);
    await expect(note).not.toContainText('01.01.2016.');
  }
});

test('unknown contact details are shown as unknown, never guessed', async ({ page }) => {
  await page.goto('/pasvaldibas/tukuma-novads/');
  await expect(page.locator('.contact-card').first()).toContainText('nav zināms');
  await expect(page.locator('.contact-card').first()).toContainText('Kontaktinformācija tiek precizēta');
  await expect(page.locator('.contact-card a[href^="mailto:"]')).toHaveCount(0);

  // The easy-read page says the same in its own words.
  await page.goto('/viegli/pasvaldibas/tukuma-novads/');
  const card = page.locator('.contact-card').first();
  await expect(card.locator('.contact-note p')).toHaveText(['Mēs vēl neatradām sociālā dienesta kontaktus.']);
  await expect(card).not.toContainText('kontakti vēl nav savākti');
});
