/**
 * The result page's content, assembled from the verdicts and the content: which services
 * may fit and why, where they are offered, what to prepare, and whom to contact. The
 * island only renders it. Nothing here promises anything: the social service decides.
 */
import {
  evaluate,
  type FactName,
  type Facts,
  type LocalizedText,
  type ServiceResult,
  type EvaluableRule,
} from '../eligibility/index';
import type { ContactCardView, LocationInfo, MunicipalityInfo, ServiceInfo, WizardData } from '../model/views';
import { pathAnswers } from './steps';

/** A place that offers a service, as the result lists it. */
export interface Offer {
  location: LocationInfo;
  /** The municipality's name ("Kuldīgas novads"). */
  municipalityName: string;
  /** How the source names what is there ("DAC personām ar GRT"). */
  labels: string[];
}

/** One service that may fit. */
export interface ResultCard {
  service: ServiceInfo;
  verdict: 'likely' | 'maybe';
  /** Why it may fit: the texts of the conditions that hold. */
  why: LocalizedText[];
  /** For `maybe`: the answers still missing ("Nezinu") to ask the social service about. */
  unknown: FactName[];
  /** The service's notes meant for this verdict. */
  notes: LocalizedText[];
  /** Places in the person's municipality that offer it. */
  here: Offer[];
  /** Places elsewhere in Kurzeme that offer it. */
  elsewhere: Offer[];
}

/** A service that does not fit now, and why. */
export interface NotNow {
  service: ServiceInfo;
  /** The texts of the conditions that failed. */
  reasons: LocalizedText[];
}

/** One item of the personal document checklist. */
export interface ChecklistItem {
  /** The item's text: one document (Latvian) or the lines describing one (easy-read). */
  lines: string[];
  /** The services that need it. */
  services: string[];
}

export interface WizardResult {
  /** Every service's verdict, in display order. */
  verdicts: ServiceResult[];
  /** `likely` services first, then `maybe`, each in display order. */
  cards: ResultCard[];
  /**
   * Services for the person's group that do not fit now (an answer other than the group
   * ruled them out). Services meant for other groups are not listed: they are noise.
   */
  notNow: NotNow[];
  municipality: MunicipalityInfo;
  /** Whom to contact: the orphans' court for foster enquiries, else the social service. */
  contact: { kind: 'socialService' | 'orphansCourt'; details: ContactCardView };
  checklist: ChecklistItem[];
  /** Which form "Nosūtīt pieprasījumu" opens. */
  referral: 'service' | 'foster';
}

const dedupeTexts = (texts: readonly (LocalizedText | null)[]): LocalizedText[] => {
  const seen = new Set<string>();
  const out: LocalizedText[] = [];
  for (const t of texts) {
    if (t === null || seen.has(t.lv)) continue;
    seen.add(t.lv);
    out.push(t);
  }
  return out;
};

/** Places offering a service, split into the person's municipality and the rest of Kurzeme. */
export function offersOf(
  data: WizardData,
  service: string,
  municipality: string,
): { here: Offer[]; elsewhere: Offer[] } {
  const here: Offer[] = [];
  const elsewhere: Offer[] = [];
  for (const location of data.locations) {
    const labels = location.offers.filter((o) => o.service === service).map((o) => o.label);
    if (labels.length === 0) continue;
    const m = data.municipalities.find((x) => x.id === location.municipality);
    const offer: Offer = { location, municipalityName: m?.name ?? location.municipality, labels };
    (location.municipality === municipality ? here : elsewhere).push(offer);
  }
  return { here, elsewhere };
}

/**
 * The personal checklist: the documents of the services that may fit, each once. In
 * Latvian every document is one item; easy-read writes one document as several short
 * lines, so there a service's lines stay together as one item.
 */
export function documentChecklist(services: readonly ServiceInfo[], easy: boolean): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const add = (lines: string[], service: string): void => {
    const key = lines.map((l) => l.trim().toLocaleLowerCase('lv')).join('\n');
    const existing = items.find((i) => i.lines.map((l) => l.trim().toLocaleLowerCase('lv')).join('\n') === key);
    if (existing) {
      if (!existing.services.includes(service)) existing.services.push(service);
    } else items.push({ lines, services: [service] });
  };
  for (const s of services) {
    if (s.documents.length === 0) continue;
    if (easy) add([...s.documents], s.id);
    else for (const d of s.documents) add([d], s.id);
  }
  return items;
}

/**
 * The result for complete answers.
 * @param easy the page is the easy-read version (changes the checklist's items only)
 * @throws Error when the municipality is missing or unknown, or a rule names a service
 *   the content does not have (the build checks both, so this is a programming error)
 */
export function assembleResult(
  rules: readonly EvaluableRule[],
  answers: Facts,
  data: WizardData,
  easy: boolean,
): WizardResult {
  const facts = pathAnswers(rules, answers);
  const municipality = data.municipalities.find((m) => m.id === facts.municipality);
  if (!municipality) throw new Error(`result: unknown municipality ${JSON.stringify(facts.municipality)}`);
  const serviceOf = (id: string): ServiceInfo => {
    const s = data.services.find((x) => x.id === id);
    if (!s) throw new Error(`result: no content for service "${id}"`);
    return s;
  };
  const verdicts = evaluate(rules, facts);
  const cards: ResultCard[] = [];
  for (const verdict of ['likely', 'maybe'] as const) {
    for (const r of verdicts.filter((v) => v.verdict === verdict)) {
      const { here, elsewhere } = offersOf(data, r.service, municipality.id);
      cards.push({
        service: serviceOf(r.service),
        verdict,
        why: dedupeTexts(r.reasons.filter((x) => x.status === 'holds').map((x) => x.text)),
        unknown: [...r.unknown],
        notes: [...r.notes],
        here,
        elsewhere,
      });
    }
  }
  const notNow: NotNow[] = verdicts
    .filter((r) => r.verdict === 'no' && !r.reasons.some((x) => x.fact === 'group' && x.status === 'fails'))
    .map((r) => ({
      service: serviceOf(r.service),
      reasons: dedupeTexts(r.reasons.filter((x) => x.status === 'fails').map((x) => x.text)),
    }));
  const foster = facts.group === 'foster';
  return {
    verdicts,
    cards,
    notNow,
    municipality,
    contact: foster
      ? { kind: 'orphansCourt', details: municipality.orphansCourt }
      : { kind: 'socialService', details: municipality.socialService },
    checklist: documentChecklist(
      cards.map((c) => c.service),
      easy,
    ),
    referral: foster ? 'foster' : 'service',
  };
}
