/**
 * Eligibility rules as data: the types of a parsed rule file and their validation.
 *
 * The file format is documented in `content/eligibility/README.md`. In short: a service
 * may fit when every condition of one of its ways holds; each condition tests one fact
 * and carries the source sentence it comes from and reason texts in plain (`lv`) and
 * easy-read (`easy`) Latvian.
 *
 * Pure module: the caller reads and parses the YAML; this module only checks the data,
 * so that a wrong rule file is caught with its file name and field path.
 */
import {
  DECIDING_FACTS,
  FACT_SPECS,
  describeExpected,
  isDecidingFact,
  isValidValue,
  type DecidingFact,
  type FactValue,
} from './facts';

/** The three verdicts: the service may well fit, we cannot tell yet, or it does not fit. */
export const VERDICTS = ['likely', 'maybe', 'no'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * How a condition compares the fact with `value`:
 * `equals` (the same value), `one-of` (any value of a list),
 * `at-least` / `at-most` (numbers, limits included: `at-most: 17` means 17 or less).
 */
export const OPERATORS = ['equals', 'one-of', 'at-least', 'at-most'] as const;
export type Operator = (typeof OPERATORS)[number];

/** The same text in plain Latvian and in easy-read Latvian. */
export interface LocalizedText {
  readonly lv: string;
  /** Easy-read: one sentence of at most 15 words. */
  readonly easy: string;
}

/** Where a rule comes from: a source id from `content/sources.yaml` and the words quoted from it. */
export interface SourceRef {
  readonly source: string;
  /** Copied exactly from the source (a sentence or a contiguous part of one). */
  readonly quote: string;
}

/** One test of one fact. */
export interface Condition extends SourceRef {
  /** Where the condition is in its file, e.g. `conditions[2]` or `ways[1].conditions[0]`. */
  readonly path: string;
  readonly fact: DecidingFact;
  readonly is: Operator;
  /** A single value, or a list for `one-of`. */
  readonly value: FactValue | readonly FactValue[];
  /** Why the service may fit, shown when the condition holds. */
  readonly holds: LocalizedText;
  /** Why it does not fit, shown when the condition fails. */
  readonly fails: LocalizedText;
}

/** A set of conditions that must all hold. */
export interface Way {
  /** Where the way is in its file: `conditions` (the one way) or `ways[1]`. */
  readonly path: string;
  /** A short Latvian label, e.g. "Pilngadīgs cilvēks ar GRT"; `null` for a single-way service. */
  readonly name: string | null;
  readonly conditions: readonly Condition[];
}

/** A remark shown with a service's result. */
export interface Note extends LocalizedText {
  /** The verdicts for which the note is shown. */
  readonly when: readonly Verdict[];
  /** Optional source id the note is based on. */
  readonly source: string | null;
}

/** The parsed rules of one service. */
export interface ServiceRules {
  /** The service id: the file name without `.yaml`, the same as in `content/services/`. */
  readonly service: string;
  /** The file the rules came from (for messages). */
  readonly file: string;
  /** The service's Latvian name, to make the file readable. */
  readonly title: string;
  /** The source sentence that names the service itself. */
  readonly basis: SourceRef;
  /** The service may fit when one of these ways holds entirely (usually just one way). */
  readonly ways: readonly Way[];
  readonly notes: readonly Note[];
}

/** A rule file that cannot be used. The message names the file and the field path. */
export class RuleFileError extends Error {
  override readonly name = 'RuleFileError';
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}: ${path === '' ? '' : `${path}: `}${problem}`);
  }
}

/** Options for `parseRuleFile`. */
export interface ParseRuleOptions {
  /** Ids from `content/sources.yaml`; when given, every `source` must be one of them. */
  readonly sourceIds?: Iterable<string>;
}

/** The most words an easy-read sentence may have. */
export const EASY_MAX_WORDS = 15;

/**
 * Problems with an easy-read sentence, or `null` when it follows the house rules:
 * one sentence, at most 15 words, ending with `.`, `!` or `?`.
 * A dot after a digit ("1. vai 2. grupas") is an ordinal number, not a sentence end.
 */
export function easyTextProblem(text: string): string | null {
  const words = text
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
  if (words.length > EASY_MAX_WORDS) {
    return `expected one sentence of at most ${EASY_MAX_WORDS} words, got ${words.length} words`;
  }
  if (!/[.!?]$/u.test(text.trim())) return 'expected one sentence ending with ".", "!" or "?"';
  if (/[^\d][.!?]\s+\S/u.test(text.trim())) return 'expected one sentence, got more than one';
  return null;
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

type Obj = Record<string, unknown>;

/** Validation state for one file: its name, the known source ids. */
class Checker {
  constructor(
    readonly file: string,
    readonly sourceIds: ReadonlySet<string> | null,
  ) {}

  fail(path: string, problem: string): never {
    throw new RuleFileError(this.file, path, problem);
  }

  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `expected a mapping with ${required.join(', ')}, got ${describe(value)}`);
    }
    const obj = value as Obj;
    for (const key of Object.keys(obj)) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.fail(join(path, key), `unknown field; expected ${[...required, ...optional].join(', ')}`);
      }
    }
    for (const key of required) {
      if (!(key in obj)) this.fail(join(path, key), 'missing');
    }
    return obj;
  }

  text(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, `expected text, got ${describe(value)}`);
    return value.trim();
  }

  list(value: unknown, path: string, what: string): readonly unknown[] {
    if (!Array.isArray(value) || value.length === 0)
      this.fail(path, `expected a non-empty list of ${what}, got ${describe(value)}`);
    return value as unknown[];
  }

  localized(value: unknown, path: string): LocalizedText {
    const obj = this.object(value, path, ['lv', 'easy']);
    const lv = this.text(obj['lv'], join(path, 'lv'));
    const easy = this.text(obj['easy'], join(path, 'easy'));
    const problem = easyTextProblem(easy);
    if (problem !== null) this.fail(join(path, 'easy'), problem);
    return { lv, easy };
  }

  source(value: unknown, path: string): string {
    const id = this.text(value, path);
    if (this.sourceIds !== null && !this.sourceIds.has(id)) {
      this.fail(path, `unknown source ${JSON.stringify(id)}; expected an id from content/sources.yaml`);
    }
    return id;
  }

  sourceRef(obj: Obj, path: string): SourceRef {
    return {
      source: this.source(obj['source'], join(path, 'source')),
      quote: this.text(obj['quote'], join(path, 'quote')),
    };
  }

  condition(value: unknown, path: string): Condition {
    const obj = this.object(value, path, ['fact', 'is', 'value', 'source', 'quote', 'holds', 'fails']);
    const factRaw = obj['fact'];
    if (typeof factRaw !== 'string' || !isDecidingFact(factRaw)) {
      this.fail(
        join(path, 'fact'),
        `expected ${DECIDING_FACTS.map((f) => JSON.stringify(f)).join(' | ')}, got ${describe(factRaw)}` +
          (factRaw === 'municipality' || factRaw === 'filledBy' ? ' (this fact never decides eligibility)' : ''),
      );
    }
    const fact: DecidingFact = factRaw;
    const isRaw = obj['is'];
    if (typeof isRaw !== 'string' || !(OPERATORS as readonly string[]).includes(isRaw)) {
      this.fail(
        join(path, 'is'),
        `expected ${OPERATORS.map((o) => JSON.stringify(o)).join(' | ')}, got ${describe(isRaw)}`,
      );
    }
    const is = isRaw as Operator;
    const kind = FACT_SPECS[fact].kind;
    if ((is === 'at-least' || is === 'at-most') && kind !== 'integer') {
      this.fail(
        join(path, 'is'),
        `"${is}" compares numbers; fact "${fact}" is not a number (use "equals" or "one-of")`,
      );
    }
    if (is === 'one-of' && kind === 'boolean') {
      this.fail(join(path, 'is'), `fact "${fact}" is true or false; use "equals"`);
    }
    const valuePath = join(path, 'value');
    let conditionValue: FactValue | readonly FactValue[];
    if (is === 'one-of') {
      const items = this.list(obj['value'], valuePath, 'values');
      conditionValue = items.map((item, i) => this.factValue(fact, item, `${valuePath}[${i}]`));
    } else {
      conditionValue = this.factValue(fact, obj['value'], valuePath);
    }
    return {
      path,
      fact,
      is,
      value: conditionValue,
      ...this.sourceRef(obj, path),
      holds: this.localized(obj['holds'], join(path, 'holds')),
      fails: this.localized(obj['fails'], join(path, 'fails')),
    };
  }

  factValue(fact: DecidingFact, value: unknown, path: string): FactValue {
    if (!isValidValue(fact, value)) this.fail(path, `expected ${describeExpected(fact)}`);
    return value;
  }

  conditions(value: unknown, path: string): readonly Condition[] {
    return this.list(value, path, 'conditions').map((c, i) => this.condition(c, `${path}[${i}]`));
  }

  note(value: unknown, path: string): Note {
    const obj = this.object(value, path, ['lv', 'easy'], ['when', 'source']);
    const text = this.localized({ lv: obj['lv'], easy: obj['easy'] }, path);
    let when: readonly Verdict[] = VERDICTS;
    if ('when' in obj) {
      when = this.list(obj['when'], join(path, 'when'), 'verdicts').map((v, i) => {
        if (typeof v !== 'string' || !(VERDICTS as readonly string[]).includes(v)) {
          this.fail(`${join(path, 'when')}[${i}]`, `expected ${VERDICTS.map((x) => JSON.stringify(x)).join(' | ')}`);
        }
        return v as Verdict;
      });
    }
    const source = 'source' in obj ? this.source(obj['source'], join(path, 'source')) : null;
    return { ...text, when, source };
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/** The file name without folders and `.yaml`, or `null` when it is not a `.yaml` file. */
function idFromFile(file: string): string | null {
  const match = /([^/\\]+)\.ya?ml$/u.exec(file);
  return match?.[1] ?? null;
}

/**
 * Validates one parsed rule file (the YAML already turned into plain data).
 *
 * @param data the parsed YAML document
 * @param file the file's path, used in messages (e.g. `content/eligibility/dac.yaml`);
 *   when it ends in `.yaml`, the file's `service` must equal its name
 * @param options `sourceIds` to check every `source` against `content/sources.yaml`
 * @returns the rules, with a single `conditions` list turned into one way
 * @throws {RuleFileError} naming the file and the field path, e.g.
 *   `content/eligibility/dac.yaml: conditions[1].value: expected "I" | "II" | "III" | "none"`
 */
export function parseRuleFile(data: unknown, file: string, options: ParseRuleOptions = {}): ServiceRules {
  const check = new Checker(file, options.sourceIds === undefined ? null : new Set(options.sourceIds));
  const hasWays = typeof data === 'object' && data !== null && 'ways' in data;
  const obj = check.object(data, '', ['service', 'title', 'basis', hasWays ? 'ways' : 'conditions'], ['notes']);

  const service = check.text(obj['service'], 'service');
  if (!ID_PATTERN.test(service))
    check.fail('service', `expected a lower-case id such as "atelpas-bridis", got ${JSON.stringify(service)}`);
  const fileId = idFromFile(file);
  if (fileId !== null && fileId !== service) {
    check.fail('service', `expected ${JSON.stringify(fileId)} (the file name), got ${JSON.stringify(service)}`);
  }
  const title = check.text(obj['title'], 'title');
  const basisObj = check.object(obj['basis'], 'basis', ['source', 'quote']);
  const basis = check.sourceRef(basisObj, 'basis');

  let ways: readonly Way[];
  if (hasWays) {
    ways = check.list(obj['ways'], 'ways', 'ways').map((w, i) => {
      const path = `ways[${i}]`;
      const wayObj = check.object(w, path, ['name', 'conditions']);
      return {
        path,
        name: check.text(wayObj['name'], `${path}.name`),
        conditions: check.conditions(wayObj['conditions'], `${path}.conditions`),
      };
    });
  } else {
    ways = [{ path: 'conditions', name: null, conditions: check.conditions(obj['conditions'], 'conditions') }];
  }

  const notes =
    'notes' in obj && obj['notes'] !== null
      ? check.list(obj['notes'], 'notes', 'notes').map((n, i) => check.note(n, `notes[${i}]`))
      : [];

  return { service, file, title, basis, ways, notes };
}
