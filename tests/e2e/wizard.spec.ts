/**
 * The eligibility wizard (/parbaude/ and /viegli/parbaude/) in the browser: every group
 * in both versions, keyboard only, Back and "Mainīt", the browser's Back and Forward, reload,
 * errors, tampered storage, the hand-over to the referral form, axe on every step, the
 * result on a phone (its first screen, the send button, its height), a step that comes
 * first, and the page without JavaScript (it names the services the rules can suggest).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test, type Locator, type Page } from './fixtures';
import { join } from 'node:path';
import { loadContent } from '../../server/content';
import { Build, PAGE_BUDGETS, clientRoot } from '../bench/pages';
import { GROUP_PAGES, servicesForGroup } from '../../src/domain/wizard/index';
import { CHILD } from '../unit/domain/wizard/fixtures';
import { axeViolations } from './axe';

const PREFIX = { lv: '', easy: '/viegli' } as const;
type Variant = keyof typeof PREFIX;
const VARIANTS: Variant[] = ['lv', 'easy'];

/** The words each version uses for the controls the tests press or read. */
const WORDS = {
  lv: {
    continue: 'Turpināt',
    back: 'Atpakaļ',
    showResult: 'Rādīt, kas varētu derēt',
    send: 'Nosūtīt pieteikumu',
    restart: 'Sākt no jauna',
    print: 'Drukāt',
    checkTitle: 'Pārbaudiet atbildes — Kurzeme visiem',
    resultTitle: 'Jums varētu būt pieejams — Kurzeme visiem',
    resultHeading: 'Jums varētu būt pieejams…',
    errorHeading: 'Lūdzu, izlabojiet atbildi',
    ageNotNumber: 'Ierakstiet vecumu ar cipariem pilnos gados, piemēram, 7',
    ageNegative: 'Vecums nevar būt mazāks par 0',
    ageTooHigh: 'Vecums nevar būt lielāks par 120 gadiem',
    groupEmpty: 'Izvēlieties, kam jūs meklējat atbalstu',
    placeNotFound: 'Nevaram atrast «Nevienvieta» Kurzemes pašvaldībās.',
    noneFit: 'Neviens no šiem pakalpojumiem, šķiet, neder.',
    fallbackHeading: 'Kam kas varētu pienākties',
    fallbackReferral: 'Pieteikties pakalpojumam sociālajā dienestā',
    first: 'Vispirms vajadzīgs cits solis',
    contactMore: 'Adrese, e-pasts un avoti',
    notConsidered: 'Ko pārbaude neņem vērā',
    notNow: 'Kas neder un kāpēc',
  },
  easy: {
    continue: 'Tālāk',
    back: 'Atpakaļ',
    showResult: 'Rādīt, kas varētu derēt',
    send: 'Lūgt palīdzību',
    restart: 'Sākt no sākuma',
    print: 'Drukāt',
    checkTitle: 'Vai viss ir pareizi? — Kurzeme visiem',
    resultTitle: 'Kas jums varētu derēt — Kurzeme visiem',
    resultHeading: 'Jums varētu derēt šī palīdzība',
    errorHeading: 'Kaut kas nav pareizi',
    ageNotNumber: 'Rakstiet tikai ciparus. Piemēram: 7.',
    ageNegative: 'Vecums nevar būt mazāks par 0.',
    ageTooHigh: 'Vecums nevar būt lielāks par 120.',
    groupEmpty: 'Izvēlieties, kam jūs meklējat palīdzību.',
    placeNotFound: 'Mēs nevaram atrast «Nevienvieta».',
    noneFit: 'Jautājiet savas pašvaldības sociālajā dienestā, kā jums var palīdzēt.',
    fallbackHeading: 'Kāda palīdzība ir?',
    fallbackReferral: 'Lūgt palīdzību sociālajā dienestā',
    first: 'Vispirms vajag citu soli',
    contactMore: 'Adrese un e-pasts',
    notConsidered: 'Ko pārbaude nezina?',
    notNow: 'Kas neder?',
  },
} as const;

/** Answers as the form takes them: a radio value, a typed age, `place:<name>` for a typed place. */
type Answers = Readonly<Record<string, string>>;

interface Scenario {
  answers: Answers;
  /** The questions the rules ask, in order. */
  steps: string[];
  /** The referral form "Nosūtīt pieteikumu" opens. */
  form: string;
  /** Services the result must show in its summary (some of them). */
  cards: string[];
  /** Services it must not show there. */
  notCards?: string[];
  /** The contact heading on the result. */
  contact: RegExp;
  /** The municipality's page, whose contact card the result's must equal. */
  municipalityPage: string;
}

const SCENARIOS: Record<string, Scenario> = {
  child: {
    answers: {
      group: 'child',
      filledBy: 'parent',
      age: '7',
      disabilityDetermined: 'yes',
      vdeavkSpecialCare: 'yes',
      municipality: 'kuldigas-novads',
    },
    steps: ['group', 'filledBy', 'age', 'disabilityDetermined', 'vdeavkSpecialCare', 'municipality'],
    form: '/pieteikums/',
    cards: ['atelpas-bridis', 'aprupe-berniem', 'asistents', 'kopsanas-pabalsts', 'vajadzibu-izvertesana'],
    notCards: ['dac', 'gvpp'],
    contact: /^Sociālais dienests Kuldīgas novadā$/,
    municipalityPage: '/pasvaldibas/kuldigas-novads/',
  },
  adult: {
    answers: {
      group: 'adult',
      filledBy: 'support-person',
      age: '30',
      disabilityDetermined: 'yes',
      disabilityGroup: 'III',
      municipality: 'place:Aizpute',
    },
    steps: ['group', 'filledBy', 'age', 'disabilityDetermined', 'disabilityGroup', 'municipality'],
    form: '/pieteikums/',
    // Disability group III: the needs assessment and the adult services are not ruled out.
    cards: ['vajadzibu-izvertesana', 'atbalsta-persona', 'dac', 'grupu-dzivoklis'],
    notCards: ['atelpas-bridis'],
    contact: /^Sociālais dienests Dienvidkurzemes novadā$/,
    municipalityPage: '/pasvaldibas/dienvidkurzemes-novads/',
  },
  'child-in-care': {
    answers: {
      group: 'child-in-care',
      filledBy: 'professional',
      careSetting: 'family',
      age: '12',
      disabilityDetermined: 'yes',
      vdeavkSpecialCare: 'no',
      municipality: 'talsu-novads',
    },
    steps: ['group', 'filledBy', 'careSetting', 'age', 'disabilityDetermined', 'vdeavkSpecialCare', 'municipality'],
    form: '/pieteikums/',
    // A foster family's child: the child services (respite after the special-care opinion), not family-like care.
    cards: ['vajadzibu-izvertesana', 'atelpas-bridis', 'rehabilitacija-berniem'],
    notCards: ['gvpp'],
    contact: /^Sociālais dienests Talsu novadā$/,
    municipalityPage: '/pasvaldibas/talsu-novads/',
  },
  foster: {
    answers: { group: 'foster', filledBy: 'self', municipality: 'liepaja' },
    steps: ['group', 'filledBy', 'municipality'],
    form: '/audzugimenem/pieteikums/',
    cards: ['audzugimenes'],
    contact: /^Bāriņtiesa Liepājā$/,
    municipalityPage: '/pasvaldibas/liepaja/',
  },
  other: {
    answers: { group: 'other', filledBy: 'self', municipality: 'ventspils' },
    steps: ['group', 'filledBy', 'municipality'],
    form: '/pieteikums/',
    // Anyone may ask the social service to assess what help they need.
    cards: ['vajadzibu-izvertesana'],
    contact: /^Sociālais dienests Ventspilī$/,
    municipalityPage: '/pasvaldibas/ventspils/',
  },
};

/** An office's note in the content, for the municipality page's path. */
function municipalityContent(path: string): Record<string, { note?: string; noteEasy?: string[] }> {
  const id = path.split('/').filter(Boolean).at(-1) ?? '';
  return parse(readFileSync(`content/municipalities/${id}.yaml`, 'utf8')) as Record<
    string,
    { note?: string; noteEasy?: string[] }
  >;
}

/** A contact card's text without its heading (the result and the municipality page head it differently). */
function cardText(card: Locator): Promise<string> {
  return card.evaluate((el) => {
    const heading = el.querySelector('h2, h3, h4')?.textContent ?? '';
    // innerText keeps the line breaks between paragraphs, which textContent drops.
    return (el as HTMLElement).innerText.replace(heading, '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * The question steps (and the check-answers step) this worker has already run axe on, per
 * version: a question's markup is the same in every journey that asks it (only its wording
 * changes), and the check-answers step is the same rows, so each is checked once. Every
 * journey's result is checked.
 */
const axeChecked = new Set<string>();

async function expectAxeCleanOnce(page: Page, key: string, where: string): Promise<void> {
  if (axeChecked.has(key)) return;
  await expectAxeClean(page, where);
  axeChecked.add(key);
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${where}`).toEqual([]);
}

/** The current step: a fact name, `check` or `result`. */
async function currentStep(page: Page): Promise<string> {
  const wizard = page.locator('.wizard');
  await expect(wizard).toBeVisible();
  return (await wizard.getAttribute('data-step')) ?? '';
}

/** Waits until the wizard shows `step` (after the browser's Back or Forward it may take a moment). */
async function expectStep(page: Page, step: string): Promise<void> {
  await expect(page.locator('.wizard')).toHaveAttribute('data-step', step);
}

/** The address is the wizard's own and unchanged (no query, no hash); the history entry names the step only. */
async function expectSameAddress(page: Page, url: string, step: string): Promise<void> {
  expect(page.url()).toBe(url);
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.evaluate(() => window.history.state as unknown)).toEqual({ kvWizard: step });
}

/** Every text element in the wizard is at least `min` px. */
async function expectTextAtLeast(page: Page, min: number): Promise<void> {
  const small = await page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('.wizard *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      const rect = (el as HTMLElement).getBoundingClientRect();
      if (!own || rect.width === 0 || el.closest('.visually-hidden')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < limit)
        out.push(`${el.tagName.toLowerCase()} ${size}px: ${(el.textContent ?? '').trim().slice(0, 40)}`);
    }
    return out;
  }, min);
  expect(small).toEqual([]);
}

/** Answer the current question (mouse and keyboard alike end up in the same controls). */
async function answer(page: Page, step: string, value: string): Promise<void> {
  if (step === 'age') {
    if (value === 'unknown') await page.locator('#ageUnknown').check();
    else await page.locator('#age').fill(value);
  } else if (step === 'municipality' && value.startsWith('place:')) {
    await page.locator('#municipality-place').check();
    await page.locator('#place').fill(value.slice('place:'.length));
  } else {
    await page.locator(`#${step}-${value}`).check();
  }
}

/** Answer each question from `answers` until the check-answers step; returns the steps seen. */
async function answerUntilCheck(page: Page, variant: Variant, answers: Answers): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    const step = await currentStep(page);
    if (step === 'check') return seen;
    const value = answers[step];
    expect(value, `the rules asked "${step}"`).toBeDefined();
    seen.push(step);
    await answer(page, step, value ?? '');
    await page.getByRole('button', { name: WORDS[variant].continue }).click();
  }
  throw new Error(`no check-answers step after ${seen.join(', ')}`);
}

async function startFresh(page: Page, variant: Variant): Promise<void> {
  await page.goto(`${PREFIX[variant]}/parbaude/`);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await expect(page.locator('.wizard')).toBeVisible();
}

/** Stand-in for the referral forms, so the test reads the hand-over before any form takes it. */
async function stubForms(page: Page): Promise<void> {
  await page.route(/\/(viegli\/)?(audzugimenem\/)?pieteikums\/$/, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="lv"><title>Pieteikums</title><h1>Pieteikums</h1></html>',
    }),
  );
}

/** The rules as the build reads them (the page without JavaScript lists what they can suggest). */
const RULES = loadContent().eligibility;

/** The typical child of issue 10 (seven, a disability and the special-care opinion, 5+ services): the unit tests' one. */
const TYPICAL_CHILD = CHILD;

/** A phone: 360 × 740 CSS pixels. */
const PHONE = { width: 360, height: 740 };

/**
 * The result height budget at 360 × 740, in screens: the page down to the end of the result
 * (the header, the breadcrumbs and the wizard) at most 4 screens in both versions (issue 10);
 * the whole document, with the site footer every page shares, at most `SCREEN_BUDGET`.
 * Easy-read text is 22 px and its footer alone is about 1.4 screens (2026-11-30).
 */
const RESULT_SCREENS = 4;
const SCREEN_BUDGET: Record<Variant, number> = { lv: 4, easy: 5.5 };

/**
 * Opens the result as a person does: the answers saved up to the check-answers step, then
 * "Rādīt, kas varētu derēt".
 */
async function openResult(page: Page, variant: Variant, answers: Record<string, unknown>): Promise<void> {
  await page.goto(`${PREFIX[variant]}/parbaude/`);
  await page.waitForFunction(() => sessionStorage.getItem('kv:wizard') !== null);
  await page.evaluate(
    (a) =>
      sessionStorage.setItem(
        'kv:wizard',
        JSON.stringify({ version: 1, step: 'check', answers: a, returnToCheck: false }),
      ),
    answers,
  );
  await page.reload();
  await expectStep(page, 'check');
  await page.getByRole('button', { name: WORDS[variant].showResult }).click();
  await expect(page.locator('.wizard-result h2')).toBeFocused();
}

/** The headings of the page that are shown, as levels, in document order. */
function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
      .filter((h) => (h as HTMLElement).getClientRects().length > 0)
      .map((h) => Number(h.tagName.slice(1))),
  );
}

for (const variant of VARIANTS) {
  const w = WORDS[variant];
  const base = `${PREFIX[variant]}/parbaude/`;

  test.describe(`wizard (${variant})`, () => {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      test(`${name}: every step asked once, axe clean, result and hand-over`, async ({ page }) => {
        test.setTimeout(90_000);
        const outgoing: string[] = [];
        page.on('request', (r) => {
          // The only fetch is the wizard's own bundle, a static file of this site.
          if (new URL(r.url()).pathname === `${base}dati.json` && r.method() === 'GET') return;
          if (r.method() !== 'GET' || ['fetch', 'xhr'].includes(r.resourceType())) outgoing.push(r.url());
        });
        await stubForms(page);
        await startFresh(page, variant);
        await expect(page.locator('#wizard-fallback')).toBeHidden();

        const seen: string[] = [];
        for (let i = 0; i < 12; i += 1) {
          const step = await currentStep(page);
          if (step === 'check') break;
          seen.push(step);
          const heading = page.locator('.wizard-question');
          if (i > 0) await expect(heading).toBeFocused();
          await expect(page).toHaveTitle(
            `${i + 1}. jautājums: ${(await heading.textContent()) ?? ''} — Kurzeme visiem`,
          );
          await expect(page.locator('.wizard-progress')).toHaveText(`${i + 1}. jautājums`);
          await expectAxeCleanOnce(page, `${variant}:${step}`, `${base} ${step}`);
          if (i === 0) await expectTextAtLeast(page, variant === 'easy' ? 20 : 18);
          const value = scenario.answers[step];
          expect(value, `the rules asked "${step}"`).toBeDefined();
          await answer(page, step, value ?? '');
          await page.getByRole('button', { name: w.continue }).click();
        }
        expect(seen).toEqual(scenario.steps);

        // Check answers: one row per question, each with "Mainīt".
        await expect(page).toHaveTitle(w.checkTitle);
        await expect(page.locator('.wizard-question')).toBeFocused();
        await expect(page.locator('.summary-row')).toHaveCount(scenario.steps.length);
        await expect(page.getByRole('button', { name: /^Mainīt/ })).toHaveCount(scenario.steps.length);
        // The check-answers step is one list of rows whatever the answers: checked once per version.
        await expectAxeCleanOnce(page, `${variant}:check`, `${base} check`);
        await page.getByRole('button', { name: w.showResult }).click();

        // The result.
        await expect(page).toHaveTitle(w.resultTitle);
        await expect(page.locator('.wizard-question')).toHaveText(w.resultHeading);
        await expect(page.locator('.wizard-question')).toBeFocused();
        for (const id of scenario.cards) {
          await expect(page.locator(`details#service-${id} > summary`)).toBeVisible();
        }
        for (const id of scenario.notCards ?? []) await expect(page.locator(`#service-${id}`)).toHaveCount(0);
        if (scenario.cards.length === 0) await expect(page.getByText(w.noneFit)).toBeVisible();
        // Every disclosure starts closed; the office's name is shown, its full card one tap away.
        await expect(page.locator('.wizard-result details[open]')).toHaveCount(0);
        await expect(page.locator('.result-office strong')).toHaveText(scenario.contact);
        await expect(page.getByRole('heading', { level: 3, name: w.notConsidered })).toBeVisible();
        await page.getByText(w.contactMore, { exact: true }).click();
        await expect(page.locator('.contact-card h4')).toHaveText(scenario.contact);
        const resultCard = await cardText(page.locator('.result-section .contact-card'));
        await expect(page.locator('#result-checklist')).toBeVisible();
        await expectAxeClean(page, `${base} result`);
        // Every disclosure open: still axe clean, no text too small.
        await page
          .locator('.wizard-result details')
          .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        await expectAxeClean(page, `${base} result, every disclosure open`);
        await expectTextAtLeast(page, variant === 'easy' ? 20 : 18);

        // "Nosūtīt pieteikumu": the answers go to kv:prefill, never into the URL.
        await page.getByRole('button', { name: w.send }).click();
        await expect(page).toHaveURL(new RegExp(`${PREFIX[variant]}${scenario.form}$`));
        expect(page.url()).not.toContain('?');
        const stored = await page.evaluate(() => ({
          prefill: sessionStorage.getItem('kv:prefill'),
          wizard: sessionStorage.getItem('kv:wizard'),
        }));
        expect(stored.wizard).toBeNull();
        const prefill = JSON.parse(stored.prefill ?? 'null') as Record<string, unknown>;
        expect(prefill).toMatchObject({
          version: 1,
          type: name === 'foster' ? 'foster' : 'service',
          filledBy: scenario.answers['filledBy'],
          person: {
            age: scenario.answers['age'] ? Number(scenario.answers['age']) : null,
            group: name === 'foster' ? 'other' : name,
          },
        });
        // Every service the summary listed travels with its verdict; the request names those
        // that may fit, not those that need a step first.
        const verdicts = prefill['verdicts'] as { service: string; verdict: string }[];
        expect(verdicts.map((v) => v.service)).toEqual(expect.arrayContaining(scenario.cards));
        expect(prefill['services']).toEqual(verdicts.filter((v) => v.verdict !== 'first').map((v) => v.service));
        expect((prefill['answers'] as Record<string, unknown>)['group']).toBe(name);
        expect(outgoing, 'nothing is sent to a server').toEqual([]);

        // The office card is the same view as on the municipality's page of this version
        // (on /viegli/, the easy-read note).
        await page.goto(`${PREFIX[variant]}${scenario.municipalityPage}`);
        const pageCards = await Promise.all((await page.locator('.contact-card').all()).map(cardText));
        expect(pageCards).toContain(resultCard);
        const office = scenario.form === '/pieteikums/' ? 'socialService' : 'orphansCourt';
        const contact = municipalityContent(scenario.municipalityPage)[office] ?? {};
        const note = variant === 'easy' ? (contact.noteEasy ?? []).join(' ') : (contact.note ?? '');
        expect(resultCard).toContain(note);
      });
    }

    test('keyboard only: from the first question to the referral form', async ({ page }) => {
      test.setTimeout(60_000);
      await stubForms(page);
      await startFresh(page, variant);
      const active = (): Promise<string> =>
        page.evaluate(() => {
          const el = document.activeElement;
          return el ? `${el.tagName.toLowerCase()}#${el.id}:${(el.textContent ?? '').trim()}` : '';
        });
      /** Tab until the focused element matches; only the keyboard moves. */
      const tabTo = async (pattern: RegExp): Promise<void> => {
        for (let i = 0; i < 60; i += 1) {
          await page.keyboard.press('Tab');
          if (pattern.test(await active())) return;
        }
        throw new Error(`Tab never reached ${String(pattern)}; last: ${await active()}`);
      };

      // 1: the group — Tab reaches the first radio, the arrows choose "child-in-care" (lv) or "foster" (easy).
      await tabTo(/^input#group-child:/);
      for (let i = 0; i < (variant === 'easy' ? 3 : 2); i += 1) await page.keyboard.press('ArrowDown');
      await expect(page.locator(variant === 'easy' ? '#group-foster' : '#group-child-in-care')).toBeChecked();
      await tabTo(new RegExp(`^button#:${w.continue}$`));
      await page.keyboard.press('Enter');
      await expect(page.locator('.wizard-question')).toBeFocused();

      // 2: who answers — first without an answer: the error summary takes the focus.
      await tabTo(new RegExp(`^button#:${w.continue}$`));
      await page.keyboard.press('Enter');
      await expect(page.locator('.error-summary')).toBeFocused();
      await expect(page).toHaveTitle(/^Kļūda: 2\. jautājums/);
      await tabTo(/^input#filledBy-self:/);
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
      await expect(page.locator('#filledBy-professional')).toBeChecked();
      await tabTo(new RegExp(`^button#:${w.continue}$`));
      await page.keyboard.press('Enter');
      await expect(page.locator('.wizard-question')).toBeFocused();

      /** Choose a radio with the keyboard (Tab to it, Space), then "Turpināt". */
      const choose = async (id: string): Promise<void> => {
        await tabTo(new RegExp(`^input#${id}:`));
        await page.keyboard.press('Space');
        await expect(page.locator(`#${id}`)).toBeChecked();
        await tabTo(new RegExp(`^button#:${w.continue}$`));
        await page.keyboard.press('Enter');
        await expect(page.locator('.wizard-question')).toBeFocused();
      };

      if (variant === 'lv') {
        // 3: where the child lives.
        await choose('careSetting-family');
        // 4: the age, typed.
        await tabTo(/^input#age:/);
        await page.keyboard.type('9');
        await page.keyboard.press('Enter');
        await expect(page.locator('.wizard-question')).toBeFocused();
        // 5, 6: the disability and the special-care opinion.
        await choose('disabilityDetermined-yes');
        await choose('vdeavkSpecialCare-yes');
      }

      // The municipality: the first radio is Liepāja; Space chooses it.
      await tabTo(/^input#municipality-liepaja:/);
      await page.keyboard.press('Space');
      await expect(page.locator('#municipality-liepaja')).toBeChecked();
      await tabTo(new RegExp(`^button#:${w.continue}$`));
      await page.keyboard.press('Enter');
      await expect(page).toHaveTitle(w.checkTitle);
      await expect(page.locator('.wizard-question')).toBeFocused();

      // Check answers → result → hand-over.
      await tabTo(new RegExp(`^button#:${w.showResult}$`));
      await page.keyboard.press('Enter');
      await expect(page).toHaveTitle(w.resultTitle);
      await expect(page.locator('.wizard-question')).toBeFocused();
      await tabTo(new RegExp(`^button#:${w.send}$`));
      await page.keyboard.press('Enter');
      const form = variant === 'easy' ? '/viegli/audzugimenem/pieteikums/' : '/pieteikums/';
      await expect(page).toHaveURL(new RegExp(`${form}$`));
      const prefill = JSON.parse((await page.evaluate(() => sessionStorage.getItem('kv:prefill'))) ?? 'null') as {
        municipality: string;
        filledBy: string;
      };
      expect(prefill).toMatchObject({ municipality: 'liepaja', filledBy: 'professional' });
    });

    test('Back and "Mainīt" keep the answers; a changed answer changes the questions', async ({ page }) => {
      test.setTimeout(60_000);
      await startFresh(page, variant);
      const go = (): Promise<void> => page.getByRole('button', { name: w.continue }).click();
      await answer(page, 'group', 'child');
      await go();
      await answer(page, 'filledBy', 'parent');
      await go();
      await answer(page, 'age', '3');
      await go();
      expect(await currentStep(page)).toBe('disabilityDetermined');

      // Back twice: the earlier answers are still chosen; Back moves focus to the question.
      await page.getByRole('button', { name: w.back, exact: true }).click();
      expect(await currentStep(page)).toBe('age');
      await expect(page.locator('#age')).toHaveValue('3');
      await expect(page.locator('.wizard-question')).toBeFocused();
      await page.getByRole('button', { name: w.back, exact: true }).click();
      await expect(page.locator('#filledBy-parent')).toBeChecked();
      await go();
      await expect(page.locator('#age')).toHaveValue('3');
      await go();

      for (const [step, value] of [
        ['disabilityDetermined', 'yes'],
        ['vdeavkSpecialCare', 'unknown'],
        ['municipality', 'saldus-novads'],
      ] as const) {
        expect(await currentStep(page)).toBe(step);
        await answer(page, step, value);
        await go();
      }
      expect(await currentStep(page)).toBe('check');
      await expect(page.locator('.summary-row')).toHaveCount(6);
      await expect(page.locator('.summary-row').nth(4).locator('.summary-value')).toHaveText(
        variant === 'easy' ? 'Nezinu' : 'Nav norādīts (atbilde «Nezinu»)',
      );

      // "Mainīt" the disability: the answer is there; "Nē" drops the special-care question (it
      // follows); back to check.
      await page.locator('.summary-row').nth(3).getByRole('button').click();
      expect(await currentStep(page)).toBe('disabilityDetermined');
      await expect(page.locator('#disabilityDetermined-yes')).toBeChecked();
      await expect(page.locator('.wizard-question')).toBeFocused();
      await answer(page, 'disabilityDetermined', 'no');
      await go();
      expect(await currentStep(page)).toBe('check');
      await expect(page.locator('.summary-row')).toHaveCount(5);
      await expect(page.locator('.summary-row').nth(3).locator('.summary-value')).toHaveText('Nē');

      // "Mainīt" the group to adult, and the disability back to "Jā": a 3-year-old has no
      // disability group, so nothing new is asked …
      await page.locator('.summary-row').first().getByRole('button').click();
      await expect(page.locator('#group-child')).toBeChecked();
      await answer(page, 'group', 'adult');
      await go();
      expect(await currentStep(page)).toBe('check');
      await expect(page.locator('.summary-row')).toHaveCount(5);
      await page.locator('.summary-row').nth(3).getByRole('button').click();
      await answer(page, 'disabilityDetermined', 'yes');
      await go();
      expect(await currentStep(page)).toBe('check');
      await expect(page.locator('.summary-row')).toHaveCount(5);
      // … until the age says adult: then the disability group is asked, and back to check.
      await page.locator('.summary-row', { hasText: 'Vecums' }).getByRole('button').click();
      await page.locator('#age').fill('30');
      await go();
      expect(await answerUntilCheck(page, variant, { disabilityGroup: 'I' })).toEqual(['disabilityGroup']);
      await expect(page.locator('.summary-row')).toHaveCount(6);
      await expect(page.locator('.summary-row', { hasText: 'Saldus' })).toHaveCount(1);
    });

    test('a reload keeps the step and the answers; "Sākt no jauna" clears them', async ({ page }) => {
      await startFresh(page, variant);
      await answer(page, 'group', 'adult');
      await page.getByRole('button', { name: w.continue }).click();
      await answer(page, 'filledBy', 'self');
      await page.getByRole('button', { name: w.continue }).click();
      await expect(page).toHaveTitle('3. jautājums: Cik jums ir gadu? — Kurzeme visiem');
      const saved = JSON.parse((await page.evaluate(() => sessionStorage.getItem('kv:wizard'))) ?? '{}') as object;
      expect(saved).toEqual({
        version: 1,
        step: 'age',
        answers: { group: 'adult', filledBy: 'self' },
        returnToCheck: false,
      });
      await page.reload();
      expect(await currentStep(page)).toBe('age');
      await expect(page).toHaveTitle('3. jautājums: Cik jums ir gadu? — Kurzeme visiem');
      await page.getByRole('button', { name: w.back, exact: true }).click();
      await expect(page.locator('#filledBy-self')).toBeChecked();

      // Through to the result, then start again.
      await page.getByRole('button', { name: w.continue }).click();
      await answerUntilCheck(page, variant, {
        age: '40',
        disabilityDetermined: 'no',
        municipality: 'tukuma-novads',
      });
      await page.getByRole('button', { name: w.showResult }).click();
      await page.reload();
      expect(await currentStep(page)).toBe('result');

      await page.evaluate(() => {
        (window as unknown as { printed: boolean }).printed = false;
        window.print = () => {
          (window as unknown as { printed: boolean }).printed = true;
        };
      });
      await page.getByRole('button', { name: w.print }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);

      await page.getByRole('button', { name: w.restart }).click();
      expect(await currentStep(page)).toBe('group');
      await expect(page.locator('#group-adult')).not.toBeChecked();
      const fresh = JSON.parse((await page.evaluate(() => sessionStorage.getItem('kv:wizard'))) ?? '{}') as object;
      expect(fresh).toEqual({ version: 1, step: 'group', answers: {}, returnToCheck: false });
    });

    test('errors: empty answer, invalid ages and an unknown place, with "Kļūda: " in the title', async ({ page }) => {
      test.setTimeout(60_000);
      await startFresh(page, variant);
      const go = (): Promise<void> => page.getByRole('button', { name: w.continue }).click();
      const summary = page.locator('.error-summary');

      await go();
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('heading')).toHaveText(w.errorHeading);
      await expect(summary.getByRole('link')).toHaveText(w.groupEmpty);
      await expect(page.locator('#group-error')).toContainText(w.groupEmpty);
      await expect(page).toHaveTitle(/^Kļūda: 1\. jautājums: /);
      await expectAxeClean(page, `${base} group with an error`);
      await summary.getByRole('link').click();
      await expect(page.locator('#group-child')).toBeFocused();

      await answer(page, 'group', 'child');
      await go();
      await expect(summary).toHaveCount(0);
      await expect(page).toHaveTitle(/^2\. jautājums: /);
      await answer(page, 'filledBy', 'parent');
      await go();

      for (const [typed, message] of [
        ['abc', w.ageNotNumber],
        ['-1', w.ageNegative],
        ['121', w.ageTooHigh],
      ] as const) {
        await page.locator('#age').fill(typed);
        await go();
        await expect(summary).toBeFocused();
        await expect(summary.getByRole('link')).toHaveText(message);
        await expect(page.locator('#age-error')).toContainText(message);
        await expect(page.locator('#age')).toHaveAttribute('aria-invalid', 'true');
        await expect(page).toHaveTitle(/^Kļūda: 3\. jautājums: /);
        expect(await currentStep(page)).toBe('age');
      }
      await expectAxeClean(page, `${base} age with an error`);
      await summary.getByRole('link').click();
      await expect(page.locator('#age')).toBeFocused();
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await page.setViewportSize({ width: 1280, height: 720 });

      // "Nezinu" is an answer too.
      await page.locator('#ageUnknown').check();
      await go();
      await expect(page).toHaveTitle(/^4\. jautājums: /);
      for (let i = 0; i < 6 && (await currentStep(page)) !== 'municipality'; i += 1) {
        await answer(page, await currentStep(page), 'unknown');
        await go();
      }
      expect(await currentStep(page)).toBe('municipality');
      await answer(page, 'municipality', 'place:Nevienvieta');
      await go();
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link')).toContainText(w.placeNotFound);
      await expect(page.locator('#place-error')).toContainText(w.placeNotFound);
      await expect(page).toHaveTitle(/^Kļūda: /);
      // The 8 municipalities are there to choose from.
      await expect(page.locator('input[name="municipality"]')).toHaveCount(9);
      await expectAxeClean(page, `${base} municipality with an error`);

      // A village resolves to its municipality.
      await page.locator('#place').fill('dzelda');
      await go();
      expect(await currentStep(page)).toBe('check');
      await expect(page.locator('.summary-row').last().locator('.summary-value')).toHaveText('Kuldīgas novads');
    });

    test("the browser's Back and Forward move between the questions, keep the answers, and leave from the first", async ({
      page,
    }) => {
      test.setTimeout(60_000);
      const home = `${PREFIX[variant]}/`;
      const heading = page.locator('.wizard-question');
      const go = (): Promise<void> => page.getByRole('button', { name: w.continue }).click();
      // Come from the home page, as a person does.
      await page.goto(home);
      await page.evaluate(() => sessionStorage.clear());
      await page.locator(`.main-nav a[href="${base}"]`).click();
      await expectStep(page, 'group');
      const url = page.url();
      expect(new URL(url).pathname).toBe(base);
      await expectSameAddress(page, url, 'group');

      for (const [step, value, next] of [
        ['group', 'child', 'filledBy'],
        ['filledBy', 'parent', 'age'],
        ['age', '3', 'disabilityDetermined'],
      ] as const) {
        await answer(page, step, value);
        await go();
        await expectStep(page, next);
        await expectSameAddress(page, url, next);
      }

      // Back: the previous question with its answer, the focus on its heading, its title.
      await page.goBack();
      await expectStep(page, 'age');
      await expect(page.locator('#age')).toHaveValue('3');
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(/^3\. jautājums: /);
      await expectSameAddress(page, url, 'age');
      await page.goBack();
      await expectStep(page, 'filledBy');
      await expect(page.locator('#filledBy-parent')).toBeChecked();
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(/^2\. jautājums: /);
      await expectSameAddress(page, url, 'filledBy');

      // Forward returns, the answers still there.
      await page.goForward();
      await expectStep(page, 'age');
      await expect(page.locator('#age')).toHaveValue('3');
      await expect(heading).toBeFocused();
      await page.goForward();
      await expectStep(page, 'disabilityDetermined');
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(/^4\. jautājums: /);
      await expectSameAddress(page, url, 'disabilityDetermined');
      const saved = JSON.parse((await page.evaluate(() => sessionStorage.getItem('kv:wizard'))) ?? '{}') as object;
      expect(saved).toEqual({
        version: 1,
        step: 'disabilityDetermined',
        answers: { group: 'child', filledBy: 'parent', age: 3 },
        returnToCheck: false,
      });

      // The in-page "Atpakaļ" is a step change too: the browser's Back returns to where it was pressed.
      await page.getByRole('button', { name: w.back, exact: true }).click();
      await expectStep(page, 'age');
      await expectSameAddress(page, url, 'age');
      await page.goBack();
      await expectStep(page, 'disabilityDetermined');
      await expect(heading).toBeFocused();

      // Back to the first question; Back from there leaves the wizard for the page before it.
      for (const step of ['age', 'filledBy', 'group']) {
        await page.goBack();
        await expectStep(page, step);
        await expectSameAddress(page, url, step);
      }
      await expect(page.locator('#group-child')).toBeChecked();
      await page.goBack();
      await expect(page.locator('.wizard')).toHaveCount(0);
      expect(new URL(page.url()).pathname).toBe(home);
      // Forward comes back to the first question, the answers kept.
      await page.goForward();
      await expectStep(page, 'group');
      await expect(page.locator('#group-child')).toBeChecked();
      expect(page.url()).toBe(url);
    });

    test("the browser's Back from the check-answers step and the result; a step no longer asked is not shown", async ({
      page,
    }) => {
      test.setTimeout(60_000);
      const heading = page.locator('.wizard-question');
      await startFresh(page, variant);
      const url = page.url();
      await answerUntilCheck(page, variant, { group: 'foster', filledBy: 'self', municipality: 'liepaja' });
      await expectStep(page, 'check');
      await expectSameAddress(page, url, 'check');

      // Check answers → Back: the last question, answered.
      await page.goBack();
      await expectStep(page, 'municipality');
      await expect(page.locator('#municipality-liepaja')).toBeChecked();
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(/^3\. jautājums: /);
      await page.goForward();
      await expectStep(page, 'check');
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(w.checkTitle);
      await expect(page.locator('.summary-row')).toHaveCount(3);

      // Result ⇄ check answers.
      await page.getByRole('button', { name: w.showResult }).click();
      await expectStep(page, 'result');
      await expectSameAddress(page, url, 'result');
      await page.goBack();
      await expectStep(page, 'check');
      await expect(heading).toBeFocused();
      await page.goForward();
      await expectStep(page, 'result');
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(w.resultTitle);
      await page.goBack();
      await expectStep(page, 'check');

      // "Mainīt" the group to a child: the child's questions open. Back to the check-answers
      // entry cannot show the check before they are answered: the first unanswered question shows.
      await page.locator('.summary-row').first().getByRole('button').click();
      await expectStep(page, 'group');
      await answer(page, 'group', 'child');
      await page.getByRole('button', { name: w.continue }).click();
      await expectStep(page, 'age');
      await page.goBack();
      await expectStep(page, 'group');
      await expect(page.locator('#group-child')).toBeChecked();
      await page.goBack();
      await expectStep(page, 'age');
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(/^3\. jautājums: /);
      await expectSameAddress(page, url, 'age');
      const saved = JSON.parse((await page.evaluate(() => sessionStorage.getItem('kv:wizard'))) ?? '{}') as object;
      expect(saved).toMatchObject({
        step: 'age',
        answers: { group: 'child', filledBy: 'self', municipality: 'liepaja' },
      });
      // Older entries: the municipality comes after the open question, so that question shows
      // again; the questions before it show as they are.
      await page.goBack();
      await expectStep(page, 'age');
      await page.goBack();
      await expectStep(page, 'filledBy');
      await expect(page.locator('#filledBy-self')).toBeChecked();
      await expectSameAddress(page, url, 'filledBy');
    });

    test("after a reload the browser's Back still moves to the previous step; after a new start it brings no answer back", async ({
      page,
    }) => {
      test.setTimeout(60_000);
      const go = (): Promise<void> => page.getByRole('button', { name: w.continue }).click();
      await startFresh(page, variant);
      const url = page.url();
      await answer(page, 'group', 'foster');
      await go();
      await answer(page, 'filledBy', 'self');
      await go();
      await expectStep(page, 'municipality');
      await page.reload();
      await expectStep(page, 'municipality');
      await expectSameAddress(page, url, 'municipality');

      await page.goBack();
      await expectStep(page, 'filledBy');
      await expect(page.locator('#filledBy-self')).toBeChecked();
      await expect(page).toHaveTitle(/^2\. jautājums: /);
      await expectSameAddress(page, url, 'filledBy');
      await page.goBack();
      await expectStep(page, 'group');
      await expect(page.locator('#group-foster')).toBeChecked();
      await page.goForward();
      await expectStep(page, 'filledBy');
      await page.goForward();
      await expectStep(page, 'municipality');
      await expectSameAddress(page, url, 'municipality');

      // Away to the home page, then two entries back at once: the page loads anew on the
      // entry of the second question and shows it (not the step saved last), its answer kept.
      await page.locator('.brand').click();
      await page.waitForURL(new URL(`${PREFIX[variant]}/`, url).href);
      // Later than the evaluation: the navigation must not end the script that asks for it.
      await page.evaluate(() => void setTimeout(() => window.history.go(-2), 0));
      await page.waitForURL(url);
      await expectStep(page, 'filledBy');
      await expect(page.locator('#filledBy-self')).toBeChecked();
      await expectSameAddress(page, url, 'filledBy');
      await page.goForward();
      await expectStep(page, 'municipality');

      // On to the result, then "Sākt no jauna": Back shows the first question, with no answer.
      await answer(page, 'municipality', 'liepaja');
      await go();
      await expectStep(page, 'check');
      await page.getByRole('button', { name: w.showResult }).click();
      await expectStep(page, 'result');
      await page.getByRole('button', { name: w.restart }).click();
      await expectStep(page, 'group');
      await expectSameAddress(page, url, 'group');
      await page.goBack();
      await expectStep(page, 'group');
      await expect(page.locator('.wizard-question')).toBeFocused();
      await expect(page.locator('input[name="group"]:checked')).toHaveCount(0);
      await expectSameAddress(page, url, 'group');
      const fresh = JSON.parse((await page.evaluate(() => sessionStorage.getItem('kv:wizard'))) ?? '{}') as object;
      expect(fresh).toEqual({ version: 1, step: 'group', answers: {}, returnToCheck: false });
    });

    test('tampered sessionStorage is discarded, not trusted', async ({ page }) => {
      const tampered = [
        '{"version":1,',
        JSON.stringify({ version: 2, step: 'age', answers: { group: 'child', filledBy: 'parent' } }),
        JSON.stringify({ version: 1, step: 'nowhere', answers: {} }),
        JSON.stringify({ version: 1, step: 'result', answers: { group: 'child' } }),
        JSON.stringify({ version: 1, step: 'filledBy', answers: { group: 'child', age: 999 } }),
        JSON.stringify({ version: 1, step: 'filledBy', answers: { group: 'wizard' } }),
        JSON.stringify({ version: 1, step: 'filledBy', answers: { group: 'foster', disabilityGroup: 'I' } }),
      ];
      await page.goto(base);
      // Let the island write its first state before the test overwrites it.
      await page.waitForFunction(() => sessionStorage.getItem('kv:wizard') !== null);
      for (const raw of tampered) {
        await page.evaluate((value) => sessionStorage.setItem('kv:wizard', value), raw);
        await page.reload();
        expect(await currentStep(page), raw).toBe('group');
        await expect(page.locator('input[name="group"]:checked')).toHaveCount(0);
        const now = await page.evaluate(() => sessionStorage.getItem('kv:wizard'));
        expect(JSON.parse(now ?? '{}'), raw).toEqual({ version: 1, step: 'group', answers: {}, returnToCheck: false });
      }
      // A valid state is trusted.
      await page.evaluate(() =>
        sessionStorage.setItem(
          'kv:wizard',
          JSON.stringify({
            version: 1,
            step: 'age',
            answers: { group: 'child', filledBy: 'parent' },
            returnToCheck: false,
          }),
        ),
      );
      await page.reload();
      expect(await currentStep(page)).toBe('age');
    });

    test('the result reflows at 320 px', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(base);
      // Let the island write its first state before the test overwrites it.
      await page.waitForFunction(() => sessionStorage.getItem('kv:wizard') !== null);
      await page.evaluate(() =>
        sessionStorage.setItem(
          'kv:wizard',
          JSON.stringify({
            version: 1,
            step: 'result',
            answers: {
              group: 'adult',
              filledBy: 'support-person',
              age: 30,
              disabilityDetermined: true,
              disabilityGroup: 'I',
              municipality: 'kuldigas-novads',
            },
            returnToCheck: false,
          }),
        ),
      );
      await page.reload();
      expect(await currentStep(page)).toBe('result');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await page.goto(base);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
    });

    test('the result on a phone: a short summary first, the send button within two screens', async ({ page }) => {
      test.setTimeout(60_000);
      await page.setViewportSize(PHONE);
      await openResult(page, variant, TYPICAL_CHILD);
      const result = page.locator('.wizard-result');
      const heading = result.locator('h2');
      // It opens at its top: the heading is on the first screen, and so is the start of the summary.
      const inFirstScreen = async (locator: Locator): Promise<void> => {
        const box = await locator.boundingBox();
        expect(box, 'rendered').not.toBeNull();
        expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
      };
      await inFirstScreen(heading);
      await inFirstScreen(result.locator('.result-group h3').first());
      await inFirstScreen(result.locator('.result-item > summary').first());
      // Each service that may fit: its verdict (the group's heading) and one line why, nothing opened.
      const items = result.locator('.result-item');
      expect(await items.count()).toBeGreaterThanOrEqual(5);
      for (const item of await items.all()) {
        await expect(item).not.toHaveAttribute('open');
        await expect(item.locator('.result-item-title')).toBeVisible();
        await expect(item.locator('.result-item-line')).not.toBeEmpty();
        await expect(item.locator('.result-item-body')).toBeHidden();
        // The verdict word is read with the service.
        await expect(item.locator('summary .visually-hidden')).toHaveText(
          /^: (Varētu derēt|Jānoskaidro|Jāprasa sociālajā dienestā)\.$/,
        );
      }
      await expect(result.locator('.result-group h3').first()).toHaveText('Varētu derēt');
      // The send button ends within the first two screens of the result as it opens.
      const send = page.getByRole('button', { name: w.send });
      const box = await send.boundingBox();
      const bottom = (box?.y ?? Infinity) + (box?.height ?? 0);
      test
        .info()
        .annotations.push({ type: 'send button bottom (px from the result as it opens)', description: String(bottom) });
      expect(bottom).toBeLessThanOrEqual(2 * PHONE.height);
      // Headings in order (none skipped); the disclosures are native and open with the keyboard.
      const levels = await headingLevels(page);
      levels.forEach((level, i) => {
        if (i > 0)
          expect(level, `heading ${i}: h${level} after h${levels[i - 1]}`).toBeLessThanOrEqual(
            (levels[i - 1] ?? 1) + 1,
          );
      });
      const first = items.first();
      await first.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect(first).toHaveAttribute('open', '');
      await expect(first.locator('.result-item-body')).toBeVisible();
      await expect(first.locator('.result-item-body a').last()).toHaveAttribute('href', /\/pakalpojumi\/[a-z-]+\/$/);
      expect(await headingLevels(page)).toEqual(expect.arrayContaining([4]));
      await page.keyboard.press('Space');
      await expect(first).not.toHaveAttribute('open');
      await page.screenshot({ path: test.info().outputPath(`result-360-${variant}.png`) });
    });

    test(`a typical child result is at most ${RESULT_SCREENS} screens tall at 360 × 740 (the page with its footer ${SCREEN_BUDGET[variant]})`, async ({
      page,
    }) => {
      await page.setViewportSize(PHONE);
      await openResult(page, variant, TYPICAL_CHILD);
      expect(await page.locator('.result-item').count()).toBeGreaterThanOrEqual(5);
      const { height, header, footer, result, resultEnd } = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        header: document.querySelector('body > header')?.getBoundingClientRect().height ?? 0,
        footer: document.querySelector('body > footer')?.getBoundingClientRect().height ?? 0,
        result: document.querySelector('.wizard')?.getBoundingClientRect().height ?? 0,
        resultEnd: (document.querySelector('.wizard')?.getBoundingClientRect().bottom ?? 0) + window.scrollY,
      }));
      const screens = height / PHONE.height;
      test.info().annotations.push({
        type: 'result height at 360 × 740',
        description: `result ${(resultEnd / PHONE.height).toFixed(2)} screens, page ${screens.toFixed(2)} screens (${height} px: header ${header}, wizard ${result}, footer ${footer})`,
      });
      expect(resultEnd / PHONE.height).toBeLessThanOrEqual(RESULT_SCREENS);
      expect(screens).toBeLessThanOrEqual(SCREEN_BUDGET[variant]);
    });

    test('a step first: its verdict, the step and its page; the request does not name the service', async ({
      page,
    }) => {
      await stubForms(page);
      // No special-care opinion yet: respite and care wait for it.
      await openResult(page, variant, { ...TYPICAL_CHILD, vdeavkSpecialCare: false });
      const group = page.locator('.result-group', { has: page.getByRole('heading', { level: 3, name: w.first }) });
      await expect(group).toBeVisible();
      const respite = group.locator('details#service-atelpas-bridis');
      await expect(respite.locator('.result-item-line')).not.toBeEmpty();
      await respite.locator('summary').click();
      const step = respite.locator(`a[href="${PREFIX[variant]}/pakalpojumi/invaliditates-noteiksana/"]`);
      await expect(step).toBeVisible();
      await expectAxeClean(page, `${base} result with a step first`);
      await page.getByRole('button', { name: w.send }).click();
      await expect(page).toHaveURL(new RegExp(`${PREFIX[variant]}/pieteikums/$`));
      const prefill = JSON.parse((await page.evaluate(() => sessionStorage.getItem('kv:prefill'))) ?? 'null') as {
        services: string[];
        verdicts: { service: string; verdict: string }[];
      };
      expect(prefill.verdicts).toContainEqual({ service: 'atelpas-bridis', verdict: 'first' });
      expect(prefill.services).not.toContain('atelpas-bridis');
    });

    test("the municipality's own rule, what does not fit and why, and the printed result holds every detail", async ({
      page,
    }) => {
      await openResult(page, variant, TYPICAL_CHILD);
      // Kuldīgas novads states its own respite rule (30 days a year).
      const respite = page.locator('details#service-atelpas-bridis');
      await respite.locator('summary').click();
      await expect(respite.locator('.result-item-body')).toContainText('30');
      await expect(respite.locator('.result-item-body h4', { hasText: 'Kuldīgas novad' })).toBeVisible();
      // What does not fit: one closed disclosure naming each service with the rule that excludes it.
      const notNow = page.locator('details.result-more', { has: page.getByText(w.notNow, { exact: true }) });
      await expect(notNow).not.toHaveAttribute('open');
      await notNow.locator('summary').click();
      await expect(notNow.locator(`a[href="${PREFIX[variant]}/pakalpojumi/dac/"]`)).toBeVisible();
      // Printing opens every disclosure, and closes them again after.
      await respite.locator('summary').click();
      await notNow.locator('summary').click();
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await expect(page.locator('.wizard-result details:not([open])')).toHaveCount(0);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await expect(page.locator('.wizard-result details[open]')).toHaveCount(0);
    });
  });

  test.describe(`without JavaScript (${variant})`, () => {
    test.use({ javaScriptEnabled: false });

    test('the information per group and the referral links show', async ({ page }) => {
      await page.goto(base);
      await expect(page.locator('#wizard-fallback')).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: w.fallbackHeading })).toBeVisible();
      await expect(page.locator('.fallback-group')).toHaveCount(5);
      for (const group of ['berni-ar-ft', 'pieaugusie-ar-grt', 'berni-arpusgimenes-aprupe', 'audzugimenes']) {
        await expect(page.locator(`#grupa-${group}`)).toBeVisible();
      }
      const referral = page.getByRole('link', { name: w.fallbackReferral });
      await expect(referral).toHaveAttribute('href', `${PREFIX[variant]}/pieteikums/`);
      await expect(page.locator(`a[href="${PREFIX[variant]}/audzugimenem/pieteikums/"]`)).toHaveCount(1);
      await expect(page.locator('.wizard')).toHaveCount(0);
    });

    test('each group lists the services the rules can suggest for it, as the wizard would', async ({ page }) => {
      await page.goto(base);
      for (const [group, id] of Object.entries(GROUP_PAGES)) {
        const section = page.locator('.fallback-group', { has: page.locator(`#grupa-${id}`) });
        const hrefs = await section
          .locator('ul.list a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        const expected = servicesForGroup(RULES, group as keyof typeof GROUP_PAGES).map(
          (s) => `${PREFIX[variant]}/pakalpojumi/${s}/`,
        );
        expect(hrefs, group).toEqual(expected);
      }
    });
  });

  test(`the page is light (${variant}): JavaScript and HTML within their gzip budgets`, () => {
    // The build the server serves, measured as `npm run bench:pages` measures it.
    const page = new Build(clientRoot()).page(join(clientRoot(), base, 'index.html'));
    const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
    test.info().annotations.push({
      type: 'gzip',
      description: `JS ${kb(page.js.gz)} (later ${kb(page.laterJs.gz)}), HTML ${kb(page.html.gz)}, data ${kb(page.data.gz)}`,
    });
    expect(page.js.gz).toBeLessThanOrEqual(PAGE_BUDGETS.wizard.js);
    expect(page.html.gz).toBeLessThanOrEqual(PAGE_BUDGETS.wizard.html);
    // The rules and texts come apart, as data, not in the page.
    expect(page.data.gz).toBeGreaterThan(0);
  });

  test(`the first question takes the information's place without moving the page (${variant})`, async ({ page }) => {
    // The information for readers without JavaScript is on the first paint; the island
    // replaces it in one frame. Measured as the browser counts layout shifts (CLS).
    await page.setViewportSize(PHONE);
    await page.addInitScript(() => {
      const w = window as unknown as { kvShift: number };
      w.kvShift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!e.hadRecentInput) w.kvShift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // The data arrives a moment after the page has been painted, as on a slow phone.
    await page.route(`**${base}dati.json`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(base);
    await expect(page.locator('.wizard')).toBeVisible();
    await expect(page.locator('#wizard-fallback')).toBeHidden();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shift = await page.evaluate(() => (window as unknown as { kvShift: number }).kvShift);
    test.info().annotations.push({ type: 'layout shift', description: shift.toFixed(4) });
    expect(shift).toBeLessThan(0.01);
  });

  test(`the bundle cannot be loaded (${variant}): the page stays as it is without JavaScript`, async ({ page }) => {
    await page.route(`**${base}dati.json`, (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(base);
    await expect(page.locator('#wizard-fallback')).toBeVisible();
    await expect(page.getByRole('link', { name: w.fallbackReferral })).toBeVisible();
    await expect(page.locator('.wizard')).toHaveCount(0);
  });

  test(`without JavaScript (${variant}): the page is axe clean`, async ({ page }) => {
    // axe needs JavaScript to run, so the page is served as a browser without it renders it:
    // no scripts, and the <noscript> content shown.
    await page.route(
      (url) => url.pathname === base,
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<\/?noscript>/g, '');
        await route.fulfill({ response, body: html });
      },
    );
    await page.goto(base);
    await expect(page.locator('#wizard-fallback')).toBeVisible();
    await expect(page.locator('.wizard')).toHaveCount(0);
    await expect(page.locator('script')).toHaveCount(0);
    await expectAxeClean(page, `${base} without JavaScript`);
  });
}
