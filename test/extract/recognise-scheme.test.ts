import { describe, expect, it } from 'vitest';
import { aliasRegExp, recogniseScheme, withoutLookarounds } from '../../src/extract/recognise-scheme.ts';
import { toSourceDocument } from '../../src/extract/source-text.ts';
import { schemes } from '../support/rule-fixtures.ts';
import { textDocument } from '../support/text-document.ts';

const recognise = (...lines: string[]) =>
  recogniseScheme([toSourceDocument(textDocument('soknad.pdf', lines.join('\n')), 0)], schemes)?.scheme.id ??
  null;

describe('scheme names in nynorsk', () => {
  it.each([
    [
      'Søknad om tilskot – Tilbod til vaksne med behov for langvarig oppfølging og samansette tenester',
      'voksne-langvarig-sammensatt',
    ],
    [
      'Tilbod til vaksne med alvorlege psykiske lidingar: behandlingsførebuande tiltak',
      'voksne-langvarig-sammensatt',
    ],
    ['Søknad om tilskot til kommunalt rusarbeid 2025', 'kommunalt-rusarbeid'],
    [
      'Tilbod til barn og unge med behov for langvarig og samansett oppfølging',
      'barn-unge-langvarig-sammensatt',
    ],
    [
      'Tilbod til born og unge med behov for langvarig/samansett oppfølging',
      'barn-unge-langvarig-sammensatt',
    ],
    ['Tilskot til utvikling av dei sosiale tenestene i Nav-kontoret', 'nav-sosiale-tjenester'],
    ['Tilskot til utvikling av sosiale tenester i Nav', 'nav-sosiale-tjenester'],
    [
      'Kommunalt rusarbeid – overgangsordninga: vidareføring av eksisterande stillingar',
      'kommunalt-rusarbeid-overgang',
    ],
    ['Tiltak for kompetanseheving mot vald mot risikoutsette vaksne', 'tryggest'],
    ['Smittevern- og oppfølgingsarbeid under koronapandemien', 'smittevern-oppfolging'],
  ])('recognises "%s"', (title, id) => {
    expect(recognise(title, 'Kinn kommune')).toBe(id);
  });

  it('recognises a nynorsk name wrapped over two lines', () => {
    expect(
      recognise(
        'Søknad om tilskot',
        'Tilbod til vaksne med behov for',
        'langvarig oppfølging og samansette tenester',
      ),
    ).toBe('voksne-langvarig-sammensatt');
  });

  it('still tells the bokmål names apart', () => {
    expect(recognise('Tilbud til voksne med behov for langvarig oppfølging og sammensatte tjenester')).toBe(
      'voksne-langvarig-sammensatt',
    );
    expect(recognise('Søknad om tilskudd til FACT-ung-team')).toBe('barn-unge-langvarig-sammensatt');
    expect(recognise('Søknad om tilskudd til frisklivs- og læringstilbud')).toBeNull();
  });
});

describe('aliases match at word boundaries', () => {
  it.each([
    ['\\bnav\\b', 'NAV-kontoret', true],
    ['\\bnav\\b', 'Navøy kommune', false],
    ['\\blasso\\b', 'lasso-tilbodet', true],
    ['\\blasso\\b', 'lassoen', false],
    ['\\bmo[- ]sent(er|re|eret)\\b', 'Åmo-senteret', false],
    ['\\bmo[- ]sent(er|re|eret)\\b', 'MO-senteret', true],
    ['rusarbeid', 'rusarbeidet i kommunen', true],
    ['rusarbeid', 'ungdomsrusarbeid', false],
    ['smittevern', 'smittevernhensyn', true],
  ])('%s in "%s": %s', (pattern, text, hit) => {
    expect(aliasRegExp(pattern).test(text.toLowerCase())).toBe(hit);
  });

  it('compiles every alias of every scheme', () => {
    for (const s of schemes)
      for (const a of s.recognition.aliases) expect(() => aliasRegExp(a.pattern)).not.toThrow();
  });
});

describe('aliases tried on the whole document first', () => {
  const withAlias = (pattern: string) => {
    const base = schemes.find((s) => s.id === 'tryggest')!;
    const scheme = { ...base, recognition: { ...base.recognition, aliases: [{ pattern, weight: 6 }] } };
    return (...lines: string[]) =>
      recogniseScheme([toSourceDocument(textDocument('soknad.pdf', lines.join('\n')), 0)], [scheme])?.evidence
        .text ?? null;
  };

  it('still finds an alias on the line where it stands, and a name wrapped onto the next line', () => {
    const find = withAlias(String.raw`\bvern mot vald\b`);
    expect(find('Søknad om tilskot til vern mot vald', 'Kinn kommune')).toBe(
      'Søknad om tilskot til vern mot vald',
    );
    expect(find('Søknad om tilskot til vern', 'mot vald i nære relasjonar')).toBe(
      'Søknad om tilskot til vern',
    );
    expect(find('Søknad om tilskot til vern', 'Kinn kommune', 'mot vald')).toBeNull();
  });

  it('tries an anchored alias line by line, where "^" means the start of a line', () => {
    const find = withAlias(String.raw`^tryggest\b`);
    expect(find('Søknad om tilskot', 'TryggEst i Kinn kommune')).toBe('TryggEst i Kinn kommune');
    expect(find('Søknad om tilskot til TryggEst')).toBeNull();
  });
});

describe('the quick test of an alias, without its lookarounds', () => {
  it('keeps escapes and character classes whole, and drops nested lookarounds', () => {
    expect(withoutLookarounds(String.raw`(?<![\p{L}])a\(b[(?=)]c(?!d(?=e))f`)?.source).toBe(
      String.raw`a\(b[(?=)]cf`,
    );
  });

  it('matches wherever the alias does, on real aliases', () => {
    const texts = [
      'act/fact-team',
      'FACT ung',
      'Bodø MO-senter',
      'lasso',
      'navn',
      'Nav-kontoret',
      'fact-ung',
    ];
    for (const pattern of [
      String.raw`\bact\s*/\s*fact\b|\b(f?act)[- ]?team|\bfact\b(?![- ]?ung)`,
      String.raw`\bnav\b`,
    ]) {
      const alias = aliasRegExp(pattern);
      const quick = withoutLookarounds(alias.source)!;
      for (const text of texts) if (alias.test(text)) expect(quick.test(text), text).toBe(true);
    }
  });

  it('gives up (null) where what is left does not compile', () => {
    expect(withoutLookarounds('(?=a)+b')).toBeNull();
  });
});
