/**
 * The islands' i18next setup, one for every island: an instance holding only the
 * namespaces the page handed over as a prop (so the bundle carries no locale files), with
 * the site's own options (`I18N_OPTIONS`: language `lv` in both versions, so Latvian plural
 * rules apply).
 */
import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { I18N_OPTIONS, type IslandStrings } from '../domain/i18n';

/** A React-bound i18next instance for an island; `defaultNS` is the island's own namespace. */
export function createIslandI18n(strings: IslandStrings, defaultNS: keyof IslandStrings): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    ...I18N_OPTIONS,
    ns: Object.keys(strings),
    defaultNS,
    resources: { lv: strings },
    react: { useSuspense: false },
  });
  return instance;
}
