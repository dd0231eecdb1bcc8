/**
 * Reads the eligibility rule files from `content/` (Node only: file system + YAML), so
 * that the pure engine in `src/domain/eligibility/` stays free of I/O. Used by the
 * command line (`scripts/eligibility.ts`) and the unit tests; a server or a build step
 * can use it the same way.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseRuleFile, type ServiceRules } from '../../src/domain/eligibility/index';

/** The repository's `content/` folder. */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

/** A problem with the content files; the message names the file. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

function readYaml(file: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ContentError(`${shown}: cannot read (${(error as Error).message})`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new ContentError(`${shown}: invalid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
}

/** The ids in `content/sources.yaml`. */
function loadSourceIds(contentDir: string, show: (file: string) => string): string[] {
  const file = join(contentDir, 'sources.yaml');
  const data = readYaml(file, show(file));
  if (!Array.isArray(data)) throw new ContentError(`${show(file)}: expected a list of sources`);
  return data.flatMap((entry: unknown) =>
    typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string'
      ? [(entry as { id: string }).id]
      : [],
  );
}

/** Service ids with their `order` from `content/services/*.yaml` (`null` when absent). */
function loadServiceOrder(contentDir: string, show: (file: string) => string): Map<string, number | null> {
  const dir = join(contentDir, 'services');
  const order = new Map<string, number | null>();
  for (const name of yamlFiles(dir)) {
    const data = readYaml(join(dir, name), show(join(dir, name)));
    const value = typeof data === 'object' && data !== null ? (data as { order?: unknown }).order : undefined;
    order.set(basename(name, '.yaml'), typeof value === 'number' ? value : null);
  }
  return order;
}

/**
 * Loads and validates every rule file in `<contentDir>/eligibility/`.
 *
 * Checks that each file is valid (see `parseRuleFile`), that every `source` is in
 * `sources.yaml`, that every service (a file in `services/`) has a rule file, and that every rule file belongs to a service.
 *
 * @param contentDir the `content/` folder (default: the repository's)
 * @returns the rules in display order: the services' `order` where given, then by id
 * @throws {ContentError | RuleFileError} with a message that names the file
 */
export function loadRules(contentDir: string = DEFAULT_CONTENT_DIR): ServiceRules[] {
  // Messages name files relative to the folder holding `content/`, e.g. `content/eligibility/dac.yaml`.
  const root = dirname(contentDir.replace(/[/\\]+$/u, ''));
  const show = (file: string): string => relative(root, file).split('\\').join('/');

  const sourceIds = loadSourceIds(contentDir, show);
  const order = loadServiceOrder(contentDir, show);
  const expected = new Set<string>(order.keys());

  const dir = join(contentDir, 'eligibility');
  const rules = yamlFiles(dir).map((name) => {
    const file = join(dir, name);
    return parseRuleFile(readYaml(file, show(file)), show(file), { sourceIds });
  });

  const covered = new Set(rules.map((r) => r.service));
  for (const id of expected) {
    if (!covered.has(id)) {
      throw new ContentError(
        `${show(join(contentDir, 'services', `${id}.yaml`))} has no rule file ${show(join(dir, `${id}.yaml`))}`,
      );
    }
  }
  for (const r of rules) {
    if (!expected.has(r.service)) {
      throw new ContentError(
        `${r.file}: service "${r.service}" is unknown (no ${show(join(contentDir, 'services', `${r.service}.yaml`))})`,
      );
    }
  }

  const rank = (id: string): number => order.get(id) ?? Number.POSITIVE_INFINITY;
  return rules.sort((a, b) => rank(a.service) - rank(b.service) || a.service.localeCompare(b.service, 'en'));
}
