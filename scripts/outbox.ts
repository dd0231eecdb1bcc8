/**
 * The operator's view of the outbox under `DATA_DIR` (default ./var): how many enquiries
 * wait, which gave up, and sending those again once the cause is fixed (e.g. a corrected
 * ROUTING_FILE or a mail server that accepts again).
 *
 *     npm run --silent outbox -- status          counts, and whether a server holds the outbox
 *     npm run --silent outbox -- dead            the dead letters: reference, office, when, why;
 *                                                and the files set aside as unreadable
 *     npm run --silent outbox -- retry KV-…      send these again (a running server picks them
 *     npm run --silent outbox -- retry --all     up within 30 s, or at its next start)
 *     npm run --silent outbox -- delete KV-…     delete these dead letters for good (settled
 *                                                another way); one by one, never "all"
 *
 * It prints references, municipalities and delivery errors — never names, contacts,
 * messages or answers. Safe while the server runs: it only reads, and moves entries out of
 * `dead/`, which a running server does not write to.
 * Exit codes: 0 fine, 1 bad arguments, 3 a reference that is not a dead letter.
 * `main` runs the command in-process (the tests call it); run as a file, the module calls it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirFrom } from '../server/config';
import { FileOutbox, type OutboxEntry } from '../server/outbox/index';
import { type MailJob } from '../server/delivery/index';
import { processIO, runIfMain, type CommandIO } from './cli';

/** Where the command writes: the process's streams, or a test's collectors. */

const USAGE =
  'usage: npm run --silent outbox -- status | dead | retry <KV-XXXX-XXXX>… | retry --all | delete <KV-XXXX-XXXX>…';

function describe(entry: OutboxEntry<MailJob>): string[] {
  const job = entry.payload;
  const type = job.kind === 'office' ? job.referral.type : job.type;
  const municipality = job.kind === 'office' ? job.referral.municipality : job.municipality;
  const last = entry.attempts.at(-1);
  return [
    entry.id,
    job.kind === 'office' ? `office (${type})` : 'confirmation to the person',
    municipality,
    entry.createdAt,
    String(entry.attempts.length),
    entry.dead?.reason ?? last?.error ?? '',
  ];
}

/** Columns padded to their widest cell; the last (free text) is not padded. */
function table(rows: string[][]): string {
  const width = (i: number): number => Math.max(...rows.map((r) => (r[i] ?? '').length));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(width(i)))).join('  ')).join('\n');
}

function serverPid(spool: string): string {
  const path = join(spool, 'server.pid');
  if (!existsSync(path)) return 'no server holds it';
  const pid = Number(readFileSync(path, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return `held by the server process ${pid}`;
  } catch {
    return `left by process ${pid}, which is gone (the next start takes it over)`;
  }
}

/**
 * Run one outbox command.
 *
 * @param args the command and its arguments, e.g. `['retry', 'KV-XXXX-XXXX']`
 * @param io where to write the report (stdout) and the problems (stderr), and the environment to take `DATA_DIR` from
 * @returns the exit code: 0 fine, 1 bad arguments, 3 a reference that is not a dead letter
 */
export async function main(args: readonly string[], io: CommandIO = processIO): Promise<number> {
  const [command, ...rest] = args;
  const spool = join(dataDirFrom(io.env), 'outbox');
  const all = command === 'retry' && rest.length === 1 && rest[0] === '--all';
  const wellFormed =
    ((command === 'status' || command === 'dead') && rest.length === 0) ||
    (command === 'retry' && rest.length > 0 && (all || !rest.includes('--all'))) ||
    (command === 'delete' && rest.length > 0 && !rest.includes('--all'));
  if (!wellFormed) {
    io.stderr(`${USAGE}\n`);
    return 1;
  }
  if (!existsSync(spool)) {
    io.stdout(`No outbox at ${spool} (nothing was ever accepted there; is DATA_DIR right?)\n`);
    return (command === 'retry' && !all) || command === 'delete' ? 3 : 0;
  }
  // No recovery, no lock: recovery would take back what a running server is sending.
  const outbox = new FileOutbox<MailJob>(spool, {
    onQuarantine: (file) => io.stderr(`set aside as unreadable: dead/${file}\n`),
  });
  await outbox.init();

  if (command === 'status') {
    const s = await outbox.stats();
    const next = await outbox.nextDueAt();
    const unreadable = (await outbox.listQuarantined()).length;
    io.stdout(
      `Outbox ${spool} (${serverPid(spool)})\n` +
        `  waiting:             ${s.pending}${next ? ` (next attempt ${next.toISOString()})` : ''}\n` +
        `  being sent:          ${s.leased}\n` +
        `  gave up (dead):      ${s.dead}${s.dead > 0 ? '  → npm run --silent outbox -- dead' : ''}\n` +
        `  unreadable files:    ${unreadable}${unreadable > 0 ? '  → npm run --silent outbox -- dead' : ''}\n` +
        `  delivered, retained: ${s.delivered}\n`,
    );
    return 0;
  }

  const dead = await outbox.listDead();
  if (command === 'dead') {
    const quarantined = await outbox.listQuarantined();
    if (dead.length === 0 && quarantined.length === 0) {
      io.stdout('No dead letters.\n');
      return 0;
    }
    if (dead.length > 0) {
      const header = ['reference', 'e-mail', 'municipality', 'accepted', 'attempts', 'why it gave up'];
      io.stdout(`${table([header, ...dead.map(describe)])}\n`);
    } else io.stdout('No dead letters.\n');
    if (quarantined.length > 0) {
      // A damaged file may be an accepted enquiry: an operator must look at it by hand.
      io.stdout(
        `\n${quarantined.length} unreadable file(s) set aside in ${join(spool, 'dead')} ` +
          '(<reference>.<folder>.<time>.unreadable; open them by hand, they may hold an enquiry):\n' +
          quarantined.map((f) => `  ${f}\n`).join(''),
      );
    }
    return 0;
  }

  if (command === 'delete') {
    let missing = 0;
    for (const id of rest) {
      // deleteDead throws on a malformed id: that is "not a dead letter" too.
      if (await outbox.deleteDead(id).catch(() => false)) io.stdout(`${id}: deleted\n`);
      else {
        io.stderr(`${id}: not a dead letter in ${spool}\n`);
        missing += 1;
      }
    }
    return missing > 0 ? 3 : 0;
  }

  // retry
  const ids = all ? dead.map((e) => e.id) : rest;
  let missing = 0;
  for (const id of ids) {
    // requeueDead throws on a malformed id: that is "not a dead letter" too.
    const ok = await outbox.requeueDead(id, new Date()).catch(() => false);
    if (ok) io.stdout(`${id}: waiting again; a running server sends it within 30 s\n`);
    else {
      io.stderr(`${id}: not a dead letter in ${spool}\n`);
      missing += 1;
    }
  }
  if (ids.length === 0) io.stdout('No dead letters.\n');
  return missing > 0 ? 3 : 0;
}

runIfMain(import.meta.url, main);
