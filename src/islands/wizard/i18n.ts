/**
 * The island's own i18next instance: only the `wizard` namespace of the page's version,
 * handed over by the page as a prop (so the bundle carries no locale files). The language
 * is `lv` in both versions, so Latvian plural rules apply.
 */
import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The `wizard` namespace's strings (`src/i18n/locales/<lv|lv-easy>/wizard.json`). */
export type WizardStrings = Record<string, unknown>;

export function createWizardI18n(strings: WizardStrings): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: 'lv',
    fallbackLng: false,
    ns: ['wizard'],
    defaultNS: 'wizard',
    resources: { lv: { wizard: strings } },
    initAsync: false,
    // React escapes what it renders; escaping here would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}
