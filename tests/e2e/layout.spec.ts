/**
 * Keyboard, text sizes, 404 pages and headers that every visitor depends on (every page's
 * reflow at 320 px is checked in pages.spec.ts, in its one walk of the sitemap).
 */
import { expect, test } from './fixtures';

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

test('abbreviations are explained on first use: <abbr title>, a link to the glossary of the same version, and written out in easy-read', async ({
  page,
}) => {
  await page.goto('/pakalpojumi/dac/');
  const grt = page.locator('main a.term:has(abbr:text-is("GRT"))');
  await expect(grt).toHaveCount(1);
  await expect(grt).toHaveAttribute('href', '/vardnica/#grt');
  await expect(grt.locator('abbr')).toHaveAttribute('title', /garīga rakstura traucējum/);

  await page.goto('/viegli/pakalpojumi/invaliditates-noteiksana/');
  const vdeavk = page.locator('main a.term:has(abbr:text-is("VDEĀVK"))');
  await expect(vdeavk).toHaveCount(1);
  await expect(vdeavk).toHaveAttribute('href', '/viegli/vardnica/#vdeavk');
  // Easy-read writes the abbreviation out where it is first used.
  await expect(vdeavk.locator('xpath=..')).toContainText(
    'VDEĀVK (Veselības un darbspēju ekspertīzes ārstu valsts komisija)',
  );
  await vdeavk.click();
  await expect(page).toHaveURL(/\/viegli\/vardnica\/#vdeavk$/);
  await expect(page.locator('#vdeavk')).toBeVisible();
});

test('every fact page names its sources: each with its own date, the version read and when it was read; the project apart, as history', async ({
  page,
}) => {
  await page.goto('/pakalpojumi/atelpas-bridis/');
  const note = page.locator('aside.source-note');
  await expect(note.locator('strong')).toHaveText(/^\s*Informācija atbilst stāvoklim \d{2}\.\d{2}\.\d{4}\.\s*$/);
  const current = note.locator('ul').first().locator('li');
  expect(await current.count()).toBeGreaterThan(3);
  for (const text of await current.allTextContents()) {
    // A source's own date (or that it bears none) and the day a person read it: never "found today" for an old page.
    expect(text).toMatch(/\((?:datēts|nav datēts)/u);
    expect(text).toMatch(/pārbaudīts \d{2}\.\d{2}\.\d{4}\./u);
  }
  // An act names the text read.
  await expect(note).toContainText('lasīta redakcija:');
  // The project's documents are history, listed apart.
  await expect(note).toContainText('Projekta dokumenti (vēsture):');

  // The about page describes the project as it ended.
  await page.goto('/par-projektu/');
  await expect(page.locator('aside.source-note strong')).toHaveText(
    /^\s*Informācija atbilst stāvoklim 31\.12\.2023\.\s*$/,
  );

  // Easy-read keeps the sources one tap away.
  await page.goto('/viegli/pakalpojumi/dac/');
  const fold = page.locator('aside.source-note details');
  await expect(fold.locator('summary')).toBeVisible();
  await expect(fold.locator('li').first()).toBeHidden();
  await fold.locator('summary').click();
  await expect(fold.locator('li').first()).toBeVisible();
});

test('unknown contact details are shown as unknown, never guessed', async ({ page }) => {
  await page.goto('/pasvaldibas/tukuma-novads/');
  const court = page.locator('.contact-card').nth(1);
  await expect(court).toContainText('Bāriņtiesa');
  await expect(court).toContainText(/E-pasts\s*nav zināms/);
  await expect(court.locator('a[href^="mailto:"]')).toHaveCount(0);

  // The easy-read page says the same in its own words.
  await page.goto('/viegli/pasvaldibas/tukuma-novads/');
  const card = page.locator('.contact-card').nth(1);
  await expect(card.locator('.contact-note p')).toHaveText([
    'Adrese un tālruņi ir no vecas lapas.',
    'Tie var būt mainījušies.',
  ]);
});

// The shared contexts of fixtures.ts: a test's own options reach its page, never another test's context.
test.describe('a test with its own viewport and no JavaScript', () => {
  test.use({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });

  test('gets a page with both', async ({ page }) => {
    await page.goto('/parbaude/');
    expect(await page.evaluate(() => window.innerWidth)).toBe(320);
    // Without JavaScript the island never hydrates: its server markup stays.
    await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
  });
});
