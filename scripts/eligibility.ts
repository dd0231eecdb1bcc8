/**
 * Command-line door to the eligibility engine.
 *
 *   npx tsx scripts/eligibility.ts '{"group":"child","age":3,"vdeavkSpecialCare":true}'
 *
 * Prints, on stdout and nothing else, a JSON array with one entry per service:
 * `[{ "service": "atelpas-bridis", "verdict": "likely" | "maybe" | "first" | "no", "unknown": [...],
 * "steps": [...] }, …]` in the services' display order: `unknown` names the unanswered facts
 * that decide a `maybe` or `first`; `steps` the pages that explain what comes first. Exit code 2 with one message on stderr when the answers
 * are not valid JSON, not an object, name an unknown fact or hold an invalid value — or
 * when the content (a rule file, a missing rule file) is not valid.
 *
 * `ELIGIBILITY_CONTENT_DIR` may point at another `content/` folder (used by the tests).
 */
import { evaluate, parseFacts } from '../src/domain/eligibility/index';
import { ContentError, DEFAULT_CONTENT_DIR, loadContent } from '../server/content';
import { processIO, runIfMain, type CommandIO } from './cli';

const USAGE = `usage: npx tsx scripts/eligibility.ts '<answers as JSON>', e.g. '{"group":"adult","age":30}'`;

/** Runs the command; returns the exit code. */
export function main(args: readonly string[], io: CommandIO = processIO): number {
  const fail = (message: string): number => {
    io.stderr(`eligibility: ${message}\n`);
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
    const { eligibility } = loadContent(io.env['ELIGIBILITY_CONTENT_DIR'] ?? DEFAULT_CONTENT_DIR);
    const results = evaluate(eligibility, facts).map(({ service, verdict, unknown, reasons }) => ({
      service,
      verdict,
      unknown,
      // The pages that explain what comes first: only when that is the verdict.
      steps: verdict === 'first' ? [...new Set(reasons.flatMap((r) => (r.step === null ? [] : [r.step])))] : [],
    }));
    io.stdout(`${JSON.stringify(results)}\n`);
    return 0;
  } catch (error) {
    // One line per content problem, each naming the file and the field.
    if (error instanceof ContentError) return fail(error.problems.join('\neligibility: '));
    return fail((error as Error).message);
  }
}

runIfMain(import.meta.url, main);
