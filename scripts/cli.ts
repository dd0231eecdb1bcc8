/**
 * What every command shares: its input and output as parameters (so tests run `main`
 * in-process), and the line that runs `main` only when the file is the program itself.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A command's surroundings: where it writes, and the environment it reads. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams and environment. */
export const processIO: CommandIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
};

/**
 * Run `main` when `moduleUrl` is the file node (or tsx) was started with; do nothing
 * when the module is imported. Sets `process.exitCode` rather than calling `exit()`, so
 * output is flushed when piped.
 */
export function runIfMain(
  moduleUrl: string,
  main: (argv: readonly string[], io: CommandIO) => number | Promise<number>,
): void {
  const started = process.argv[1];
  if (started === undefined) return;
  let same: boolean;
  try {
    same = realpathSync(started) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    same = false;
  }
  if (!same) return;
  void Promise.resolve(main(process.argv.slice(2), processIO)).then((code) => {
    process.exitCode = code;
  });
}
