/**
 * The two request forms (/pieteikums/ and /audzugimenem/pieteikums/) and their
 * confirmations, in both versions, with JavaScript on (the React island: formik, JSON to
 * /api/referrals) and off (a plain form post the server validates): the error summary,
 * "Kļūda: " in the title, the values kept, 422 for a post with errors, the confirmation
 * with a KV-XXXX-XXXX reference, the office that receives it and no personal data in any
 * URL, a made-up reference that shows no "sent" page, keyboard-only use, the wizard's
 * hand-over, the draft kept in this tab, the place finder with and without JavaScript,
 * failures of the API, the e-mails as written, and axe-core up to WCAG 2.2 AA.
 */
import { expect, test, type BrowserContext, type Page } from './fixtures';
import { simpleParser } from 'mailparser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createReceipts } from '../../server/receipts';
import { axeViolations } from './axe';
import { E2E_CONFIRMATION_SECRET, E2E_DATA_DIR } from './server-env';

const REFERENCE = /^KV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

type Variant = 'lv' | 'easy';
const VARIANTS: readonly Variant[] = ['lv', 'easy'];
const prefixOf = (v: Variant): string => (v === 'easy' ? '/viegli' : '');

/** What each version says where the tests look. */
const TEXT = {
  lv: {
    serviceTitle: 'Pieteikties pakalpojumam',
    fosterTitle: 'Kļūt par audžuģimeni, aizbildni vai adoptētāju',
    sent: 'Pieteikums nosūtīts',
    missing: 'Pieteikuma numurs nav atrasts',
    prefilled: 'Atbildes no pārbaudes ir ievietotas — pārbaudiet tās.',
    rateLimited: 'Pārāk daudz pieteikumu no šī datora. Mēģiniet pēc minūtes.',
    failed: 'Pieteikums netika nosūtīts.',
    email: 'Ierakstiet e-pasta adresi pareizā formā',
    optional: '(nav obligāts)',
    next: 'Sociālais dienests ar jums sazināsies',
    nextFoster: 'Bāriņtiesas darbinieks ar jums sazināsies',
    office: 'Kas saņems jūsu pieteikumu?',
    nobody: 'Ja neviens nesazinās',
    restored: 'Atjaunotas atbildes, ko iepriekš ierakstījāt šajā pārlūka cilnē',
    contactNeeded: 'Ierakstiet tālruņa numuru vai e-pasta adresi, lai ar jums varētu sazināties.',
    found: 'Aizpute ir Dienvidkurzemes novads.',
    notFound: 'Nevaram atrast „Nekurciems”.',
  },
  easy: {
    serviceTitle: 'Lūgt palīdzību',
    fosterTitle: 'Gribu kļūt par audžuģimeni',
    sent: 'Pieteikums ir nosūtīts',
    missing: 'Nevaram atrast pieteikuma numuru',
    prefilled: 'Mēs ierakstījām jūsu atbildes no pārbaudes.',
    rateLimited: 'Jūs sūtījāt daudz pieteikumu.',
    failed: 'Pieteikums nav nosūtīts.',
    email: 'Pārbaudiet e-pastu.',
    optional: '(var neaizpildīt)',
    next: 'Darbinieks jums zvanīs vai rakstīs.',
    nextFoster: 'Darbinieks jums zvanīs vai rakstīs.',
    office: 'Kas saņems jūsu pieteikumu?',
    nobody: 'Ja jums nezvana',
    restored: 'Mēs atjaunojām to, ko jūs jau uzrakstījāt.',
    contactNeeded: 'Uzrakstiet savu telefona numuru vai e-pastu.',
    found: 'Aizpute ir Dienvidkurzemes novads.',
    notFound: 'Nevaram atrast „Nekurciems”.',
  },
} as const;

/**
 * The office each test's municipality sends to, as the confirmation names it: Kuldīga's
 * social service (name, address and phones known), Talsi's orphans' court (nothing known:
 * the planning region's phone instead).
 */
const OFFICE = {
  service: {
    municipality: 'kuldigas-novads',
    heading: 'Sociālais dienests Kuldīgas novadā',
    shows: ['Kuldīgas novada pašvaldības aģentūra “Sociālais dienests”', 'Dzirnavu iela 9, Kuldīga', '63350107'],
  },
  foster: { municipality: 'talsu-novads', heading: 'Bāriņtiesa Talsu novadā', shows: ['+371 67331492'] },
  // Dienvidkurzeme's social service: its name known, no address or phone (the region's instead).
  dienvidkurzeme: {
    municipality: 'dienvidkurzemes-novads',
    heading: 'Sociālais dienests Dienvidkurzemes novadā',
    shows: ['Dienvidkurzemes novada Sociālais dienests', '+371 67331492'],
  },
} as const;
type Office = (typeof OFFICE)[keyof typeof OFFICE];

/** Receipts signed as the e2e server signs them (its CONFIRMATION_SECRET). */
const receipts = createReceipts(E2E_CONFIRMATION_SECRET);
/** The query of a confirmation page for a receipt the server could have issued. */
const signed = (type: 'service' | 'foster', reference: string, municipality: string): string =>
  `?${receipts.query({ type, reference, municipality })}`;

const FORMS = [
  { type: 'service', path: '/pieteikums/' },
  { type: 'foster', path: '/audzugimenem/pieteikums/' },
] as const;
type FormType = (typeof FORMS)[number]['type'];

/** The personal data the tests type: none of it may ever appear in a URL. */
const PERSON = { firstName: 'Anna', name: 'Ilze Bērziņa', phone: '20000000', email: 'ilze@example.test' };

function assertNoPersonalData(url: string): void {
  const decoded = decodeURIComponent(url);
  for (const value of Object.values(PERSON)) expect(decoded, `URL ${url}`).not.toContain(value);
  expect(decoded).not.toContain('Bērziņa');
}

async function axe(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/**
 * axe-core runs in the page, so a page without JavaScript is checked as a copy: its HTML
 * as the browser holds it, served at the same address to a page whose island scripts do
 * not load (so it stays exactly the server's markup, with the site's CSS).
 */
async function axeWithoutScripts(scripted: BrowserContext, page: Page): Promise<void> {
  const url = page.url();
  const html = await page.content();
  const copy = await scripted.newPage();
  try {
    await copy.route('**/_astro/*.js', (route) => route.abort());
    await copy.route(
      (u) => u.href === url,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto(url);
    await axe(copy);
  } finally {
    await copy.close();
  }
}

/** Open a page; with JavaScript on, wait until the island has hydrated. */
async function open(page: Page, path: string, js = true): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  if (js) await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
}

const radio = (page: Page, name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`);

/** Fill in a valid request of the given type (by field, not by label: both versions alike). */
async function fillValid(page: Page, type: FormType, message: string): Promise<void> {
  if (type === 'service') {
    await radio(page, 'filledBy', 'parent').check();
    await radio(page, 'municipality', 'kuldigas-novads').check();
    await page.locator('#field-person-firstName').fill(PERSON.firstName);
    await page.locator('#field-person-age').fill('7');
    await radio(page, 'person.group', 'child').check();
    await radio(page, 'services', 'atelpas-bridis').check();
    await radio(page, 'contact.preferred', 'phone').check();
    await radio(page, 'contact.easyLanguage', 'true').check();
  } else {
    await radio(page, 'filledBy', 'self').check();
    await radio(page, 'interest', 'audzugimene').check();
    await radio(page, 'municipality', 'talsu-novads').check();
  }
  await page.locator('#field-contact-name').fill(PERSON.name);
  await page.locator('#field-contact-phone').fill(PERSON.phone);
  await page.locator('#field-contact-email').fill(PERSON.email);
  await page.locator('#field-message').fill(message);
  await radio(page, 'consent', 'true').check();
}

/** An incomplete request: a name and an invalid e-mail address, nothing else. */
async function fillInvalid(page: Page): Promise<void> {
  await page.locator('#field-contact-name').fill(PERSON.name);
  await page.locator('#field-contact-email').fill('ilze-at-example');
}

/** The error summary: shown, focused, each link pointing at a control on the page. */
async function expectErrorSummary(page: Page): Promise<void> {
  const summary = page.locator('.error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading', { name: 'Ir problēma' })).toBeVisible();
  await expect(summary).toBeFocused();
  const links = summary.locator('a');
  expect(await links.count()).toBeGreaterThanOrEqual(3);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^#field-/);
    await expect(page.locator(href), `target of ${href}`).toHaveCount(1);
  }
  await expect(page).toHaveTitle(/^Kļūda: /);
  // The field the person typed wrongly: its message, marked invalid and described by it.
  const email = page.locator('#field-contact-email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-describedby', /field-contact-email-error/);
  await expect(page.locator('#field-contact-email-error')).toBeVisible();
}

/**
 * The confirmation: the receipt in the URL — the reference, the municipality and the
 * server's signature, nothing personal — the reference shown, and who receives the request
 * (the office's name and how to reach it), what happens next and what if nobody calls.
 */
async function expectConfirmation(
  page: Page,
  variant: Variant,
  type: FormType,
  expected: Office = OFFICE[type],
): Promise<string> {
  const path = `${prefixOf(variant)}${type === 'foster' ? '/audzugimenem/pieteikums/' : '/pieteikums/'}nosutits/`;
  await page.waitForURL((url) => url.pathname === path);
  const url = new URL(page.url());
  expect([...url.searchParams.keys()]).toEqual(['ref', 'm', 'sig']);
  expect(url.hash).toBe('');
  const reference = url.searchParams.get('ref') ?? '';
  expect(reference).toMatch(REFERENCE);
  expect(url.searchParams.get('m')).toBe(expected.municipality);
  assertNoPersonalData(page.url());
  await expect(page.locator('h1')).toHaveText(TEXT[variant].sent);
  await expect(page.locator('.reference')).toHaveText(reference);
  await expect(page.getByRole('heading', { name: TEXT[variant].office })).toBeVisible();
  const office = page.locator('.confirmation-office');
  await expect(office.locator('h3')).toHaveText(expected.heading);
  for (const text of expected.shows) await expect(office).toContainText(text);
  await expect(page.getByRole('heading', { name: TEXT[variant].nobody })).toBeVisible();
  await expect(page.locator('main')).toContainText(type === 'foster' ? TEXT[variant].nextFoster : TEXT[variant].next);
  return reference;
}

test.describe('with JavaScript', () => {
  for (const variant of VARIANTS) {
    const prefix = prefixOf(variant);
    for (const form of FORMS) {
      const path = `${prefix}${form.path}`;

      test(`${path}: the empty form is labelled, marks optional fields and passes axe`, async ({ page }) => {
        await open(page, path);
        await expect(page.locator('h1')).toHaveText(
          form.type === 'foster' ? TEXT[variant].fosterTitle : TEXT[variant].serviceTitle,
        );
        await expect(page).not.toHaveTitle(/Kļūda/);
        const post = page.locator('form[method="post"]');
        await expect(post).toHaveAttribute('action', path);
        await expect(post.locator('input[type="hidden"][name="type"]')).toHaveValue(form.type);
        await expect(page.locator('.field-label', { hasText: TEXT[variant].optional }).first()).toBeVisible();
        await expect(page.locator('#field-contact-name')).toHaveAttribute('autocomplete', 'name');
        await expect(page.locator('#field-contact-phone')).toHaveAttribute('autocomplete', 'tel');
        await expect(page.locator('#field-contact-email')).toHaveAttribute('autocomplete', 'email');
        await expect(page.locator('#field-message')).toHaveAttribute('maxlength', '2000');
        // The honeypot: present for bots, out of reach for people.
        const honeypot = page.locator('input[name="website"]');
        await expect(honeypot).toHaveAttribute('tabindex', '-1');
        await expect(honeypot).toHaveValue('');
        await expect(page.locator('.honeypot')).toHaveAttribute('aria-hidden', 'true');
        await axe(page);
      });

      test(`${path}: an incomplete request shows the error summary and keeps the values`, async ({ page }) => {
        let posted = 0;
        page.on('request', (r) => {
          if (new URL(r.url()).pathname === '/api/referrals') posted += 1;
        });
        await open(page, path);
        await fillInvalid(page);
        await page.getByRole('button', { name: 'Nosūtīt' }).click();
        await expectErrorSummary(page);
        expect(posted, 'the browser checks first: nothing is sent').toBe(0);
        await expect(page.locator('#field-contact-name')).toHaveValue(PERSON.name);
        await expect(page.locator('#field-contact-email')).toHaveValue('ilze-at-example');
        await axe(page);
        // A link moves focus to its field.
        const first = page.locator('.error-summary a').first();
        const href = (await first.getAttribute('href')) ?? '';
        await first.click();
        await expect(page.locator(href)).toBeFocused();
        // Once corrected and sent, the title loses "Kļūda: " and the confirmation follows.
        await page.locator('#field-contact-email').fill(PERSON.email);
        await fillValid(page, form.type, `JS ${variant} ${form.type}`);
        await page.getByRole('button', { name: 'Nosūtīt' }).click();
        await expectConfirmation(page, variant, form.type);
        await axe(page);
      });
    }

    test(`${prefix}/audzugimenem/pieteikums/: keyboard only, from the first field to the confirmation`, async ({
      page,
    }) => {
      await open(page, `${prefix}/audzugimenem/pieteikums/`);
      const tabTo = async (selector: string): Promise<void> => {
        const target = page.locator(selector);
        for (let i = 0; i < 60; i += 1) {
          await page.keyboard.press('Tab');
          if (await target.evaluate((el) => el === document.activeElement)) return;
        }
        throw new Error(`Tab never reached ${selector}`);
      };
      await tabTo('#field-filledBy');
      await page.keyboard.press('Space'); // the first choice: the person themself
      await expect(radio(page, 'filledBy', 'self')).toBeChecked();
      await tabTo('#field-interest');
      await page.keyboard.press('ArrowDown'); // the second choice: aizbildnis
      await expect(radio(page, 'interest', 'aizbildnis')).toBeChecked();
      // The place finder: a village name finds its municipality.
      await tabTo('#field-municipality-find');
      await page.keyboard.type('dzelda');
      await page.keyboard.press('Enter');
      await expect(radio(page, 'municipality', 'kuldigas-novads')).toBeChecked();
      // The enquiry goes to Talsi's orphans' court (the office the confirmation names).
      await radio(page, 'municipality', 'talsu-novads').check();
      await expect(page.locator('.finder-status')).toContainText('Kuldīgas novads');
      await tabTo('#field-contact-name');
      await page.keyboard.type(PERSON.name);
      await page.keyboard.press('Tab');
      await expect(page.locator('#field-contact-phone')).toBeFocused();
      await page.keyboard.type(PERSON.phone);
      await tabTo('#field-message');
      await page.keyboard.type(`Tastatūra ${variant}`);
      await tabTo('#field-consent');
      await page.keyboard.press('Space');
      await expect(page.locator('#field-consent')).toBeChecked();
      await tabTo('button.button--submit');
      await page.keyboard.press('Enter');
      await expectConfirmation(page, variant, 'foster');
    });

    test(`${prefix}/pieteikums/: the wizard's hand-over fills the form and is then removed`, async ({ page }) => {
      await open(page, `${prefix}/`, false);
      const prefill = {
        version: 1,
        type: 'service',
        municipality: 'dienvidkurzemes-novads',
        filledBy: 'parent',
        person: { age: 7, group: 'child' },
        services: ['atelpas-bridis', 'rehabilitacija-berniem', 'no-such-service'],
        answers: { group: 'child', filledBy: 'parent', age: 7, disabilityDetermined: true, vdeavkSpecialCare: null },
        // A service that needs a step first travels with its verdict but is not ticked.
        verdicts: [
          { service: 'atelpas-bridis', verdict: 'likely' },
          { service: 'rehabilitacija-berniem', verdict: 'maybe' },
          { service: 'asistents', verdict: 'first' },
        ],
      };
      await page.evaluate((v) => sessionStorage.setItem('kv:prefill', v), JSON.stringify(prefill));
      await open(page, `${prefix}/pieteikums/`);
      await expect(page.locator('.prefill-note')).toContainText(TEXT[variant].prefilled);
      await expect(radio(page, 'filledBy', 'parent')).toBeChecked();
      await expect(radio(page, 'municipality', 'dienvidkurzemes-novads')).toBeChecked();
      await expect(page.locator('#field-person-age')).toHaveValue('7');
      await expect(radio(page, 'person.group', 'child')).toBeChecked();
      await expect(radio(page, 'services', 'atelpas-bridis')).toBeChecked();
      await expect(radio(page, 'services', 'rehabilitacija-berniem')).toBeChecked();
      await expect(radio(page, 'services', 'asistents')).not.toBeChecked();
      await expect(page.locator('input[name="services"]:checked')).toHaveCount(2);
      const answers = JSON.parse(await page.locator('input[type="hidden"][name="answers"]').inputValue()) as Record<
        string,
        unknown
      >;
      expect(answers['disabilityDetermined']).toBe(true);
      expect(answers['verdicts']).toEqual(prefill.verdicts);
      await expect.poll(() => page.evaluate(() => sessionStorage.getItem('kv:prefill'))).toBeNull();
      // The wording follows who fills it in: a parent is asked about the child.
      await expect(page.locator('label[for="field-person-age"]')).toContainText(
        variant === 'easy' ? 'bērnam' : 'Bērna vecums',
      );
      // A reload shows the form as it was (the draft of this tab), not the hand-over again.
      await page.reload();
      await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
      await expect(page.locator('.prefill-note')).toContainText(TEXT[variant].restored);
      await expect(radio(page, 'filledBy', 'parent')).toBeChecked();
      expect(await page.evaluate(() => sessionStorage.getItem('kv:prefill'))).toBeNull();
    });

    test(`${prefix}/pieteikums/: a hand-over of another version or malformed is discarded`, async ({ page }) => {
      await open(page, `${prefix}/`, false);
      for (const raw of [
        JSON.stringify({ version: 2, type: 'service', municipality: 'liepaja', filledBy: 'self' }),
        '{not json',
        JSON.stringify({ version: 1, type: 'service', municipality: 'liepaja', filledBy: 'self', person: 'x' }),
      ]) {
        await page.evaluate((v) => sessionStorage.setItem('kv:prefill', v), raw);
        await open(page, `${prefix}/pieteikums/`);
        await expect(page.locator('.prefill-note')).toHaveCount(0);
        await expect(radio(page, 'municipality', 'liepaja')).not.toBeChecked();
        await expect.poll(() => page.evaluate(() => sessionStorage.getItem('kv:prefill'))).toBeNull();
      }
    });

    test(`${prefix}/audzugimenem/pieteikums/: the hand-over gives the municipality`, async ({ page }) => {
      await open(page, `${prefix}/`, false);
      const prefill = {
        version: 1,
        type: 'foster',
        municipality: 'talsu-novads',
        filledBy: 'self',
        person: { age: null, group: 'other' },
        services: ['audzugimenes'],
        answers: { group: 'foster', filledBy: 'self', municipality: 'talsu-novads' },
        verdicts: [{ service: 'audzugimenes', verdict: 'likely' }],
      };
      await page.evaluate((v) => sessionStorage.setItem('kv:prefill', v), JSON.stringify(prefill));
      await open(page, `${prefix}/audzugimenem/pieteikums/`);
      await expect(page.locator('.prefill-note')).toContainText(TEXT[variant].prefilled);
      await expect(radio(page, 'municipality', 'talsu-novads')).toBeChecked();
      await expect.poll(() => page.evaluate(() => sessionStorage.getItem('kv:prefill'))).toBeNull();
    });

    test(`${prefix}/pieteikums/: typing a town, parish or village finds the municipality`, async ({ page }) => {
      await open(page, `${prefix}/pieteikums/`);
      const find = async (query: string): Promise<void> => {
        await page.locator('#field-municipality-find').fill(query);
        await page.locator('.finder button').click();
      };
      await find('Rucava');
      await expect(radio(page, 'municipality', 'dienvidkurzemes-novads')).toBeChecked();
      await find('kuldiga');
      await expect(radio(page, 'municipality', 'kuldigas-novads')).toBeChecked();
      await find('Nekurciems');
      await expect(page.locator('.finder-status')).toContainText('„Nekurciems”');
      await expect(radio(page, 'municipality', 'kuldigas-novads')).toBeChecked();
      await expect(page.locator('input[name="municipality"]')).toHaveCount(8);
      // The typed place goes with the request (the office sees it), only when it is sent.
      await expect(page.locator('#field-municipality-find')).toHaveAttribute('name', 'place');
    });

    test(`${prefix}/pieteikums/: the server's 422 codes are shown in this version's words`, async ({ page }) => {
      await page.route('**/api/referrals', (route) =>
        route.fulfill({
          status: 422,
          contentType: 'application/json',
          body: JSON.stringify({
            errors: { 'contact.email': 'Ierakstiet e-pasta adresi pareizā formā, piemēram, vards@epasts.lv.' },
            codes: { 'contact.email': { key: 'errors.email' } },
          }),
        }),
      );
      await open(page, `${prefix}/pieteikums/`);
      await fillValid(page, 'service', '422');
      await page.getByRole('button', { name: 'Nosūtīt' }).click();
      const summary = page.locator('.error-summary');
      await expect(summary).toBeFocused();
      await expect(summary.locator('a[href="#field-contact-email"]')).toContainText(TEXT[variant].email);
      await expect(page.locator('#field-contact-email-error')).toContainText(TEXT[variant].email);
      await expect(page.getByRole('button', { name: 'Nosūtīt' })).toBeEnabled();
    });

    test(`${prefix}/pieteikums/: too many requests, or no connection, say nothing was sent`, async ({ page }) => {
      let answer: 'rate' | 'abort' = 'rate';
      await page.route('**/api/referrals', (route) =>
        answer === 'rate'
          ? route.fulfill({ status: 429, contentType: 'application/json', body: '{"error":"x"}' })
          : route.abort('internetdisconnected'),
      );
      await open(page, `${prefix}/pieteikums/`);
      await fillValid(page, 'service', 'kļūme');
      await page.getByRole('button', { name: 'Nosūtīt' }).click();
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(TEXT[variant].rateLimited);
      await expect(alert).toBeFocused();
      await expect(page).toHaveURL(new RegExp(`${prefix}/pieteikums/$`));
      answer = 'abort';
      await page.getByRole('button', { name: 'Nosūtīt' }).click();
      await expect(page.getByRole('alert')).toContainText(TEXT[variant].failed);
      await expect(page.getByRole('button', { name: 'Nosūtīt' })).toBeEnabled();
      await expect(page.locator('#field-contact-name')).toHaveValue(PERSON.name);
    });
  }

  test('a double click sends one request, as JSON to the same origin, with nothing personal in a URL', async ({
    page,
    baseURL,
  }) => {
    const requests: { url: string; type: string | undefined; body: unknown }[] = [];
    await page.route('**/api/referrals', async (route) => {
      const r = route.request();
      requests.push({ url: r.url(), type: r.headers()['content-type'], body: r.postDataJSON() });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.fulfill({ status: 201, contentType: 'application/json', body: '{"reference":"KV-2345-6789"}' });
    });
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await open(page, '/pieteikums/');
    await fillValid(page, 'service', 'dubultklikšķis');
    await page.getByRole('button', { name: 'Nosūtīt' }).dblclick();
    await page.waitForURL('**/pieteikums/nosutits/?ref=KV-2345-6789&m=kuldigas-novads&sig=');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(`${baseURL}/api/referrals`);
    expect(requests[0]?.type).toBe('application/json');
    const body = requests[0]?.body as Record<string, unknown>;
    expect(body['type']).toBe('service');
    expect(body['services']).toEqual(['atelpas-bridis']);
    expect((body['contact'] as Record<string, unknown>)['name']).toBe(PERSON.name);
    expect(body['website']).toBe('');
    for (const url of urls) assertNoPersonalData(url);
  });

  test('the honeypot a bot fills is sent as filled', async ({ page }) => {
    let website: unknown;
    await page.route('**/api/referrals', async (route) => {
      website = (route.request().postDataJSON() as Record<string, unknown>)['website'];
      await route.fulfill({ status: 201, contentType: 'application/json', body: '{"reference":"KV-2345-6789"}' });
    });
    await open(page, '/audzugimenem/pieteikums/');
    await fillValid(page, 'foster', 'bots');
    await page.locator('input[name="website"]').evaluate((el) => {
      (el as HTMLInputElement).value = 'https://spam.example';
    });
    await page.getByRole('button', { name: 'Nosūtīt' }).click();
    await page.waitForURL('**/nosutits/?ref=KV-2345-6789&m=talsu-novads&sig=');
    expect(website).toBe('https://spam.example');
  });

  test('the wording follows who fills in the form', async ({ page }) => {
    await open(page, '/pieteikums/');
    const age = page.locator('label[for="field-person-age"]');
    await expect(age).toContainText('Personas vecums');
    await radio(page, 'filledBy', 'self').check();
    await expect(age).toContainText('Jūsu vecums');
    await radio(page, 'filledBy', 'parent').check();
    await expect(age).toContainText('Bērna vecums');
    await expect(page.locator('label[for="field-person-firstName"]')).toContainText('Bērna vārds');
  });

  test('the services for the chosen person come first, the others folded and still there', async ({ page }) => {
    await open(page, '/pieteikums/');
    const fold = page.locator('details.more-choices');
    // Before a person is chosen: every service in one list.
    await expect(fold).toHaveCount(0);
    await expect(radio(page, 'services', 'dac')).toBeVisible();
    // A child: the children's services first; the adults' own behind "Citi pakalpojumi".
    await radio(page, 'person.group', 'child').check();
    await expect(fold).not.toHaveAttribute('open');
    await expect(radio(page, 'services', 'atelpas-bridis')).toBeVisible();
    await expect(radio(page, 'services', 'dac')).toBeHidden();
    await expect(fold.locator('summary')).toHaveText(/^Citi pakalpojumi \(\d+\)$/);
    await fold.locator('summary').click();
    await radio(page, 'services', 'dac').check();
    // An adult: the adults' services first; a ticked children's service keeps its fold open.
    await radio(page, 'services', 'rehabilitacija-berniem').check();
    await radio(page, 'person.group', 'adult').check();
    await expect(radio(page, 'services', 'dac')).toBeVisible();
    await expect(fold.locator('input[value="rehabilitacija-berniem"]')).toHaveCount(1);
    await expect(fold).toHaveAttribute('open');
    await expect(radio(page, 'services', 'rehabilitacija-berniem')).toBeChecked();
    await expect(radio(page, 'services', 'dac')).toBeChecked();
    await axe(page);
  });

  test('the message shows how many characters are left', async ({ page }) => {
    await open(page, '/pieteikums/');
    await page.locator('#field-message').fill('x'.repeat(1999));
    await expect(page.locator('#field-message-count')).toHaveText('Varat ierakstīt vēl 1 rakstzīmi.');
  });

  for (const variant of VARIANTS) {
    const prefix = prefixOf(variant);
    test(`${prefix}/pieteikums/nosutits/: the reference, the office, what happens next, print — and axe`, async ({
      page,
    }) => {
      const query = signed('service', 'KV-2345-6789', 'kuldigas-novads');
      // A reference as a person may type it is read too.
      await open(page, `${prefix}/pieteikums/nosutits/${query.replace('KV-2345-6789', 'kv-2345-6789')}`, false);
      await expect(page.locator('.reference')).toHaveText('KV-2345-6789');
      await expect(page.locator('main')).toContainText(TEXT[variant].next);
      const office = page.locator('.confirmation-office');
      await expect(office.locator('h3')).toHaveText(OFFICE.service.heading);
      for (const text of OFFICE.service.shows) await expect(office).toContainText(text);
      await expect(office.locator('a[href="tel:63350107"]')).toBeVisible();
      await expect(page.getByRole('heading', { name: TEXT[variant].nobody })).toBeVisible();
      // No deadline the office has not promised.
      expect(await page.locator('main').innerText()).not.toMatch(/\d+\s+(darba\s+)?dien/u);
      await expect(page.locator(`main a[href="${prefix}/kontakti/"]`)).toBeVisible();
      await expect(page.locator(`main a[href="${prefix}/pasvaldibas/kuldigas-novads/"]`)).toBeVisible();
      // Only the chosen municipality, not all eight.
      await expect(page.locator(`main a[href="${prefix}/pasvaldibas/liepaja/"]`)).toHaveCount(0);
      await expect(
        page.getByRole('button', { name: variant === 'easy' ? 'Izdrukāt šo lapu' : 'Drukāt šo lapu' }),
      ).toBeVisible();
      // The other version shows the same confirmation: the receipt travels with the link.
      await expect(page.getByTestId('counterpart')).toHaveAttribute(
        'href',
        `${variant === 'easy' ? '' : '/viegli'}/pieteikums/nosutits/${query}`,
      );
      await axe(page);
      await open(
        page,
        `${prefix}/audzugimenem/pieteikums/nosutits/${signed('foster', 'KV-2345-6789', 'talsu-novads')}`,
        false,
      );
      await expect(page.locator('main')).toContainText(TEXT[variant].nextFoster);
      await expect(page.locator('.confirmation-office h3')).toHaveText(OFFICE.foster.heading);
      // Nothing known of Talsi's orphans' court: it says so, and gives the region's phone.
      await expect(page.locator('.confirmation-office')).toContainText('+371 67331492');
      await axe(page);
    });

    test(`${prefix}/pieteikums/nosutits/: no reference the server signed → a neutral page, 404`, async ({ page }) => {
      const genuine = new URLSearchParams(signed('service', 'KV-2345-6789', 'kuldigas-novads'));
      const forged = (change: Record<string, string>): string => {
        const q = new URLSearchParams(genuine);
        for (const [k, v] of Object.entries(change)) q.set(k, v);
        return `?${q.toString()}`;
      };
      const service = `${prefix}/pieteikums/nosutits/`;
      for (const path of [
        service,
        // A well-formed, made-up reference: the address the review could forge.
        `${service}?ref=KV-2345-6789`,
        `${service}?ref=KV-0000-0000`,
        `${service}?ref=%3Cscript%3E`,
        `${service}${forged({ ref: 'KV-2345-678A' })}`,
        `${service}${forged({ m: 'liepaja' })}`,
        `${service}${forged({ sig: 'AAAAAAAAAAAAAAAAAAAAAA' })}`,
        // A receipt of a request for help on the foster form's page.
        `${prefix}/audzugimenem/pieteikums/nosutits/?${genuine.toString()}`,
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.locator('h1')).toHaveText(TEXT[variant].missing);
        await expect(page.locator('h1')).not.toHaveText(TEXT[variant].sent);
        await expect(page.locator('.reference')).toHaveCount(0);
        await expect(page.locator('.confirmation-office')).toHaveCount(0);
        await expect(page.locator(`main a[href="${prefix}/kontakti/"]`)).toBeVisible();
      }
      await axe(page);
    });
  }

  for (const variant of VARIANTS) {
    const prefix = prefixOf(variant);
    test(`${prefix}/pieteikums/: a draft survives a reload and Back, stays in this tab only, and is gone once sent`, async ({
      page,
    }) => {
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      const path = `${prefix}/pieteikums/`;
      await open(page, path);
      await radio(page, 'filledBy', 'parent').check();
      await page.locator('#field-municipality-find').fill('Aizpute');
      await page.locator('.finder button').click();
      await page.locator('#field-person-firstName').fill(PERSON.firstName);
      await radio(page, 'services', 'atelpas-bridis').check();
      await page.locator('#field-contact-name').fill(PERSON.name);
      await page.locator('#field-message').fill('Pirmā rinda\nOtrā rinda');
      const expectKept = async (): Promise<void> => {
        await expect(page.locator('.prefill-note')).toContainText(TEXT[variant].restored);
        await expect(radio(page, 'filledBy', 'parent')).toBeChecked();
        await expect(radio(page, 'municipality', 'dienvidkurzemes-novads')).toBeChecked();
        await expect(page.locator('#field-municipality-find')).toHaveValue('Aizpute');
        await expect(page.locator('#field-person-firstName')).toHaveValue(PERSON.firstName);
        await expect(radio(page, 'services', 'atelpas-bridis')).toBeChecked();
        await expect(page.locator('#field-contact-name')).toHaveValue(PERSON.name);
        await expect(page.locator('#field-message')).toHaveValue('Pirmā rinda\nOtrā rinda');
      };
      // A reload.
      await page.reload();
      await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
      await expectKept();
      // Away (the wizard, linked above the form) and Back.
      await page.locator(`main a[href="${prefix}/parbaude/"]`).first().click();
      await page.waitForURL((u) => u.pathname === `${prefix}/parbaude/`);
      // The wizard starts (and may keep its own state in this tab) before we go Back.
      await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
      await expectKept();
      // In this tab's sessionStorage only: never localStorage, never a URL.
      const storage = await page.evaluate(() => ({
        session: Object.keys(sessionStorage),
        local: Object.keys(localStorage).length,
      }));
      // The draft, and at most the wizard's own state (the page visited meanwhile).
      expect(storage.session).toContain('kv:draft:service');
      expect(storage.session.filter((k) => k !== 'kv:draft:service' && k !== 'kv:wizard')).toEqual([]);
      expect(storage.local).toBe(0);
      for (const url of urls) assertNoPersonalData(url);
      // Sent: the draft is gone, and Back shows an empty form.
      await radio(page, 'person.group', 'child').check();
      await page.locator('#field-contact-phone').fill(PERSON.phone);
      await radio(page, 'consent', 'true').check();
      await page.getByRole('button', { name: 'Nosūtīt' }).click();
      await page.waitForURL((u) => u.pathname === `${prefix}/pieteikums/nosutits/`);
      expect(await page.evaluate(() => sessionStorage.getItem('kv:draft:service'))).toBeNull();
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
      await expect(page.locator('#field-contact-name')).toHaveValue('');
      await expect(page.locator('#field-message')).toHaveValue('');
      await expect(page.locator('.prefill-note')).toHaveCount(0);

      // The foster form keeps its own draft; "start again" clears it.
      await open(page, `${prefix}/audzugimenem/pieteikums/`);
      await radio(page, 'interest', 'viesgimene').check();
      await page.locator('#field-message').fill('Jautājums');
      await page.reload();
      await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
      await expect(radio(page, 'interest', 'viesgimene')).toBeChecked();
      await expect(page.locator('#field-message')).toHaveValue('Jautājums');
      await page.locator('.draft-clear button').click();
      await expect(radio(page, 'interest', 'viesgimene')).not.toBeChecked();
      await expect(page.locator('#field-message')).toHaveValue('');
      expect(await page.evaluate(() => sessionStorage.getItem('kv:draft:foster'))).toBeNull();
    });

    test(`${prefix}/pieteikums/: neither phone nor e-mail marks both fields, with one message`, async ({ page }) => {
      await open(page, `${prefix}/pieteikums/`);
      await page.locator('#field-contact-name').fill(PERSON.name);
      await page.getByRole('button', { name: 'Nosūtīt' }).click();
      const message = page.locator('#field-contact-either-error');
      await expect(message).toContainText(TEXT[variant].contactNeeded);
      for (const field of ['#field-contact-phone', '#field-contact-email']) {
        await expect(page.locator(field)).toHaveAttribute('aria-invalid', 'true');
        await expect(page.locator(field)).toHaveAttribute('aria-describedby', /field-contact-either-error/);
      }
      // Said once by the pair, and once in the summary (linked to the phone field).
      await expect(page.locator('.field-error', { hasText: TEXT[variant].contactNeeded })).toHaveCount(1);
      const link = page.locator('.error-summary a', { hasText: TEXT[variant].contactNeeded });
      await expect(link).toHaveCount(1);
      await expect(link).toHaveAttribute('href', '#field-contact-phone');
      await axe(page);
      // Either one clears both.
      await page.locator('#field-contact-email').fill(PERSON.email);
      await page.getByRole('button', { name: 'Nosūtīt' }).click();
      await expect(message).toHaveCount(0);
      await expect(page.locator('#field-contact-phone')).not.toHaveAttribute('aria-invalid', 'true');
    });
  }

  test('the e-mails as written: easy-read all the way, the office told of the form and the wish, the place typed', async ({
    page,
  }) => {
    /** An e-mail the server wrote (no SMTP_URL in the e2e server: an .eml file), once it is there. */
    const mail = async (municipality: string, id: string): Promise<{ subject: string; text: string }> => {
      const file = join(E2E_DATA_DIR, 'mail', municipality, `${id}.eml`);
      let raw: Buffer | null = null;
      await expect
        .poll(
          async () => {
            raw = await readFile(file).catch(() => null);
            return raw !== null;
          },
          { timeout: 15_000, message: file },
        )
        .toBe(true);
      const parsed = await simpleParser(raw ?? Buffer.alloc(0));
      return { subject: parsed.subject ?? '', text: parsed.text ?? '' };
    };
    const send = async (variant: Variant, easyLanguage: boolean): Promise<string> => {
      await open(page, `${prefixOf(variant)}/pieteikums/`);
      await radio(page, 'filledBy', 'self').check();
      await page.locator('#field-municipality-find').fill('Aizpute');
      await page.locator('.finder button').click();
      await radio(page, 'person.group', 'adult').check();
      await radio(page, 'services', 'dac').check();
      await page.locator('#field-contact-name').fill(PERSON.name);
      await page.locator('#field-contact-email').fill(PERSON.email);
      if (easyLanguage) await radio(page, 'contact.easyLanguage', 'true').check();
      await radio(page, 'contact.confirmation', 'true').check();
      await radio(page, 'consent', 'true').check();
      await page.getByRole('button', { name: 'Nosūtīt' }).click();
      await page.waitForURL((u) => u.pathname.endsWith('/pieteikums/nosutits/'));
      return new URL(page.url()).searchParams.get('ref') ?? '';
    };
    const EASY_FORM = 'Cilvēks aizpildīja portāla viegli lasāmo pieteikuma formu (sadaļa “Viegli lasīt”).';
    const EASY_WISH = 'Cilvēks lūdz, lai ar viņu runā un raksta vieglā valodā.';
    const PLACE = 'Pilsēta, pagasts vai ciems, ko cilvēks ierakstīja: Aizpute';

    // From the easy-read form, without ticking "runājiet ar mani vieglā valodā".
    const easy = await send('easy', false);
    const easyOffice = await mail('dienvidkurzemes-novads', easy);
    // At the top, before anything else.
    expect(easyOffice.text.split('\n').slice(0, 4)).toEqual([
      `Pieteikums sociālajiem pakalpojumiem ${easy}`,
      expect.stringMatching(/^=+$/),
      '',
      EASY_FORM,
    ]);
    expect(easyOffice.text).not.toContain(EASY_WISH);
    expect(easyOffice.text).toContain(PLACE);
    expect(easyOffice.text).toContain('Kas aizpildīja: Es pats vai pati — jautāju par sevi');
    const easyConfirmation = await mail('dienvidkurzemes-novads', `${easy}.confirmation`);
    expect(easyConfirmation.subject).toBe(`Jūsu pieteikums ${easy} ir nosūtīts`);
    for (const line of [
      'Jūsu pieteikums ir nosūtīts.',
      `Numurs: ${easy}`,
      'Kam: Dienvidkurzemes novada Sociālais dienests',
      'Kur zvanīt?',
      'Adrese: nezinām',
      'Telefons: Mēs nezinām dienesta telefonu. Zvaniet Kurzemes plānošanas reģionam: +371 67331492.',
      '- Darbinieks jums zvanīs vai rakstīs.',
      'Ja jums nezvana',
      '- Mēs nezinām, cik ilgi būs jāgaida.',
    ]) {
      expect(easyConfirmation.text).toContain(line);
    }
    // Nothing the person wrote, no health detail.
    for (const secret of [PERSON.name, 'Dienas aprūpes', 'Aizpute'])
      expect(easyConfirmation.text).not.toContain(secret);

    // From the Latvian form, easy language asked for: the office is told at the top, and the
    // confirmation is in easy-read too.
    const asked = await send('lv', true);
    const askedOffice = await mail('dienvidkurzemes-novads', asked);
    expect(askedOffice.text.split('\n')[3]).toBe(EASY_WISH);
    expect(askedOffice.text).not.toContain(EASY_FORM);
    expect((await mail('dienvidkurzemes-novads', `${asked}.confirmation`)).text).toContain('Kur zvanīt?');

    // From the Latvian form, nothing asked: the confirmation in Latvian, naming the office.
    const plain = await send('lv', false);
    const plainConfirmation = await mail('dienvidkurzemes-novads', `${plain}.confirmation`);
    for (const line of [
      'Paldies — jūsu pieteikums ir nosūtīts pašvaldībai.',
      'Pieteikumu saņēma: Dienvidkurzemes novada Sociālais dienests',
      'Kā sazināties ar iestādi',
      'Tālrunis: Dienesta tālrunis nav zināms — zvaniet Kurzemes plānošanas reģionam: +371 67331492.',
      'Ja neviens nesazinās',
    ]) {
      expect(plainConfirmation.text).toContain(line);
    }
    expect((await mail('dienvidkurzemes-novads', plain)).text).not.toMatch(/viegl/iu);
  });

  test('form pages and confirmations reflow at 320 px and are never cached', async ({ page, request }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [
      '/pieteikums/',
      '/viegli/pieteikums/',
      '/audzugimenem/pieteikums/',
      '/viegli/audzugimenem/pieteikums/',
      `/pieteikums/nosutits/${signed('service', 'KV-2345-6789', 'kuldigas-novads')}`,
      `/viegli/audzugimenem/pieteikums/nosutits/${signed('foster', 'KV-2345-6789', 'talsu-novads')}`,
    ]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      const response = await request.get(path);
      expect(response.headers()['cache-control'], path).toBe('no-store');
    }
    await page.goto('/pieteikums/');
    await page.getByRole('button', { name: 'Nosūtīt' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'error state').toBeLessThanOrEqual(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const variant of VARIANTS) {
    const prefix = prefixOf(variant);
    for (const form of FORMS) {
      const path = `${prefix}${form.path}`;

      test(`${path}: a post with errors answers 422 with the summary, "Kļūda: " and the values`, async ({
        page,
        scriptedContext,
      }) => {
        await open(page, path, false);
        // Without JavaScript: the radios, the finder (it posts the form back) and the towns and
        // parishes in place — no link that leaves the half-filled form.
        await expect(page.locator('input[name="municipality"]')).toHaveCount(8);
        await expect(page.locator('#field-municipality-find')).toBeVisible();
        await expect(page.locator('.finder button[type="submit"][name="find"]')).toBeVisible();
        await expect(page.locator('details.places-fold')).toBeVisible();
        await expect(page.locator(`form a[href="${prefix}/pasvaldibas/#vietas"]`)).toHaveCount(0);
        // The privacy notice: in place, and the whole notice in a new tab that says so.
        const privacy = page.locator('details.privacy-fold');
        await privacy.locator('summary').click();
        await expect(privacy.locator(`a[href="${prefix}/privatums/"]`)).toHaveAttribute('target', '_blank');
        await expect(privacy.locator('a')).toContainText(
          variant === 'easy' ? 'atveras jaunā cilnē' : 'atveras jaunā cilnē',
        );
        await axeWithoutScripts(scriptedContext, page);

        await fillInvalid(page);
        if (form.type === 'service') await radio(page, 'services', 'dac').check();
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
          page.getByRole('button', { name: 'Nosūtīt' }).click(),
        ]);
        expect(response.status()).toBe(422);
        expect(response.headers()['cache-control']).toBe('no-store');
        await expect(page).toHaveURL(new RegExp(`${path}$`));
        await expectErrorSummary(page);
        await expect(page.locator('#field-contact-name')).toHaveValue(PERSON.name);
        await expect(page.locator('#field-contact-email')).toHaveValue('ilze-at-example');
        if (form.type === 'service') await expect(radio(page, 'services', 'dac')).toBeChecked();
        await axeWithoutScripts(scriptedContext, page);
      });

      test(`${path}: a valid post goes to the confirmation with the reference only`, async ({
        page,
        scriptedContext,
      }) => {
        await open(page, path, false);
        await fillValid(page, form.type, `bez JS ${variant} ${form.type}`);
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
          page.getByRole('button', { name: 'Nosūtīt' }).click(),
        ]);
        expect(response.status()).toBe(303);
        await expectConfirmation(page, variant, form.type);
        // The print button needs JavaScript; without it the page says to write the number down.
        await expect(page.locator('[data-print]')).toBeHidden();
        await axeWithoutScripts(scriptedContext, page);
      });
    }
  }

  for (const variant of VARIANTS) {
    const prefix = prefixOf(variant);
    test(`${prefix}: the finder works inside the form — the post shows it again with every value kept`, async ({
      page,
    }) => {
      for (const form of FORMS) {
        const path = `${prefix}${form.path}`;
        await open(page, path, false);
        if (form.type === 'service') {
          await radio(page, 'filledBy', 'parent').check();
          await page.locator('#field-person-firstName').fill(PERSON.firstName);
          await page.locator('#field-person-age').fill('7');
          await radio(page, 'person.group', 'child').check();
          await radio(page, 'services', 'atelpas-bridis').check();
          await radio(page, 'contact.supportPerson', 'true').check();
        } else {
          await radio(page, 'filledBy', 'support-person').check();
          await radio(page, 'interest', 'adoptetajs').check();
        }
        await page.locator('#field-contact-name').fill(PERSON.name);
        await page.locator('#field-contact-phone').fill(PERSON.phone);
        await page.locator('#field-message').fill('Pirmā rinda\nOtrā rinda');
        await radio(page, 'consent', 'true').check();
        const find = async (place: string): Promise<void> => {
          await page.locator('#field-municipality-find').fill(place);
          const [response] = await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST'),
            page.locator('.finder button').click(),
          ]);
          // Not a submission: the form again (200), no error summary, nothing sent.
          expect(response.status()).toBe(200);
          await expect(page).toHaveURL(new RegExp(`${path}#field-municipality-find$`));
          await expect(page.locator('.error-summary')).toHaveCount(0);
        };
        await find('Nekurciems');
        await expect(page.locator('.finder-status')).toContainText(TEXT[variant].notFound);
        await expect(page.locator('input[name="municipality"]:checked')).toHaveCount(0);
        await find('Aizpute');
        await expect(page.locator('.finder-status')).toContainText(TEXT[variant].found);
        // The page opens at the finder, its answer describing the field.
        await expect(page.locator('#field-municipality-find')).toBeFocused();
        await expect(radio(page, 'municipality', 'dienvidkurzemes-novads')).toBeChecked();
        // Every value kept, the message included.
        await expect(page.locator('#field-municipality-find')).toHaveValue('Aizpute');
        await expect(page.locator('#field-contact-name')).toHaveValue(PERSON.name);
        await expect(page.locator('#field-contact-phone')).toHaveValue(PERSON.phone);
        await expect(page.locator('#field-message')).toHaveValue('Pirmā rinda\nOtrā rinda');
        await expect(radio(page, 'consent', 'true')).toBeChecked();
        if (form.type === 'service') {
          await expect(radio(page, 'filledBy', 'parent')).toBeChecked();
          await expect(page.locator('#field-person-firstName')).toHaveValue(PERSON.firstName);
          await expect(page.locator('#field-person-age')).toHaveValue('7');
          await expect(radio(page, 'person.group', 'child')).toBeChecked();
          await expect(radio(page, 'services', 'atelpas-bridis')).toBeChecked();
          await expect(radio(page, 'contact.supportPerson', 'true')).toBeChecked();
        } else {
          await expect(radio(page, 'filledBy', 'support-person')).toBeChecked();
          await expect(radio(page, 'interest', 'adoptetajs')).toBeChecked();
        }
        // Enter in a text field sends the form (not the finder), to the confirmation.
        await page.locator('#field-contact-name').focus();
        const [sent] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          page.keyboard.press('Enter'),
        ]);
        expect(sent.status()).toBe(303);
        await page.waitForURL((u) => u.pathname === `${path}nosutits/`);
        await expect(page.locator('h1')).toHaveText(TEXT[variant].sent);
        expect(new URL(page.url()).searchParams.get('m')).toBe('dienvidkurzemes-novads');
      }
    });

    test(`${prefix}: neither phone nor e-mail marks both fields without JavaScript too`, async ({ page }) => {
      await open(page, `${prefix}/audzugimenem/pieteikums/`, false);
      await page.locator('#field-contact-name').fill(PERSON.name);
      await page.getByRole('button', { name: 'Nosūtīt' }).click();
      await expect(page.locator('#field-contact-either-error')).toContainText(TEXT[variant].contactNeeded);
      for (const field of ['#field-contact-phone', '#field-contact-email']) {
        await expect(page.locator(field)).toHaveAttribute('aria-invalid', 'true');
        await expect(page.locator(field)).toHaveAttribute('aria-describedby', /field-contact-either-error/);
      }
    });
  }

  // The e2e server has no OpenPGP key for Saldus, whose offices take no personal data by ordinary e-mail.
  test('Saldus: every form page says to call, visit or write through the e-address, with the office details', async ({
    page,
    scriptedContext,
  }) => {
    const expected = {
      '/pieteikums/': ['Ja dzīvojat Saldus novadā', 'Slimnīcas iela 3A, Saldus', 'nav zināms', 'latvija.gov.lv'],
      '/audzugimenem/pieteikums/': ['Ja dzīvojat Saldus novadā', 'Pašvaldības bāriņtiesa', '62801444'],
      '/viegli/pieteikums/': ['Vai dzīvojat Saldus novadā?', 'Šis pieteikums aiziet pa e-pastu.', 'latvija.gov.lv'],
      '/viegli/audzugimenem/pieteikums/': ['Vai dzīvojat Saldus novadā?', 'Slimnīcas iela 3A, Saldus, LV-3801'],
    };
    for (const [path, words] of Object.entries(expected)) {
      await open(page, path, false);
      const notice = page.getByRole('region', { name: /dzīvojat Saldus novadā/ });
      await expect(notice, path).toBeVisible();
      for (const w of words) await expect(notice, `${path}: ${w}`).toContainText(w);
      // Only Saldus: the other municipalities take their enquiries by e-mail.
      await expect(page.locator('.plain-mail'), path).toHaveCount(1);
    }
    await axeWithoutScripts(scriptedContext, page);
  });

  test('keyboard only, without JavaScript: the request for help from the first field to the confirmation', async ({
    page,
  }) => {
    await open(page, '/pieteikums/', false);
    const tabTo = async (selector: string): Promise<void> => {
      const target = page.locator(selector);
      for (let i = 0; i < 80; i += 1) {
        await page.keyboard.press('Tab');
        if (await target.evaluate((el) => el === document.activeElement)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('#field-filledBy');
    await page.keyboard.press('Space'); // self
    await tabTo('#field-municipality');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // the third: Dienvidkurzemes novads
    await expect(radio(page, 'municipality', 'dienvidkurzemes-novads')).toBeChecked();
    await tabTo('#field-person-age');
    await page.keyboard.type('34');
    await tabTo('#field-person-group');
    await page.keyboard.press('ArrowDown'); // adult
    await expect(radio(page, 'person.group', 'adult')).toBeChecked();
    await tabTo('input[name="services"][value="dac"]');
    await page.keyboard.press('Space');
    await tabTo('#field-contact-name');
    await page.keyboard.type(PERSON.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PERSON.phone);
    await tabTo('#field-consent');
    await page.keyboard.press('Space');
    await tabTo('button.button--submit');
    await page.keyboard.press('Enter');
    await expectConfirmation(page, 'lv', 'service', OFFICE.dienvidkurzeme);
  });
});
