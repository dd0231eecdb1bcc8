import { describe, expect, it } from 'vitest';
import { groupByInitial, initialOf, letterAnchor } from '../../../../src/domain/text/alphabet';

describe('initialOf: the letter a word is filed under', () => {
  it.each([
    ['adoptētājs', 'A'],
    ['ārpusģimenes aprūpe', 'Ā'],
    ['Ģimeniskai videi', 'Ģ'],
    ['īslaicīgā sociālā aprūpe', 'Ī'],
    ['  šķērslis', 'Š'],
    // Decomposed "Ž" (Z + combining caron) is the same letter.
    ['Z\u030Cogs', 'Ž'],
  ])('"%s" → %s', (word, letter) => {
    expect(initialOf(word)).toBe(letter);
  });
});

describe('groupByInitial: an A–Z list in Latvian alphabet order', () => {
  // The order `localeCompare('lv')` gives: Ā among the A words, Ī after the I words.
  const terms = [
    'adoptētājs',
    'aprūpe mājās',
    'ārpusģimenes aprūpe',
    'atbalsta plāns',
    'ģimeniskai videi pietuvināts pakalpojums',
    'garīga rakstura traucējumi',
    'institūcija',
    'īslaicīgā sociālā aprūpe',
    'tīmekļa satura piekļūstamības vadlīnijas',
  ];

  it('gives only the letters that have entries, each long or soft letter after its base', () => {
    expect(groupByInitial(terms, (t) => t).map((g) => g.letter)).toEqual(['A', 'Ā', 'G', 'Ģ', 'I', 'Ī', 'T']);
  });

  it('keeps every entry once, in the order it came in within its letter', () => {
    const groups = groupByInitial(terms, (t) => t);
    expect(groups[0]?.entries).toEqual(['adoptētājs', 'aprūpe mājās', 'atbalsta plāns']);
    expect(groups.flatMap((g) => g.entries).sort()).toEqual([...terms].sort());
  });

  it('puts what is not a letter of the alphabet last', () => {
    expect(groupByInitial(['112 tālrunis', 'Ž'], (t) => t).map((g) => g.letter)).toEqual(['Ž', '1']);
  });
});

describe('letterAnchor', () => {
  it('is the letter in lower case after "burts-"', () => {
    expect(letterAnchor('A')).toBe('burts-a');
    expect(letterAnchor('Ā')).toBe('burts-ā');
  });
});
