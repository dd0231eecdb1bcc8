/** Test helpers for content: a throw-away copy of `content/` to change, and YAML edits in it. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEFAULT_CONTENT_DIR } from '../../server/content';

/** A copy of the real `content/` in a new temporary folder; `remove()` deletes it. */
export function contentCopy(): { dir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'kv-content-'));
  const dir = join(root, 'content');
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Change one YAML file of a content folder through its parsed data. */
export function editYaml(dir: string, file: string, edit: (data: Record<string, unknown>) => void): void {
  const path = join(dir, file);
  const data = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(data);
  writeFileSync(path, stringify(data));
}
