import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/domain/fields.ts';
import {
  boost,
  candidate,
  choose,
  labelCandidates,
  labelQuality,
  valueFactor,
  type Candidate,
} from '../../src/extract/candidates.ts';
import { extractSubmission } from '../../src/extract/extract-submission.ts';
import { foldLabel, labelPairs } from '../../src/extract/label-pairs.ts';
import { toSourceDocument } from '../../src/extract/source-text.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { textDocument } from '../support/text-document.ts';

const ev = (text: string) => ({ path: 'a.pdf', page: 1, text });
type HeadField = 'year' | 'requestedAmount' | 'grantedAmount' | 'spentAmount' | 'positions' | 'submittedDate';
const quality = (field: HeadField, label: string) => labelQuality(FIELDS[field], foldLabel(label).folded);

describe('labels by head noun', () => {
  it('accepts words before the noun and qualifiers after it', () => {
    expect(quality('requestedAmount', 'Samlet søknadssum')).not.toBeNull();
    expect(quality('positions', 'Omsøkte årsverk')).not.toBeNull();
    expect(quality('positions', 'Antall årsverk finansiert av tilskuddet')).not.toBeNull();
    expect(quality('grantedAmount', 'Motteke tilskot 2024')).not.toBeNull();
  });
  it('prefers the plain label to a long one', () => {
    expect(quality('requestedAmount', 'Søknadsbeløp')!).toBeGreaterThan(
      quality('requestedAmount', 'Søknadsbeløp for tiltaket i år som helhet')!,
    );
  });
  it('refuses labels with a veto word', () => {
    expect(quality('requestedAmount', 'Egenfinansiering')).toBeNull();
    expect(quality('requestedAmount', 'Tildelt beløp i fjor')).toBeNull();
    expect(quality('spentAmount', 'Ubrukte midler')).toBeNull();
    expect(quality('positions', 'Lønn per årsverk')).toBeNull();
    expect(quality('submittedDate', 'Søknadsfrist')).toBeNull();
  });
  it('matches heads as words, not inside other words', () => {
    expect(quality('year', 'Måloppnåelse')).toBeNull();
    expect(quality('spentAmount', 'Tilbruksområde')).toBeNull();
  });
  it('takes years and dates out of the label as context', () => {
    expect(foldLabel('Brukt per 31.12.2024')).toEqual({ folded: 'brukt per', years: [2024] });
    expect(foldLabel('Mottatt tilskudd 2024')).toEqual({ folded: 'mottatt tilskudd', years: [2024] });
  });
});

describe('plausibility', () => {
  it('a year-shaped number without a currency mark is not money', () => {
    expect(valueFactor(FIELDS.requestedAmount, 2024, '2024')).toBe(0);
    expect(valueFactor(FIELDS.requestedAmount, 2024, 'kr 2024')).toBeGreaterThan(0);
  });
  it('a small grant is suspect, a tiny one implausible', () => {
    expect(valueFactor(FIELDS.requestedAmount, 5000, 'kr 5000')).toBeLessThan(1);
    expect(valueFactor(FIELDS.requestedAmount, 500, 'kr 500')).toBe(0);
  });
  it('positions between 0.1 and 50, a year near the schemes', () => {
    expect(valueFactor(FIELDS.positions, 60, '60')).toBe(0);
    expect(valueFactor(FIELDS.positions, 2.5, '2,5')).toBe(1);
    expect(valueFactor(FIELDS.year, 1999, '1999')).toBe(0);
  });
});

describe('the chooser', () => {
  const cand = (value: number, score: number, strategy: Candidate<number>['strategy'] = 'label') =>
    ({
      value,
      evidence: ev(String(value)),
      confidence: null,
      strategy,
      role: 'main',
      score,
    }) as Candidate<number>;

  it('picks the best score and keeps its evidence', () => {
    const choice = choose('requestedAmount', [cand(500_000, 0.6, 'sentence'), cand(900_000, 0.95)]);
    expect(choice.value?.value).toBe(900_000);
    expect(choice.value?.evidence.text).toBe('900000');
    expect(choice.doubt).toBeNull();
  });
  it('gives null when no candidate is left', () => {
    expect(choose('requestedAmount', [null, null]).value).toBeNull();
  });
  it('reports a doubt when two strong candidates disagree', () => {
    const choice = choose('requestedAmount', [cand(900_000, 0.95), cand(950_000, 0.93)]);
    expect(choice.value?.value).toBe(900_000);
    expect(choice.doubt?.other.value).toBe(950_000);
  });
  it('lets a value that several strategies agree on win over a lone one', () => {
    const choice = choose('year', [cand(2024, 0.9), cand(2025, 0.88, 'title'), cand(2025, 0.75, 'period')]);
    expect(choice.value?.value).toBe(2025);
  });
  it('boosts the candidates that agree with another field', () => {
    const boosted = boost([cand(900_000, 0.7), cand(950_000, 0.72)], (v) => v === 900_000, 0.1);
    expect(choose('requestedAmount', boosted).value?.value).toBe(900_000);
  });
  it('scores a strategy by the field’s trust in it', () => {
    const found = { value: 2025, evidence: ev('2025'), confidence: null };
    expect(candidate(FIELDS.year, 'title', 'main', found)!.score).toBeGreaterThan(
      candidate(FIELDS.year, 'deadline', 'main', found)!.score,
    );
    expect(candidate(FIELDS.requestedAmount, 'title', 'main', { ...found, value: 900_000 })).toBeNull();
  });
  it('ranks main documents above attachments', () => {
    const doc = toSourceDocument(textDocument('a.pdf', 'Søknadsbeløp: kr 900 000'), 0);
    const [main] = labelCandidates(FIELDS.requestedAmount, labelPairs(doc), 'main');
    const [attachment] = labelCandidates(FIELDS.requestedAmount, labelPairs(doc), 'attachment');
    expect(main!.score).toBeGreaterThan(attachment!.score);
  });
});

describe('agreement between fields in a submission', () => {
  const extract = (...pages: string[]) =>
    extractSubmission([textDocument('a.pdf', ...pages)], { schemes, register });

  it('granted = spent + unused chooses between two granted readings', () => {
    const f = extract(
      [
        'Rapport for tilskudd til kommunalt rusarbeid 2024',
        'Innvilget tilskudd: kr 1 000 000',
        'Tildelt beløp: kr 900 000',
        'Forbrukt: kr 850 000',
        'Ubrukte midler: kr 50 000',
      ].join('\n'),
    );
    expect(f.grantedAmount?.value).toBe(900_000);
  });
  it('the budget’s applied-for total supports the requested amount it equals', () => {
    const f = extract(
      [
        'Søknad om tilskudd til kommunalt rusarbeid 2025',
        'Søknadsbeløp: kr 700 000',
        'Omsøkt beløp: kr 750 000',
        'Budsjett',
        'Post\tSøkt tilskudd',
        'Lønn miljøterapeut\t600 000',
        'Kurs og opplæring\t150 000',
        'Sum\t750 000',
      ].join('\n'),
    );
    expect(f.requestedAmount?.value).toBe(750_000);
  });
  it('two labelled amounts that disagree are kept as a doubt', () => {
    const f = extract(
      [
        'Søknad om tilskudd til kommunalt rusarbeid 2025',
        'Søknadsbeløp: kr 900 000',
        'Omsøkt beløp: kr 950 000',
      ].join('\n'),
    );
    expect(f.requestedAmount?.value).toBe(900_000);
    expect(f.doubts?.map((d) => [d.field, d.other.value])).toEqual([['requestedAmount', 950_000]]);
  });
  it('an unknown year is taken from the sending date and the scheme’s deadlines', () => {
    const f = extract(
      [
        'Molde kommune',
        'Søknad om tilskudd til kommunalt rusarbeid',
        'Dato: 20.02.2025',
        'Søknadsbeløp: kr 900 000',
      ].join('\n'),
    );
    expect(f.year?.value).toBe(2025);
    expect(f.year?.evidence.text).toContain('20.02.2025');
  });
});

describe('amounts of several years', () => {
  it('take the amount of the year applied for, not a later one', () => {
    const f = extractSubmission(
      [
        textDocument(
          'a.pdf',
          [
            'Søknad om tilskudd til kommunalt rusarbeid 2025',
            'Budsjett\t2025\t2026\t2027',
            'Søkt tilskudd\t900 000\t800 000\t700 000',
            'Søknadsbeløp 2026: kr 800 000',
          ].join('\n'),
        ),
      ],
      { schemes, register },
    );
    expect(f.year?.value).toBe(2025);
    expect(f.requestedAmount?.value).toBe(900_000);
    expect(f.doubts).toEqual([]);
  });
});
