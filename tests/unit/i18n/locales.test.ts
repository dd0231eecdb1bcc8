/**
 * The UI strings of both versions: the same keys in `lv` and `lv-easy`, the same
 * interpolation variables, no key that the code never uses, and Latvian plurals.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18nFor } from '../../../src/domain/i18n';

const LOCALES = 'src/i18n/locales';
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Json = { [k: string]: string | Json };

function flatten(obj: Json, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function load(dir: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const f of readdirSync(join(LOCALES, dir)).filter((f) => f.endsWith('.json'))) {
    out.set(f.replace(/\.json$/, ''), flatten(JSON.parse(readFileSync(join(LOCALES, dir, f), 'utf8')) as Json));
  }
  return out;
}

const vars = (s: string): string[] => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
const base = (key: string): string => key.replace(PLURAL, '');

function sourceText(): string {
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|astro|mjs)$/.test(name)) parts.push(readFileSync(p, 'utf8'));
    }
  };
  for (const d of ['src', 'server', 'scripts']) walk(d);
  return parts.join('\n');
}

const lv = load('lv');
const easy = load('lv-easy');

describe('UI string resources', () => {
  it('have the same namespaces in both versions', () => {
    expect([...easy.keys()].sort()).toEqual([...lv.keys()].sort());
  });

  for (const [ns, lvKeys] of lv) {
    it(`${ns}: the same keys and interpolation variables in lv and lv-easy`, () => {
      const easyKeys = easy.get(ns) ?? new Map<string, string>();
      expect([...easyKeys.keys()].sort(), `keys of lv-easy/${ns}.json`).toEqual([...lvKeys.keys()].sort());
      for (const [key, text] of lvKeys) {
        expect(vars(easyKeys.get(key) ?? ''), `{{…}} in ${ns}:${key}`).toEqual(vars(text));
        expect(text.trim(), `${ns}:${key} is empty`).not.toBe('');
      }
    });
  }

  it('every key is used by the code', () => {
    const code = sourceText();
    // Keys built at run time: `nav.${key}` uses every key under "nav.".
    const dynamicPrefixes = [...code.matchAll(/`([\w.:]+\.)\$\{/g)].map((m) => (m[1] ?? '').replace(/^\w+:/, ''));
    const unused: string[] = [];
    for (const [ns, keys] of lv) {
      for (const key of new Set([...keys.keys()].map(base))) {
        const literal = [`'${key}'`, `"${key}"`, `\`${key}\``, `'${ns}:${key}'`, `"${ns}:${key}"`].some((s) =>
          code.includes(s),
        );
        if (!literal && !dynamicPrefixes.some((p) => key.startsWith(p))) unused.push(`${ns}:${key}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('every key the code names literally exists', () => {
    const code = sourceText();
    const named = [...code.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1] ?? '');
    const all = new Set([...lv.values()].flatMap((m) => [...m.keys()].map(base)));
    expect(named.filter((k) => !all.has(k))).toEqual([]);
  });
});

describe('Latvian plurals (Intl.PluralRules("lv"): zero / one / other)', () => {
  const t = i18nFor('lv').t;
  it.each([
    [0, 'Portālā aprakstīti 0 pakalpojumu.'],
    [1, 'Portālā aprakstīts 1 pakalpojums.'],
    [2, 'Portālā aprakstīti 2 pakalpojumi.'],
    [11, 'Portālā aprakstīti 11 pakalpojumu.'],
    [21, 'Portālā aprakstīts 21 pakalpojums.'],
  ])('%i → %s', (count, expected) => {
    expect(t('services.count', { count })).toBe(expected);
  });

  it('the easy-read version has its own words and the same rules', () => {
    const te = i18nFor('easy').t;
    expect(te('location.capacity', { count: 21 })).toBe('2023. gadā to izmantoja 21 cilvēks');
    expect(te('location.capacity', { count: 11 })).toBe('2023. gadā to izmantoja 11 cilvēku');
    expect(te('switch.label')).toBe('Parastā valoda');
    expect(t('switch.label')).toBe('Viegli lasīt');
  });
});
