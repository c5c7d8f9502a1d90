import { describe, expect, it } from 'vitest';
import { extractSubmission } from '../../src/extract/extract-submission.ts';
import { partiesInList } from '../../src/extract/parties.ts';
import { budgetCategory } from '../../src/extract/budget-category.ts';
import { parseGrantYear, parseYear } from '../../src/extract/field-values.ts';
import { register, schemes } from '../support/rule-fixtures.ts';
import { sheetDocument, textDocument } from '../support/text-document.ts';

const extract = (...docs: Parameters<typeof extractSubmission>[0]) =>
  extractSubmission(docs, { schemes, register });

describe('a free-text letter', () => {
  const letter = textDocument(
    'brev.pdf',
    [
      'Levanger kommune',
      'Helse og mestring',
      'Statsforvalteren i Trøndelag',
      'Levanger, 14. mars 2023',
      'Søknad om tilskudd – Housing First',
      'Levanger kommune (org.nr. 938 587 418) søker med dette om kr 750 000,- til 2,5 årsverk i',
      'Housing First-teamet. Søknaden gjelder Tilbud til voksne med behov for langvarig oppfølging',
      'og sammensatte tjenester for 2023, og gjelder andre driftsår.',
      'Tiltaket er utviklet i samarbeid med Helse Nord-Trøndelag HF.',
      'Med vennlig hilsen',
      'Kari Nordmann',
      'kommunedirektør',
    ].join('\n'),
  );
  const f = extract(letter);

  it('reads the applicant, amount, positions and year from the sentences', () => {
    expect(f.applicant.name?.value).toBe('Levanger kommune');
    expect(f.applicant.orgNumber?.value).toBe('938587418');
    expect(f.applicant.municipalityNumber?.value).toBe('5037');
    expect(f.requestedAmount?.value).toBe(750_000);
    expect(f.positions?.value).toBe(2.5);
    expect(f.year?.value).toBe(2023);
    expect(f.grantYear?.value).toBe(2);
    expect(f.submittedDate?.value).toBe('2023-03-14');
  });

  it('recognises the scheme and the priority it names', () => {
    expect(f.scheme?.scheme.id).toBe('voksne-langvarig-sammensatt');
    expect(f.priority?.value).toBe('Housing First');
  });

  it('finds the health trust it cooperates with', () => {
    expect(f.partners.map((p) => [p.name, p.kind])).toEqual([['Helse Nord-Trøndelag HF', 'helseforetak']]);
  });

  it('keeps the sentence as evidence', () => {
    expect(f.requestedAmount?.evidence.text).toContain('søker med dette om kr 750 000');
  });
});

describe('a form with ticked boxes', () => {
  const form = textDocument(
    'skjema.pdf',
    [
      'Søknad om tilskudd',
      'Tilbud til barn og unge med behov for langvarig og sammensatt oppfølging',
      'Søker:\tMolde kommune',
      'Tilskuddsår:\t2025',
      'Prioritert tiltak (kryss av):',
      '[ ] Prioritet 1 – FACT-ung',
      '[X] Prioritet 2 – Lavterskeltilbud',
      'Søknaden gjelder:',
      '[ ] Forprosjekt',
      '[ ] År 1',
      '[X] År 2',
      'Antall stillinger:\t4',
      'Omsøkt beløp:\t2 mill.',
    ].join('\n'),
  );
  const f = extract(form);

  it('answers each label with its ticked box, not the first one listed', () => {
    expect(f.priority?.value).toBe('Lavterskeltilbud');
    expect(f.grantYear?.value).toBe(2);
  });

  it('reads "2 mill." as kroner and resolves the municipality by name', () => {
    expect(f.requestedAmount?.value).toBe(2_000_000);
    expect(f.applicant.municipalityNumber?.value).toBe('1506');
  });

  it('leaves a value it cannot find as null', () => {
    expect(f.applicant.orgNumber).toBeNull();
    expect(f.submittedDate).toBeNull();
  });
});

describe('a budget spreadsheet beside the application', () => {
  const application = textDocument(
    'soknad.pdf',
    'Søknad om tilskudd til kommunalt rusarbeid 2025\nSøker: Bodø kommune\nSøknadsbeløp: 900 000',
  );
  const budget = sheetDocument('budsjett.xlsx', 'Budsjett', [
    ['Budsjett 2025'],
    [],
    ['Post', 'Søkt tilskudd', 'Egenfinansiering', 'Sum'],
    ['Lønn miljøterapeut', 700_000, 300_000, 1_000_000],
    ['Kurs og veiledning', 120_000, 0, 120_000],
    ['Nytt inventar', 80_000, 0, 80_000],
    ['Sum', 900_000, 300_000, 1_200_000],
  ]);
  const f = extract(application, budget);

  it('takes the applied-for column, leaving own funding out', () => {
    expect(f.budget?.items.map((i) => [i.category, i.value])).toEqual([
      ['lønn', 700_000],
      ['drift', 120_000],
      ['inventar', 80_000],
    ]);
    expect(f.budget?.statedTotal?.value).toBe(900_000);
    expect(f.budget?.items[0]?.evidence.cell).toBe('B4');
  });

  it("types the sheet as the application's attachment", () => {
    expect(f.documentTypes).toEqual(['application', 'other']);
  });
});

describe('scheme recognition', () => {
  const scheme = (text: string) => extract(textDocument('a.pdf', text)).scheme?.scheme.id ?? null;
  it('tells the transition scheme from the new one', () => {
    expect(scheme('Søknad om tilskudd til kommunalt rusarbeid – overgangsordning 2023')).toBe(
      'kommunalt-rusarbeid-overgang',
    );
    expect(scheme('Søknad om tilskudd til kommunalt rusarbeid 2025')).toBe('kommunalt-rusarbeid');
  });
  it('tells FACT-ung from FACT', () => {
    expect(scheme('Søknad om tilskudd til FACT-ung-team')).toBe('barn-unge-langvarig-sammensatt');
    expect(scheme('Søknad om tilskudd til FACT-team for voksne')).toBe('voksne-langvarig-sammensatt');
  });
  it('recognises nothing in a letter about something else', () => {
    expect(scheme('Søknad om tilskudd til frisklivs- og læringstilbud')).toBeNull();
  });
});

describe('partner lists', () => {
  it('keep health-trust names whole and give each its org number', () => {
    expect(
      partiesInList(
        'Helse Møre og Romsdal HF, org.nr. 997 005 562 og Molde kommune. Søknaden er laget sammen.',
      ),
    ).toEqual([
      { name: 'Helse Møre og Romsdal HF', org: '997005562' },
      { name: 'Molde kommune', org: null },
    ]);
  });
  it('do not split a compound with "og"', () => {
    expect(partiesInList('A-larm bruker- og pårørendeorganisasjon')).toEqual([
      { name: 'A-larm bruker- og pårørendeorganisasjon', org: null },
    ]);
  });
});

describe('budget categories', () => {
  it.each([
    ['Lønn miljøterapeut 100 %', 'lønn'],
    ['Sosiale kostnader', 'lønn'],
    ['Husleie og drift', 'drift'],
    ['Kjøp av bil', 'investering'],
    ['Datautstyr og møbler', 'inventar'],
    ['Administrasjonskostnader', 'administrasjon'],
    ['Diverse', 'annet'],
  ])('puts "%s" under %s', (label, category) => {
    expect(budgetCategory(label)).toBe(category);
  });
});

describe('year values', () => {
  it('reads one year, never a date or two years', () => {
    expect(parseYear('2025')).toBe(2025);
    expect(parseYear('for 2025 (år 2)')).toBe(2025);
    expect(parseYear('2024 og 2025')).toBeNull();
    expect(parseYear('1 250 000')).toBeNull();
  });
  it('reads the grant year from Norwegian phrasing', () => {
    expect(parseGrantYear('Forprosjekt')).toBe(0);
    expect(parseGrantYear('År 3')).toBe(3);
    expect(parseGrantYear('2. driftsår')).toBe(2);
    expect(parseGrantYear('fjerde år')).toBe(4);
    expect(parseGrantYear('Etablering')).toBeNull();
  });
});
