/**
 * Eligibility rules as content (`content/eligibility/<service-id>.yaml`): the schema of a
 * rule file and the types the engine (`src/domain/eligibility/`) evaluates.
 *
 * The file format is documented in `content/eligibility/README.md`. In short: a service
 * may fit when every condition of one of its ways holds; each condition tests one fact
 * and carries the source sentence it comes from and reason texts in plain (`lv`) and
 * easy-read (`easy`) Latvian. A single `conditions` list is one way.
 */
import { z } from 'zod';
import {
  DECIDING_FACTS,
  FACT_SPECS,
  describeExpected,
  isValidValue,
  type DecidingFact,
  type FactValue,
} from '../eligibility/facts';
import { contentErrorMap } from './issues';
import { easyLineProblem } from './readability';
import { text } from './schemas';

/**
 * The verdicts: the rules answered fit (`likely`); it may fit, something is still unknown
 * (`maybe`); a step comes first, e.g. the special-care opinion (`first`); a current rule
 * excludes it (`no`).
 */
export const VERDICTS = ['likely', 'maybe', 'first', 'no'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * How a condition compares the fact with `value`:
 * `equals` (the same value), `one-of` (any value of a list),
 * `at-least` / `at-most` (numbers, limits included: `at-most: 17` means 17 or less).
 */
export const OPERATORS = ['equals', 'one-of', 'not-one-of', 'at-least', 'at-most'] as const;

/**
 * What a failing condition means: the service does not fit (`no`, the default); a step
 * comes first, which the person can take (`first`, e.g. the special-care opinion); or the
 * rule is not known for the person's case, so it may still fit (`maybe`, e.g. whether a
 * municipality provides respite).
 */
export const OTHERWISE = ['no', 'first', 'maybe'] as const;
export type Otherwise = (typeof OTHERWISE)[number];
export type Operator = (typeof OPERATORS)[number];

/** The same text in plain Latvian and in easy-read Latvian. */
export interface LocalizedText {
  readonly lv: string;
  /** Easy-read: one sentence of at most `MAX_WORDS` words. */
  readonly easy: string;
}

/** Where a rule comes from: a source id from `content/sources.yaml` and the words quoted from it. */
export interface SourceRef {
  readonly source: string;
  /** Where in an act, e.g. "3. punkts" or "2.1. apakšpunkts" (optional: pages have none). */
  readonly point?: string | undefined;
  /** Copied exactly from the source (a sentence or a contiguous part of one). */
  readonly quote: string;
}

/** One test of one fact: what the engine evaluates. */
export interface Condition {
  /** Where the condition is in its file, e.g. `conditions[2]` or `ways[1].conditions[0]`. */
  readonly path: string;
  readonly fact: DecidingFact;
  readonly is: Operator;
  /** A single value, or a list for `one-of`. */
  readonly value: FactValue | readonly FactValue[];
  /** Why the service may fit, shown when the condition holds. */
  readonly holds: LocalizedText;
  /** Why it does not fit (or what comes first, or what is not known), shown when the condition fails. */
  readonly fails: LocalizedText;
  /** What a failure means (see `OTHERWISE`). */
  readonly otherwise: Otherwise;
  /** For `first`: the portal page that explains the step (a Latvian path, e.g. `/pakalpojumi/invaliditates-noteiksana/`). */
  readonly step: string | null;
}

/**
 * A condition as its file has it: with the source sentence it follows, and `also` the
 * further sources when one sentence cannot carry it (a list of municipalities whose rules
 * each say so).
 */
export interface SourcedCondition extends Condition, SourceRef {
  readonly also: readonly SourceRef[];
}

/** A set of conditions that must all hold. */
export interface Way {
  /** Where the way is in its file: `conditions` (the one way) or `ways[1]`. */
  readonly path: string;
  /** A short Latvian label, e.g. "Pilngadīgs cilvēks ar GRT"; `null` for a single-way service. */
  readonly name: string | null;
  readonly conditions: readonly Condition[];
}

/** A way as its file has it. */
export interface SourcedWay extends Way {
  readonly conditions: readonly SourcedCondition[];
}

/** A remark shown with a service's result. */
export interface Note extends LocalizedText {
  /** The verdicts for which the note is shown. */
  readonly when: readonly Verdict[];
  /** Optional source id the note is based on. */
  readonly source: string | null;
}

/**
 * What the engine evaluates of a service's rules: the ways and notes, without the source
 * sentences (the browser gets only this; see `evaluableRules`).
 */
export interface EvaluableRule {
  /** The service id: the file name without `.yaml`, the same as in `content/services/`. */
  readonly service: string;
  /** The service may fit when one of these ways holds entirely (usually just one way). */
  readonly ways: readonly Way[];
  readonly notes: readonly Note[];
}

/** The rules of one service, as its rule file has them. */
export interface EligibilityRule extends EvaluableRule {
  /** The service's Latvian name, to make the file readable. */
  readonly title: string;
  /** The source sentence that names the service itself. */
  readonly basis: SourceRef;
  readonly ways: readonly SourcedWay[];
}

/** The rules without what only their editors need (titles, sources, quoted sentences). */
export function evaluableRules(rules: readonly EvaluableRule[]): EvaluableRule[] {
  return rules.map((r) => ({
    service: r.service,
    ways: r.ways.map((w) => ({
      path: w.path,
      name: w.name,
      conditions: w.conditions.map(({ path, fact, is, value, holds, fails, otherwise, step }) => ({
        path,
        fact,
        is,
        value,
        holds,
        fails,
        otherwise,
        step,
      })),
    })),
    notes: r.notes.map((n) => ({ ...n })),
  }));
}

/**
 * An easy-read reason: one sentence of at most `MAX_WORDS` words, ending with ".", "!"
 * or "?" (it is shown on its own, as a full sentence).
 */
const easyReason = text.superRefine((value, ctx) => {
  const problem = easyLineProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  else if (!/[.!?]$/u.test(value))
    ctx.addIssue({ code: 'custom', message: 'expected a sentence ending with ".", "!" or "?"' });
});
const localized = z.strictObject({ lv: text, easy: easyReason });
const sourceRef = { source: text, point: text.optional(), quote: text };

const factName = z.string().superRefine((value, ctx) => {
  if (!(DECIDING_FACTS as readonly string[]).includes(value)) {
    const never = value === 'filledBy' ? ' (this fact never decides eligibility)' : '';
    ctx.addIssue({
      code: 'custom',
      message: `expected ${DECIDING_FACTS.map((f) => JSON.stringify(f)).join(' | ')}, got ${JSON.stringify(value)}${never}`,
    });
  }
});

const rawCondition = z
  .strictObject({
    fact: factName,
    is: z.enum(OPERATORS),
    value: z.unknown(),
    ...sourceRef,
    holds: localized,
    fails: localized,
    also: z.array(z.strictObject(sourceRef)).optional(),
    otherwise: z.enum(OTHERWISE).default('no'),
    step: z
      .string()
      .regex(
        /^\/pakalpojumi\/[a-z0-9-]+\/$/u,
        'expected a service page such as "/pakalpojumi/invaliditates-noteiksana/"',
      )
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (!(DECIDING_FACTS as readonly string[]).includes(c.fact)) return;
    const fact = c.fact as DecidingFact;
    const kind = FACT_SPECS[fact].kind;
    if ((c.is === 'at-least' || c.is === 'at-most') && kind !== 'integer') {
      ctx.addIssue({
        code: 'custom',
        path: ['is'],
        message: `"${c.is}" compares numbers; fact "${fact}" is not a number (use "equals" or "one-of")`,
      });
      return;
    }
    if ((c.is === 'one-of' || c.is === 'not-one-of') && kind === 'boolean') {
      ctx.addIssue({ code: 'custom', path: ['is'], message: `fact "${fact}" is true or false; use "equals"` });
      return;
    }
    if (c.step !== undefined && c.otherwise !== 'first')
      ctx.addIssue({ code: 'custom', path: ['step'], message: 'a step is only shown with `otherwise: first`' });
    if (c.is === 'one-of' || c.is === 'not-one-of') {
      // An empty list says "no municipality's rules found yet": only with `otherwise: maybe`.
      const emptyAllowed = c.fact === 'municipality' && c.is === 'one-of' && c.otherwise === 'maybe';
      if (!Array.isArray(c.value) || (c.value.length === 0 && !emptyAllowed)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message:
            "expected a non-empty list of values (an empty municipality list only with `otherwise: maybe`: no municipality's rules found yet)",
        });
        return;
      }
      c.value.forEach((v: unknown, i) => {
        if (!isValidValue(fact, v))
          ctx.addIssue({ code: 'custom', path: ['value', i], message: `expected ${describeExpected(fact)}` });
      });
    } else if (!isValidValue(fact, c.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `expected ${describeExpected(fact)}` });
    }
  });
type RawCondition = z.output<typeof rawCondition>;

const note = z.strictObject({
  lv: text,
  easy: easyReason,
  /** The verdicts the note is shown with (default: all). */
  when: z
    .array(z.enum(VERDICTS))
    .min(1)
    .default([...VERDICTS]),
  source: text.optional(),
});

const conditions = z.array(rawCondition).min(1);
const base = {
  /** The service id: the file name without `.yaml`. */
  service: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'expected a lower-case id such as "atelpas-bridis"'),
  title: text,
  basis: z.strictObject(sourceRef),
  notes: z.array(note).nullish(),
};

/** Validation has run: the fact and value are of the fact's kind. */
function toCondition(c: RawCondition, path: string): SourcedCondition {
  return {
    path,
    fact: c.fact as DecidingFact,
    is: c.is,
    value: c.value as FactValue | readonly FactValue[],
    source: c.source,
    quote: c.quote,
    ...(c.point === undefined ? {} : { point: c.point }),
    also: c.also ?? [],
    holds: c.holds,
    fails: c.fails,
    otherwise: c.otherwise,
    step: c.step ?? null,
  };
}

const oneWayFile = z.strictObject({ ...base, conditions });
const waysFile = z.strictObject({ ...base, ways: z.array(z.strictObject({ name: text, conditions })).min(1) });

function toRule(raw: z.output<typeof oneWayFile> | z.output<typeof waysFile>): EligibilityRule {
  return {
    service: raw.service,
    title: raw.title,
    basis: raw.basis,
    ways:
      'ways' in raw
        ? raw.ways.map((w, i) => ({
            path: `ways[${i}]`,
            name: w.name,
            conditions: w.conditions.map((c, j) => toCondition(c, `ways[${i}].conditions[${j}]`)),
          }))
        : [
            {
              path: 'conditions',
              name: null,
              conditions: raw.conditions.map((c, j) => toCondition(c, `conditions[${j}]`)),
            },
          ],
    notes: (raw.notes ?? []).map((n) => ({ lv: n.lv, easy: n.easy, when: n.when, source: n.source ?? null })),
  };
}

/**
 * A rule file: `conditions` (one way) or `ways` (several, each named). The file says
 * which by its keys, so a mistake is reported against the shape the file meant (a plain
 * union would report both shapes' complaints).
 */
export const eligibilityRule = z.unknown().transform((data, ctx): EligibilityRule => {
  const meantWays = typeof data === 'object' && data !== null && 'ways' in data;
  const result = (meantWays ? waysFile : oneWayFile).safeParse(data, { errorMap: contentErrorMap });
  if (result.success) return toRule(result.data);
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys)
        ctx.addIssue({ code: 'custom', path: [...issue.path, key], message: 'unknown field' });
    else ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
  return z.NEVER;
});
