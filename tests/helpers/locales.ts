/** Test helper: a locale file's strings, read from `src/i18n/locales/`, as dotted keys. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = join(import.meta.dirname, '../../src/i18n/locales');

/** Every leaf of `<locale>/<namespace>.json` under its dotted key ("errors.required"). */
export function localeStrings(locale: string, namespace: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const flatten = (value: unknown, prefix: string): void => {
    if (typeof value !== 'object' || value === null) out[prefix] = value;
    else for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k);
  };
  flatten(JSON.parse(readFileSync(join(LOCALES, locale, `${namespace}.json`), 'utf8')), '');
  return out;
}
