import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/extract/classify.ts';
import { toSourceDocument } from '../../src/extract/source-text.ts';
import type { ReadDocument } from '../../src/domain/document.ts';
import { sheetDocument, textDocument } from '../support/text-document.ts';

const classify = (read: ReadDocument) => classifyDocument(read, toSourceDocument(read, 0));
const pdf = (...lines: string[]) => classify(textDocument('dokument.pdf', lines.join('\n')));
const mail = (...lines: string[]) =>
  classify({ ...textDocument('e-post.txt', lines.join('\n')), format: 'text' });

describe('documents in bokmål and nynorsk', () => {
  it.each([
    [
      'a bokmål application',
      [
        'Bodø kommune',
        'Søknad om tilskudd til kommunalt rusarbeid 2025',
        'Bodø kommune søker med dette om kr 900 000 til to stillinger.',
      ],
      'application',
    ],
    [
      'a nynorsk application',
      [
        'Sogndal kommune',
        'Søknad om tilskot til kommunalt rusarbeid 2025',
        'Sogndal kommune søkjer med dette om kr 900 000 til to stillingar.',
      ],
      'application',
    ],
    [
      'a nynorsk application form',
      [
        'Søknadsskjema',
        'Søkjar\tKinn kommune',
        'Søknadssum\tkr 780 000',
        'Det vert søkt om midlar til to årsverk.',
      ],
      'application',
    ],
    ['an application named by a compound', ['Tilskotssøknad 2025 – Kinn kommune', 'Budsjett'], 'application'],
    [
      'a nynorsk report',
      [
        'Rapportering på bruk av tilskot 2024',
        'Tildelt tilskot\tkr 500 000',
        'Forbrukt\tkr 480 000',
        'Måloppnåing',
        'Erfaringane frå året er gode.',
      ],
      'report',
    ],
    [
      'a bokmål report',
      ['Rapport for 2023', 'Tildelt beløp: kr 800 000', 'Brukt: kr 650 000', 'Måloppnåelse'],
      'report',
    ],
    [
      'a nynorsk financial report',
      ['Økonomirapport 2024', 'Rekneskap', 'Løn\tkr 400 000', 'Ubrukte midlar\tkr 0'],
      'financial-report',
    ],
    [
      'a nynorsk self-declaration',
      ['Eigenerklæring', 'Motteke tilskot: kr 450 000', 'Nytta: kr 450 000'],
      'financial-report',
    ],
    [
      'a nynorsk cooperation agreement',
      [
        'Samarbeidsavtale',
        'mellom Førde kommune og Helse Førde HF',
        'Avtala gjeld frå 1. mars 2025.',
        'Partane skal møtast kvart kvartal.',
        'For helseføretaket: Kari Nes',
      ],
      'cooperation-agreement',
    ],
    [
      'a bokmål cooperation agreement',
      ['Avtale om samarbeid', 'Avtalen er inngått mellom Levanger kommune og Helse Nord-Trøndelag HF.'],
      'cooperation-agreement',
    ],
    ['a letter about something else', ['Invitasjon til fagdag om rus', 'Velkommen til fagdag.'], 'other'],
  ])('types %s', (_, lines, type) => {
    expect(pdf(...lines)).toBe(type);
  });

  it('types a nynorsk financial report sheet', () => {
    const sheet = sheetDocument('rekneskap.xlsx', 'Rekneskap', [
      ['Økonomirapport 2024'],
      ['Kostnadsart', 'Budsjett', 'Rekneskap'],
      ['Løn', 500_000, 480_000],
    ]);
    expect(classify(sheet)).toBe('financial-report');
  });

  it('keeps a budget-only sheet as an attachment', () => {
    const sheet = sheetDocument('budsjett.xlsx', 'Budsjett', [
      ['Budsjett – søknad om tilskot'],
      ['Post', 'Beløp'],
      ['Løn', 500_000],
    ]);
    expect(classify(sheet)).toBe('other');
  });
});

describe('keywords are words', () => {
  it('does not read "rapport" inside "økonomirapport" as a narrative report', () => {
    expect(pdf('Økonomirapport for 2023', 'Regnskap', 'Lønn\tkr 400 000')).toBe('financial-report');
  });

  it('does not take "søknad" inside another word for an application', () => {
    expect(pdf('Informasjon om søknadsbehandlinga', 'Søknadsbehandlinga tek tid i år.')).toBe('other');
  });
});

describe('e-mails', () => {
  it('keeps a cover that only forwards the application as "other"', () => {
    expect(
      mail(
        'Fra: Hilde Haugen <hilde.haugen@molde.kommune.no>',
        'Til: sfpost@statsforvalteren.no',
        'Dato: 27.02.2025 15:41',
        'Emne: Oversendelse av søknad fra Molde kommune',
        'Hei,',
        'Vedlagt oversendes søknad fra Molde kommune med vedlegg.',
        'Med vennlig hilsen',
        'Hilde Haugen, Molde kommune, org.nr. 964 338 442',
      ),
    ).toBe('other');
  });

  it('keeps a nynorsk cover as "other"', () => {
    expect(
      mail(
        'Frå: Kari Nes <kari.nes@kinn.kommune.no>',
        'Sendt: tysdag 4. mars 2025 10:12',
        'Til: sfvlpost@statsforvaltaren.no',
        'Emne: Søknad om tilskot til kommunalt rusarbeid',
        'Hei,',
        'Vedlagt følgjer søknaden vår med budsjett og samarbeidsavtale.',
        'Helsing Kari Nes',
      ),
    ).toBe('other');
  });

  it('types an e-mail whose body is the application as an application', () => {
    expect(
      mail(
        'Fra: Silje Berg <silje.berg@bodo.kommune.no>',
        'Sendt: 3. mars 2025 09:00',
        'Til: postmottak@statsforvalteren.no',
        'Emne: Søknad om tilskudd til kommunalt rusarbeid 2025',
        'Hei,',
        'Bodø kommune søker med dette om kr 900 000 til to stillinger i oppsøkende team.',
        'Budsjett: lønn kr 850 000, drift kr 50 000.',
        'Med hilsen Silje Berg',
      ),
    ).toBe('application');
  });

  it('types a nynorsk e-mail whose body is the application as an application', () => {
    expect(
      mail(
        'Frå: Kari Nes <kari.nes@kinn.kommune.no>',
        'Send: 4. mars 2025',
        'Til: sfvlpost@statsforvaltaren.no',
        'Emne: Søknad om tilskot',
        'Kinn kommune søkjer om kr 600 000 til ei stilling som erfaringskonsulent.',
        'Helsing Kari Nes',
      ),
    ).toBe('application');
  });

  it('types an e-mail that reports grant and spending as a report', () => {
    expect(
      mail(
        'From: ola@hammerfest.kommune.no',
        'Subject: Rapport for 2023',
        'Her er rapporten vår: tildelt beløp kr 800 000, forbrukt kr 650 000.',
        'Måloppnåelse: tiltaket har nådd 38 personer.',
      ),
    ).toBe('report');
  });

  it('keeps a covering letter with an org number in its footer as "other"', () => {
    expect(
      pdf(
        'Alta kommune',
        'Oversendelse av søknad om tilskudd',
        'Vedlagt oversendes søknad om tilskudd for 2025.',
        'Alta kommune | Org.nr. 944 588 132',
      ),
    ).toBe('other');
  });
});
