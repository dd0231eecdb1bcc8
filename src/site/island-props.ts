/**
 * What the form pages (Astro, on the server) hand the islands. Imported by the pages
 * only: nothing here reaches the browser bundle except the values it returns, as props.
 */
import { islandCommon, resources, type IslandStrings } from '../domain/i18n';
import type { IconName } from '../domain/icons';
import { placesOf, requestableServices } from '../domain/model/index';
import type { PlaceSource } from '../domain/places/index';
import { PERSON_GROUPS } from '../domain/referral/ids';
import type { Variant } from '../domain/routes';
import { servicesForGroup } from '../domain/wizard/groups';
import type { Icons } from '../components/Picture';
import type { ServiceOption } from '../islands/form/types';
import type { Site } from './content';
import { iconsFor } from './icons';

/**
 * The strings the form islands use: the `referral` errors and form texts (not the page
 * texts), `common`'s, and the wizard's answers to "who fills this in" — one wording for the
 * check and the forms, defined once in `wizard.json`.
 */
export function islandStrings(variant: Variant): IslandStrings {
  const { errors, form } = resources[variant].referral;
  const filledBy = resources[variant].wizard.q.filledBy.options;
  return {
    referral: { errors, form },
    common: islandCommon(variant),
    wizard: { q: { filledBy: { options: filledBy } } },
  };
}

/** The municipalities with their places, in the content's order. */
export function islandMunicipalities(site: Site): PlaceSource[] {
  return site.municipalities.map(placesOf);
}

/**
 * The services a request for help can name, titles in the page's version, each with the
 * people the eligibility rules can suggest it for (as the check and its no-JS lists do).
 * The foster service is left out: it has its own form (`/audzugimenem/pieteikums/`).
 */
export function islandServices(site: Pick<Site, 'services' | 'eligibility'>, variant: Variant): ServiceOption[] {
  const suggested = new Map(PERSON_GROUPS.map((g) => [g, servicesForGroup(site.eligibility, g)]));
  return requestableServices(site.services).map((s) => ({
    id: s.id,
    title: s[variant].title,
    groups: PERSON_GROUPS.filter((g) => suggested.get(g)?.includes(s.id)),
  }));
}

/** SVG markup of pictures for the easy-read version (none for the Latvian one). */
export function islandIcons(variant: Variant, names: readonly IconName[]): Icons | undefined {
  return variant === 'easy' ? iconsFor(names) : undefined;
}
