/**
 * What the wizard island needs of the content, prepared at build time by the page
 * (`src/pages/[...lang]/parbaude/index.astro`) for ONE version of the site: the texts of
 * that version only, dates already written as Latvians write them. Plain data, so it
 * travels as island props and the browser loads no content files.
 */
import type { ServiceRules } from '../eligibility/index';

/** An office's contact details; unknown values are `null` (or `[]`) and are shown as unknown. */
export interface ContactInfo {
  name: string | null;
  address: string | null;
  phones: readonly string[];
  email: string | null;
  web: string | null;
  note: string | null;
  /** `false` until a person has confirmed the details with the office. */
  verified: boolean;
  /** When the details were taken from their source, e.g. `22.11.2026.`. */
  checked: string;
  /** How old the source's own information is, if it says ("2020"). */
  dated: string | null;
}

/** One municipality: its names, places (for "I live in …") and contacts. */
export interface MunicipalityInfo {
  id: string;
  /** "Kuldīgas novads". */
  name: string;
  /** "Kuldīgas novadā". */
  nameIn: string;
  towns: readonly string[];
  parishes: readonly string[];
  villages: readonly { name: string; parish: string }[];
  socialService: ContactInfo;
  orphansCourt: ContactInfo;
  fosterCentre: { name: string; town: string } | null;
}

/** One service, with the texts of the page's version. */
export interface ServiceInfo {
  id: string;
  /** An icon name from `src/domain/icons.ts`. */
  icon: string;
  title: string;
  summary: string;
  limits: readonly string[];
  includes: readonly string[];
  /** Documents to prepare; `[]` when the sources do not say. */
  documents: readonly string[];
}

/** A place where services were built, with the services it offers. */
export interface LocationInfo {
  id: string;
  municipality: string;
  town: string;
  address: string | null;
  status: 'completed' | 'planned';
  /** Completed: the date of the status; planned: the approved end date (`null` if unknown). */
  date: string | null;
  /** A proposed later end date, if any. */
  amendedDate: string | null;
  offers: readonly { service: string; label: string }[];
}

/** Everything the island shows besides its own UI strings. */
export interface WizardData {
  services: readonly ServiceInfo[];
  municipalities: readonly MunicipalityInfo[];
  locations: readonly LocationInfo[];
}

/**
 * The rules without what only their editors need (the quoted source sentences), so the
 * page does not carry them to the browser. Verdicts and reason texts are unchanged.
 */
export function slimRules(rules: readonly ServiceRules[]): ServiceRules[] {
  return rules.map((r) => ({
    service: r.service,
    file: '',
    title: r.title,
    basis: { source: r.basis.source, quote: '' },
    ways: r.ways.map((w) => ({
      path: w.path,
      name: w.name,
      conditions: w.conditions.map((c) => ({ ...c, quote: '' })),
    })),
    notes: r.notes.map((n) => ({ ...n })),
  }));
}
