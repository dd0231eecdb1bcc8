import { describe, expect, it } from 'vitest';
import { saysMoreThan } from '../../../../src/domain/text/wording';

describe('saysMoreThan: does the source wording add to the title?', () => {
  it.each([
    ['Grupu dzīvoklis', 'Grupu dzīvoklis (grupu māja)'],
    ['Specializētā darbnīca', 'Specializētās darbnīcas'],
    ['ĢVPP', 'Ģimeniskai videi pietuvināts pakalpojums (ĢVPP)'],
    ['Ģimeniskai videi pietuvināts pakalpojums (ĢVPP)', 'Ģimeniskai videi pietuvināts pakalpojums (ĢVPP)'],
    ['', 'Dienas aprūpes centrs'],
  ])('"%s" adds nothing to "%s"', (wording, name) => {
    expect(saysMoreThan(wording, name)).toBe(false);
  });

  it.each([
    ['Grupu dzīvokļi personām ar GRT', 'Grupu dzīvoklis (grupu māja)'],
    ['DAC personām ar GRT', 'Dienas aprūpes centrs pieaugušajiem'],
    ['SRC bērniem ar FT', 'Sociālā rehabilitācija bērniem'],
  ])('"%s" adds to "%s"', (wording, name) => {
    expect(saysMoreThan(wording, name)).toBe(true);
  });
});
