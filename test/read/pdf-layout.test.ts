import { describe, expect, it } from 'vitest';

import { layoutTextLines, type PositionedText } from '../../src/read/pdf-layout.ts';

/** A run with a width of 6 points per character at size 10 (about Helvetica's average). */
function run(text: string, x: number, y: number, size = 10): PositionedText {
  return { text, x, y, width: text.length * size * 0.6, size };
}

describe('layoutTextLines', () => {
  it('joins runs on one baseline and separates a distant column with a tab', () => {
    expect(layoutTextLines([run('Søker', 50, 100), run('Trondheim kommune', 250, 100)])).toEqual([
      'Søker\tTrondheim kommune',
    ]);
  });

  it('joins runs a word space apart with a space and touching runs with nothing', () => {
    expect(
      layoutTextLines([
        run('Tilskudd', 50, 100),
        run('for', 50 + 48 + 3, 100),
        run('2025', 50 + 48 + 3 + 18, 100),
      ]),
    ).toEqual(['Tilskudd for2025']);
  });

  it('orders lines top to bottom and runs left to right, whatever order they came in', () => {
    const runs = [
      run('verdi 2', 250, 130),
      run('verdi 1', 250, 100),
      run('etikett 2', 50, 130),
      run('etikett 1', 50, 100),
    ];
    expect(layoutTextLines(runs)).toEqual(['etikett 1\tverdi 1', 'etikett 2\tverdi 2']);
  });

  it('keeps a label and a value of different font sizes on one line when their baselines nearly match', () => {
    expect(layoutTextLines([run('Beløp', 50, 100, 9), run('1 250 000', 250, 101.5, 12)])).toEqual([
      'Beløp\t1 250 000',
    ]);
  });

  it('drops the second copy of text drawn twice to fake bold', () => {
    expect(layoutTextLines([run('Søknad', 50, 100), run('Søknad', 50.4, 100)])).toEqual(['Søknad']);
  });

  it('drops whitespace-only runs and cleans soft hyphens and non-breaking spaces', () => {
    expect(
      layoutTextLines([
        run('   ', 10, 10),
        run('kr\u00a01\u00a0000', 50, 100),
        run('sam\u00adarbeid', 50, 120),
      ]),
    ).toEqual(['kr 1 000', 'samarbeid']);
  });
});
