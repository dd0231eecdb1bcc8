/**
 * Test fixtures of the referral flow: municipalities with addresses on the reserved
 * `.test` domain (never a real office), and valid requests of both types.
 */
import { MUNICIPALITY_IDS } from '../../../../src/domain/referral/index';
import type { ReferralOptions } from '../../../../src/domain/referral/index';
import type { MunicipalityOffices } from '../../../../src/domain/model/index';

/**
 * The 15 service ids of the content issue. The server passes the ids found in
 * `content/services/` to the schema; the tests use this fixed list (rules.test.ts checks
 * that the eligibility rules cover exactly these).
 */
export const DEFAULT_SERVICE_IDS = [
  'atelpas-bridis',
  'aprupe-berniem',
  'rehabilitacija-berniem',
  'rehabilitacija-vecakiem',
  'dac-berniem',
  'aprupe-majas',
  'dac',
  'specializetas-darbnicas',
  'grupu-dzivoklis',
  'islaiciga-aprupe',
  'specialistu-konsultacijas',
  'atbalsta-grupas',
  'gvpp',
  'vajadzibu-izvertesana',
  'audzugimenes',
] as const;

export const OPTIONS: ReferralOptions = { municipalities: MUNICIPALITY_IDS, services: DEFAULT_SERVICE_IDS };

const NAMES: Record<string, string> = {
  liepaja: 'Liepājas valstspilsēta',
  ventspils: 'Ventspils valstspilsēta',
  'dienvidkurzemes-novads': 'Dienvidkurzemes novads',
  'kuldigas-novads': 'Kuldīgas novads',
  'saldus-novads': 'Saldus novads',
  'talsu-novads': 'Talsu novads',
  'ventspils-novads': 'Ventspils novads',
  'tukuma-novads': 'Tukuma novads',
};

/** All 8 municipalities, every office with a distinct verified address. */
export function fixtureMunicipalities(): MunicipalityOffices[] {
  return MUNICIPALITY_IDS.map((id) => ({
    id,
    name: NAMES[id] ?? id,
    service: {
      name: null,
      email: `socialais-dienests@${id}.example.test`,
      verified: true,
      personalDataByEmail: true,
      regNo: null,
    },
    foster: {
      name: null,
      email: `barintiesa@${id}.example.test`,
      verified: true,
      personalDataByEmail: true,
      regNo: null,
    },
  }));
}

/** Service titles for the e-mails. */
export const SERVICE_TITLES: Record<string, string> = {
  'atelpas-bridis': 'Atelpas brīdis',
  'aprupe-berniem': 'Aprūpe bērniem',
  'rehabilitacija-berniem': 'Sociālā rehabilitācija bērniem',
  dac: 'Dienas aprūpes centrs',
};

/** A complete, valid service request (as a JSON client sends it). */
export function serviceRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'service',
    municipality: 'kuldigas-novads',
    filledBy: 'parent',
    person: { firstName: 'Anna', age: 7, group: 'child' },
    services: ['atelpas-bridis', 'rehabilitacija-berniem'],
    contact: {
      name: 'Ilze Bērziņa',
      phone: '+371 20 000 000',
      email: 'ilze@example.test',
      preferred: 'phone',
      time: 'darba dienās pēc 17:00',
      easyLanguage: false,
      supportPerson: true,
      confirmation: false,
    },
    message: 'Meitai ir smagi funkcionālie traucējumi.\nVajag atelpu uz nedēļu.',
    answers: { age: 7, disabilityDetermined: true, verdicts: [{ service: 'atelpas-bridis', verdict: 'likely' }] },
    consent: true,
    website: '',
    ...overrides,
  };
}

/** A complete, valid foster enquiry (no `person`). */
export function fosterRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'foster',
    municipality: 'talsu-novads',
    filledBy: 'self',
    contact: { name: 'Jānis Ozols', email: 'janis@example.test', preferred: 'email' },
    interest: 'audzugimene',
    message: 'Gribētu uzzināt, kā kļūt par audžuģimeni.',
    consent: true,
    ...overrides,
  };
}
