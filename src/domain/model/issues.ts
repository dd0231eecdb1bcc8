/**
 * Messages about content, written for an editor: `<file>: <field path>: <what is wrong>`,
 * the field path as YAML shows it (`conditions[1].value`). One wording for every reader
 * that validates with the model's schemas (the server, the commands, the tests).
 */
import { z } from 'zod';

/** The house wording of zod's issues: "missing", "unknown field", `expected "a" | "b", got "c"`. */
export const contentErrorMap: z.ZodErrorMap = (issue, ctx) => {
  if (ctx.data === undefined && issue.code !== 'custom') return { message: 'missing' };
  switch (issue.code) {
    case 'invalid_type':
      return {
        message:
          issue.received === 'undefined'
            ? 'missing'
            : `expected ${issue.expected === 'object' ? 'a mapping' : issue.expected}, got ${issue.received}`,
      };
    case 'invalid_enum_value':
      return {
        message: `expected ${issue.options.map((o) => JSON.stringify(o)).join(' | ')}, got ${JSON.stringify(issue.received)}`,
      };
    case 'invalid_literal':
      return { message: `expected ${JSON.stringify(issue.expected)}` };
    case 'too_small':
      return issue.type === 'array'
        ? { message: `expected at least ${String(issue.minimum)} item(s)` }
        : issue.type === 'string'
          ? { message: 'expected text (it is empty)' }
          : { message: ctx.defaultError };
    default:
      return { message: ctx.defaultError };
  }
};

/** A path as YAML shows it: `conditions[1].value`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The issues of a failed parse as `field: message` lines (an unknown key names itself). */
export function issueLines(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${fieldPath([...issue.path, key])}: unknown field`);
    }
    const path = fieldPath(issue.path);
    return [`${path === '' ? '' : `${path}: `}${issue.message}`];
  });
}

/** The result of validating one entry. */
export type Validated<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Validate one entry with its schema; problems as `<file>: <field>: <what is wrong>`.
 * @param file the content file, as an editor knows it (`content/services/dac.yaml`)
 */
export function validateEntry<S extends z.ZodTypeAny>(schema: S, data: unknown, file: string): Validated<z.output<S>> {
  const result = schema.safeParse(data, { errorMap: contentErrorMap });
  if (result.success) return { ok: true, value: result.data as z.output<S> };
  return { ok: false, problems: issueLines(result.error).map((line) => `${file}: ${line}`) };
}
