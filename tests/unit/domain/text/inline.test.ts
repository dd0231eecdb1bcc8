import { describe, expect, it } from 'vitest';
import {
  abbreviationsIn,
  compileGlossary,
  countWords,
  isAbbreviation,
  telHref,
  tokensToHtml,
  parseInline,
} from '../../../../src/domain/text/inline';

const glossary = compileGlossary([
  { id: 'grt', term: 'garīga rakstura traucējumi', abbr: 'GRT', aliases: [] },
  {
    id: 'vdeavk',
    term: 'Veselības un darbspēju ekspertīzes ārstu valsts komisija',
    abbr: 'VDEĀVK',
    aliases: ['VDEĀK'],
  },
  { id: 'dac', term: 'dienas aprūpes centrs', abbr: 'DAC', aliases: [] },
  { id: 'atbalsta-plans', term: 'atbalsta plāns', abbr: null, aliases: ['atbalsta plānu'] },
]);

describe('parseInline', () => {
  it('marks only the first use of an abbreviation on a page', () => {
    const seen = new Set<string>();
    const first = parseInline('Personām ar GRT un GRT.', glossary, seen);
    expect(first).toEqual([
      { type: 'text', text: 'Personām ar ' },
      { type: 'term', text: 'GRT', id: 'grt', title: 'garīga rakstura traucējumi' },
      { type: 'text', text: ' un GRT.' },
    ]);
    const later = parseInline('Vēlreiz GRT.', glossary, seen);
    expect(later).toEqual([{ type: 'text', text: 'Vēlreiz GRT.' }]);
  });

  it('recognises the older name VDEĀK as the same entry, with Latvian letters at word edges', () => {
    const tokens = parseInline('Vajadzīgs VDEĀK atzinums.', glossary, new Set());
    expect(tokens[1]).toMatchObject({ type: 'term', text: 'VDEĀK', id: 'vdeavk' });
    expect(tokens[1]?.type === 'term' ? tokens[1].title : null).toContain('komisija');
  });

  it('does not match inside words or lowercase look-alikes of abbreviations', () => {
    expect(parseInline('DACs un dac', glossary, new Set())).toEqual([{ type: 'text', text: 'DACs un dac' }]);
  });

  it('matches full terms case-insensitively, longest first, without an abbr title', () => {
    const tokens = parseInline('Izstrādā atbalsta plānu.', glossary, new Set());
    expect(tokens[1]).toEqual({ type: 'term', text: 'atbalsta plānu', id: 'atbalsta-plans', title: null });
  });

  it('turns [label](/path/) into a link and leaves all other markup as text', () => {
    const tokens = parseInline('Skatīt [DAC lapu](/pakalpojumi/dac/) un <b>šo</b>.', glossary, new Set());
    expect(tokens).toEqual([
      { type: 'text', text: 'Skatīt ' },
      { type: 'link', text: 'DAC lapu', href: '/pakalpojumi/dac/' },
      { type: 'text', text: ' un <b>šo</b>.' },
    ]);
  });

  it('does not make links to other hosts', () => {
    expect(parseInline('[x](https://example.com/)', glossary, new Set())).toEqual([
      { type: 'text', text: '[x](https://example.com/)' },
    ]);
  });
});

describe('readability helpers', () => {
  it('counts words as a reader sees them', () => {
    expect(countWords('Jums ir [invaliditāte](/vardnica/).')).toBe(3);
    expect(countWords('Nakts ir no 20:00 līdz 8:00.')).toBe(6);
    expect(countWords('Tas ir — labi.')).toBe(3);
  });

  it('finds abbreviations but not Roman numerals', () => {
    expect(abbreviationsIn('I vai II grupa, GRT un VDEĀVK, ĢVPP.')).toEqual(['GRT', 'VDEĀVK', 'ĢVPP']);
    expect(isAbbreviation('III')).toBe(false);
    expect(isAbbreviation('Rīga')).toBe(false);
  });
});

describe('tokensToHtml', () => {
  const href = (p: string): string => `/viegli${p}`;
  const gl = (id: string): string => `/viegli/vardnica/#${id}`;

  it('escapes every piece of content text, including in attributes', () => {
    const tokens = parseInline('<script>alert("x")</script> & [a"b](/x/?q="1") GRT', glossary, new Set());
    const html = tokensToHtml(tokens, href, gl);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ');
    expect(html).toContain('<a href="/viegli/x/?q=&quot;1&quot;">a&quot;b</a>');
    expect(html).toContain(
      '<a class="term" href="/viegli/vardnica/#grt"><abbr title="garīga rakstura traucējumi">GRT</abbr></a>',
    );
  });

  it('marks a full term as a link without abbr', () => {
    const html = tokensToHtml(parseInline('Jūsu atbalsta plāns.', glossary, new Set()), href, gl);
    expect(html).toBe('Jūsu <a class="term" href="/viegli/vardnica/#atbalsta-plans">atbalsta plāns</a>.');
  });
});

describe('telHref', () => {
  it('keeps only digits and the plus sign', () => {
    expect(telHref('+371 67331492')).toBe('tel:+37167331492');
    expect(telHref('63 350 107')).toBe('tel:63350107');
  });
});

describe('parseInline with writeOut (easy-read): abbreviations written out at first use', () => {
  const writeOut = { writeOut: true };

  it('writes the full term after the first use, not after later ones', () => {
    const seen = new Set<string>();
    const first = parseInline('Jums vajag VDEĀVK papīru.', glossary, seen, writeOut);
    expect(first[1]).toMatchObject({
      type: 'term',
      text: 'VDEĀVK',
      writeOut: 'Veselības un darbspēju ekspertīzes ārstu valsts komisija',
    });
    expect(
      tokensToHtml(
        first,
        (p) => p,
        (id) => `/viegli/vardnica/#${id}`,
      ),
    ).toBe(
      'Jums vajag <a class="term" href="/viegli/vardnica/#vdeavk"><abbr title="Veselības un darbspēju ekspertīzes ārstu valsts komisija">VDEĀVK</abbr></a> (Veselības un darbspēju ekspertīzes ārstu valsts komisija) papīru.',
    );
    expect(parseInline('Vēlreiz VDEĀVK.', glossary, seen, writeOut)).toEqual([
      { type: 'text', text: 'Vēlreiz VDEĀVK.' },
    ]);
  });

  it('leaves alone what the sentence already explains: brackets, or the full term in any ending', () => {
    for (const text of [
      'Ārstu komisija (VDEĀVK) nolemj.',
      'VDEĀVK (ārstu komisija) nolemj.',
      'Tas ir dienas aprūpes centrā, ko sauc DAC.',
      'GRT nozīmē “garīga rakstura traucējumi”.',
    ]) {
      const term = parseInline(text, glossary, new Set(), writeOut).find((t) => t.type === 'term');
      expect(term, text).toBeDefined();
      expect(term, text).not.toHaveProperty('writeOut');
    }
  });

  it('writes nothing out for full terms, or without the option (the Latvian pages keep <abbr title>)', () => {
    expect(parseInline('Izstrādā atbalsta plānu.', glossary, new Set(), writeOut)[1]).not.toHaveProperty('writeOut');
    expect(parseInline('Personām ar GRT.', glossary, new Set())[1]).not.toHaveProperty('writeOut');
  });
});
