/**
 * Reads the content files the server needs at run time (the Astro build validates them
 * fully with zod; this reads only the fields the referral flow uses, and checks those):
 *
 * - `content/municipalities/<id>.yaml` → names and office addresses for routing;
 * - `content/services/<id>.yaml` → the service ids the form may name, and their titles;
 * - the deployment's routing file (`ROUTING_FILE`, JSON) → address overrides.
 *
 * Used by the server at start and by `scripts/routing.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildRoutingTable, parseRoutingOverrides } from '../src/domain/referral/index';
import type { MunicipalityContacts, RoutingOverrides, RoutingTable } from '../src/domain/referral/index';

/** The repository's `content/` folder (independent of the working directory). */
export const DEFAULT_CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'content');

/** A content file is missing a field or has the wrong type. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

/** A routing file cannot be read or is not valid. */
export class RoutingFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Routing file ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RoutingFileError';
  }
}

/** A municipality as the referral flow needs it. */
export interface MunicipalityContent extends MunicipalityContacts {
  /** Position in lists. */
  order: number;
  /** Name in the locative, for sentences ("Kuldīgas novadā"). */
  nameIn: string | null;
  /** The offices' names, for the e-mails (`null` when the content does not know them). */
  officeNames: { service: string | null; foster: string | null };
}

/** A service the form may name. */
export interface ServiceContent {
  id: string;
  order: number;
  /** Latvian title. */
  title: string;
  /** Easy-read title. */
  easyTitle: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
    .sort()
    .map((n) => join(dir, n));
}

function idOf(file: string): string {
  return basename(file).replace(/\.ya?ml$/u, '');
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new ContentError(file, [`not valid YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function office(
  value: unknown,
  field: string,
  problems: string[],
): { email: string | null; verified: boolean; name: string | null } {
  if (!isRecord(value)) {
    problems.push(`${field}: missing (an object with email and verified)`);
    return { email: null, verified: false, name: null };
  }
  const email = value['email'];
  const verified = value['verified'];
  const name = value['name'];
  if (email !== null && typeof email !== 'string') problems.push(`${field}.email: must be an e-mail address or null`);
  if (typeof verified !== 'boolean') problems.push(`${field}.verified: must be true or false`);
  return {
    email: typeof email === 'string' && email.trim() !== '' ? email.trim() : null,
    verified: verified === true,
    name: typeof name === 'string' && name.trim() !== '' ? name.trim() : null,
  };
}

/**
 * Load every municipality under `<contentDir>/municipalities/`, sorted by `order`.
 * @throws ContentError naming the file and fields that are wrong
 */
export function loadMunicipalities(contentDir: string = DEFAULT_CONTENT_DIR): MunicipalityContent[] {
  const out: MunicipalityContent[] = [];
  for (const file of yamlFiles(join(contentDir, 'municipalities'))) {
    const data = readYaml(file);
    const problems: string[] = [];
    if (!isRecord(data)) throw new ContentError(file, ['must be a YAML mapping']);
    const name = data['name'];
    if (typeof name !== 'string' || name.trim() === '') problems.push('name: missing');
    const order = data['order'];
    const social = office(data['socialService'], 'socialService', problems);
    const court = office(data['orphansCourt'], 'orphansCourt', problems);
    if (problems.length > 0) throw new ContentError(file, problems);
    const nameIn = data['nameIn'];
    out.push({
      id: idOf(file),
      name: String(name).trim(),
      order: typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER,
      nameIn: typeof nameIn === 'string' ? nameIn : null,
      socialService: { email: social.email, verified: social.verified },
      orphansCourt: { email: court.email, verified: court.verified },
      officeNames: { service: social.name, foster: court.name },
    });
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * Load every service under `<contentDir>/services/`, sorted by `order`.
 * @throws ContentError when a file has no Latvian title
 */
export function loadServices(contentDir: string = DEFAULT_CONTENT_DIR): ServiceContent[] {
  const out: ServiceContent[] = [];
  for (const file of yamlFiles(join(contentDir, 'services'))) {
    const data = readYaml(file);
    if (!isRecord(data)) throw new ContentError(file, ['must be a YAML mapping']);
    const lv = data['lv'];
    const easy = data['easy'];
    const title = isRecord(lv) ? lv['title'] : undefined;
    if (typeof title !== 'string' || title.trim() === '') throw new ContentError(file, ['lv.title: missing']);
    const easyTitle = isRecord(easy) && typeof easy['title'] === 'string' ? easy['title'] : null;
    const order = data['order'];
    out.push({
      id: idOf(file),
      order: typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER,
      title: title.trim(),
      easyTitle,
    });
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * Read and validate a routing file (JSON, the shape `routing --json` prints; partial allowed).
 * @throws RoutingFileError listing every problem
 */
export function loadRoutingOverrides(file: string, municipalityIds: readonly string[]): RoutingOverrides {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    const reason =
      error instanceof SyntaxError ? 'not valid JSON' : error instanceof Error ? error.message : String(error);
    throw new RoutingFileError(file, [reason]);
  }
  const result = parseRoutingOverrides(json, municipalityIds);
  if (!result.ok) throw new RoutingFileError(file, result.errors);
  return result.value;
}

/** Everything the referral flow reads from content, ready to use. */
export interface ReferralContent {
  municipalities: MunicipalityContent[];
  services: ServiceContent[];
  routing: RoutingTable;
  /** For `validateReferral`. */
  ids: { municipalities: string[]; services: string[] };
  /** For the e-mails (`ComposeOptions.labels`). */
  labels: {
    services: Record<string, string>;
    offices: Record<string, { service?: string; foster?: string }>;
  };
}

/**
 * Load municipalities, services and the routing (with the routing file, if given).
 * @throws ContentError or RoutingFileError
 */
export function loadReferralContent(options: { contentDir?: string; routingFile?: string } = {}): ReferralContent {
  const municipalities = loadMunicipalities(options.contentDir);
  const services = loadServices(options.contentDir);
  const ids = { municipalities: municipalities.map((m) => m.id), services: services.map((s) => s.id) };
  const overrides = options.routingFile ? loadRoutingOverrides(options.routingFile, ids.municipalities) : {};
  const routing = buildRoutingTable(municipalities, overrides);
  const offices: Record<string, { service?: string; foster?: string }> = {};
  for (const m of municipalities) {
    const names: { service?: string; foster?: string } = {};
    if (m.officeNames.service) names.service = m.officeNames.service;
    if (m.officeNames.foster) names.foster = m.officeNames.foster;
    offices[m.id] = names;
  }
  return {
    municipalities,
    services,
    routing,
    ids,
    labels: { services: Object.fromEntries(services.map((s) => [s.id, s.title])), offices },
  };
}
