import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_NAMES } from '../../../src/domain/icons';

describe('local SVG icons', () => {
  it('every icon name has its file, and every file has a name', () => {
    for (const name of ICON_NAMES) expect(existsSync(`src/icons/${name}.svg`), name).toBe(true);
    const files = readdirSync('src/icons').map((f) => f.replace(/\.svg$/, ''));
    expect(files.sort()).toEqual([...ICON_NAMES].sort());
  });

  it('are decorative, self-contained and reference nothing outside', () => {
    for (const name of ICON_NAMES) {
      const svg = readFileSync(`src/icons/${name}.svg`, 'utf8');
      expect(svg, name).toContain('aria-hidden="true"');
      expect(svg, name).not.toMatch(/<script|href=|url\(|<text/i);
    }
  });
});
