/** Submissions that should pass every check: applications and reports in varied layouts. */
import { application, hf, kommune, line, organisation, partnerKommune, person, report } from './builders.ts';
import { agreementFor, file, once, sample } from './files.ts';
import type { Sample } from './model.ts';
import type { Register } from './register.ts';
import { Rng } from './rng.ts';
import { applicationEform } from './templates/application-eform.ts';
import { applicationWordform } from './templates/application-wordform.ts';
import { agreement } from './templates/agreement.ts';
import { applicationLetter, reportLetter } from './templates/letter.ts';
import { coverEmail } from './templates/other.ts';
import { reportForm } from './templates/report-form.ts';
import { budgetXlsx, financialXlsx } from './templates/spreadsheets.ts';
import * as T from './texts.ts';

export const FACT_UNG_TARGET =
  'Målgruppen er barn og unge i alderen 12–25 år med alvorlige og sammensatte psykiske helse- og ' +
  'rusmiddelproblemer, som har behov for langvarig oppfølging fra flere tjenester samtidig.';
export const VOKSNE_TARGET =
  'Målgruppen er voksne med alvorlige psykiske lidelser og/eller rusmiddelproblemer, som har behov for ' +
  'langvarig og sammensatt oppfølging og som ikke nyttiggjør seg ordinære tjenester.';
export const ORGANISATION = [
  'Kommunen har arbeidsgiveransvar for kommunalt ansatte i teamet og stiller lokaler til disposisjon.',
  'Helseforetaket stiller med spesialistkompetanse (psykiater og psykologspesialist) og har ' +
    'behandlingsansvar etter spesialisthelsetjenesteloven for pasienter som får behandling fra teamet.',
  'Teamet har felles daglig ledelse, felles inntaksmøte og felles rutiner for dokumentasjon i tråd med ' +
    'gjeldende regelverk for taushetsplikt og journalføring.',
];

export function cleanSamples(reg: Register): Sample[] {
  const out: Sample[] = [];

  {
    const c = application({
      slug: 'trondheim-fact-ung-clean',
      scheme: 'barn-unge-langvarig-sammensatt',
      year: 2025,
      applicant: kommune(reg, '5001', 'Trondheim', 2025, {
        statesNumber: true,
        unit: 'Helse og velferd – Enhet for psykisk helse og rus',
      }),
      partners: [hf('stOlav')],
      priority: 'FACT-ung',
      grantYear: 1,
      positions: 2.5,
      requested: 1_250_000,
      date: '2025-03-03',
      cosigner: {
        org: 'St. Olavs hospital HF',
        title: 'klinikksjef, Klinikk for psykisk helsevern',
        place: 'Trondheim',
      },
      money: 'kr-dash',
      positionStyle: 'arsverk',
      grantYearStyle: 'ar',
      labels: { applicant: 'Kommune', org: 'Org.nr.', positions: 'Årsverk' },
      project: T.factUng('Trondheim', 'St. Olavs hospital HF'),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn 2,5 årsverk (teamleder, sykepleier, psykolog)', 1_100_000, 'lønn', { own: 400_000 }),
        line('Opplæring og implementeringsstøtte', 90_000, 'drift'),
        line('Drift og reiseutgifter', 60_000, 'drift', { own: 20_000 }),
      ],
    });
    out.push(
      sample({
        slug: 'trondheim-fact-ung-clean',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalterens søknadsportal',
              formId: 'SF-2025-0412',
              time: '14:22',
            }),
          ),
          file('budsjett.xlsx', 'other', () => budgetXlsx(c, 'columns', c.contact.name)),
          file(
            'samarbeidsavtale.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'paragraphs',
              family: 'times',
              purpose: 'om etablering og drift av FACT-ung-team i Trondheim',
              target: FACT_UNG_TARGET,
              organisation: ORGANISATION,
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean FACT-ung year-1 e-form at the per-position cap (2.5 × 500 000), HF partner with agreement, budget xlsx with own funding column.',
        exercises:
          'e-form with checkboxes, budget xlsx "Post | Søkt tilskudd | Egenfinansiering | Sum", agreement',
      }),
    );
  }

  {
    const c = application({
      slug: 'harstad-rus-clean',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '5503', 'Harstad', 2023, { unit: 'Enhet for psykisk helse og rus' }),
      partners: [organisation('A-larm bruker- og pårørendeorganisasjon')],
      grantYear: 1,
      positions: 1.5,
      requested: 850_000,
      date: '2023-03-01',
      money: 'kr-dash',
      positionStyle: 'arsverk',
      grantYearStyle: 'ordinal',
      project: T.rusarbeid('Harstad', 'oppsokende'),
      budget: [
        line('Lønn 1,5 årsverk miljøterapeut', 760_000, 'lønn'),
        line('Aktiviteter og brukermedvirkning', 60_000, 'drift'),
        line('Reiseutgifter', 30_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'harstad-rus-clean',
        case: c,
        files: [
          file('soknad_kommunalt_rusarbeid_2023.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'times',
              dateAt: 'place-line',
              orgAt: 'body',
              subject: `Søknad om tilskudd til kommunalt rusarbeid for ${c.year}`,
              signed: false,
              projectPhrase: 'et oppsøkende rusteam',
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean free-text letter for kommunalt rusarbeid 2023 on the deadline eve, budget table inside the letter, user organisation as partner.',
        exercises: 'signed letter, Times, budget table without borders, organisation partner',
      }),
    );
  }

  {
    const c = application({
      slug: 'stavanger-rus-clean',
      scheme: 'kommunalt-rusarbeid',
      schemeText: 'Kommunalt rusarbeid (ny innretning fra 2022)',
      year: 2022,
      applicant: kommune(reg, '1103', 'Stavanger', 2022, { statesNumber: true, unit: 'Helse og velferd' }),
      partners: [organisation('Stiftelsen Kirkens Bymisjon')],
      positions: 2.5,
      requested: 1_400_000,
      date: '2022-09-15',
      money: 'dots',
      positionStyle: 'percent',
      labels: { requested: 'Omsøkt beløp', org: 'Org. nr', positions: 'Stillingsressurs' },
      project: T.rusarbeid('Stavanger', 'moteplass'),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn miljøterapeuter (250 % stilling)', 1_150_000, 'lønn'),
        line('Arbeidsgiveravgift og pensjon', 150_000, 'lønn'),
        line('Husleie og drift av møteplass', 100_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'stavanger-rus-clean',
        case: c,
        files: [
          file('Søknadsskjema_kommunalt_rusarbeid_2022.pdf', 'application', () =>
            applicationWordform(c, { title: 'SØKNADSSKJEMA', budgetColumns: 'grant' }),
          ),
          file('Budsjett_2022.xlsx', 'other', () => budgetXlsx(c, 'simple', c.contact.name)),
        ],
        findings: [],
        notes:
          'Clean Word-style form sent on the 2022 deadline day (15 September), amounts as 1.400.000, "250 % stilling", budget xlsx with two lønn lines summed.',
        exercises: 'bordered Word form, dotted thousands, file names with spaces and æøå, label/amount xlsx',
      }),
    );
  }

  {
    const c = application({
      slug: 'tromso-voksne-fact-clean',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2025,
      applicant: kommune(reg, '5501', 'Tromsø', 2025, { statesNumber: true, unit: 'Helse og omsorg' }),
      partners: [hf('unn')],
      priority: 'ACT/FACT',
      grantYear: 2,
      positions: 3,
      requested: 900_000,
      date: '2025-03-20',
      cosigner: {
        org: 'Universitetssykehuset Nord-Norge HF',
        title: 'klinikksjef, Psykisk helse- og rusklinikken',
        place: 'Tromsø',
      },
      money: 'nbsp',
      positionStyle: 'times',
      grantYearStyle: 'drift',
      labels: { positions: 'Stillingsressurs', requested: 'Beløp det søkes om' },
      project: T.actFact('Tromsø', 'Universitetssykehuset Nord-Norge HF'),
      budget: [
        line('Lønn 3 x 100 % stilling i teamet', 820_000, 'lønn', { own: 1_100_000 }),
        line('Kompetanseheving og veiledning', 80_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'tromso-voksne-fact-clean',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationWordform(c, {
              title: 'Søknad om tilskudd',
              budgetColumns: 'grant-own-sum',
              signatureDateStyle: 'dots',
            }),
          ),
          file(
            'Samarbeidsavtale_UNN-Tromsø_kommune.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'table',
              family: 'liberation',
              purpose: 'om drift av FACT-team i Tromsø',
              target: VOKSNE_TARGET,
              organisation: ORGANISATION,
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean voksne ACT/FACT 2nd operating year, "3 x 100 %", NBSP thousands, budget table with own funding, agreement with parties table.',
        exercises: 'Word form with 4-column budget, NBSP separators, "2. driftsår", agreement (table layout)',
      }),
    );
  }

  {
    const c = application({
      slug: 'hamar-tryggest-clean',
      scheme: 'tryggest',
      year: 2025,
      applicant: kommune(reg, '3403', 'Hamar', 2025, {
        statesNumber: true,
        orgStyle: 'mva',
        unit: 'Helse og mestring',
      }),
      requested: 400_000,
      date: '2025-03-14',
      money: 'kr-dash',
      project: T.tryggEst('Hamar'),
      budget: [
        line('Kurs og utdanning for ansatte', 170_000, 'drift'),
        line('Kurs og fagdager lokalt', 90_000, 'drift'),
        line('Informasjonsmateriell (brosjyrer og film)', 90_000, 'drift'),
        line('Samtalegrupper for målgruppen – veiledning', 50_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'hamar-tryggest-clean',
        case: c,
        files: [
          file('Søknad-TryggEst-2025-Hamar-kommune.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'liberation',
              dateAt: 'place-line',
              orgAt: 'both',
              subject: `Søknad om tilskudd til TryggEst for ${c.year} – kompetanseheving mot vold mot risikoutsatte voksne`,
              signed: true,
              opening: 'viser-til',
              budgetBorders: true,
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean TryggEst letter to Bufdir asking exactly the 400 000 cap; footer org number in the "NO … MVA" form.',
        exercises: 'letter to Bufdir, amount at the flat cap, all-drift budget, MVA-form org number',
      }),
    );
  }

  {
    const c = application({
      slug: 'fredrikstad-nav-clean',
      scheme: 'nav-sosiale-tjenester',
      year: 2022,
      applicant: kommune(reg, '3107', 'Fredrikstad', 2022, { unit: 'NAV Fredrikstad' }),
      grantYear: 1,
      positions: 2,
      requested: 1_200_000,
      date: '2022-01-25',
      signerTitle: 'kommunalsjef',
      contactTitle: 'NAV-leder',
      money: 'suffix',
      positionStyle: 'stillinger',
      labels: { applicant: 'Søkerkommune', requested: 'Omsøkt beløp' },
      project: T.navSosial('Fredrikstad'),
      budget: [
        line('Lønn 2 stillinger som veileder', 900_000, 'lønn'),
        line('Sosiale kostnader (arbeidsgiveravgift og pensjon)', 300_000, 'lønn'),
      ],
    });
    out.push(
      sample({
        slug: 'fredrikstad-nav-clean',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'tabbed',
              portal: 'Statsforvalteren i Oslo og Viken – eSkjema',
              formId: 'NAV-2022-0031',
              time: '09:05',
              stamp: 'dots',
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean NAV social services application (year 1, 2 positions, 1 200 000 ≤ 2 × 610 000), salaries only, label and value in columns.',
        exercises: 'e-form in two columns without borders, "1 200 000 kr", salary-only budget',
      }),
    );
  }

  {
    const c = application({
      slug: 'alta-overgang-clean',
      scheme: 'kommunalt-rusarbeid-overgang',
      year: 2023,
      applicant: kommune(reg, '5601', 'Alta', 2023, { unit: 'Psykisk helse og rus' }),
      grantYear: 2,
      positions: 2,
      requested: 660_000,
      date: '2023-01-20',
      money: 'kr-dash',
      positionStyle: 'stillinger',
      grantYearStyle: 'overgang',
      project: T.overgang('Alta'),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn stilling ruskonsulent', 330_000, 'lønn', { own: 290_000 }),
        line('Lønn stilling miljøarbeider', 330_000, 'lønn', { own: 260_000 }),
      ],
    });
    out.push(
      sample({
        slug: 'alta-overgang-clean',
        case: c,
        files: [
          file('soknad_overgangsordning.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'liberation',
              dateAt: 'ref-block',
              orgAt: 'footer',
              subject: `Søknad om videreføring av tilskudd – overgangsordning for kommunalt rusarbeid ${c.year}`,
              signed: true,
            }),
          ),
          file('budsjett_overgang_2023.xlsx', 'other', () => budgetXlsx(c, 'titleblock', c.contact.name)),
        ],
        findings: [],
        notes:
          'Clean overgang 2023 letter at exactly 330 000 per position; date only in the reference block, org number only in the footer; budget xlsx with merged title block.',
        exercises: 'letter with "Dato:" in the ref block, xlsx with merged cells and title block',
      }),
    );
  }

  {
    const c = application({
      slug: 'steinkjer-smittevern-clean',
      scheme: 'smittevern-oppfolging',
      year: 2020,
      applicant: kommune(reg, '5006', 'Steinkjer', 2020, { statesNumber: true, unit: 'Helse og velferd' }),
      requested: 350_000,
      date: '2020-05-12',
      signerTitle: 'rådmann',
      money: 'kr',
      project: T.smittevern('Steinkjer'),
      budget: [
        line('Lønn ekstra bemanning', 250_000, 'lønn'),
        line('Husleie for større lokaler', 60_000, 'drift'),
        line('Transport av brukere', 40_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'steinkjer-smittevern-clean',
        case: c,
        files: [
          file('soknad_smittevern.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'times',
              dateAt: 'place-line',
              orgAt: 'body',
              subject: `Søknad om tilskudd – smitteverns- og oppfølgingsarbeid ${c.year}`,
              signed: true,
              budgetBorders: true,
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean 2020 letter to Fylkesmannen i Trøndelag for the pandemic scheme, signed by the rådmann.',
        exercises: 'Fylkesmannen era (2020), smittevern scheme, "kr 350 000"',
      }),
    );
  }

  {
    const c = application({
      slug: 'molde-lavterskel-clean',
      scheme: 'barn-unge-langvarig-sammensatt',
      year: 2025,
      applicant: kommune(reg, '1506', 'Molde', 2025, { statesNumber: true, unit: 'Helse og omsorg' }),
      priority: 'Lavterskeltilbud',
      grantYear: 1,
      positions: 4,
      requested: 2_000_000,
      date: '2025-02-27',
      money: 'mill',
      positionStyle: 'percent',
      labels: { requested: 'Beløp det søkes om', positions: 'Stillingsprosent' },
      project: T.lavterskel('Molde'),
      budget: [
        line('Lønn 400 % stilling (psykolog, helsesykepleier, miljøterapeuter)', 1_850_000, 'lønn'),
        line('Opplæring og veiledning', 150_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'molde-lavterskel-clean',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'tabbed',
              portal: 'Statsforvalteren – elektronisk søknad',
              formId: 'BU-2025-1187',
              time: '10:47',
            }),
          ),
          file('e-post.txt', 'other', () => coverEmail(c, ['soknad.pdf'])),
        ],
        findings: [],
        notes:
          'Clean low-threshold (Ung Arena) application: 4 positions and 2 mill. within 5 positions / 2.5 mill.; a plain-text cover e-mail beside it.',
        exercises: '"2 mill. kroner", "400 % stilling", cover e-mail .txt (other)',
      }),
    );
  }

  {
    const c = application({
      slug: 'gjovik-voksne-forprosjekt-clean',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2023,
      applicant: kommune(reg, '3407', 'Gjøvik', 2023, { statesNumber: true, orgStyle: 'plain' }),
      priority: 'Housing First',
      grantYear: 0,
      positions: 1,
      requested: 600_000,
      date: '2023-03-15',
      money: 'kr-dots',
      positionStyle: 'percent',
      labels: { positions: 'Stillingsprosent', requested: 'Det søkes om' },
      project: T.housingFirst('Gjøvik', true),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn prosjektleder 100 % stilling', 520_000, 'lønn'),
        line('Opplæring og studietur', 50_000, 'drift'),
        line('Reise og møter med brukerorganisasjoner', 30_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'gjovik-voksne-forprosjekt-clean',
        case: c,
        files: [
          file('soknad_forprosjekt_housing_first.pdf', 'application', () =>
            applicationWordform(c, { title: 'Søknadsskjema – forprosjekt', budgetColumns: 'grant' }),
          ),
          file('budsjett.xlsx', 'other', () =>
            budgetXlsx(c, 'simple', c.contact.name, { textAmounts: true }),
          ),
        ],
        findings: [],
        notes:
          'Clean voksne forprosjekt (grant year 0) for Housing First at exactly 600 000, written "kr 600.000,-"; budget xlsx with amounts typed as text ("520 000 kr", thin spaces).',
        exercises:
          'forprosjekt, "kr 600.000,-", org number without spaces, xlsx amounts as text with thin spaces',
      }),
    );
  }

  {
    const c = application({
      slug: 'orland-voksne-act-clean',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2021,
      applicant: kommune(reg, '5057', 'Ørland', 2021, { statesNumber: true }),
      partners: [hf('stOlav')],
      priority: 'ACT/FACT',
      grantYear: 3,
      positions: 2.5,
      requested: 600_000,
      date: '2021-03-10',
      cosigner: {
        org: 'St. Olavs hospital HF',
        title: 'avdelingssjef, Avdeling Fosen DPS',
        place: 'Trondheim',
      },
      money: 'kr-dash',
      positionStyle: 'arsverk',
      grantYearStyle: 'videreforing',
      labels: { org: 'Org.nr.' },
      project: T.actFact('Ørland', 'St. Olavs hospital HF'),
      budget: [
        line('Lønn 2,5 årsverk i FACT-teamet', 560_000, 'lønn'),
        line('Veiledning og fidelitetsmåling', 40_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'orland-voksne-act-clean',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren i Trøndelag – søknadsskjema',
              formId: 'VO-2021-0077',
              time: '13:10',
            }),
          ),
          file(
            'samarbeidsavtale_fosen_fact.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'table',
              family: 'helvetica',
              purpose: 'om FACT-team på Fosen',
              target: VOKSNE_TARGET,
              organisation: ORGANISATION,
              signedDaysBefore: [40, 35],
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean 2021 voksne ACT/FACT "videreføring år 3": 600 000 within 2.5 × 250 000, agreement signed weeks earlier.',
        exercises: 'grant year 3 cap, "videreføring år 3", first Statsforvalteren year',
      }),
    );
  }

  // Levanger and Verdal attach the very same three-party agreement; the later source carries DUPLICATE_DOCUMENT.
  const levanger = kommune(reg, '5037', 'Levanger', 2024, { statesNumber: true });
  const verdal = kommune(reg, '5038', 'Verdal', 2024, { statesNumber: true });
  const sharedRng = new Rng('levanger-verdal-hnt');
  const sharedAgreement = once('levanger-verdal-hnt', () =>
    agreement({
      layout: 'paragraphs',
      family: 'times',
      purpose: 'om felles FACT-team for Levanger og Verdal',
      parties: [
        {
          name: levanger.name,
          orgNumber: levanger.orgNumber,
          kind: 'kommune',
          signer: person(sharedRng, 'kommunedirektør', 'levanger.kommune.no').name,
          title: 'kommunedirektør',
          place: 'Levanger',
          date: '2024-02-06',
        },
        {
          name: verdal.name,
          orgNumber: verdal.orgNumber,
          kind: 'kommune',
          signer: person(sharedRng, 'kommunedirektør', 'verdal.kommune.no').name,
          title: 'kommunedirektør',
          place: 'Verdal',
          date: '2024-02-08',
        },
        {
          name: 'Helse Nord-Trøndelag HF',
          orgNumber: '983658776',
          kind: 'helseforetak',
          signer: person(sharedRng, 'administrerende direktør', 'hnt.no').name,
          title: 'administrerende direktør',
          place: 'Steinkjer',
          date: '2024-02-12',
        },
      ],
      mainApplicant:
        'Levanger kommune og Verdal kommune søker hver for seg om tilskudd til egne stillinger i teamet, og ' +
        'hver kommune er økonomisk og administrativt ansvarlig for sin del.',
      target: VOKSNE_TARGET,
      organisation: ORGANISATION,
    }),
  );
  {
    const c = application({
      slug: 'levanger-voksne-felles-avtale',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2024,
      applicant: levanger,
      partners: [partnerKommune(reg, '5038', 'Verdal'), hf('hnt')],
      priority: 'ACT/FACT',
      grantYear: 1,
      positions: 3,
      requested: 900_000,
      date: '2024-03-10',
      cosigner: {
        org: 'Helse Nord-Trøndelag HF',
        title: 'klinikksjef, Klinikk for psykisk helsevern',
        place: 'Levanger',
      },
      money: 'kr',
      positionStyle: 'arsverk',
      grantYearStyle: 'ordinal',
      project: T.actFact('Levanger og Verdal', 'Helse Nord-Trøndelag HF'),
      budget: [line('Lønn 3 årsverk', 840_000, 'lønn'), line('Opplæring i FACT-modellen', 60_000, 'drift')],
      attachments: ['Samarbeidsavtale Levanger, Verdal og Helse Nord-Trøndelag HF'],
    });
    out.push(
      sample({
        slug: 'levanger-voksne-felles-avtale',
        case: c,
        files: [
          file('Søknad_FACT_Levanger_2024.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'liberation',
              dateAt: 'place-line',
              orgAt: 'both',
              subject: `Søknad om tilskudd til felles FACT-team – tilskuddsår ${c.year}`,
              signed: true,
            }),
          ),
          file('samarbeidsavtale.pdf', 'cooperation-agreement', sharedAgreement),
        ],
        findings: [],
        notes:
          'Clean joint letter signed by the kommune and the HF; three-party agreement (Levanger, Verdal, HNT) whose bytes Verdal also sends.',
        exercises:
          'letter signed by both parties, inter-municipal + HF partners, first copy of a shared agreement',
      }),
    );
  }
  {
    const c = application({
      slug: 'verdal-voksne-felles-avtale',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2024,
      applicant: verdal,
      partners: [partnerKommune(reg, '5037', 'Levanger'), hf('hnt')],
      priority: 'ACT/FACT',
      grantYear: 1,
      positions: 2,
      requested: 600_000,
      date: '2024-03-12',
      cosigner: {
        org: 'Helse Nord-Trøndelag HF',
        title: 'klinikksjef, Klinikk for psykisk helsevern',
        place: 'Levanger',
      },
      money: 'kr-dash',
      positionStyle: 'stillinger',
      project: T.actFact('Levanger og Verdal', 'Helse Nord-Trøndelag HF'),
      budget: [line('Lønn 2 stillinger', 560_000, 'lønn'), line('Reise og opplæring', 40_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'verdal-voksne-felles-avtale',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren i Trøndelag – søknadsskjema',
              formId: 'VO-2024-0210',
              time: '11:58',
            }),
          ),
          file('Samarbeidsavtale_FACT_Innherred.pdf', 'cooperation-agreement', sharedAgreement),
        ],
        findings: [['DUPLICATE_DOCUMENT', null]],
        notes:
          'Otherwise clean; its agreement is byte-identical to the one in 2024/levanger-voksne-felles-avtale (earlier by source), so this one carries DUPLICATE_DOCUMENT.',
        exercises: 'same agreement bytes under another file name in a later submission',
      }),
    );
  }

  {
    const c = report({
      slug: 'vadso-rus-report-zip',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '5607', 'Vadsø', 2024, { statesNumber: true }),
      granted: 700_000,
      spent: 700_000,
      date: '2024-02-26',
      money: 'kr-dash',
      dateStyle: 'dots',
      labels: { granted: 'Tildelt tilskudd', applicant: 'Tilskuddsmottaker' },
      project: { name: 'Oppsøkende arbeid Vadsø', paragraphs: T.reportNarrative('rus', 57) },
      budgetIn: 'xlsx',
      budget: [
        line('Lønn oppsøkende arbeid', 610_000, 'lønn'),
        line('Aktiviteter for brukere', 55_000, 'drift'),
        line('Transport', 35_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'vadso-rus-report-zip',
        zip: true,
        case: c,
        files: [
          file('rapport.pdf', 'report', () =>
            reportForm(c, {
              layout: 'colon',
              portal: 'Statsforvalteren – rapportering',
              formId: 'RAP-2024-0090',
              yearAs: 'heading',
            }),
          ),
          file('egenerklaering.xlsx', 'financial-report', () =>
            financialXlsx(c, { layout: 'egenerklaering', creator: c.signer.name }),
          ),
        ],
        findings: [],
        notes:
          'Clean kommunalt rusarbeid report for 2023 delivered as a .zip: report form plus egenerklæring xlsx, all money spent.',
        exercises: '.zip read as a folder, report + financial report',
      }),
    );
  }

  {
    const c = report({
      slug: 'kristiansand-rus-report-clean',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '4204', 'Kristiansand', 2024, { statesNumber: true }),
      granted: 1_000_000,
      spent: 940_000,
      unused: 60_000,
      date: '2024-02-20',
      money: 'kr',
      labels: { granted: 'Innvilget tilskudd', spent: 'Brukt', applicant: 'Tilskuddsmottaker' },
      project: { name: 'Pårørendetilbud Kristiansand', paragraphs: T.reportNarrative('rus', 84) },
      budgetIn: 'xlsx',
      budget: [
        line('Lønn og sosiale kostnader', 820_000, 'lønn'),
        line('Drift av lavterskeltilbudet', 120_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'kristiansand-rus-report-clean',
        case: c,
        files: [
          file('rapporteringsskjema_2023.pdf', 'report', () =>
            reportForm(c, {
              layout: 'tabbed',
              portal: 'Statsforvalteren i Agder – eSkjema',
              formId: 'R-23-4411',
              yearAs: 'field',
            }),
          ),
          file('Egenerklæring_økonomi_2023.xlsx', 'financial-report', () =>
            financialXlsx(c, { layout: 'egenerklaering', creator: c.signer.name, orgAsNumber: true }),
          ),
        ],
        findings: [],
        notes:
          'Clean report for 2023 with 60 000 unused (940 000 + 60 000 = 1 000 000); egenerklæring with the org number as a number cell.',
        exercises: '"Rapporteringsår", "Innvilget tilskudd"/"Brukt", unused money, numeric org cell',
      }),
    );
  }

  {
    const c = report({
      slug: 'bergen-voksne-report-clean',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2023,
      applicant: kommune(reg, '4601', 'Bergen', 2024, { unit: 'Etat for psykisk helse og rustjenester' }),
      partners: [hf('bergen', false)],
      priority: 'ACT/FACT',
      grantYear: 2,
      positions: 4,
      granted: 1_200_000,
      spent: 1_200_000,
      date: '2024-02-15',
      money: 'kr-dash',
      positionStyle: 'arsverk',
      labels: { granted: 'Tildelt tilskudd', spent: 'Benyttet' },
      project: { name: 'FACT Bergen sentrum', paragraphs: T.reportNarrative('voksne', 61) },
      budgetIn: 'xlsx',
      budget: [
        line('Lønn 4 årsverk', 1_130_000, 'lønn', { planned: 1_100_000 }),
        line('Kompetanse og veiledning', 70_000, 'drift', { planned: 100_000 }),
      ],
    });
    out.push(
      sample({
        slug: 'bergen-voksne-report-clean',
        case: c,
        files: [
          file('Rapport_FACT_2023.pdf', 'report', () =>
            reportLetter(c, {
              family: 'times',
              dateAt: 'place-line',
              orgAt: 'body',
              subject: `Rapport på bruk av tilskudd ${c.year} – FACT Bergen sentrum`,
              signed: false,
            }),
          ),
          file('okonomirapport_2023.xlsx', 'financial-report', () =>
            financialXlsx(c, { layout: 'regnskap', creator: 'Bergen kommune, økonomiavdelingen' }),
          ),
        ],
        findings: [],
        notes:
          'Clean voksne report letter for 2023 with a Budsjett/Regnskap/Avvik sheet; lines over and under budget net to the grant.',
        exercises: 'report letter, xlsx "Kostnadsart | Budsjett | Regnskap | Avvik" with formulas',
      }),
    );
  }

  {
    const c = report({
      slug: 'ringebu-rus-egenerklaering-only',
      scheme: 'kommunalt-rusarbeid',
      year: 2022,
      applicant: kommune(reg, '3439', 'Ringebu', 2023),
      granted: 450_000,
      spent: 450_000,
      date: '2023-02-14',
      labels: { granted: 'Tildelt beløp' },
      project: { name: 'Rusarbeid Ringebu', paragraphs: [] },
      budgetIn: 'xlsx',
      budget: [line('Lønn miljøarbeider', 380_000, 'lønn'), line('Drift og aktiviteter', 70_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'ringebu-rus-egenerklaering-only',
        case: c,
        files: [
          file('egenerklæring_2022.xlsx', 'financial-report', () =>
            financialXlsx(c, { layout: 'egenerklaering', creator: c.signer.name }),
          ),
        ],
        findings: [],
        notes:
          'A report submission consisting only of the egenerklæring spreadsheet (kind report from a financial report alone).',
        exercises: 'single xlsx financial report, no PDF',
      }),
    );
  }

  {
    const c = report({
      slug: 'namsos-barn-unge-report-clean',
      scheme: 'barn-unge-langvarig-sammensatt',
      year: 2020,
      applicant: kommune(reg, '5007', 'Namsos', 2021, { statesNumber: true }),
      granted: 500_000,
      spent: 420_000,
      unused: 80_000,
      date: '2021-02-26',
      money: 'kr-dash',
      dateStyle: 'dots',
      labels: { granted: 'Mottatt tilskudd', spent: 'Sum forbruk' },
      project: { name: 'Ungdomsteamet Namsos', paragraphs: T.reportNarrative('barn-unge', 23) },
      budget: [
        line('Lønn og sosiale kostnader', 380_000, 'lønn'),
        line('Aktiviteter og materiell', 40_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'namsos-barn-unge-report-clean',
        case: c,
        files: [
          file('rapport_2020.pdf', 'report', () =>
            reportForm(c, {
              layout: 'bordered',
              portal: 'Statsforvalteren i Trøndelag',
              formId: 'BU-R-2020-14',
              family: 'liberation',
              yearAs: 'heading',
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean barn-unge report for 2020 in a bordered form, 80 000 unused of 500 000, spending table in the PDF.',
        exercises: 'bordered report form, "Mottatt tilskudd"/"Sum forbruk", 2021 submission',
      }),
    );
  }

  {
    const c = application({
      slug: 'meloy-overgang-clean',
      scheme: 'kommunalt-rusarbeid-overgang',
      year: 2022,
      applicant: kommune(reg, '1837', 'Meløy', 2022, { statesNumber: true }),
      positions: 2,
      requested: 1_020_000,
      date: '2022-02-10',
      money: 'kr-dash',
      positionStyle: 'stillinger',
      project: T.overgang('Meløy'),
      budget: [line('Lønn 2 stillinger i rustjenesten', 1_020_000, 'lønn')],
    });
    out.push(
      sample({
        slug: 'meloy-overgang-clean',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren i Nordland – søknad',
              formId: 'OV-2022-0058',
              time: '08:31',
            }),
          ),
        ],
        findings: [],
        notes:
          'Clean overgang 2022 application (computed as before, so no per-position cap and no grant year needed) before 15 February.',
        exercises: 'overgang 2022 without grant year, salary-only budget',
      }),
    );
  }

  {
    const c = application({
      slug: 'ullensaker-rus-xlsx-as-pdf',
      scheme: 'kommunalt-rusarbeid',
      year: 2025,
      applicant: kommune(reg, '3209', 'Ullensaker', 2025, { statesNumber: true }),
      positions: 2,
      requested: 1_100_000,
      date: '2025-02-25',
      money: 'kr-dash',
      positionStyle: 'stillinger',
      project: T.rusarbeid('Ullensaker', 'parorende'),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn 2 stillinger', 980_000, 'lønn'),
        line('Kurs og samlinger for pårørende', 70_000, 'drift'),
        line('Informasjonsmateriell', 50_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'ullensaker-rus-xlsx-as-pdf',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'liberation',
              dateAt: 'place-line',
              orgAt: 'body',
              subject: `Søknad om tilskudd – kommunalt rusarbeid ${c.year}`,
              signed: true,
            }),
          ),
          // an Excel workbook saved under a .pdf name: the type must come from the content
          file('budsjett.pdf', 'other', () => budgetXlsx(c, 'simple', c.contact.name)),
        ],
        findings: [],
        notes: 'Clean application whose budget is an .xlsx workbook named budsjett.pdf (extension lies).',
        exercises: 'misleading file extension (xlsx bytes as .pdf)',
      }),
    );
  }

  return out;
}
