/**
 * The easy-read rules that can be checked by a machine: one sentence per line, at most
 * 15 words a sentence, and no abbreviation that the glossary does not explain.
 * (Everyday words, one idea per sentence and pictures need a human reader.)
 *
 * `MAX_WORDS` is the one limit: the content schemas, the content check, the eligibility
 * rules and the interface strings all count against it.
 */
import { abbreviationsIn, countWords, plainText } from '../text/inline';

/** The longest easy-read sentence allowed, in words. */
export const MAX_WORDS = 15;

export interface EasyText {
  /** Where the text is, for messages: `content/services/dac.yaml: easy.what[2]`. */
  where: string;
  text: string;
}

export interface EasyPage {
  /** The page's path, for the table. */
  page: string;
  texts: EasyText[];
  /**
   * Content lines must hold one sentence each. Interface strings (messages, hints) may
   * hold two or three short ones; each is still held to the word limit.
   */
  severalSentencesAllowed?: boolean;
}

export interface PageStats {
  page: string;
  sentences: number;
  meanWords: number;
  longest: number;
}

/**
 * Sentences a line holds: a full stop, "!" or "?" followed by a capital letter starts a
 * new one ("Nr. 445" or "2023. gada" do not).
 */
export function sentencesIn(text: string): string[] {
  return plainText(text)
    .split(/(?<=[.!?])\s+(?=[\p{Lu}"“])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * What is wrong with one easy-read line, or `null`: more than one sentence on it (unless
 * allowed), or a sentence longer than `MAX_WORDS` words.
 */
export function easyLineProblem(text: string, severalSentencesAllowed = false): string | null {
  const sentences = sentencesIn(text);
  if (sentences.length > 1 && !severalSentencesAllowed) return `${sentences.length} sentences on one line: "${text}"`;
  for (const s of sentences) {
    const words = countWords(s);
    if (words > MAX_WORDS) return `${words} words (max ${MAX_WORDS}): "${s}"`;
  }
  return null;
}

/** Check easy-read pages; returns problems (file, field, reason) and per-page figures. */
export function checkEasyRead(
  pages: readonly EasyPage[],
  knownAbbreviations: ReadonlySet<string>,
): { problems: string[]; stats: PageStats[] } {
  const problems: string[] = [];
  const stats: PageStats[] = [];
  for (const page of pages) {
    const counts: number[] = [];
    for (const { where, text } of page.texts) {
      const sentences = sentencesIn(text);
      if (sentences.length > 1 && !page.severalSentencesAllowed)
        problems.push(`${where}: ${sentences.length} sentences on one line: "${text}"`);
      for (const s of sentences) {
        const words = countWords(s);
        counts.push(words);
        if (words > MAX_WORDS) problems.push(`${where}: ${words} words (max ${MAX_WORDS}): "${s}"`);
      }
      for (const abbr of abbreviationsIn(text)) {
        if (!knownAbbreviations.has(abbr)) {
          problems.push(`${where}: abbreviation "${abbr}" is not explained in the glossary (content/glossary/)`);
        }
      }
    }
    const total = counts.reduce((a, b) => a + b, 0);
    stats.push({
      page: page.page,
      sentences: counts.length,
      meanWords: counts.length > 0 ? Math.round((total / counts.length) * 10) / 10 : 0,
      longest: counts.length > 0 ? Math.max(...counts) : 0,
    });
  }
  return { problems, stats };
}
