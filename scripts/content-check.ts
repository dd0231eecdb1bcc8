/**
 * The content check (part of `npm test`): reads content/ with the content model's
 * schemas and whole-content check — the same rules the build and the server apply — and
 * fails naming the file and the field of every mistake. Also checks the easy-read
 * interface strings (`src/i18n/locales/lv-easy/*.json`) and prints, for each easy-read
 * page, its sentence count, mean and longest sentence in words.
 *
 * Usage: tsx scripts/content-check.ts [content-dir] [locales-dir]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  MAX_WORDS,
  checkEasyRead,
  easyPagesOf,
  easyTermProblems,
  explainedAbbreviations,
  type EasyPage,
  type EasyText,
} from '../src/domain/model/index';
import { ContentError, DEFAULT_CONTENT_DIR, loadContent } from '../server/content';
import { processIO, runIfMain, type CommandIO } from './cli';

/** The easy-read interface strings (buttons, headings, messages) as easy-read "pages". */
function interfacePages(localesDir: string): EasyPage[] {
  const dir = join(localesDir, 'lv-easy');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const texts: EasyText[] = [];
      const walk = (v: unknown, path: string): void => {
        if (typeof v === 'string') texts.push({ where: `${file}: ${path}`, text: v });
        else if (typeof v === 'object' && v !== null)
          for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
      };
      walk(JSON.parse(readFileSync(file, 'utf8')) as unknown, '');
      return { page: `(UI) lv-easy/${f}`, texts, severalSentencesAllowed: true };
    });
}

/** Runs the check; returns the exit code (0 passed, 1 failed). */
export function main(argv: readonly string[], io: CommandIO = processIO): number {
  const contentDir = argv[0] ?? DEFAULT_CONTENT_DIR;
  const localesDir = argv[1] ?? 'src/i18n/locales';
  let content;
  try {
    content = loadContent(contentDir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    io.stderr(
      `\nContent check failed (${error.problems.length}):\n${error.problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const ui = interfacePages(localesDir);
  const pages = [...easyPagesOf(content), ...ui];
  const checked = checkEasyRead(pages, explainedAbbreviations(content));
  // The content's own pages had their words checked when it loaded; the interface's here.
  const result = { ...checked, problems: [...checked.problems, ...easyTermProblems(ui)] };

  const pad = (s: string | number, n: number): string => String(s).padEnd(n);
  const lpad = (s: string | number, n: number): string => String(s).padStart(n);
  io.stdout(`Easy-read pages: sentences, mean and longest sentence (words; max ${MAX_WORDS})\n`);
  io.stdout(`${pad('page', 46)}${lpad('sentences', 10)}${lpad('mean', 7)}${lpad('longest', 9)}\n`);
  for (const s of result.stats) {
    io.stdout(`${pad(s.page, 46)}${lpad(s.sentences, 10)}${lpad(s.meanWords.toFixed(1), 7)}${lpad(s.longest, 9)}\n`);
  }
  io.stdout(`${result.stats.length} pages, ${result.stats.reduce((a, s) => a + s.sentences, 0)} sentences.\n`);

  if (result.problems.length > 0) {
    io.stderr(
      `\nContent check failed (${result.problems.length}):\n${result.problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  io.stdout('Content check passed.\n');
  return 0;
}

runIfMain(import.meta.url, main);
