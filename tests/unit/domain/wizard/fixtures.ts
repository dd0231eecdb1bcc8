/**
 * The wizard's inputs from the REAL content, as the page builds them (Latvian or
 * easy-read texts): the rules through the same loader, the services, municipalities and
 * locations read from `content/`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { loadRules } from '../../../../scripts/lib/load-rules';
import type { Facts } from '../../../../src/domain/eligibility/index';
import type {
  ContactInfo,
  LocationInfo,
  MunicipalityInfo,
  ServiceInfo,
  WizardData,
} from '../../../../src/domain/wizard/index';

export const rules = loadRules();

/** A parent's complete answers for a three-year-old with a disability. */
export const CHILD: Facts = {
  group: 'child',
  filledBy: 'parent',
  age: 3,
  disabilityDetermined: true,
  vdeavkSpecialCare: true,
  parentsWorkOrStudy: true,
  supportPlan: false,
  municipality: 'kuldigas-novads',
};

type Yaml = Record<string, unknown>;
const read = (dir: string): { id: string; data: Yaml }[] =>
  readdirSync(`content/${dir}`)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), data: parse(readFileSync(`content/${dir}/${f}`, 'utf8')) as Yaml }));

const date = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

function contact(c: Yaml): ContactInfo {
  return {
    name: (c['name'] as string | null) ?? null,
    address: (c['address'] as string | null) ?? null,
    phones: (c['phones'] as string[] | undefined) ?? [],
    email: (c['email'] as string | null) ?? null,
    web: (c['web'] as string | null) ?? null,
    note: (c['note'] as string | undefined) ?? null,
    verified: c['verified'] === true,
    checked: date(c['checked']),
    dated: (c['dated'] as string | null) ?? null,
  };
}

export function wizardData(variant: 'lv' | 'easy'): WizardData {
  const byOrder = (a: { data: Yaml }, b: { data: Yaml }): number => Number(a.data['order']) - Number(b.data['order']);
  const services: ServiceInfo[] = read('services')
    .sort(byOrder)
    .map(({ id, data }) => {
      const text = data[variant] as Yaml;
      return {
        id,
        icon: data['icon'] as string,
        title: text['title'] as string,
        summary: text['summary'] as string,
        limits: text['limits'] as string[],
        includes: text['includes'] as string[],
        documents: text['documents'] as string[],
      };
    });
  const municipalities: MunicipalityInfo[] = read('municipalities')
    .sort(byOrder)
    .map(({ id, data }) => ({
      id,
      name: data['name'] as string,
      nameIn: data['nameIn'] as string,
      towns: data['towns'] as string[],
      parishes: data['parishes'] as string[],
      villages: data['villages'] as { name: string; parish: string }[],
      socialService: contact(data['socialService'] as Yaml),
      orphansCourt: contact(data['orphansCourt'] as Yaml),
      fosterCentre: (data['fosterCentre'] as { name: string; town: string } | null) ?? null,
    }));
  const locations: LocationInfo[] = read('locations').map(({ id, data }) => ({
    id,
    municipality: data['municipality'] as string,
    town: data['town'] as string,
    address: (data['address'] as string | null) ?? null,
    status: data['status'] as 'completed' | 'planned',
    date: data['status'] === 'completed' ? date(data['asOf']) : data['due'] ? date(data['due']) : null,
    amendedDate: data['amendedDue'] ? date(data['amendedDue']) : null,
    offers: (data['offers'] as { service: string; label: string }[]).map((o) => ({
      service: o.service,
      label: o.label,
    })),
  }));
  return { services, municipalities, locations };
}
