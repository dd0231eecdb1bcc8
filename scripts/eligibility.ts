/**
 * Command-line door to the eligibility engine.
 *
 *   npx tsx scripts/eligibility.ts '{"group":"child","age":3,"vdeavkSpecialCare":true}'
 *
 * Prints, on stdout and nothing else, a JSON array with one entry per service:
 * `[{ "service": "atelpas-bridis", "verdict": "likely" | "maybe" | "no", "unknown": [...] }, …]`
 * in the services' display order. Exit code 2 with one message on stderr when the answers
 * are not valid JSON, not an object, name an unknown fact or hold an invalid value — or
 * when a rule file is invalid or a service has no rule file.
 *
 * `ELIGIBILITY_CONTENT_DIR` may point at another `content/` folder (used by the tests).
 */
import { evaluate, parseFacts } from '../src/domain/eligibility/index';
import { DEFAULT_CONTENT_DIR, loadRules } from './lib/load-rules';

const USAGE = `usage: npx tsx scripts/eligibility.ts '<answers as JSON>', e.g. '{"group":"adult","age":30}'`;

/** Runs the command; returns the exit code. */
function main(args: readonly string[]): number {
  const fail = (message: string): number => {
    process.stderr.write(`eligibility: ${message}\n`);
    return 2;
  };
  const [input, ...extra] = args;
  if (input === undefined || extra.length > 0) return fail(USAGE);

  let answers: unknown;
  try {
    answers = JSON.parse(input);
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  try {
    const facts = parseFacts(answers);
    const rules = loadRules(process.env['ELIGIBILITY_CONTENT_DIR'] ?? DEFAULT_CONTENT_DIR);
    const results = evaluate(rules, facts).map(({ service, verdict, unknown }) => ({ service, verdict, unknown }));
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return 0;
  } catch (error) {
    return fail((error as Error).message);
  }
}

// `exitCode` rather than `exit()`, so stdout is flushed when piped.
process.exitCode = main(process.argv.slice(2));
