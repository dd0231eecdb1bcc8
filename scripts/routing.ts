/**
 * Print the effective routing table: where a service request and a foster enquiry for
 * each municipality are sent, built from `content/municipalities/*.yaml` and the optional
 * routing file named by `ROUTING_FILE` (JSON, same shape as `--json` prints, partial allowed).
 *
 *     npx tsx scripts/routing.ts            a readable table, then the production problems
 *     npx tsx scripts/routing.ts --json     { "<id>": { "service", "foster", "verified": { … } } }
 *     npx tsx scripts/routing.ts --strict   also exit 3 while a route is a placeholder or unverified
 *
 * Environment: `ROUTING_FILE` (optional), `CONTENT_DIR` (default: the repository's content/).
 * Exit codes: 0 fine, 1 content unreadable or bad arguments, 2 routing file invalid,
 * 3 (`--strict` only) the table is not fit for production.
 */
import { MUNICIPALITY_IDS, routingProblems, routingTableToJson } from '../src/domain/referral/index';
import type { Route, RoutingTable } from '../src/domain/referral/index';
import { DEFAULT_CONTENT_DIR, RoutingFileError, loadReferralContent } from '../server/content';
import { processIO, runIfMain, type CommandIO } from './cli';

const USAGE = 'usage: tsx scripts/routing.ts [--json] [--strict]';

function status(route: Route): string {
  if (route.placeholder) return 'PLACEHOLDER (no address known)';
  return `${route.verified ? 'verified' : 'UNVERIFIED'} (${route.source})`;
}

function table(routing: RoutingTable): string {
  const rows: string[][] = [['municipality', 'type', 'e-mail', 'status']];
  for (const [id, routes] of routing) {
    rows.push([id, 'service', routes.service.email, status(routes.service)]);
    rows.push(['', 'foster', routes.foster.email, status(routes.foster)]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Runs the command; returns the exit code. */
export function main(argv: readonly string[], io: CommandIO = processIO): number {
  const args = new Set(argv);
  for (const arg of args) {
    if (arg !== '--json' && arg !== '--strict') {
      io.stderr(`Unknown argument ${arg}\n${USAGE}\n`);
      return 1;
    }
  }
  const contentDir = io.env['CONTENT_DIR']?.trim() || DEFAULT_CONTENT_DIR;
  const routingFile = io.env['ROUTING_FILE']?.trim() || undefined;

  let routing: RoutingTable;
  try {
    routing = loadReferralContent({ contentDir, ...(routingFile ? { routingFile } : {}) }).routing;
  } catch (error) {
    if (error instanceof RoutingFileError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (error instanceof Error) {
      io.stderr(`Cannot build the routing table: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  const problems = routingProblems(routing, MUNICIPALITY_IDS);
  if (args.has('--json')) {
    io.stdout(`${JSON.stringify(routingTableToJson(routing), null, 2)}\n`);
  } else {
    io.stdout(`Routing (content: ${contentDir}; routing file: ${routingFile ?? 'none'})\n\n`);
    io.stdout(`${table(routing)}\n\n`);
    if (problems.length === 0) io.stdout('No problems: fit for a production start.\n');
    else {
      io.stdout(`${problems.length} problem(s) stop a production start:\n`);
      for (const p of problems) io.stdout(`  - ${p.message}\n`);
    }
  }
  return args.has('--strict') && problems.length > 0 ? 3 : 0;
}

runIfMain(import.meta.url, main);
