/**
 * The eligibility wizard (/parbaude/ and /viegli/parbaude/) in the browser: every group
 * in both versions, keyboard only, Back and "Mainīt", the browser's Back and Forward, reload,
 * errors, tampered storage, the hand-over to the referral form, axe on every step, and the
 * page without JavaScript.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'yaml';
import { expect, test, type Locator, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PREFIX = { lv: '', easy: '/viegli' } as const;
type Variant = keyof typeof PREFIX;
const VARIANTS: Variant[] = ['lv', 'easy'];

/** The words each version uses for the controls the tests press or read. */
const WORDS = {
  lv: {
    continue: 'Turpināt',
    back: 'Atpakaļ',
    showResult: 'Rādīt, kas varētu derēt',
    send: 'Nosūtīt pieprasījumu',
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
    noneFit: 'Jautājiet sava novada sociālajā dienestā, kā jums var palīdzēt.',
    fallbackHeading: 'Kāda palīdzība ir?',
    fallbackReferral: 'Lūgt palīdzību sociālajā dienestā',
  },
} as const;

/** Answers as the form takes them: a radio value, a typed age, `place:<name>` for a typed place. */
type Answers = Readonly<Record<string, string>>;

interface Scenario {
  answers: Answers;
  /** The questions the rules ask, in order. */
  steps: string[];
  /** The referral form "Nosūtīt pieprasījumu" opens. */
  form: string;
  /** Services the result must show as cards (some of them). */
  cards: string[];
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
      age: '3',
      disabilityDetermined: 'yes',
      vdeavkSpecialCare: 'yes',
      parentsWorkOrStudy: 'yes',
      supportPlan: 'no',
      municipality: 'kuldigas-novads',
    },
    steps: [
      'group',
      'filledBy',
      'age',
      'disabilityDetermined',
      'vdeavkSpecialCare',
      'parentsWorkOrStudy',
      'supportPlan',
      'municipality',
    ],
    form: '/pieteikums/',
    cards: ['atelpas-bridis', 'aprupe-berniem', 'vajadzibu-izvertesana'],
    contact: /^Sociālais dienests Kuldīgas novadā$/,
    municipalityPage: '/pasvaldibas/kuldigas-novads/',
  },
  adult: {
    answers: {
      group: 'adult',
      filledBy: 'support-person',
      age: '30',
      disabilityDetermined: 'yes',
      disabilityGroup: 'II',
      supportPlan: 'unknown',
      municipality: 'place:Aizpute',
    },
    steps: ['group', 'filledBy', 'age', 'disabilityDetermined', 'disabilityGroup', 'supportPlan', 'municipality'],
    form: '/pieteikums/',
    cards: ['vajadzibu-izvertesana', 'dac', 'grupu-dzivoklis'],
    contact: /^Sociālais dienests Dienvidkurzemes novadā$/,
    municipalityPage: '/pasvaldibas/dienvidkurzemes-novads/',
  },
  'child-in-care': {
    answers: { group: 'child-in-care', filledBy: 'professional', age: '12', municipality: 'talsu-novads' },
    steps: ['group', 'filledBy', 'age', 'municipality'],
    form: '/pieteikums/',
    cards: ['gvpp', 'vajadzibu-izvertesana'],
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
    cards: [],
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

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${where}`,
  ).toEqual([]);
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

for (const variant of VARIANTS) {
  const w = WORDS[variant];
  const base = `${PREFIX[variant]}/parbaude/`;

  test.describe(`wizard (${variant})`, () => {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      test(`${name}: every step asked once, axe clean, result and hand-over`, async ({ page }) => {
        test.setTimeout(90_000);
        const outgoing: string[] = [];
        page.on('request', (r) => {
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
          await expectAxeClean(page, `${base} ${step}`);
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
        await expectAxeClean(page, `${base} check`);
        await page.getByRole('button', { name: w.showResult }).click();

        // The result.
        await expect(page).toHaveTitle(w.resultTitle);
        await expect(page.locator('.wizard-question')).toHaveText(w.resultHeading);
        await expect(page.locator('.wizard-question')).toBeFocused();
        for (const id of scenario.cards) {
          await expect(page.locator(`.result-card[aria-labelledby="service-${id}"]`)).toBeVisible();
        }
        if (scenario.cards.length === 0) await expect(page.getByText(w.noneFit)).toBeVisible();
        await expect(page.locator('.contact-card h4')).toHaveText(scenario.contact);
        const resultCard = await cardText(page.locator('.result-section .contact-card'));
        await expect(page.locator('#result-checklist')).toBeVisible();
        await expectAxeClean(page, `${base} result`);
        await expectTextAtLeast(page, variant === 'easy' ? 20 : 18);

        // "Nosūtīt pieprasījumu": the answers go to kv:prefill, never into the URL.
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
        expect(prefill['services']).toEqual(expect.arrayContaining(scenario.cards));
        expect((prefill['verdicts'] as unknown[]).length).toBe((prefill['services'] as unknown[]).length);
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

      if (variant === 'lv') {
        // 3: the age, typed.
        await tabTo(/^input#age:/);
        await page.keyboard.type('9');
        await page.keyboard.press('Enter');
        await expect(page.locator('.wizard-question')).toBeFocused();
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
        ['parentsWorkOrStudy', 'yes'],
        ['supportPlan', 'yes'],
        ['municipality', 'saldus-novads'],
      ] as const) {
        expect(await currentStep(page)).toBe(step);
        await answer(page, step, value);
        await go();
      }
      expect(await currentStep(page)).toBe('check');
      await expect(page.locator('.summary-row')).toHaveCount(8);
      await expect(page.locator('.summary-row').nth(4).locator('.summary-value')).toHaveText(
        variant === 'easy' ? 'Nezinu' : 'Nav norādīts (atbilde «Nezinu»)',
      );

      // "Mainīt" the age: the answer is there; 10 years drops the parents' question; back to check.
      await page.locator('.summary-row', { hasText: 'Vecums' }).getByRole('button').click();
      expect(await currentStep(page)).toBe('age');
      await expect(page.locator('#age')).toHaveValue('3');
      await expect(page.locator('.wizard-question')).toBeFocused();
      await page.locator('#age').fill('10');
      await go();
      expect(await currentStep(page)).toBe('check');
      await expect(page.locator('.summary-row')).toHaveCount(7);
      await expect(page.locator('.summary-row', { hasText: 'Vecums' }).locator('.summary-value')).toHaveText('10');

      // "Mainīt" the group to adult: a 10-year-old cannot get adult services, so nothing new is asked …
      await page.locator('.summary-row').first().getByRole('button').click();
      await expect(page.locator('#group-child')).toBeChecked();
      await answer(page, 'group', 'adult');
      await go();
      expect(await currentStep(page)).toBe('check');
      await expect(page.locator('.summary-row')).toHaveCount(4);
      // … until the age says adult: then the disability questions and the support plan are asked, and back to check.
      await page.locator('.summary-row', { hasText: 'Vecums' }).getByRole('button').click();
      await page.locator('#age').fill('30');
      await go();
      expect(
        await answerUntilCheck(page, variant, {
          disabilityDetermined: 'yes',
          disabilityGroup: 'I',
          supportPlan: 'yes',
        }),
      ).toEqual(['disabilityDetermined', 'disabilityGroup', 'supportPlan']);
      await expect(page.locator('.summary-row')).toHaveCount(7);
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
        supportPlan: 'no',
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
              supportPlan: true,
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
