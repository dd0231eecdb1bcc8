/**
 * Named views of the content model, each defined once: what one consumer needs of an
 * entity, shaped for it. The pages, the islands' props, the routing and the e-mails all
 * take these instead of re-shaping the content themselves.
 */
import type { PlaceSource } from '../places/index';
import type { Variant } from '../routes';
import { formatDay, formatSourceDate } from '../text/fact-date';
import type { Cite, Contact, Content, Municipality, Service, Source } from './types';

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

/**
 * How to reach the office that received an enquiry, as a confirmation names it: its name,
 * address and phones as the content knows them (unknowns `null`/`[]`, never guessed), its
 * e-address registration number, and — when no phone of it is known — the planning
 * region's phone to call instead.
 */
export interface OfficeContactView {
  name: string | null;
  address: string | null;
  phones: readonly string[];
  regNo: string | null;
  /** The planning region's phone when the office has none; `null` when it has one. */
  fallbackPhone: string | null;
}

/** The contact of the office that receives one kind of enquiry in a municipality. */
export function officeContactOf(m: Municipality, kind: OfficeKind, region: Content['region']): OfficeContactView {
  const c = contactOf(m, kind);
  return {
    name: c.name,
    address: c.address,
    phones: [...c.phones],
    regNo: c.regNo,
    fallbackPhone: c.phones.length === 0 ? (region.contact.phones[0] ?? null) : null,
  };
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
  /** When a person read the sources, e.g. `30.11.2026.`. */
  checked: string;
  /** The sources the details come from: title, link, and the date each bears (`null` if undated). */
  sources: readonly SourceRefView[];
  /** When no phone of the office is known: the planning region's phone to call instead. */
  fallbackPhone: string | null;
}

/** A source as a page names it: its title, its address and its own date. */
export interface SourceRefView {
  title: string;
  url: string | null;
  /** The date the source bears, as Latvians write it; `null` when it bears none. */
  date: string | null;
}

/** How a page names a source. */
export function sourceRefOf(source: Source): SourceRefView {
  return {
    title: source.title,
    url: source.url,
    date: source.date === null ? null : `${source.approx ? 'ap. ' : ''}${formatSourceDate(source.date)}`,
  };
}

/** A citation as a page shows it: "MK noteikumi Nr. 316 (18.05.2021.), 2. punkts", linked to the source. */
export interface CiteView {
  label: string;
  url: string | null;
}

/** How a page cites a statement's source (its short name, the point; the full entry is in the sources note). */
export function citeViewOf(cite: Cite, sources: SourceIndex): CiteView {
  const src = sources.get(cite.source);
  const name = src === undefined ? cite.source : (src.short ?? src.title);
  return { label: cite.point === undefined ? name : `${name}, ${cite.point}`, url: src?.url ?? null };
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
  return {
    name: contact.name,
    address: contact.address,
    phones: contact.phones,
    email: contact.email,
    web: contact.web,
    note,
    verified: contact.verified,
    checked: formatDay(contact.checked),
    sources: contact.source.flatMap((id) => {
      const src = ctx.sources.get(id);
      return src === undefined ? [] : [sourceRefOf(src)];
    }),
    fallbackPhone: contact.phones.length === 0 ? (ctx.region.contact.phones[0] ?? null) : null,
  };
}

/** The services for a target group: those whose `groups` name it, in display order. */
export function servicesOfGroup<S extends Pick<Service, 'groups'>>(services: readonly S[], groupId: string): S[] {
  return services.filter((s) => s.groups.includes(groupId));
}

/**
 * The services a request to the social service can name: not the foster enquiry's (the
 * orphans' court has its own form), not those asked for elsewhere (VSAA, VDEĀVK, "Zelda").
 */
export function requestableServices<S extends Pick<Service, 'applyTo'>>(services: readonly S[]): S[] {
  return services.filter((s) => s.applyTo === 'social-service');
}

/** A municipality's own rule for a service, as the wizard's result shows it in one version. */
export interface LocalRuleView {
  /** The rule: one Latvian paragraph, or easy-read lines. */
  lines: readonly string[];
  /** What the Latvian text cites (`[]` in easy-read, which shows no citations). */
  cites: readonly CiteView[];
}

/** One service as the wizard's result shows it, in one version. */
export interface ServiceInfo {
  id: string;
  /** An icon name from `src/domain/icons.ts`. */
  icon: string;
  title: string;
  summary: string;
  limits: readonly string[];
  /** Documents to prepare; `[]` when the sources do not say. */
  documents: readonly string[];
  /** Municipality id → that municipality's own rule, where the content states one. */
  local: Readonly<Record<string, LocalRuleView>>;
}

/** One municipality as the wizard uses it: places for "I live in …" and the offices' cards. */
export interface MunicipalityInfo extends PlaceSource {
  /** "Kuldīgas novadā". */
  nameIn: string;
  socialService: ContactCardView;
  orphansCourt: ContactCardView;
}

/** Everything the wizard island shows besides its own UI strings and the rules. */
export interface WizardData {
  services: readonly ServiceInfo[];
  municipalities: readonly MunicipalityInfo[];
}

/** The text of a statement, or the string itself (easy-read lines). */
const textOf = (item: string | { text: string }): string => (typeof item === 'string' ? item : item.text);

/** The wizard's data for one version of the site: that version's texts only, dates written out. */
export function wizardDataOf(content: Content, variant: Variant): WizardData {
  const ctx = { sources: indexSources(content.sources), region: content.region };
  return {
    services: content.services.map((s) => {
      const t = s[variant];
      const local: Record<string, LocalRuleView> = {};
      for (const [municipality, rule] of Object.entries(s.local)) {
        local[municipality] =
          variant === 'easy'
            ? { lines: rule.easy, cites: [] }
            : { lines: [rule.lv.text], cites: rule.lv.cite.map((c) => citeViewOf(c, ctx.sources)) };
      }
      return {
        id: s.id,
        icon: s.icon,
        title: t.title,
        summary: t.summary,
        limits: t.limits.map(textOf),
        documents: t.documents,
        local,
      };
    }),
    municipalities: content.municipalities.map((m) => ({
      ...placesOf(m),
      nameIn: m.nameIn,
      socialService: contactCardOf(m.socialService, variant, ctx),
      orphansCourt: contactCardOf(m.orphansCourt, variant, ctx),
    })),
  };
}
