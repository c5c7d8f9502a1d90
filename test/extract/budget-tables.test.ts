import { describe, expect, it } from 'vitest';
import { budgetFromLines, budgetFromSheets, summariseBudget } from '../../src/extract/budget.ts';
import { extractSubmission } from '../../src/extract/extract-submission.ts';
import { toSourceDocument } from '../../src/extract/source-text.ts';
import type { ReadDocument } from '../../src/domain/document.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { sheetDocument, textDocument } from '../support/text-document.ts';

const fromSheet = (rows: Array<Array<string | number | null>>, prefer: 'grant' | 'spent' = 'grant') =>
  budgetFromSheets(toSourceDocument(sheetDocument('budsjett.xlsx', 'Budsjett', rows), 0), prefer);
const fromText = (text: string, prefer: 'grant' | 'spent' = 'grant') =>
  budgetFromLines(toSourceDocument(textDocument('soknad.pdf', text), 0), prefer);
const lines = (b: ReturnType<typeof fromText>) => b?.items.map((i) => [i.label, i.category, i.value]);

/** A percentage cell as the xlsx reader gives it: the fraction, shown with a percent sign. */
function withPercent(doc: ReadDocument, ref: string): ReadDocument {
  for (const c of doc.sheets[0]!.cells) if (c.ref === ref) c.text = `${Number(c.value) * 100}%`;
  return doc;
}

describe('a sheet with a description column between category and amount', () => {
  const budget = fromSheet([
    ['Budsjett 2025'],
    [],
    ['Kategori', 'Beskrivelse', 'Søkt tilskudd', 'Egenandel', 'Sum'],
    ['Lønn', 'Koordinator 100 % stilling', 600_000, 200_000, 800_000],
    ['Drift', 'Kjøp av møbler til møteplassen', 80_000, 0, 80_000],
    ['Investering', 'Ombygging av lokaler', 150_000, 50_000, 200_000],
    ['Administrasjon', 'Administrasjonskostnader 5 %', 30_000, 0, 30_000],
    ['Sum', null, 860_000, 250_000, 1_110_000],
  ]);

  it('takes the applied-for column, not the description ("Beskrivelse" holds "kr")', () => {
    expect(lines(budget)).toEqual([
      ['Lønn', 'lønn', 600_000],
      ['Drift', 'inventar', 80_000],
      ['Investering', 'investering', 150_000],
      ['Administrasjon', 'administrasjon', 30_000],
    ]);
    expect(budget?.basis).toBe('grant');
    expect(budget?.statedTotal?.value).toBe(860_000);
  });

  it('keeps the description and cites the amount cell with both texts', () => {
    const furniture = budget!.items[1]!;
    expect(furniture.description).toBe('Kjøp av møbler til møteplassen');
    expect(furniture.categoryCues).toEqual(['kjøp', 'møbler']);
    expect(furniture.evidence).toMatchObject({
      sheet: 'Budsjett',
      cell: 'C5',
      text: 'Drift – Kjøp av møbler til møteplassen: 80000',
    });
  });
});

describe('sheet amount columns chosen by content', () => {
  it('passes over a year column and a percentage column', () => {
    const doc = sheetDocument('b.xlsx', 'Ark1', [
      ['Post', 'År', 'Stillingsandel', 'Beløp'],
      ['Lønn miljøterapeut', 2025, 0.8, 480_000],
      ['Lønn erfaringskonsulent', 2025, 0.5, 300_000],
      ['Kurs', 2025, null, 40_000],
    ]);
    withPercent(doc, 'C2');
    withPercent(doc, 'C3');
    const b = budgetFromSheets(toSourceDocument(doc, 0), 'grant');
    expect(b?.items.map((i) => i.value)).toEqual([480_000, 300_000, 40_000]);
  });

  it('reads a report by its spending column, with a remark column between', () => {
    const b = fromSheet(
      [
        ['Rekneskap 2024'],
        ['Kostnadsart', 'Merknad', 'Budsjett', 'Rekneskap', 'Avvik'],
        ['Løn', 'Koordinator 100 %', 500_000, 480_000, 20_000],
        ['Husleige', 'Lokale i sentrum', 100_000, 95_000, 5_000],
        ['Sum', null, 600_000, 575_000, 25_000],
      ],
      'spent',
    );
    expect(lines(b)).toEqual([
      ['Løn', 'lønn', 480_000],
      ['Husleige', 'drift', 95_000],
    ]);
    expect(b?.basis).toBe('spent');
    expect(b?.statedTotal?.value).toBe(575_000);
  });

  it('takes the nynorsk grant column over own funding', () => {
    const b = fromSheet([
      ['Post', 'Skildring', 'Eigenfinansiering', 'Tilskot frå Statsforvaltaren', 'Totalt'],
      ['Løn', 'Løn til koordinator', 200_000, 500_000, 700_000],
      ['Utstyr', 'Innkjøp av datautstyr', 0, 40_000, 40_000],
      ['Totalt', null, 200_000, 540_000, 740_000],
    ]);
    expect(lines(b)).toEqual([
      ['Løn', 'lønn', 500_000],
      ['Utstyr', 'inventar', 40_000],
    ]);
    expect(b?.basis).toBe('grant');
  });

  it('finds the columns without any headings', () => {
    const b = fromSheet([
      ['Lønn', 'Miljøterapeut 100 %', '600 000 kr'],
      ['Drift', 'Leie av bil', '60 000 kr'],
      ['Sum', null, '660 000 kr'],
    ]);
    expect(lines(b)).toEqual([
      ['Lønn', 'lønn', 600_000],
      ['Drift', 'drift', 60_000],
    ]);
    expect(b?.statedTotal?.value).toBe(660_000);
  });

  it('labels rows under a category written once (a merged cell)', () => {
    const b = fromSheet([
      ['Post', 'Beskrivelse', 'Beløp'],
      ['Lønn', 'Koordinator', 500_000],
      [null, 'Miljøarbeider', 300_000],
      ['Inventar', 'Møbler', 50_000],
      [null, 'PC-er', 30_000],
      [null, 'Sum', 880_000],
    ]);
    expect(b?.items.map((i) => [i.label, i.description, i.category, i.value])).toEqual([
      ['Lønn', 'Koordinator', 'lønn', 500_000],
      ['Lønn', 'Miljøarbeider', 'lønn', 300_000],
      ['Inventar', 'Møbler', 'inventar', 50_000],
      ['Inventar', 'PC-er', 'inventar', 30_000],
    ]);
    expect(b?.statedTotal?.value).toBe(880_000);
  });

  it('takes the first-column heading row, not a form answer that mentions the grant', () => {
    const b = fromSheet(
      [
        ['Økonomisk rapport 2023'],
        [],
        ['Kommune', 'Tokke kommune'],
        ['Tilskotsordning', 'Tilskot til kommunalt rusarbeid – overgangsordning'],
        ['Rapporten gjeld tilskotsåret', '2023'],
        ['Tilsegn', 615_000],
        [],
        ['Post', 'Budsjett', 'Rekneskap per 31.12.2023', 'Avvik'],
        ['Personalkostnader', 566_000, 314_105, 251_895],
        ['Stillingar i teamet', 49_000, 49_753, -753],
        ['Sum', 615_000, 363_858, 251_142],
      ],
      'spent',
    );
    expect(lines(b)).toEqual([
      ['Personalkostnader', 'lønn', 314_105],
      ['Stillingar i teamet', 'lønn', 49_753],
    ]);
    expect(b?.basis).toBe('spent');
  });

  it('counts positions as a form field but their cost as a cost', () => {
    const b = fromSheet([
      ['Budsjett'],
      ['Stillingar i prosjektet', 3],
      ['Stillingar i teamet', 411_675],
      ['Løn og sosiale kostnader', 55_134],
    ]);
    expect(b?.items.map((i) => i.value)).toEqual([411_675, 55_134]);
  });

  it('keeps cost lines that start like form fields or have short words ("Kontorhold", "PC-er")', () => {
    const b = fromSheet(
      [
        ['Økonomirapport 2022'],
        ['Kontonummer', '1503.92.08649'],
        ['Utgiftspost', 'Brukt'],
        ['Lønn og sosiale kostnader', 578_643],
        ['Kontorhold', 106_000],
        ['PC-er', 108_000],
        ['Organisasjonsutvikling', 40_000],
        ['Sum forbruk', 832_643],
      ],
      'spent',
    );
    expect(lines(b)).toEqual([
      ['Lønn og sosiale kostnader', 'lønn', 578_643],
      ['Kontorhold', 'administrasjon', 106_000],
      ['PC-er', 'inventar', 108_000],
      ['Organisasjonsutvikling', 'annet', 40_000],
    ]);
  });

  it('reads a sheet in thousands', () => {
    const b = fromSheet([
      ['Post', 'Søkt (tusen kroner)'],
      ['Lønn koordinator', 450],
      ['Kurs', 1.5],
      ['Sum', 451.5],
    ]);
    expect(b?.items.map((i) => i.value)).toEqual([450_000, 1_500]);
    expect(b?.statedTotal?.value).toBe(451_500);
  });

  it('reads a position percentage as a count, not a cost', () => {
    const b = fromSheet([
      ['Spørsmål', 'Svar'],
      ['Kommune (søkjar)', 'Osterøy kommune'],
      ['Stillingsressurs (%)', '500'],
      ['Samla søknadssum', 1_265_000],
    ]);
    expect(b).toBeNull();
  });

  it('leaves out the spent total of a report sheet', () => {
    const b = fromSheet(
      [
        ['Økonomisk rapport 2022'],
        ['Tilsagn', 795_000],
        ['Post', 'Regnskap per 31.12.2022'],
        ['Personalkostnader', 637_854],
        ['Benyttede midler', 637_854],
        ['Restbeløp', 157_146],
      ],
      'spent',
    );
    expect(lines(b)).toEqual([['Personalkostnader', 'lønn', 637_854]]);
  });

  it('finds no budget in a form whose only long numbers are a phone and a municipality number', () => {
    const b = fromSheet([
      ['Søknad om tilskudd 2020'],
      ['Søkers navn', null, 'Fauske kommune'],
      ['Kommunenr.', null, '1841'],
      ['Direkte telefon', null, '96594799'],
      ['Søknadsår', null, '2020'],
    ]);
    expect(b).toBeNull();
  });

  it('skips the form fields above a two-row heading', () => {
    const b = fromSheet([
      ['BUDSJETT'],
      ['Kommune:', 'Alta kommune'],
      ['Org.nr.:', '944 588 132'],
      ['Tilskuddsår:', '2023'],
      [],
      [null, 'Finansiering'],
      ['Kostnadspost', 'Kommunal andel', 'Søkt fra Statsforvalteren', 'Totalt'],
      ['Lønn ruskonsulent', 290_000, 330_000, 620_000],
      ['Sum', 290_000, 330_000, 620_000],
    ]);
    expect(lines(b)).toEqual([['Lønn ruskonsulent', 'lønn', 330_000]]);
    expect(b?.basis).toBe('grant');
  });
});

describe('a PDF text table with a description column', () => {
  it('reads the amounts right of the description ("Beskrivelse" holds "kr")', () => {
    const b = fromText(
      [
        'Budsjett',
        'Post\tBeskrivelse\tBeløp',
        'Lønn\tKoordinator 100 % stilling\tkr 600 000',
        'Drift\tLeie av lokaler\tkr 120 000',
        'Utstyr\tPC-er og mobiltelefoner\tkr 60 000',
        'Sum\tkr 780 000',
      ].join('\n'),
    );
    expect(lines(b)).toEqual([
      ['Lønn', 'lønn', 600_000],
      ['Drift', 'drift', 120_000],
      ['Utstyr', 'inventar', 60_000],
    ]);
    expect(b?.items[2]?.description).toBe('PC-er og mobiltelefoner');
    expect(b?.items[2]?.evidence.text).toBe('Utstyr\tPC-er og mobiltelefoner\tkr 60 000');
    expect(b?.statedTotal?.value).toBe(780_000);
  });

  it('reads an amount whose "kr" the OCR misread ("ke", "lr", "k r"), not a name with a number', () => {
    const b = fromText(
      [
        'Budsjett',
        'Post\tBeløp',
        'Lønn 1,5 årsverk miljøterapeut\tkr 760 000,-',
        'Aktiviteter og brukermedvirkning\tkt 60 000,-',
        'Reiseutgifter\tke 30 000,-',
        'Kurs\tlr 15 000',
        'Husleie\tk r 45 000',
        'Samarbeid\tHelse Nord HF (org.nr. 953',
        'Sum\tkr 910 000,-',
      ].join('\n'),
    );
    expect(b?.items.map((i) => i.value)).toEqual([760_000, 60_000, 30_000, 15_000, 45_000]);
    expect(b?.statedTotal?.value).toBe(910_000);
  });

  it('classifies by the description when the label is generic', () => {
    const b = fromText(
      [
        'Budsjett for omsøkte midler',
        'Kategori\tForklaring\tSøkt\tEgenandel\tSum',
        'Lønn\tLønn til prosjektkoordinator inkl. sosiale kostnader\t500 000\t100 000\t600 000',
        'Drift\tOmbygging av lokaler\t150 000\t50 000\t200 000',
        'Andre kostnader\tInformasjonsbrosjyre til innbyggerne\t20 000\t0\t20 000',
        'Sum\t670 000\t150 000\t820 000',
      ].join('\n'),
    );
    expect(lines(b)).toEqual([
      ['Lønn', 'lønn', 500_000],
      ['Drift', 'investering', 150_000],
      ['Andre kostnader', 'drift', 20_000],
    ]);
    expect(b?.basis).toBe('grant');
    expect(b?.statedTotal?.value).toBe(670_000);
  });

  it('reads a nynorsk report by the spending column when a remark cell is empty', () => {
    const b = fromText(
      [
        'Rekneskap',
        'Kostnadsart\tMerknad\tBudsjett\tRekneskap',
        'Løn\tKoordinator\t500 000\t480 000',
        'Husleige\t100 000\t95 000',
        'Kurs og opplæring\tFagdagar\t40 000\t30 000',
        'Sum\t640 000\t605 000',
      ].join('\n'),
      'spent',
    );
    expect(lines(b)).toEqual([
      ['Løn', 'lønn', 480_000],
      ['Husleige', 'drift', 95_000],
      ['Kurs og opplæring', 'drift', 30_000],
    ]);
    expect(b?.basis).toBe('spent');
    expect(b?.statedTotal?.value).toBe(605_000);
  });

  it('takes "Tilskot frå Statsforvaltaren" over own funding, headings with years included', () => {
    const b = fromText(
      [
        'Budsjett 2025',
        'Post\tEigenfinansiering 2025\tTilskot frå Statsforvaltaren 2025',
        'Løn til koordinator\t200 000\t500 000',
        'Møblar\t0\t30 000',
        'Sum\t200 000\t530 000',
      ].join('\n'),
    );
    expect(lines(b)).toEqual([
      ['Løn til koordinator', 'lønn', 500_000],
      ['Møblar', 'inventar', 30_000],
    ]);
  });

  it('passes over a year column and a count column', () => {
    const b = fromText(
      [
        'Budsjett',
        'Post\tÅr\tAntall\tBeløp',
        'Lønn miljøterapeut\t2025\t2\tkr 900 000',
        'Kurs\t2025\t4\tkr 40 000',
        'Sum\tkr 940 000',
      ].join('\n'),
    );
    expect(lines(b)).toEqual([
      ['Lønn miljøterapeut', 'lønn', 900_000],
      ['Kurs', 'drift', 40_000],
    ]);
  });

  it('reads amounts given in thousands', () => {
    const b = fromText(
      [
        '3 Økonomi',
        'Kostnadstype\tBeløp (i 1 000 kr)',
        'Personalkostnader\t260',
        'Kompetanseheving\t22',
        'Arbeidsgiveravgift og pensjon\t55,5',
        'Sum\t337,5',
      ].join('\n'),
    );
    expect(lines(b)).toEqual([
      ['Personalkostnader', 'lønn', 260_000],
      ['Kompetanseheving', 'drift', 22_000],
      ['Arbeidsgiveravgift og pensjon', 'lønn', 55_500],
    ]);
    expect(b?.statedTotal?.value).toBe(337_500);
  });

  it('skips a numbered total ("3.3 Totalkostnad") among the financing lines', () => {
    const b = fromText(
      [
        '3 Budsjett og finansiering',
        '3.1 Totalt omsøkt tilskudd: kr 540 000,-',
        '3.2 Kommunens egenandel: kr 200 000,00',
        '3.3 Totalkostnad for tiltaket: kr 740 000,-',
        'Utgiftspost\tKr',
        'Lønnskostnader inkl. sosiale utgifter\t540 000,-',
      ].join('\n'),
    );
    expect(lines(b)).toEqual([['Lønnskostnader inkl. sosiale utgifter', 'lønn', 540_000]]);
  });

  it('does not take a sentence with an amount for a budget', () => {
    const b = fromText(
      [
        'Regnskapet viser et forbruk på kr 291 000,00.',
        'Resterende 4 000 kr betales tilbake.',
        'Kommunen har om lag 11 789 innbyggere.',
      ].join('\n'),
      'spent',
    );
    expect(b).toBeNull();
  });

  it('does not end a table at a subtotal that names a category', () => {
    const b = fromText(
      [
        'Budsjett',
        'Post\tBeløp',
        'Lønn koordinator\tkr 500 000',
        'Sum lønnskostnader\tkr 500 000',
        'Husleie\tkr 100 000',
        'Sum driftskostnader\tkr 100 000',
        'Sum totalt\tkr 600 000',
      ].join('\n'),
    );
    expect(summariseBudget(b!.items)).toEqual([
      { category: 'lønn', amount: 500_000 },
      { category: 'drift', amount: 100_000 },
    ]);
    expect(b?.statedTotal?.value).toBe(600_000);
  });
});

describe('an application with a described budget attachment', () => {
  it('finds the ineligible costs hidden under generic labels', () => {
    const application = textDocument(
      'soknad.pdf',
      'Søknad om tilskot til kommunalt rusarbeid 2025\nSøkjar: Bodø kommune\nSøknadsbeløp: 760 000',
    );
    const sheet = sheetDocument('budsjett.xlsx', 'Budsjett', [
      ['Budsjett 2025'],
      ['Kategori', 'Beskrivelse', 'Beløp (kr)'],
      ['Lønn', 'Miljøterapeut 100 % stilling', 600_000],
      ['Drift', 'Kjøp av møbler og datautstyr', 90_000],
      ['Drift', 'Kurs for tilsette', 70_000],
      ['Sum', null, 760_000],
    ]);
    const f = extractSubmission([application, sheet], { schemes, register });
    expect(f.budget?.items.map((i) => [i.category, i.value])).toEqual([
      ['lønn', 600_000],
      ['inventar', 90_000],
      ['drift', 70_000],
    ]);
  });
});

describe('a budget written as a sentence', () => {
  it('finds a car purchase in a nynorsk letter', () => {
    const b = fromText(
      [
        'Vi søkjer om kr 1 280 000 frå «Overgangsordninga for kommunalt rusarbeid» for 2024.',
        'Tilskotet skal nyttast slik: 1 064 000 kroner til løn til tilsette i stillingane og 216 000 kr til',
        'kjøp av bil.',
        'Org.nr. 964967458',
      ].join('\n'),
    );
    expect(lines(b)).toEqual([
      ['løn til tilsette i stillingane', 'lønn', 1_064_000],
      ['kjøp av bil', 'investering', 216_000],
    ]);
    expect(b?.items[1]?.evidence.text).toBe(
      'Tilskotet skal nyttast slik: 1 064 000 kroner til løn til tilsette i stillingane og 216 000 kr til',
    );
  });

  it("reads a report's spending list and its total", () => {
    const b = fromText(
      [
        'Regnskapet viser et forbruk på kr 291 000,00.',
        'Forbruket fordeler seg slik: kurs/samtalegrupper for målgruppen 223.278; informasjonsmateriell om',
        'TryggEst kr 36 755,-; lokale kurs og fagdager kr 30 967,-. Sum forbruk: 291 000 kr.',
      ].join('\n'),
      'spent',
    );
    expect(lines(b)).toEqual([
      ['kurs/samtalegrupper for målgruppen', 'drift', 223_278],
      ['informasjonsmateriell om TryggEst', 'drift', 36_755],
      ['lokale kurs og fagdager', 'drift', 30_967],
    ]);
    expect(b?.statedTotal?.value).toBe(291_000);
    expect(b?.basis).toBe('spent');
  });

  it('reads "kr X til Y" lists with commas', () => {
    const b = fromText(
      'Tilskotet skal nyttast slik: kr 167 000,- til personalkostnader, kr 46 000,- til løn erfaringskonsulent (stilling) og kr 41 000 til årsverk sjukepleiar. Til saman 254 000 kr.',
    );
    expect(b?.items.map((i) => [i.category, i.value])).toEqual([
      ['lønn', 167_000],
      ['lønn', 46_000],
      ['lønn', 41_000],
    ]);
    expect(b?.statedTotal?.value).toBe(254_000);
  });

  it('reads a bare amount ending a list item', () => {
    const b = fromText(
      [
        'Fordelt på poster: lønn til stillinger kr 104 517,-; aktiviteter for brukerne 13 978 kr;',
        'lønn prosjektkoordinator 10026; arbeidsgiveravgift NOK 11 479. Sum forbruk: kr',
        '140 000,-.',
      ].join('\n'),
      'spent',
    );
    expect(lines(b)).toEqual([
      ['lønn til stillinger', 'lønn', 104_517],
      ['aktiviteter for brukerne', 'drift', 13_978],
      ['lønn prosjektkoordinator', 'lønn', 10_026],
      ['arbeidsgiveravgift', 'lønn', 11_479],
    ]);
    expect(b?.statedTotal?.value).toBe(140_000);
  });

  it('reads no budget from a letter without a distribution phrase', () => {
    const b = fromText(
      [
        'Nes kommune ble tildelt kr. 897.000 for 2020.',
        'Det er brukt kr. 764.282 av tilskuddet.',
        'Tilskuddet er brukt til lavterskel helsetilbud for ungdom.',
        'Det gjenstår kr 125 718 i ubrukte midler, som vil bli tilbakebetalt.',
      ].join('\n'),
      'spent',
    );
    expect(b).toBeNull();
  });
});
