/**
 * What the wizard island loads when it mounts: the rules, the content it shows, its UI
 * strings and its pictures, in one version of the site. The build writes it as a static
 * JSON file beside the page (`/parbaude/dati.json`, `/viegli/parbaude/dati.json`), so the
 * page's HTML stays small (it used to inline all of this as the island's props) and the
 * browser keeps the file apart from the page. Same origin, no third party.
 *
 * ```json
 * { "version": 1, "rules": [ …EvaluableRule ], "data": { "services": […], "municipalities": […] },
 *   "strings": { "wizard": {…}, "common": {…} }, "icons": { "check": "<svg …>" } }
 * ```
 */
import type { IslandStrings } from '../i18n';
import type { EvaluableRule } from '../model/eligibility';
import type { WizardData } from '../model/views';
import { isPlainObject } from '../objects';
import { PAGES, pathFor, type Variant } from '../routes';

/** The only version the island reads; a file of another version (a stale cache) is not used. */
export const WIZARD_BUNDLE_VERSION = 1;

export interface WizardBundle {
  version: typeof WIZARD_BUNDLE_VERSION;
  /** The eligibility rules without their sources and quotes (`evaluableRules`). */
  rules: EvaluableRule[];
  data: WizardData;
  /** The island's UI strings: its `wizard` namespace (without the page's own texts) and the `common` parts it uses. */
  strings: IslandStrings;
  /** SVG markup of the pictures it shows, by name. */
  icons: Readonly<Record<string, string>>;
}

/** The file's Latvian path; `bundlePath` gives it in a version of the site. */
export const WIZARD_BUNDLE_FILE = `${PAGES.wizard}dati.json`;

/** Where the island of a version finds its bundle. */
export function bundlePath(variant: Variant): string {
  return pathFor(variant, WIZARD_BUNDLE_FILE);
}

/**
 * The fetched JSON as a bundle, or `null` when it is not one of this version (the island
 * then leaves the page as it is without JavaScript). The build wrote it, so only its
 * outline is checked, not every rule.
 */
export function readBundle(value: unknown): WizardBundle | null {
  if (!isPlainObject(value) || value['version'] !== WIZARD_BUNDLE_VERSION) return null;
  const { rules, data, strings, icons } = value;
  if (!Array.isArray(rules) || !isPlainObject(strings) || !isPlainObject(icons) || !isPlainObject(data)) return null;
  if (!Array.isArray(data['services']) || !Array.isArray(data['municipalities'])) return null;
  return value as unknown as WizardBundle;
}
