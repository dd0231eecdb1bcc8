/**
 * The result page's content, assembled from the verdicts and the content: which services
 * may fit and why (one line for the summary, the rest for each service's disclosure),
 * what comes first, what is still to be found out, the municipality's own rule, what to
 * prepare and whom to contact. The island only renders it. Nothing here promises
 * anything: the social service (or VSAA, VDEĀVK, the orphans' court) decides.
 */
import { evaluate, type Reason, type ServiceResult } from '../eligibility/evaluate';
import type { FactName, Facts } from '../eligibility/facts';
import type { EvaluableRule, LocalizedText } from '../model/eligibility';
import type { ContactCardView, LocalRuleView, MunicipalityInfo, ServiceInfo, WizardData } from '../model/views';
import { servicePath } from '../routes';
import { pathAnswers } from './steps';

/** The verdicts the summary lists: the services that may fit, or may once a step is taken. */
export const FIT_VERDICTS = ['likely', 'maybe', 'first'] as const;
export type FitVerdict = (typeof FIT_VERDICTS)[number];

/** A step that comes first: what it is, and the portal page that explains it. */
export interface FirstStep {
  text: LocalizedText;
  /** The page's Latvian path (`/pakalpojumi/invaliditates-noteiksana/`); `null` when the rule names none. */
  step: string | null;
  /** The title of that page's service in the page's version; `null` when the page is not a service's. */
  title: string | null;
}

/**
 * The summary's one line why: a rule's own words (`text`); for a service whose rule for
 * the person's municipality is not known, that (`municipality`); for one that depends on
 * answers given as "Nezinu", those answers (`unknown`).
 */
export type SummaryLine =
  { kind: 'text'; text: LocalizedText } | { kind: 'municipality' } | { kind: 'unknown'; facts: FactName[] };

/** One service that may fit (or may, once a step is taken). */
export interface ResultCard {
  service: ServiceInfo;
  verdict: FitVerdict;
  /**
   * The summary's one line why: for `first` the step; for `maybe` what is still open (the
   * municipality's rule, another rule not known for this case, or the "Nezinu" answers);
   * for `likely` the reason that says most — the last condition that holds, as rule files
   * go from whom the service is for to what it asks of them. `null` when the rules give
   * no reason (the summary then shows what the service is).
   */
  line: SummaryLine | null;
  /** Why it may fit: the texts of the conditions that hold. */
  why: LocalizedText[];
  /** What comes first (`first`), each with the page that explains it. */
  first: FirstStep[];
  /** For `maybe`: what the rules do not know for this case (ask the office). */
  ask: LocalizedText[];
  /** For `maybe` and `first`: the answers given as "Nezinu" that decide it. */
  unknown: FactName[];
  /** The service's notes meant for this verdict. */
  notes: LocalizedText[];
  /** The person's municipality's own rule for this service, when the content states one. */
  local: LocalRuleView | null;
}

/** A service that does not fit, and the rule that excludes it. */
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
  /** `likely` services first, then `maybe`, then `first`, each in display order. */
  cards: ResultCard[];
  /**
   * Services for the person's group that do not fit (an answer other than the group
   * excludes them), each with its reason.
   */
  notNow: NotNow[];
  /** Services meant for other groups of people (the group excludes them), in display order. */
  otherGroups: ServiceInfo[];
  municipality: MunicipalityInfo;
  /** Whom to contact: the orphans' court for foster enquiries, else the social service. */
  contact: { kind: 'socialService' | 'orphansCourt'; details: ContactCardView };
  /** The documents of the `likely` and `maybe` services. */
  checklist: ChecklistItem[];
  /** Which form "Nosūtīt pieteikumu" opens. */
  referral: 'service' | 'foster';
}

/** The content of a service the rules name (the build checks that every rule has one). */
function serviceOf(data: WizardData, id: string): ServiceInfo {
  const s = data.services.find((x) => x.id === id);
  if (!s) throw new Error(`result: no content for service "${id}"`);
  return s;
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

/** The summary's one line for a card (see `ResultCard.line`). */
function summaryLine(r: ServiceResult, verdict: FitVerdict): SummaryLine | null {
  const text = (status: Reason['status']): LocalizedText | null =>
    r.reasons.filter((x) => x.status === status && x.text !== null).at(status === 'holds' ? -1 : 0)?.text ?? null;
  if (verdict === 'likely' || verdict === 'first') {
    const t = text(verdict === 'likely' ? 'holds' : 'first');
    return t === null ? null : { kind: 'text', text: t };
  }
  const ask = r.reasons.find((x) => x.status === 'ask');
  if (ask?.fact === 'municipality') return { kind: 'municipality' };
  if (ask?.text) return { kind: 'text', text: ask.text };
  return r.unknown.length > 0 ? { kind: 'unknown', facts: [...r.unknown] } : null;
}

/** The card of one service that may fit. */
function cardOf(r: ServiceResult, verdict: FitVerdict, data: WizardData, municipality: string): ResultCard {
  const service = serviceOf(data, r.service);
  const textsOf = (status: Reason['status']): LocalizedText[] =>
    dedupeTexts(r.reasons.filter((x) => x.status === status).map((x) => x.text));
  const seenSteps = new Set<string>();
  const first: FirstStep[] = [];
  for (const x of r.reasons) {
    if (x.status !== 'first' || x.text === null) continue;
    const key = `${x.text.lv}\n${x.step ?? ''}`;
    if (seenSteps.has(key)) continue;
    seenSteps.add(key);
    const stepService = x.step === null ? undefined : data.services.find((s) => servicePath(s.id) === x.step);
    first.push({ text: x.text, step: x.step, title: stepService?.title ?? null });
  }
  return {
    service,
    verdict,
    line: summaryLine(r, verdict),
    why: textsOf('holds'),
    first,
    ask: textsOf('ask'),
    unknown: [...r.unknown],
    notes: [...r.notes],
    local: service.local[municipality] ?? null,
  };
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
  const verdicts = evaluate(rules, facts);
  const cards: ResultCard[] = FIT_VERDICTS.flatMap((verdict) =>
    verdicts.filter((v) => v.verdict === verdict).map((r) => cardOf(r, verdict, data, municipality.id)),
  );
  const no = verdicts.filter((r) => r.verdict === 'no');
  const forOthers = (r: ServiceResult): boolean => r.reasons.some((x) => x.fact === 'group' && x.status === 'fails');
  const notNow: NotNow[] = no
    .filter((r) => !forOthers(r))
    .map((r) => ({
      service: serviceOf(data, r.service),
      reasons: dedupeTexts(r.reasons.filter((x) => x.status === 'fails').map((x) => x.text)),
    }));
  const foster = facts.group === 'foster';
  return {
    verdicts,
    cards,
    notNow,
    otherGroups: no.filter(forOthers).map((r) => serviceOf(data, r.service)),
    municipality,
    contact: foster
      ? { kind: 'orphansCourt', details: municipality.orphansCourt }
      : { kind: 'socialService', details: municipality.socialService },
    checklist: documentChecklist(
      cards.filter((c) => c.verdict !== 'first').map((c) => c.service),
      easy,
    ),
    referral: foster ? 'foster' : 'service',
  };
}
