/**
 * Named views of the content model, each defined once: what one consumer needs of an
 * entity, shaped for it. The pages, the islands' props, the routing and the e-mails all
 * take these instead of re-shaping the content themselves.
 */
import type { PlaceSource } from '../places/index';
import type { Variant } from '../routes';
import { formatDay } from '../text/fact-date';
import type { Contact, Content, Location, Municipality, Service, Source } from './types';

/** The two kinds of enquiry and the office each goes to. */
export type OfficeKind = 'service' | 'foster';

/** The office an enquiry goes to: its name and address as the content knows them. */
export interface Office {
  /** `null` when the content does not know the office's name. */
  name: string | null;
  /** `null` when no address was found (routing then uses a placeholder). */
  email: string | null;
  /** `false` until a person has confirmed the address with the office. */
  verified: boolean;
  /** `false`: the office asks not to receive personal data by ordinary e-mail. */
  personalDataByEmail: boolean;
  /** The identifier of its official e-address (a registration number), or `null`. */
  regNo: string | null;
}

/** A municipality's offices, as the routing table takes them. */
export interface MunicipalityOffices {
  id: string;
  name: string;
  service: Office;
  foster: Office;
}

/** The contact entry of the office that receives one kind of enquiry. */
export function contactOf(m: Municipality, kind: OfficeKind): Contact {
  return kind === 'service' ? m.socialService : m.orphansCourt;
}

/** The offices of a municipality: the social service (`service`) and the orphans' court (`foster`). */
export function officesOf(m: Municipality): MunicipalityOffices {
  const office = (c: Contact): Office => ({
    name: c.name,
    email: c.email,
    verified: c.verified,
    personalDataByEmail: c.personalDataByEmail,
    regNo: c.regNo,
  });
  return { id: m.id, name: m.name, service: office(m.socialService), foster: office(m.orphansCourt) };
}

/** What "I live in …" needs of a municipality: its names and places. */
export function placesOf(m: Municipality): PlaceSource {
  return {
    id: m.id,
    name: m.name,
    towns: [...m.towns],
    parishes: [...m.parishes],
    villages: m.villages.map((v) => ({ name: v.name, parish: v.parish })),
  };
}

/**
 * A contact card in one version of the site: the office's details with unknowns as
 * `null`/`[]`, the note in that version (easy-read lines, or one Latvian paragraph), and
 * what to do when nothing reaches the office. Plain data: a page renders it, and it
 * travels to the wizard island as a prop.
 */
export interface ContactCardView {
  name: string | null;
  address: string | null;
  phones: readonly string[];
  email: string | null;
  web: string | null;
  /** The note in the card's version; `[]` when there is none. */
  note: readonly string[];
  /** `false` until a person has confirmed the details with the office. */
  verified: boolean;
  /** When the details were taken from their source, e.g. `22.11.2026.`. */
  checked: string;
  /** How old the source's own information is, if it says ("2020"). */
  dated: string | null;
  /** The titles of the sources the details come from. */
  sources: readonly string[];
  /** When neither a phone nor an e-mail is known: the planning region's phone to call instead. */
  fallbackPhone: string | null;
}

/** Source id → source, for the titles a view shows. */
export type SourceIndex = ReadonlyMap<string, Source>;

/** Build the index of sources once per page or build. */
export function indexSources(sources: readonly Source[]): SourceIndex {
  return new Map(sources.map((s) => [s.id, s]));
}

/** The contact card of an office in the given version. */
export function contactCardOf(
  contact: Contact,
  variant: Variant,
  ctx: { sources: SourceIndex; region: Content['region'] },
): ContactCardView {
  const note =
    variant === 'easy' && contact.noteEasy !== undefined
      ? contact.noteEasy
      : contact.note !== undefined
        ? [contact.note]
        : [];
  const unreachable = contact.phones.length === 0 && contact.email === null;
  return {
    name: contact.name,
    address: contact.address,
    phones: contact.phones,
    email: contact.email,
    web: contact.web,
    note,
    verified: contact.verified,
    checked: formatDay(contact.checked),
    dated: contact.dated,
    sources: contact.source.map((id) => ctx.sources.get(id)?.title ?? id),
    fallbackPhone: unreachable ? (ctx.region.contact.phones[0] ?? null) : null,
  };
}

/** The services a request for help can name (the foster enquiry has its own form). */
export function requestableServices(services: readonly Service[]): Service[] {
  return services.filter((s) => s.id !== 'audzugimenes');
}

/** One service as the wizard's result shows it, in one version. */
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

/** One municipality as the wizard uses it: places for "I live in …" and the offices' cards. */
export interface MunicipalityInfo extends PlaceSource {
  /** "Kuldīgas novadā". */
  nameIn: string;
  socialService: ContactCardView;
  orphansCourt: ContactCardView;
  fosterCentre: { name: string; town: string } | null;
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

/** Everything the wizard island shows besides its own UI strings and the rules. */
export interface WizardData {
  services: readonly ServiceInfo[];
  municipalities: readonly MunicipalityInfo[];
  locations: readonly LocationInfo[];
}

function locationInfo(l: Location): LocationInfo {
  return {
    id: l.id,
    municipality: l.municipality,
    town: l.town,
    address: l.address,
    status: l.status,
    date: l.status === 'completed' ? formatDay(l.asOf) : l.due ? formatDay(l.due) : null,
    amendedDate: l.amendedDue ? formatDay(l.amendedDue) : null,
    offers: l.offers.map((o) => ({ service: o.service, label: o.label })),
  };
}

/** The wizard's data for one version of the site: that version's texts only, dates written out. */
export function wizardDataOf(content: Content, variant: Variant): WizardData {
  const ctx = { sources: indexSources(content.sources), region: content.region };
  return {
    services: content.services.map((s) => {
      const t = s[variant];
      return {
        id: s.id,
        icon: s.icon,
        title: t.title,
        summary: t.summary,
        limits: t.limits,
        includes: t.includes,
        documents: t.documents,
      };
    }),
    municipalities: content.municipalities.map((m) => ({
      ...placesOf(m),
      nameIn: m.nameIn,
      socialService: contactCardOf(m.socialService, variant, ctx),
      orphansCourt: contactCardOf(m.orphansCourt, variant, ctx),
      fosterCentre: m.fosterCentre ? { name: m.fosterCentre.name, town: m.fosterCentre.town } : null,
    })),
    locations: content.locations.map(locationInfo),
  };
}
