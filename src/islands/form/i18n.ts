/**
 * The form islands' own i18next instance: only the `referral` namespace of the page's
 * version, handed over by the page as a prop (so the bundle carries no locale files). The
 * language is `lv` in both versions, so Latvian plural rules apply.
 */
import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The `referral` namespace's strings the islands use (its `errors` and `form` objects). */
export type ReferralStrings = Record<string, unknown>;

export function createReferralI18n(strings: ReferralStrings): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: 'lv',
    fallbackLng: false,
    ns: ['referral'],
    defaultNS: 'referral',
    resources: { lv: { referral: strings } },
    initAsync: false,
    // React escapes what it renders; escaping here would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}
