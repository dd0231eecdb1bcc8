/** Run a command's `main` in-process and collect what it writes. */
import type { CommandIO } from '../../scripts/cli';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `main(argv)` with the given environment (nothing else of the process's). */
export async function runMain(
  main: (argv: readonly string[], io: CommandIO) => number | Promise<number>,
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env,
  });
  return { code, stdout, stderr };
}
