/**
 * UI strings through i18next. Each version of the site has its own resources
 * (`src/i18n/locales/lv` and `src/i18n/locales/lv-easy`, the same keys) and its own
 * i18next instance whose language is `lv`, so Latvian plural rules
 * (`Intl.PluralRules('lv')`: zero / one / other) apply to both.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import type { Variant } from './routes';
import lvCommon from '../i18n/locales/lv/common.json';
import easyCommon from '../i18n/locales/lv-easy/common.json';
import lvWizard from '../i18n/locales/lv/wizard.json';
import easyWizard from '../i18n/locales/lv-easy/wizard.json';
import lvReferral from '../i18n/locales/lv/referral.json';
import easyReferral from '../i18n/locales/lv-easy/referral.json';

/** Namespaces, one JSON file each per locale folder. */
export const NAMESPACES = ['common', 'wizard', 'referral'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  lv: { common: lvCommon, wizard: lvWizard, referral: lvReferral },
  easy: { common: easyCommon, wizard: easyWizard, referral: easyReferral },
} as const satisfies Record<Variant, Record<Namespace, object>>;

/**
 * The options every i18next instance of the site shares (pages, the server's messages,
 * the islands): the language is `lv` in both versions, so Latvian plural rules apply.
 */
export const I18N_OPTIONS = {
  lng: 'lv',
  fallbackLng: false,
  initAsync: false,
  // Astro and React escape what they render; escaping here would double it.
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

/**
 * What an island gets of the strings: its own namespace and the parts of `common` its
 * shared pieces (contact card, error messages) use. Plain JSON, handed over as a prop.
 */
export type IslandStrings = Partial<Record<Namespace, Record<string, unknown>>>;

/** The `common` strings the islands' shared pieces use (contact card, unknowns, errors). */
export function islandCommon(variant: Variant): Record<string, unknown> {
  const { contact, unknown, error } = resources[variant].common;
  return { contact, unknown, error };
}

const instances = new Map<Variant, i18n>();

/** The i18next instance of a variant (created once, synchronously). */
export function i18nFor(variant: Variant): i18n {
  let inst = instances.get(variant);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({
      ...I18N_OPTIONS,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      resources: { lv: resources[variant] },
    });
    instances.set(variant, inst);
  }
  return inst;
}

/** The translate function of a variant. */
export function tFor(variant: Variant): TFunction {
  return i18nFor(variant).t;
}
