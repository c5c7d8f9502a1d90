import { describe, expect, it } from 'vitest';
import {
  budgetCategory,
  categoriseCost,
  FINANCING,
  isSubtotal,
  TOTAL,
} from '../../src/extract/budget-category.ts';
import type { BudgetCategory } from '../../src/domain/record.ts';

/** Budget-line texts as municipalities write them, bokmål and nynorsk, with the category each is. */
const LINES: Record<BudgetCategory, string[]> = {
  lønn: [
    'Lønn miljøterapeut 100 %',
    'Lønn til prosjektkoordinator inkl. sosiale kostnader',
    'Lønnskostnader 2 årsverk',
    'Sosiale kostnader (arbeidsgiveravgift og pensjon)',
    'Arbeidsgiveravgift',
    'Pensjon og feriepenger',
    'Stillingsressurs 50 % erfaringskonsulent',
    'Prosjektleder 100 % stilling',
    'Psykolog, 60 % stilling',
    'Frikjøp av helsesykepleier',
    'Vikarutgifter ved opplæring',
    'Ekstra bemanning kveld og helg',
    'Daglig leder',
    'Personalkostnader',
    'Stabil bemanning i teamet',
    'Lønn og drift',
    // nynorsk
    'Løn til koordinator',
    'Løn og sosiale utgifter',
    'Lønskostnader 1,5 årsverk',
    'Løn prosjektleiar 100 % stilling',
    'Arbeidsgjevaravgift og pensjon',
    'Miljøterapeut i 80 % stilling',
    'Sjukepleiar 50 %',
    'Rådgjevar i rustenesta',
    'Feriepengar',
    'Stillingar i oppsøkjande team',
    'Løn til tilsette i FACT-teamet',
  ],
  drift: [
    'Husleie og drift',
    'Leie av lokaler',
    'Reiseutgifter',
    'Kurs for ansatte',
    'Kurs og kompetanseheving',
    'Informasjonsmateriell til innbyggerne',
    'Informasjonsbrosjyre til innbyggerne',
    'Innbyggermøte om TryggEst',
    'Veiledning og fidelitetsmåling',
    'Opplæring og implementeringsstøtte',
    'Aktiviteter og materiell',
    'Transport av brukere',
    'Bevertning på fagdager',
    'Forbruksmateriell',
    'Kjøp av tjenester fra konsulent',
    'Leie av bil til oppsøkende team',
    'Drift av møteplass',
    'Programvarelisenser',
    'Kontorrekvisita',
    'Telefon og internett',
    'Vedlikehold av utstyr',
    // nynorsk
    'Husleige',
    'Leige av lokale',
    'Reiseutgifter til samlingar',
    'Kurs og opplæring',
    'Rettleiing av tilsette',
    'Aktivitetar for brukarane',
    'Driftsutgifter',
    'Informasjonsmateriell til innbyggjarane',
    'Skyss av brukarar',
    'Fagdagar og samlingar',
    'Konferansar',
    'Brosjyrar og trykking',
    'Straum og reinhald',
    'Tolketenester',
    'Leige av bil',
  ],
  investering: [
    'Kjøp av bil',
    'Kjøp av bil til oppsøkende team',
    'El-bil til hjemmetjenesten',
    'Ombygging av lokaler',
    'Investeringer i nytt bygg',
    'Nybygg for møteplass',
    'Byggeprosjekt – nytt dagsenter',
    'Oppussing av lokaler',
    'Rehabilitering av lokaler',
    'Tilbygg til aktivitetshus',
    'Kjøretøy til utekontakten',
    'Tjenestebil',
    'Minibuss til dagsenteret',
    'Renovering av bygning',
    'Bygningsmessige tiltak',
    'Kjøp av bolig til Housing First',
    'Utbygging av lokaler',
    // nynorsk
    'Bil til oppsøkjande team',
    'Ombygging av lokale',
    'Investeringar i nytt bygg',
    'Køyretøy',
    'Oppgradering av lokale',
    'Bilar til heimetenesta',
  ],
  inventar: [
    'Inventar og møbler til møteplassen',
    'Datautstyr og møbler',
    'Kjøp av PC og mobiltelefon til ansatte',
    'Kontormøbler',
    'Nytt inventar',
    'IT-utstyr',
    'Kontorutstyr',
    'Bærbare PC-er',
    'Nettbrett til brukerne',
    'Mobiltelefoner',
    'Hvitevarer til kjøkken',
    'Sofa og stoler til oppholdsrom',
    'Aktivitetsutstyr',
    'Utstyr til treningsrom',
    'Datamaskiner',
    'Møblering av lokaler',
    'Skjermer og projektor',
    // nynorsk
    'Innkjøp av utstyr',
    'Møblar',
    'Datautstyr',
    'Kontormøblar',
    'Mobiltelefonar til tilsette',
    'Kvitevarer',
    'Inventar til møteplassen',
    'Innreiing av lokale',
  ],
  administrasjon: [
    'Administrasjonskostnader 5 %',
    'Administrasjon',
    'Adm. kostnader',
    'Administrative kostnader',
    'Overhead 10 %',
    'Indirekte kostnader',
    'Kontorhold',
    'Prosjektadministrasjon',
    'Felleskostnader',
    'Regnskapsføring og revisjon',
    'Revisorattestasjon',
    'Lønnskjøring og administrasjon',
    'Administrasjonstillegg',
    'Overheadkostnader kommunen',
    // nynorsk
    'Administrasjonskostnadar',
    'Administrasjon 7 %',
    'Kontorhald',
    'Felleskostnadar',
    'Indirekte kostnadar',
    'Rekneskapsføring',
    'Administrasjonsutgifter',
  ],
  annet: [
    'Diverse',
    'Uforutsette utgifter',
    'Andre kostnader',
    'Buffer',
    'Reserve',
    'Prosjektmidler',
    'Innbyggerundersøkelse',
    'Brukerundersøkelse',
    'Tilskudd til brukerorganisasjon',
    'Samarbeid med frivillige',
    'Bedriftsbesøk',
    'Stabilisering',
    'Mobilisering av frivillige',
    'Konkursbo',
    'Utstilling om psykisk helse',
    'Honorar erfaringskonsulenter',
    'Brukermedvirkning',
    // nynorsk
    'Uføresette utgifter',
    'Andre utgiftar',
    'Anna',
    'Innbyggjarundersøking',
    'Brukarundersøking',
    'Tilskot til brukarorganisasjon',
    'Honorar til brukarrepresentantar',
    'Brukarmedverknad',
  ],
};

describe('budget-line categories', () => {
  const cases = Object.entries(LINES).flatMap(([category, texts]) => texts.map((t) => [t, category]));
  it.each(cases)('puts "%s" under %s', (text, category) => {
    expect(budgetCategory(text)).toBe(category);
  });

  it('has at least 20 lines per category', () => {
    for (const texts of Object.values(LINES)) expect(texts.length).toBeGreaterThanOrEqual(20);
  });
});

describe('keywords are words, not letters inside words', () => {
  it.each([
    ['Informasjonsbrosjyre til innbyggerne', 'investering'],
    ['Innbyggerundersøkelse', 'investering'],
    ['Stabil bemanning', 'investering'],
    ['Mobil arbeidsplass', 'investering'],
    ['Bedriftshelsetjeneste', 'drift'],
    ['Utstilling', 'lønn'],
    ['Konkursbo', 'drift'],
  ])('"%s" is not %s', (text, category) => {
    expect(budgetCategory(text)).not.toBe(category);
  });

  it('reads a compound by its head: the last part decides', () => {
    expect(budgetCategory('Aktivitetsutstyr')).toBe('inventar');
    expect(budgetCategory('Utstyrsleie')).toBe('drift');
    expect(budgetCategory('Leiebil')).toBe('drift');
    expect(budgetCategory('Tjenestebil')).toBe('investering');
    expect(budgetCategory('Personalsamlinger')).toBe('drift');
  });
});

describe('a description read with its label', () => {
  it('lets a specific cost in the description outweigh a generic label', () => {
    expect(budgetCategory('Drift', 'Kjøp av møbler til møteplassen')).toBe('inventar');
    expect(budgetCategory('Andre kostnader', 'Ombygging av lokale')).toBe('investering');
  });

  it('keeps a contingency label whatever its description gives as an example', () => {
    expect(budgetCategory('Uforutsette utgifter', 'ekstern evaluering')).toBe('annet');
    expect(budgetCategory('Diverse', 'kjøp av PC-er')).toBe('inventar');
  });

  it('keeps a label whose description only repeats it', () => {
    expect(budgetCategory('Lønn', 'Koordinator 100 % stilling')).toBe('lønn');
    expect(budgetCategory('Drift', 'Leie av lokaler og strøm')).toBe('drift');
  });

  it('says which words decided', () => {
    const d = categoriseCost('Lønn til prosjektkoordinator inkl. sosiale kostnader');
    expect(d.category).toBe('lønn');
    expect(d.cues.lønn).toEqual(['lønn', 'prosjektkoordinator', 'sosiale kostnader']);
    expect(categoriseCost('Prosjektmidler')).toMatchObject({ category: 'annet', score: 0 });
  });
});

describe('totals and financing rows', () => {
  it.each([
    ['sum', true],
    ['sum søkt tilskudd', true],
    ['totalt', true],
    ['i alt', true],
    ['til saman', true],
    ['samla sum', true],
    ['summert', true],
    ['3.3 totalkostnad for tiltaket', true],
    ['2) sum', true],
    ['totalbudsjett', true],
    ['summen av lønn', false],
    ['totaliteten', false],
    ['sumo', false],
  ])('TOTAL reads "%s": %s', (label, total) => {
    expect(TOTAL.test(label)).toBe(total);
  });

  it.each([
    ['sum lønn', true],
    ['sum driftskostnader', true],
    ['sum løn', true],
    ['sum kostnader', false],
    ['sum forbruk', false],
    ['sum søkt tilskudd', false],
    ['totalt', false],
  ])('subtotal "%s": %s', (label, subtotal) => {
    expect(isSubtotal(label)).toBe(subtotal);
  });

  it.each([
    ['egenfinansiering', true],
    ['eigenfinansiering', true],
    ['eigendel', true],
    ['eigne midlar', true],
    ['kommunale midlar', true],
    ['tilskot frå statsforvaltaren', true],
    ['tilskudd fra helsedirektoratet', true],
    ['søkt tilskudd', true],
    ['leieinntekter', true],
    ['restmidler', true],
    ['tilsegn', true],
    ['tilskot i følgje tilskotsbrevet', true],
    ['tilskuddsbeløp', true],
    ['tilskudd til brukerorganisasjon', false],
    ['faktisk brukt', true],
    ['overføres til 2022', true],
    ['ikke benyttet', true],
    ['benyttede midler', true],
    ['nytta midlar', true],
    ['lønn miljøterapeut', false],
    ['kurs for ansatte', false],
    ['restaurantbesøk', false],
    ['mottak av brukere', false],
  ])('FINANCING reads "%s": %s', (label, financing) => {
    expect(FINANCING.test(label)).toBe(financing);
  });
});
