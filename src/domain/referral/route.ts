/**
 * Where an enquiry goes: a `service` request to the municipality's social service, a
 * `foster` enquiry to its orphans' court (bāriņtiesa).
 *
 * Addresses come from `content/municipalities/<id>.yaml` and may be replaced per deployment
 * by a routing file (`ROUTING_FILE`). An address nobody has found is never guessed: it routes
 * to a placeholder on the reserved `.invalid` top-level domain (RFC 2606), which no mail
 * server delivers, and a production start is refused while any placeholder or unverified
 * route remains (`routingProblems`) — or while an office that takes no personal data by
 * ordinary e-mail has no OpenPGP key to encrypt its enquiries to.
 */
import type { MunicipalityOffices } from '../model/views';
import { isEmailAddress } from './values';
import { ENQUIRY_TYPES } from './ids';
import type { EnquiryType } from './ids';
import { isPlainObject } from '../objects';

/** Where one kind of enquiry for one municipality goes. */
export interface Route {
  municipalityId: string;
  municipalityName: string;
  type: EnquiryType;
  /** The office's name as the content knows it (`null` when unknown). */
  officeName: string | null;
  email: string;
  verified: boolean;
  /** True for a `.invalid` placeholder (no known address). Never verified. */
  placeholder: boolean;
  /** Where the address came from. */
  source: 'content' | 'override' | 'placeholder';
  /** `false`: the office takes no personal data by ordinary (unencrypted) e-mail. */
  personalDataByEmail: boolean;
  /** The registration number of the office's official e-address, or `null`. */
  regNo: string | null;
  /** The office's OpenPGP public key file, as the routing file names it; `null`: plain e-mail. */
  pgpKeyFile: string | null;
}

/** The routes of one municipality. */
export interface MunicipalityRoutes {
  service: Route;
  foster: Route;
}

/** Routes by municipality id, in the order the municipalities were given. */
export type RoutingTable = ReadonlyMap<string, MunicipalityRoutes>;

/** A deployment's replacement for one route. */
export interface RouteOverride {
  email: string;
  verified: boolean;
  /** An armored OpenPGP public key file for this office (encrypt every enquiry to it). */
  pgpKeyFile?: string;
}

/** Per municipality, the routes a deployment replaces (partial). */
export type RoutingOverrides = Readonly<Record<string, Partial<Record<EnquiryType, RouteOverride>>>>;

/** The reserved domain placeholders use; `.invalid` can never resolve (RFC 2606). */
export const PLACEHOLDER_DOMAIN = 'nezinams.invalid';

const PLACEHOLDER_LOCAL: Record<EnquiryType, string> = {
  service: 'socialais-dienests',
  foster: 'barintiesa',
};

/** The placeholder address for a route whose office address is unknown. */
export function placeholderAddress(type: EnquiryType, municipalityId: string): string {
  return `${PLACEHOLDER_LOCAL[type]}.${municipalityId}@${PLACEHOLDER_DOMAIN}`;
}

/** True for any address on the reserved `.invalid` domain. */
export function isPlaceholderAddress(email: string): boolean {
  return /\.invalid$/iu.test(email.trim());
}

function makeRoute(m: MunicipalityOffices, type: EnquiryType, override: RouteOverride | undefined): Route {
  const office = m[type];
  const base = {
    municipalityId: m.id,
    municipalityName: m.name,
    type,
    officeName: office.name,
    personalDataByEmail: office.personalDataByEmail,
    regNo: office.regNo,
    pgpKeyFile: override?.pgpKeyFile ?? null,
  };
  if (override) {
    const placeholder = isPlaceholderAddress(override.email);
    return {
      ...base,
      email: override.email,
      verified: override.verified && !placeholder,
      placeholder,
      source: 'override',
    };
  }
  if (office.email === null) {
    return {
      ...base,
      email: placeholderAddress(type, m.id),
      verified: false,
      placeholder: true,
      source: 'placeholder',
    };
  }
  const placeholder = isPlaceholderAddress(office.email);
  return {
    ...base,
    email: office.email,
    verified: office.verified && !placeholder,
    placeholder,
    source: 'content',
  };
}

/**
 * Build the routing table.
 *
 * @param municipalities the municipalities' offices (`officesOf` each content entry)
 * @param overrides a deployment's replacements (validate them first with `parseRoutingOverrides`)
 * @throws Error when a municipality id repeats, an override names an unknown municipality,
 *   or an address is not an e-mail address
 */
export function buildRoutingTable(
  municipalities: readonly MunicipalityOffices[],
  overrides: RoutingOverrides = {},
): RoutingTable {
  const table = new Map<string, MunicipalityRoutes>();
  for (const m of municipalities) {
    if (table.has(m.id)) throw new Error(`Municipality "${m.id}" is listed twice.`);
    const o = Object.hasOwn(overrides, m.id) ? overrides[m.id] : undefined;
    const routes: MunicipalityRoutes = {
      service: makeRoute(m, 'service', o?.service),
      foster: makeRoute(m, 'foster', o?.foster),
    };
    for (const route of [routes.service, routes.foster]) {
      if (!isEmailAddress(route.email)) {
        throw new Error(`The ${route.type} address of "${m.id}" is not an e-mail address.`);
      }
    }
    table.set(m.id, routes);
  }
  for (const id of Object.keys(overrides)) {
    if (!table.has(id)) throw new Error(`The routing overrides name an unknown municipality "${id}".`);
  }
  return table;
}

/**
 * The route for an enquiry.
 *
 * @throws Error for a municipality the table does not know (the schema rejects those first)
 */
export function routeFor(table: RoutingTable, type: EnquiryType, municipalityId: string): Route {
  const routes = table.get(municipalityId);
  if (!routes) throw new Error(`No route for unknown municipality "${municipalityId}".`);
  return routes[type];
}

/** A reason the routing table is not fit for production. */
export interface RoutingProblem {
  municipalityId: string;
  type: EnquiryType | null;
  problem: 'placeholder' | 'unverified' | 'missing' | 'plain-refused';
  /** English, for the operator's log and the start-up error. */
  message: string;
}

const OFFICE_NAME: Record<EnquiryType, string> = { service: 'social service', foster: "orphans' court" };

/**
 * The routes whose office takes no personal data by ordinary e-mail and has no key to
 * encrypt to: production refuses them; elsewhere they are accepted and the start says so.
 */
export function plainRefusedRoutes(table: RoutingTable): Route[] {
  return [...table.values()].flatMap((routes) =>
    ENQUIRY_TYPES.map((type) => routes[type]).filter((r) => !r.personalDataByEmail && r.pgpKeyFile === null),
  );
}

/**
 * Everything that must stop a production start: every placeholder route, every unverified
 * route, every office that takes no personal data by plain e-mail and has no key, and —
 * when `expected` ids are given — every municipality missing from the table. An empty
 * list means the table may go live.
 */
export function routingProblems(table: RoutingTable, expected: readonly string[] = []): RoutingProblem[] {
  const problems: RoutingProblem[] = [];
  for (const id of expected) {
    if (!table.has(id)) {
      problems.push({
        municipalityId: id,
        type: null,
        problem: 'missing',
        message: `${id}: no municipality content, so no routes`,
      });
    }
  }
  for (const [id, routes] of table) {
    for (const type of ENQUIRY_TYPES) {
      const r = routes[type];
      if (r.placeholder) {
        problems.push({
          municipalityId: id,
          type,
          problem: 'placeholder',
          message: `${id} (${r.municipalityName}), ${type}: no ${OFFICE_NAME[type]} address is known (placeholder ${r.email})`,
        });
      } else if (!r.verified) {
        problems.push({
          municipalityId: id,
          type,
          problem: 'unverified',
          message: `${id} (${r.municipalityName}), ${type}: ${OFFICE_NAME[type]} address ${r.email} is not verified`,
        });
      }
      if (!r.personalDataByEmail && r.pgpKeyFile === null) {
        problems.push({
          municipalityId: id,
          type,
          problem: 'plain-refused',
          message: `${id} (${r.municipalityName}), ${type}: the ${OFFICE_NAME[type]} takes no personal data by ordinary e-mail; give it an OpenPGP key ("pgpKeyFile": { "${type}": "<file>" } in ROUTING_FILE)`,
        });
      }
    }
  }
  return problems;
}

/** The routing table as JSON (the `routing --json` output; also a valid routing file). */
export type RoutingTableJson = Record<
  string,
  {
    service: string;
    foster: string;
    verified: { service: boolean; foster: boolean };
    pgpKeyFile?: Partial<Record<EnquiryType, string>>;
  }
>;

/** The table in the routing-file shape. */
export function routingTableToJson(table: RoutingTable): RoutingTableJson {
  const out: RoutingTableJson = {};
  for (const [id, r] of table) {
    const keys: Partial<Record<EnquiryType, string>> = {};
    for (const type of ENQUIRY_TYPES) {
      const file = r[type].pgpKeyFile;
      if (file !== null) keys[type] = file;
    }
    Object.defineProperty(out, id, {
      value: {
        service: r.service.email,
        foster: r.foster.email,
        verified: { service: r.service.verified, foster: r.foster.verified },
        ...(Object.keys(keys).length > 0 ? { pgpKeyFile: keys } : {}),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Result of reading a routing file. */
export type RoutingOverridesResult = { ok: true; value: RoutingOverrides } | { ok: false; errors: string[] };

/**
 * Validate a routing file's parsed JSON: `{ "<id>": { "service"?: "<e-mail>", "foster"?:
 * "<e-mail>", "verified"?: { "service"?: bool, "foster"?: bool }, "pgpKeyFile"?: {
 * "service"?: "<file>", "foster"?: "<file>" } } }`. A route without a `verified` flag is
 * unverified. A flag or a key without its address is an error: verifying (or encrypting
 * for) an address the content may later change would vouch for something nobody checked.
 *
 * @param json the parsed file
 * @param municipalityIds the ids that exist (unknown ids are errors)
 * @returns the overrides, or every problem found (English, naming the path)
 */
export function parseRoutingOverrides(json: unknown, municipalityIds: readonly string[]): RoutingOverridesResult {
  const errors: string[] = [];
  if (!isPlainObject(json))
    return { ok: false, errors: ['the routing file must hold a JSON object keyed by municipality id'] };
  const value: Record<string, Partial<Record<EnquiryType, RouteOverride>>> = {};
  for (const [id, entry] of Object.entries(json)) {
    if (!municipalityIds.includes(id)) {
      errors.push(`${id}: unknown municipality id (known: ${municipalityIds.join(', ')})`);
      continue;
    }
    if (!isPlainObject(entry)) {
      errors.push(`${id}: must be an object with "service", "foster" and "verified"`);
      continue;
    }
    for (const key of Object.keys(entry)) {
      if (key !== 'service' && key !== 'foster' && key !== 'verified' && key !== 'pgpKeyFile')
        errors.push(`${id}.${key}: unknown key`);
    }
    const perType = (name: 'verified' | 'pgpKeyFile', example: string): Record<string, unknown> => {
      const value = entry[name];
      if (value !== undefined && !isPlainObject(value)) errors.push(`${id}.${name}: must be an object like ${example}`);
      const object = isPlainObject(value) ? value : {};
      for (const key of Object.keys(object)) {
        if (key !== 'service' && key !== 'foster') errors.push(`${id}.${name}.${key}: unknown key`);
      }
      return object;
    };
    const flags = perType('verified', '{ "service": true, "foster": false }');
    const keyFiles = perType('pgpKeyFile', '{ "service": "keys/office.asc" }');
    const routes: Partial<Record<EnquiryType, RouteOverride>> = {};
    for (const type of ENQUIRY_TYPES) {
      const email = entry[type];
      const flag = flags[type];
      const keyFile = keyFiles[type];
      if (flag !== undefined && typeof flag !== 'boolean') errors.push(`${id}.verified.${type}: must be true or false`);
      if (keyFile !== undefined && (typeof keyFile !== 'string' || keyFile.trim() === '' || /[\0\r\n]/u.test(keyFile)))
        errors.push(`${id}.pgpKeyFile.${type}: must be the path of a key file`);
      if (email === undefined) {
        if (flag !== undefined) errors.push(`${id}.verified.${type}: given without the "${type}" address it verifies`);
        if (keyFile !== undefined)
          errors.push(`${id}.pgpKeyFile.${type}: given without the "${type}" address it is for`);
        continue;
      }
      if (typeof email !== 'string' || !isEmailAddress(email.trim())) {
        errors.push(`${id}.${type}: must be an e-mail address`);
        continue;
      }
      routes[type] = {
        email: email.trim(),
        verified: flag === true,
        ...(typeof keyFile === 'string' && keyFile.trim() !== '' ? { pgpKeyFile: keyFile.trim() } : {}),
      };
    }
    Object.defineProperty(value, id, { value: routes, enumerable: true, writable: true, configurable: true });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
