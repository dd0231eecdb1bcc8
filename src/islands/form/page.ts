/**
 * What the form pages (Astro, on the server) hand the islands. Imported by the pages
 * only: nothing here reaches the browser bundle except the values it returns, as props.
 */
import { resources } from '../../domain/i18n';
import type { IconName } from '../../domain/icons';
import type { Variant } from '../../domain/routes';
import type { Site } from '../../site/content';
import type { ReferralStrings } from './i18n';
import type { MunicipalityOption, ServiceOption } from './types';

/** The `referral` strings the islands use (errors and form texts; not the page texts). */
export function islandStrings(variant: Variant): ReferralStrings {
  const { errors, form } = resources[variant].referral;
  return { errors, form };
}

/** The municipalities with their places, in the content's order. */
export function islandMunicipalities(site: Site): MunicipalityOption[] {
  return site.municipalities.map((m) => ({
    id: m.id,
    name: m.data.name,
    towns: [...m.data.towns],
    parishes: [...m.data.parishes],
    villages: m.data.villages.map((v) => ({ name: v.name, parish: v.parish })),
  }));
}

/**
 * The services a request for help can name, titles in the page's version. The foster
 * service is left out: it has its own form (`/audzugimenem/pieteikums/`).
 */
export function islandServices(site: Site, variant: Variant): ServiceOption[] {
  return site.services.filter((s) => s.id !== 'audzugimenes').map((s) => ({ id: s.id, title: s.data[variant].title }));
}

const svgs = import.meta.glob<string>('../../icons/*.svg', { query: '?raw', import: 'default', eager: true });

/** SVG markup of pictures for the easy-read version (none for the Latvian one). */
export function islandIcons(variant: Variant, names: readonly IconName[]): Record<string, string> | undefined {
  if (variant !== 'easy') return undefined;
  const out: Record<string, string> = {};
  for (const name of names) {
    const svg = svgs[`../../icons/${name}.svg`];
    if (svg !== undefined) out[name] = svg;
  }
  return out;
}
