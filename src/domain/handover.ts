/**
 * The wizard's hand-over to the request forms, declared once: the sessionStorage key, its
 * version and its shape. The wizard writes it when the person presses "Nosūtīt
 * pieteikumu" (`buildPrefill`); the form reads it once and removes it (`parsePrefill`
 * checks the values against what the form offers). Nothing of it goes into a URL.
 */
import type { Facts } from './eligibility/facts';
import { isPlainObject, parseStoredObject } from './objects';

/** The sessionStorage key the wizard writes and the form removes once read. */
export const HANDOVER_KEY = 'kv:prefill';
/** The only version the form understands; anything else is discarded. */
export const HANDOVER_VERSION = 1;

/** One service that may fit or needs a step first, as the result showed it. */
export interface HandoverVerdict {
  service: string;
  verdict: 'likely' | 'maybe' | 'first';
}

/** What the wizard hands over (`kv:prefill`), as JSON. */
export interface Handover {
  version: typeof HANDOVER_VERSION;
  /** `foster`: the foster, guardian and adoption enquiry form; `service`: the request form. */
  type: 'service' | 'foster';
  municipality: string;
  /**
   * The town, parish or village the person typed to find the municipality (the form sends it
   * to the office); absent when they chose the municipality from the list.
   */
  place?: string;
  filledBy: string;
  person: {
    age: number | null;
    /** The request form's person groups have no `foster`: a foster enquiry says `other`. */
    group: 'child' | 'adult' | 'child-in-care' | 'other';
  };
  /**
   * The `likely` and `maybe` services, in display order: the ones the request form ticks.
   * A `first` service is not among them: its step comes before asking for it.
   */
  services: string[];
  /** The answers on the path, as facts (`null` = "Nezinu"). */
  answers: Facts;
  /** Every service the result listed (`likely`, `maybe`, `first`), in display order; the office sees them. */
  verdicts: HandoverVerdict[];
}

const isString = (v: unknown): v is string => typeof v === 'string';

function isVerdict(v: unknown): v is HandoverVerdict {
  return (
    isPlainObject(v) &&
    isString(v['service']) &&
    (v['verdict'] === 'likely' || v['verdict'] === 'maybe' || v['verdict'] === 'first') &&
    Object.keys(v).every((k) => k === 'service' || k === 'verdict')
  );
}

/**
 * The stored text as a hand-over of exactly this shape and version, or `null` (bad JSON,
 * another version, a field missing or of the wrong type). The values themselves (is the
 * municipality known, are the answers within bounds) are the reader's to check.
 */
export function readHandover(raw: string | null):
  | (Omit<Handover, 'answers' | 'person' | 'place'> & {
      place: string;
      person: { age: number | null; group: string };
      answers: Record<string, unknown>;
    })
  | null {
  const data = parseStoredObject(raw, HANDOVER_VERSION);
  if (data === null) return null;
  const { type, municipality, place = '', filledBy, person, services, answers, verdicts } = data;
  if (type !== 'service' && type !== 'foster') return null;
  if (!isString(municipality) || !isString(filledBy) || !isString(place)) return null;
  if (!isPlainObject(person) || !isString(person['group'])) return null;
  const age = person['age'];
  if (age !== null && typeof age !== 'number') return null;
  if (!Array.isArray(services) || !services.every(isString)) return null;
  if (!isPlainObject(answers)) return null;
  if (!Array.isArray(verdicts) || !verdicts.every(isVerdict)) return null;
  return {
    version: HANDOVER_VERSION,
    type,
    municipality,
    place,
    filledBy,
    person: { age, group: person['group'] },
    services,
    answers,
    verdicts,
  };
}
