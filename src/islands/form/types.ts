/** What the pages hand the form islands (all serialisable: they travel as island props). */
import type { ReactNode } from 'react';
import type { Icons } from '../../components/Picture';
import type { IslandStrings } from '../../domain/i18n';
import type { PlaceFinding, PlaceSource } from '../../domain/places/index';
import type { FieldMessage } from '../../domain/referral/errors';
import type { PersonGroup } from '../../domain/referral/ids';
import type { Variant } from '../../domain/routes';

/** A service to tick, with its title in the page's version. */
export interface ServiceOption {
  id: string;
  title: string;
  /** The people the eligibility rules can suggest it for (`servicesForGroup`). */
  groups: PersonGroup[];
}

/**
 * A plain form post the server sent back (JavaScript off): with errors, or — when the
 * person pressed "Atrast" — with what the finder found (and no errors).
 */
export interface ReturnedForm {
  /** The posted fields as posted (the municipality the finder found ticked). */
  values: Record<string, string | string[]>;
  /** Errors by dotted field path. */
  errors: Record<string, FieldMessage>;
  /** What the finder found for the typed place (a post of "Atrast"). */
  finding?: PlaceFinding | undefined;
}

/** Props both form islands take. */
export interface FormIslandProps {
  variant: Variant;
  /** The `referral` namespace of the page's version (its `errors` and `form`) and the `common` strings its pieces use. */
  strings: IslandStrings;
  /** The municipalities with their places (for "type your town"). */
  municipalities: PlaceSource[];
  /** Set when the server re-renders a post with errors. */
  returned?: ReturnedForm | undefined;
  /** SVG markup of the pictures beside the section headings (easy-read version only). */
  icons?: Icons | undefined;
  /** The page's heading and introduction (Astro slot content), shown below the error summary. */
  children?: ReactNode;
}
