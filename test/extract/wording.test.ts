/**
 * The same facts in many wordings, bokmål and nynorsk: words before and after the label's noun,
 * years and dates inside labels, label above value, table rows, wrapped titles, sentences, and
 * every money, position and date form of DOMAIN.md. Each wording must give the same value, with
 * distractors around it (last year's grant, a past-tense year, a deadline, a "per 31.12" date).
 * A property test then puts one random wording per field into one document, in random order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractSubmission, type SubmissionFields } from '../../src/extract/extract-submission.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { textDocument } from '../support/text-document.ts';

const extract = (lines: string[]) =>
  extractSubmission([textDocument('dokument.pdf', lines.join('\n'))], { schemes, register });

// An application for 2025: 900 000 kr for 2,5 årsverk, dated 20 February 2025.
const APPLICATION_HEAD = ['Molde kommune', 'Søknad om tilskudd til kommunalt rusarbeid'];
const APPLICATION_NOISE = [
  'Kommunen fikk tilskudd i 2021 og har drevet tiltaket siden.',
  'Søknadsfrist: 1. mars 2025',
  'Egenfinansiering: kr 300 000',
  'Kontaktperson: Kari Nordmann, telefon 71 11 10 00',
];

const REQUESTED: string[] = [
  'Søknadsbeløp: kr 900 000',
  'Samlet søknadssum: 900 000 kr',
  'Omsøkt beløp\t900 000',
  'Beløp det søkes om: kr 900.000,-',
  'Totalt omsøkt tilskudd (kr): 900 000',
  'Søknadssum 2025: kr 900 000',
  'Det søkes om kr 900 000',
  'Kommunen søker med dette om kr 900 000 til videreføring av tiltaket.',
  'Omsøkt tilskot: 900 000 kr',
  'Søknadssum\n900 000',
  'Tilskot det vert søkt om: kr 900 000',
  'Kommunen søkjer om 900 000 kroner i tilskot.',
  'Beløp som søkes fra Statsforvalteren: 0,9 mill. kr',
  'Søkt beløp i kroner: 900 000',
  'Sum omsøkt: NOK 900 000',
  'Ønsket tilskudd fra Helsedirektoratet: 900 000',
  'Søknadsbeløpet er kr 900 000.',
  'Totalt søknadsbeløp for 2025\tkr 900 000',
  'Omsøkte midlar: 900 000,-',
  'Vi søker om et tilskudd på kr 900 000 for 2025.',
  'Søknadsbeløp\u00a0(kr):\u00a0900\u00a0000',
  'Omsøkt beløp: 900\u202f000',
  'Hvor mye søker dere om i tilskudd?\n900 000',
  'Kor mykje søkjer kommunen om?\nkr 900 000',
  'Beløp det vert søkt om: 0,9 millionar kroner',
  'Beløp det vert søkt om\tEigne midlar\nkr 900 000\tkr 300 000\nPost\tBeløp\nLøn\t800 000\nDrift\t50 000\nSum omsøkt\t850 000',
];

const POSITIONS: string[] = [
  'Antall årsverk: 2,5',
  'Omsøkte årsverk 2,5',
  'Antall årsverk finansiert av tilskuddet: 2,5',
  'Stillinger (årsverk)\t2,5',
  'Tal årsverk: 2,5',
  'Stillingar: 250 %',
  'Stillingsressurs: 250 %',
  'Årsverk (100 % = 1)\n2,5',
  'Tal på stillingar finansiert av tilskotet: 2,5',
  'Antall stillinger: to og en halv stilling',
  'Omfang stillinger: 2,5 årsverk',
  'Stillingar i tiltaket: 2,5 årsverk',
  'Midlene skal finansiere 2,5 årsverk i teamet.',
  'Det søkes om tilskudd til 2,5 stillinger.',
  'Kommunen søkjer om midlar til 2,5 årsverk.',
  'Årsverk som søkes finansiert: 2,5',
  'Bemanning (årsverk): 2,5',
  'Antall stillinger\n2,5',
  'Personalressurs: 2,5 årsverk',
  'Omsøkte stillingar (årsverk): 2,5',
  'Stillinger: 2 x 100 % og 1 x 50 %',
  'Hvor mange årsverk søkes finansiert?\n2,5',
  'Antall stillinger: 2,5 (1 ny og 1,5 videreført)',
  'Stillingsressurs (%)\t250',
  'Antall årsverk i 2025\n2,5',
  '2.6 Årsverk 2,5',
  'Stillingsressurs\n2,5 årsverk, fordelt på tre tilsette',
  'Driftsår\tAntall årsverk i 2025\tØvrige parter i tiltaket\n4. driftsår\t2,5\tVolda kommune (org.nr.',
];

const YEAR: string[] = [
  'Tilskuddsår: 2025',
  'Søknadsår 2025',
  'Tilskotsår: 2025',
  'Gjelder år: 2025',
  'År: 2025',
  'Søknad om tilskudd til kommunalt rusarbeid 2025',
  'Søknad om tilskudd til kommunalt rusarbeid for\n2025',
  'Søknad om tilskot 2025 – kommunalt rusarbeid',
  'Tiltaksperiode: 01.01.2025–31.12.2025',
  'Prosjektperiode: 1. januar 2025 – 31. desember 2025',
  'Søknaden gjelder tilskudd for 2025.',
  'Kommunen søkjer om tilskot for 2025.',
  'Budsjettår\t2025',
  'Søknad om tilskudd 2025\tInnsendt: 20. februar 2025',
  'Det søkes for år: 2025',
  'År det søkes for\n2025',
  'Søknaden gjelder tilskuddsåret 2025.',
  'Søknad for tilskotsåret 2025',
  'Søknadsbeløp for 2025: kr 900 000',
  'Tilskuddsår (budsjettår): 2025',
  'Hvilket år gjelder søknaden?\n2025',
  'Søknad om tilskot frå ordninga\nKommunalt rusarbeid\n– 2025',
  'Det vert med dette søkt om kr 900 000 frå ordninga for 2025.',
];

const DATE: string[] = [
  'Dato: 20.02.2025',
  'Sted og dato: Molde, 20. februar 2025',
  'Stad og dato: Volda 20.02.2025',
  'Molde, 20. februar 2025',
  'Innsendt: 20. februar 2025',
  'Sendt: torsdag 20. februar 2025 14:32',
  'Dato for innsending: 2025-02-20',
  'Molde 20.02.2025',
  'Søknadsdato\t20.02.2025',
  'Datert: 20.2.2025',
  'Stad/dato: Ørsta, 20. februar 2025',
  'Innsendingsdato: 20/2-2025',
  'Levert: 20.02.2025',
  'Med vennlig hilsen\n20.02.2025\nKari Nordmann',
  'Sted og dato\nMolde, 20.02.2025',
  'Dato\t20. februar 2025',
  'Stad og dato: Volda, 20. februar 2025',
  'Dato: 20. feb. 2025',
  'Sted, dato: Molde, 20.02.2025',
  'Signert dato: 20.02.2025',
  'Mottatt: 20. februar 2025',
  'Vår dato\tVår referanse\tDeres dato\n20.02.2025\t25/123-4',
  'Sted og dato\tFor kommunen\nMolde, 20.02.2025\tKari Nordmann, rådmann',
];

// A report on 2024: granted 900 000, spent 850 000, unused 50 000.
const REPORT_HEAD = ['Volda kommune', 'Rapportering på tilskudd til kommunalt rusarbeid 2024'];
const REPORT_NOISE = ['Kommunen søkte om kr 1 000 000 for 2024.', 'Rapporteringsfrist: 1. mars 2025'];

const GRANTED: string[] = [
  'Tildelt beløp: 900 000',
  'Mottatt tilskudd 2024: kr 900 000',
  'Motteke tilskot 2024: kr 900 000',
  'Innvilget tilskudd\t900 000',
  'Tilskudd tildelt for 2024: 900 000 kr',
  'Innvilga tilskot: 900 000',
  'Tildelte midler (kr): 900 000',
  'Bevilget beløp: 900.000',
  'Tilsagn: kr 900 000',
  'Kommunen fikk tildelt kr 900 000 i 2024.',
  'Mottatte midlar 2024: 900 000',
  'Tildelt\n900 000',
  'Innvilget beløp for 2024: 900 000 kroner',
  'Tildelt tilskot frå Statsforvaltaren: 900 000',
  'Tilskudd mottatt: 900 000',
  'Kommunen mottok 900 000 kr i tilskudd for 2024.',
  'Innvilga midlar: kr 900 000,-',
  'Sum tildelt: 900 000',
  'Tildelt tilskudd 2024\tkr 900 000',
  'Tilskotsbeløp: 900 000',
  'Hvor mye ble tildelt?\n900 000',
  'Tildelt ramme 2024: 900 000',
  'Rapporteringsår\tTilsegn\n2024\tkr 900 000,-',
];

const SPENT: string[] = [
  'Forbrukt: 850 000',
  'Brukt per 31.12.2024: kr 850 000',
  'Sum forbruk\t850 000',
  'Nytta midlar: 850 000',
  'Brukte midler 2024: 850 000',
  'Benyttet beløp: 850 000',
  'Faktisk forbruk: 850 000',
  'Forbruk pr. 31.12.2024: 850 000',
  'Medgåtte midler: 850 000',
  'Påløpte kostnader: 850 000',
  'Totalt forbrukt: 850.000',
  'Brukt av tilskotet: 850 000',
  'Forbrukt beløp (kr): 850 000',
  'Kommunen har brukt kr 850 000 av tilskuddet.',
  'Nytta tilskot per 31.12.2024: 850 000',
  'Rekneskap 2024: 850 000',
  'Forbruk\n850 000',
  'Samlet forbruk i 2024: 850 000',
  'Brukt: kr 850 000,-',
  'Sum brukte midlar: 850 000',
  'Hvor mye av tilskuddet er brukt?\n850 000',
  'Rekneskapsår\tBrukt av tilskotet per 31.12.\n2024\t850 000 kroner',
  'Brukt av tilskotet per 31.12.\nkr. 850.000',
  'Øvrige parter i tiltaket\tBevilget tilskudd\tRegnskap 2024\nMental Helse lokallag\tkr 900 000,-\tkr 850 000',
  'Post\tBudsjett 2024\tRekneskap per 31.12.2024\nLøn\t800 000\t760 000\nDrift\t150 000\t90 000\nTotalt nytta\t950 000\t850 000',
];

const lines = (wording: string) => wording.split('\n');

function application(...wordings: string[]): SubmissionFields {
  return extract([...APPLICATION_HEAD, ...APPLICATION_NOISE, ...wordings.flatMap(lines)]);
}
function report(...wordings: string[]): SubmissionFields {
  return extract([...REPORT_HEAD, ...REPORT_NOISE, ...wordings.flatMap(lines)]);
}

describe('one fact in many wordings', () => {
  it.each(REQUESTED)('requested amount: %j', (w) => {
    expect(application(w).requestedAmount?.value).toBe(900_000);
  });
  it.each(POSITIONS)('positions: %j', (w) => {
    expect(application(w).positions?.value).toBe(2.5);
  });
  it.each(YEAR)('year: %j', (w) => {
    // The title line of the head carries no year; the wording is the only source.
    expect(application(w).year?.value).toBe(2025);
  });
  it.each(DATE)('sending date: %j', (w) => {
    expect(application(w).submittedDate?.value).toBe('2025-02-20');
  });
  it.each(GRANTED)('granted amount: %j', (w) => {
    expect(report(w, 'Forbrukt: 850 000').grantedAmount?.value).toBe(900_000);
  });
  it.each(SPENT)('spent amount: %j', (w) => {
    expect(report('Tildelt beløp: 900 000', w).spentAmount?.value).toBe(850_000);
  });
});

describe('numbers inside labels and other traps', () => {
  it('a year in a label is context, never the amount', () => {
    const f = report('Mottatt tilskudd 2024: kr 900 000');
    expect(f.grantedAmount?.value).toBe(900_000);
    expect(f.year?.value).toBe(2024);
  });
  it('a title year is not a requested amount', () => {
    const f = extract(['Hamar kommune', 'Søknad om tilskudd 2022', 'Kommunalt rusarbeid']);
    expect(f.requestedAmount).toBeNull();
    expect(f.year?.value).toBe(2022);
  });
  it('a past-tense year is not the year applied for', () => {
    const f = extract(['Molde kommune', 'Kommunalt rusarbeid', 'Kommunen fikk tilskudd i 2021.']);
    expect(f.year).toBeNull();
  });
  it('a year something started in is not the title’s year', () => {
    const f = extract([
      'Årsrapport',
      'Tilskudd fra ordningen Kommunalt rusarbeid – ny innretning fra 2022',
      'Søker: Molde kommune',
    ]);
    expect(f.year).toBeNull();
  });
  it('a case number is not a year', () => {
    const f = extract([
      'Statsforvalteren · Søknadsløsning · Referansenummer 2024-21110',
      'Søknad om tilskudd',
      'Kommunalt rusarbeid',
    ]);
    expect(f.year).toBeNull();
  });
  it('an ordinal answer under a heading is a value, not a label', () => {
    const f = extract([
      'Søknad om tilskudd til kommunalt rusarbeid 2025',
      'Prioritering\tFase',
      'Ny satsing\t2. tilskuddsår',
    ]);
    expect(f.grantYear?.value).toBe(2);
  });
  it('a "per 31.12" date is not the sending date', () => {
    expect(report('Brukt per 31.12.2024: kr 850 000').submittedDate).toBeNull();
  });
  it('a deadline is not the sending date', () => {
    expect(application('Søknadsbeløp: kr 900 000').submittedDate).toBeNull();
  });
  it('a partner’s org number is not the applicant’s', () => {
    const f = extract([
      'Søknad om tilskudd 2022',
      'Hovedsøker: Strand kommune',
      'Samarbeidsaktører: Foreningen Rusfri Fritid (org.nr. 938872375)',
    ]);
    expect(f.applicant.orgNumber).toBeNull();
  });
  it('a letter from a body that is no municipality names it in its letterhead', () => {
    const f = extract([
      'Blå Kors Vest',
      'Kyrkjevegen 4',
      '8374 Ørsta',
      'Søknad om midlar 2023: Tilskot til kommunalt rusarbeid',
    ]);
    expect(f.applicant.name?.value).toBe('Blå Kors Vest');
  });
  it('nynorsk "heile stillingar" are positions', () => {
    expect(application('Tilskotet skal dekkje 2 heile stillingar.').positions?.value).toBe(2);
  });
  it('a sentence wrapped after a noun is no label above a value', () => {
    const f = extract([
      'Samarbeidsavtale',
      'Samnanger kommune er hovudsøkjar og har det økonomiske og administrative',
      'ansvaret. Helse Fonna HF bidreg med kompetanse.',
    ]);
    expect(f.applicant.name?.value).not.toMatch(/ansvaret/);
  });
  it('a stray "én stilling" outside the grant is not the positions applied for', () => {
    const f = application('Kommunen har én stilling som ruskonsulent i dag.');
    expect(f.positions).toBeNull();
  });
  it('own funding is not the requested amount', () => {
    expect(application().requestedAmount).toBeNull();
  });
});

describe('one random wording per field, in random order', () => {
  it('gives the same application record', () => {
    const pickOne = (list: string[]) => fc.constantFrom(...list);
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        pickOne(REQUESTED),
        pickOne(POSITIONS.filter((p) => !/søk/i.test(p))),
        pickOne(YEAR.filter((y) => !/søk|innsendt/i.test(y))),
        pickOne(DATE.filter((d) => !/hilsen/i.test(d))),
        (order, requested, positions, year, date) => {
          const parts = [requested, positions, year, date];
          const f = application(...order.map((i) => parts[i]!));
          expect(f.requestedAmount?.value).toBe(900_000);
          expect(f.positions?.value).toBe(2.5);
          expect(f.year?.value).toBe(2025);
          expect(f.submittedDate?.value).toBe('2025-02-20');
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });
  it('gives the same report record', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom(...GRANTED),
        fc.constantFrom(...SPENT),
        (swap, granted, spent) => {
          const f = report(...(swap ? [spent, granted] : [granted, spent]));
          expect(f.grantedAmount?.value).toBe(900_000);
          expect(f.spentAmount?.value).toBe(850_000);
          expect(f.year?.value).toBe(2024);
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
