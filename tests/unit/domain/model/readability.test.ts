import { describe, expect, it } from 'vitest';
import { checkEasyRead, sentencesIn } from '../../../../src/domain/model/readability';

const glossary = new Set(['GRT', 'VDEĀVK']);

describe('easy-read check', () => {
  it('passes short sentences, one per line, with explained abbreviations', () => {
    const { problems, stats } = checkEasyRead(
      [
        {
          page: '/viegli/x/',
          texts: [
            { where: 'a', text: 'Jums ir invaliditāte.' },
            { where: 'b', text: 'Jums ir GRT un I vai II grupa.' },
          ],
        },
      ],
      glossary,
    );
    expect(problems).toEqual([]);
    expect(stats).toEqual([{ page: '/viegli/x/', sentences: 2, meanWords: 5.5, longest: 8 }]);
  });

  it('fails a sentence of 16 words and names where it is', () => {
    const long =
      'Viens divi trīs četri pieci seši septiņi astoņi deviņi desmit vienpadsmit divpadsmit trīspadsmit četrpadsmit piecpadsmit sešpadsmit.';
    const { problems } = checkEasyRead(
      [{ page: 'p', texts: [{ where: 'content/x.yaml: easy.what[0]', text: long }] }],
      glossary,
    );
    expect(problems).toEqual([expect.stringMatching(/^content\/x\.yaml: easy\.what\[0\]: 16 words/)]);
  });

  it('accepts exactly 15 words', () => {
    const ok =
      'Viens divi trīs četri pieci seši septiņi astoņi deviņi desmit vienpadsmit divpadsmit trīspadsmit četrpadsmit piecpadsmit.';
    expect(checkEasyRead([{ page: 'p', texts: [{ where: 'w', text: ok }] }], glossary).problems).toEqual([]);
  });

  it('fails two sentences on one line', () => {
    const { problems } = checkEasyRead([{ page: 'p', texts: [{ where: 'w', text: 'Zvaniet. Rakstiet.' }] }], glossary);
    expect(problems[0]).toMatch(/2 sentences on one line/);
  });

  it('lets interface strings hold several short sentences, each within the limit', () => {
    const page = { page: 'ui', severalSentencesAllowed: true, texts: [{ where: 'w', text: 'Zvaniet. Rakstiet.' }] };
    expect(checkEasyRead([page], glossary).problems).toEqual([]);
  });

  it('fails an abbreviation the glossary does not explain', () => {
    const { problems } = checkEasyRead([{ page: 'p', texts: [{ where: 'w', text: 'Jautājiet VSAA.' }] }], glossary);
    expect(problems).toEqual(['w: abbreviation "VSAA" is not explained in the glossary (content/glossary/)']);
  });

  it('does not split at dates and numbered rules', () => {
    expect(sentencesIn('Projekts beidzās 2023. gada 31. decembrī.')).toHaveLength(1);
    expect(sentencesIn('MK noteikumi Nr. 445 to prasa.')).toHaveLength(1);
  });
});
