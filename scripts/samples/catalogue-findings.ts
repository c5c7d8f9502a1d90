/** Submissions that each carry a particular finding (and nothing else unless stated). */
import {
  application,
  fictitiousOrgNumber,
  hf,
  HF,
  kommune,
  line,
  otherApplicant,
  partnerKommune,
  report,
} from './builders.ts';
import { FACT_UNG_TARGET, ORGANISATION, VOKSNE_TARGET } from './catalogue-clean.ts';
import { agreementFor, file, sample } from './files.ts';
import type { Sample } from './model.ts';
import { breakCheckDigit, type Register } from './register.ts';
import { applicationEform } from './templates/application-eform.ts';
import { applicationWordform } from './templates/application-wordform.ts';
import { applicationLetter, reportLetter } from './templates/letter.ts';
import { signedDeclarationPdf } from './templates/other.ts';
import { reportForm } from './templates/report-form.ts';
import { budgetXlsx } from './templates/spreadsheets.ts';
import * as T from './texts.ts';

export function findingSamples(reg: Register): Sample[] {
  const out: Sample[] = [];

  // ---- MISSING_COOPERATION_AGREEMENT ------------------------------------------------------
  {
    const c = application({
      slug: 'lillehammer-fact-ung-no-agreement',
      scheme: 'barn-unge-langvarig-sammensatt',
      year: 2024,
      applicant: kommune(reg, '3405', 'Lillehammer', 2024, { statesNumber: true, unit: 'Barn og unge' }),
      partners: [hf('innlandet', false)],
      priority: 'FACT-ung',
      grantYear: 1,
      positions: 2,
      requested: 1_000_000,
      date: '2024-02-28',
      cosigner: {
        org: 'Sykehuset Innlandet HF',
        title: 'divisjonsdirektør, Divisjon psykisk helsevern',
        place: 'Brumunddal',
      },
      money: 'kr-dash',
      positionStyle: 'stillinger',
      grantYearStyle: 'ordinal',
      project: T.factUng('Lillehammer', 'Sykehuset Innlandet HF'),
      budget: [
        line('Lønn 2 stillinger', 900_000, 'lønn'),
        line('Opplæring og reiseutgifter', 100_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'lillehammer-fact-ung-no-agreement',
        case: c,
        files: [
          file('soknad_fact_ung.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'liberation',
              dateAt: 'place-line',
              orgAt: 'body',
              subject: `Søknad om tilskudd til FACT-ung ${c.year}`,
              signed: true,
              projectPhrase: 'FACT-ung-teamet',
              extra: [
                'Samarbeidsavtale med Sykehuset Innlandet HF er under utarbeidelse og vil bli ettersendt.',
              ],
            }),
          ),
        ],
        findings: [['MISSING_COOPERATION_AGREEMENT', null]],
        notes:
          'Joint FACT-ung letter signed by kommune and HF, within cap, but the agreement is only promised ("ettersendes"), not attached.',
        exercises: 'HF partner without samarbeidsavtale',
      }),
    );
  }

  // ---- OVER_CAP -----------------------------------------------------------------------------
  {
    const c = application({
      slug: 'sandnes-fact-ung-over-cap',
      scheme: 'barn-unge-langvarig-sammensatt',
      year: 2025,
      applicant: kommune(reg, '1108', 'Sandnes', 2025, { statesNumber: true }),
      partners: [hf('stavanger')],
      priority: 'FACT-ung',
      grantYear: 1,
      positions: 3,
      requested: 1_600_000,
      date: '2025-03-18',
      cosigner: {
        org: 'Helse Stavanger HF',
        title: 'klinikkdirektør, Psykiatrisk divisjon',
        place: 'Stavanger',
      },
      money: 'kr-dash',
      positionStyle: 'percent',
      grantYearStyle: 'ar',
      labels: { positions: 'Stillingsprosent', requested: 'Det søkes om' },
      project: T.factUng('Sandnes', 'Helse Stavanger HF'),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn 300 % stilling', 1_450_000, 'lønn', { own: 300_000 }),
        line('Opplæring og drift', 150_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'sandnes-fact-ung-over-cap',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationWordform(c, { title: 'SØKNAD OM TILSKUDD', budgetColumns: 'grant-own-sum' }),
          ),
          file('budsjett_fact_ung.xlsx', 'other', () => budgetXlsx(c, 'titleblock', c.contact.name)),
          file(
            'samarbeidsavtale_helse_stavanger.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'table',
              family: 'liberation',
              purpose: 'om FACT-ung i Sandnes',
              target: FACT_UNG_TARGET,
              organisation: ORGANISATION,
            }),
          ),
        ],
        findings: [['OVER_CAP', null]],
        notes:
          'FACT-ung year 1 asking 1 600 000 for 3 positions (cap 3 × 500 000 = 1 500 000); agreement attached so only OVER_CAP.',
        exercises: 'per-position cap exceeded',
      }),
    );
  }

  {
    const c = application({
      slug: 'drammen-fact-ung-12-positions',
      scheme: 'barn-unge-langvarig-sammensatt',
      year: 2024,
      applicant: kommune(reg, '3301', 'Drammen', 2024, { statesNumber: true }),
      partners: [hf('vestreViken')],
      priority: 'FACT-ung',
      grantYear: 2,
      positions: 12,
      requested: 5_400_000,
      date: '2024-03-05',
      cosigner: {
        org: 'Vestre Viken HF',
        title: 'klinikkdirektør, Klinikk for psykisk helse og rus',
        place: 'Drammen',
      },
      money: 'mill',
      positionStyle: 'stillinger',
      grantYearStyle: 'drift',
      project: T.factUng('Drammen', 'Vestre Viken HF'),
      budget: [
        line('Lønn 12 stillinger', 5_100_000, 'lønn'),
        line('Opplæring og implementeringsstøtte', 300_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'drammen-fact-ung-12-positions',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren – søknadsportal',
              formId: 'BU-2024-0930',
              time: '15:02',
            }),
          ),
          file(
            'samarbeidsavtale.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'paragraphs',
              family: 'helvetica',
              purpose: 'om to FACT-ung-team i Drammen',
              target: FACT_UNG_TARGET,
              organisation: ORGANISATION,
            }),
          ),
        ],
        findings: [['OVER_CAP', null]],
        notes:
          'FACT-ung 2nd year with 12 positions (max 10); 5,4 mill. is within 12 × 500 000, so only the position maximum is broken.',
        exercises: 'positions above the maximum, "5,4 mill. kroner"',
      }),
    );
  }

  {
    const c = application({
      slug: 'sola-tryggest-over-cap',
      scheme: 'tryggest',
      year: 2025,
      applicant: kommune(reg, '1124', 'Sola', 2025, { statesNumber: true }),
      requested: 450_000,
      date: '2025-03-20',
      money: 'kr-dash',
      project: T.tryggEst('Sola'),
      budget: [
        line('Kurs og utdanning', 200_000, 'drift'),
        line('Kurs og fagdager lokalt', 150_000, 'drift'),
        line('Informasjonsmateriell', 100_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'sola-tryggest-over-cap',
        case: c,
        files: [
          file('TryggEst_søknad_Sola.pdf', 'application', () =>
            applicationWordform(c, { title: 'Søknad om tilskudd – TryggEst', budgetColumns: 'grant' }),
          ),
        ],
        findings: [['OVER_CAP', null]],
        notes: 'TryggEst asking 450 000, above the 400 000 per-municipality maximum.',
        exercises: 'flat cap exceeded',
      }),
    );
  }

  {
    const c = application({
      slug: 'ringsaker-voksne-forprosjekt-over-cap',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2023,
      applicant: kommune(reg, '3411', 'Ringsaker', 2023, { statesNumber: true }),
      priority: 'LASSO',
      grantYear: 0,
      positions: 1.5,
      requested: 700_000,
      date: '2023-03-28',
      money: 'kr',
      positionStyle: 'ressurs',
      grantYearStyle: 'ordinal',
      project: T.lasso('Ringsaker'),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn prosjektleder og rådgiver', 620_000, 'lønn'),
        line('Reise og dialogmøter', 80_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'ringsaker-voksne-forprosjekt-over-cap',
        case: c,
        files: [
          file('soknad_forprosjekt.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'times',
              dateAt: 'ref-block',
              orgAt: 'footer',
              subject: `Søknad om midler til forprosjekt – lavterskel substitusjonsbehandling ${c.year}`,
              signed: false,
            }),
          ),
          file('budsjett.xlsx', 'other', () => budgetXlsx(c, 'simple', c.contact.name)),
        ],
        findings: [['OVER_CAP', null]],
        notes: 'Voksne forprosjekt (LASSO) asking 700 000, above the 600 000 forprosjekt sum.',
        exercises: 'forprosjekt cap, "stillingsressurs 150 %"',
      }),
    );
  }

  {
    const c = application({
      slug: 'narvik-overgang-over-cap',
      scheme: 'kommunalt-rusarbeid-overgang',
      year: 2023,
      applicant: kommune(reg, '1806', 'Narvik', 2023, { statesNumber: true }),
      grantYear: 2,
      positions: 2,
      requested: 760_000,
      date: '2023-01-27',
      money: 'suffix',
      positionStyle: 'stillinger',
      grantYearStyle: 'overgang',
      project: T.overgang('Narvik'),
      budget: [line('Lønn 2 stillinger ruskonsulent', 760_000, 'lønn')],
    });
    out.push(
      sample({
        slug: 'narvik-overgang-over-cap',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'tabbed',
              portal: 'Statsforvalteren i Nordland – søknad',
              formId: 'OV-2023-0112',
              time: '12:40',
            }),
          ),
        ],
        findings: [['OVER_CAP', null]],
        notes: 'Overgang 2023 asking 760 000 for 2 positions (cap 2 × 330 000 = 660 000).',
        exercises: 'overgang per-position rate',
      }),
    );
  }

  // ---- INELIGIBLE_COST ------------------------------------------------------------------------
  {
    const c = application({
      slug: 'larvik-rus-ineligible-cost',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '3909', 'Larvik', 2023),
      requested: 1_365_000,
      date: '2023-03-05',
      money: 'kr-dash',
      project: T.rusarbeid('Larvik', 'oppsokende'),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn miljøterapeuter', 1_100_000, 'lønn', { own: 200_000 }),
        line('Inventar og møbler til møteplassen', 120_000, 'inventar'),
        line('Kjøp av bil til oppsøkende team', 80_000, 'investering'),
        line('Administrasjonskostnader', 65_000, 'administrasjon'),
      ],
    });
    out.push(
      sample({
        slug: 'larvik-rus-ineligible-cost',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren i Vestfold og Telemark – eSøknad',
              formId: 'KR-2023-0344',
              time: '23:12',
              stamp: 'dots',
            }),
          ),
          file('budsjett.xlsx', 'other', () => budgetXlsx(c, 'columns', c.contact.name)),
        ],
        findings: [['INELIGIBLE_COST', null]],
        notes:
          'Kommunalt rusarbeid budget with inventar, a car (investering) and administration; sent on the deadline day (5 March 2023), so not late.',
        exercises: 'excluded cost categories, deadline-day submission',
      }),
    );
  }

  {
    const c = application({
      slug: 'halden-nav-ineligible-cost',
      scheme: 'nav-sosiale-tjenester',
      year: 2024,
      applicant: kommune(reg, '3101', 'Halden', 2024, { statesNumber: true, unit: 'NAV Halden' }),
      grantYear: 1,
      positions: 1.5,
      requested: 850_000,
      date: '2024-01-22',
      contactTitle: 'NAV-leder',
      money: 'kr-dash',
      positionStyle: 'arsverk',
      project: T.navSosial('Halden'),
      budget: [
        line('Lønn 1,5 årsverk veileder', 780_000, 'lønn'),
        line('Kurs og kompetanseheving', 70_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'halden-nav-ineligible-cost',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationWordform(c, { title: 'Søknad – sosiale tjenester i NAV', budgetColumns: 'grant' }),
          ),
        ],
        findings: [['INELIGIBLE_COST', null]],
        notes:
          'NAV scheme funds salaries only; the budget also asks 70 000 for courses (drift). 850 000 is within 1.5 × 610 000.',
        exercises: 'salary-only scheme with a drift line',
      }),
    );
  }

  // ---- INELIGIBLE_APPLICANT -------------------------------------------------------------------
  {
    const applicant = otherApplicant({
      name: 'Stiftelsen Nordmøre Møteplass',
      orgNumber: fictitiousOrgNumber(reg, 'stiftelsen-nordmore'),
      kind: 'organisasjon',
      address: ['Storgata 14', '6509 Kristiansund N'],
      place: 'Kristiansund',
      unit: 'Møteplass for personer med rusutfordringer',
      email: 'post@nordmoremoteplass.no',
      phone: '71 67 20 10',
    });
    const c = application({
      slug: 'kristiansund-stiftelse-ineligible-applicant',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant,
      office: '1505',
      partners: [partnerKommune(reg, '1505', 'Kristiansund', false)],
      requested: 500_000,
      date: '2023-02-28',
      signerTitle: 'styreleder',
      contactTitle: 'daglig leder',
      money: 'kr-dash',
      dateStyle: 'dots',
      project: T.rusarbeid('Kristiansund', 'moteplass'),
      budget: [line('Lønn daglig leder', 420_000, 'lønn'), line('Aktiviteter og måltider', 80_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'kristiansund-stiftelse-ineligible-applicant',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'helvetica',
              dateAt: 'ref-block',
              orgAt: 'body',
              subject: `Søknad om tilskudd til kommunalt rusarbeid ${c.year}`,
              signed: true,
            }),
          ),
        ],
        findings: [['INELIGIBLE_APPLICANT', null]],
        notes:
          'A foundation (valid, non-municipal org number) applies for kommunalt rusarbeid itself, with the kommune only as partner.',
        exercises: 'applicant is a foundation, not a kommune',
      }),
    );
  }

  {
    const applicant = otherApplicant({
      name: HF.fonna.name,
      orgNumber: HF.fonna.orgNumber,
      kind: 'helseforetak',
      address: ['Postboks 2170', '5504 Haugesund'],
      place: 'Haugesund',
      unit: 'Klinikk for psykisk helsevern',
      email: 'postmottak@helse-fonna.no',
      phone: '52 73 20 00',
    });
    const c = application({
      slug: 'helse-fonna-ineligible-applicant',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2023,
      applicant,
      office: '1106',
      partners: [partnerKommune(reg, '1106', 'Haugesund')],
      priority: 'ACT/FACT',
      grantYear: 1,
      positions: 2,
      requested: 600_000,
      date: '2023-03-20',
      signerTitle: 'klinikkdirektør',
      cosigner: { org: 'Haugesund kommune', title: 'kommunedirektør', place: 'Haugesund' },
      money: 'kr-dash',
      positionStyle: 'stillinger',
      project: T.actFact('Haugesund', null),
      budget: [line('Lønn 2 stillinger', 600_000, 'lønn')],
    });
    out.push(
      sample({
        slug: 'helse-fonna-ineligible-applicant',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren i Rogaland – søknadsskjema',
              formId: 'VO-2023-0301',
              time: '10:15',
            }),
          ),
          file(
            'samarbeidsavtale.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'table',
              family: 'helvetica',
              purpose: 'om FACT-team i Haugesund',
              target: VOKSNE_TARGET,
              organisation: ORGANISATION,
            }),
          ),
        ],
        findings: [['INELIGIBLE_APPLICANT', null]],
        notes:
          'The health trust is the applicant and the kommune its partner (should be the other way round); agreement attached.',
        exercises: 'applicant is a helseforetak',
      }),
    );
  }

  // ---- LATE_SUBMISSION ------------------------------------------------------------------------
  {
    const c = application({
      slug: 'bodo-rus-late',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '1804', 'Bodø', 2023, { statesNumber: true }),
      grantYear: 1,
      positions: 2,
      requested: 1_050_000,
      date: '2023-03-08',
      money: 'kr-dash',
      positionStyle: 'stillinger',
      grantYearStyle: 'ordinal',
      project: T.rusarbeid('Bodø', 'oppsokende'),
      budget: [line('Lønn 2 stillinger', 950_000, 'lønn'), line('Drift og aktiviteter', 100_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'bodo-rus-late',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'times',
              dateAt: 'place-line',
              orgAt: 'body',
              subject: `Søknad om tilskudd – kommunalt rusarbeid ${c.year}`,
              signed: false,
            }),
          ),
        ],
        findings: [['LATE_SUBMISSION', null]],
        notes: 'Kommunalt rusarbeid 2023 letter dated 8 March 2023, after the 5 March deadline.',
        exercises: 'late application (rus 2023)',
      }),
    );
  }

  {
    const c = report({
      slug: 'lorenskog-rus-report-late',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '3222', 'Lørenskog', 2024, { statesNumber: true }),
      granted: 600_000,
      spent: 575_000,
      unused: 25_000,
      date: '2024-03-12',
      money: 'kr',
      labels: { spent: 'Forbrukt' },
      project: { name: 'Pårørendearbeid Lørenskog', paragraphs: T.reportNarrative('rus', 41) },
      budget: [line('Lønn', 500_000, 'lønn'), line('Kurs og opplæring', 75_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'lorenskog-rus-report-late',
        case: c,
        files: [
          file('rapport.pdf', 'report', () =>
            reportForm(c, {
              layout: 'colon',
              portal: 'Statsforvalteren – rapportering',
              formId: 'RAP-2024-0433',
              yearAs: 'field',
            }),
          ),
        ],
        findings: [['LATE_SUBMISSION', null]],
        notes: 'Report for 2023 dated 12 March 2024, after the 1 March report deadline.',
        exercises: 'late report',
      }),
    );
  }

  {
    const c = application({
      slug: 'baerum-tryggest-late',
      scheme: 'tryggest',
      year: 2025,
      applicant: kommune(reg, '3201', 'Bærum', 2025, { statesNumber: true }),
      requested: 350_000,
      date: '2025-04-02',
      money: 'suffix',
      project: T.tryggEst('Bærum'),
      budget: [
        line('Kurs for ansatte', 150_000, 'drift'),
        line('Informasjonsmateriell på flere språk', 120_000, 'drift'),
        line('Samtalegrupper – veiledning', 80_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'baerum-tryggest-late',
        case: c,
        files: [
          file('soknad_tryggest.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'liberation',
              dateAt: 'place-line',
              orgAt: 'both',
              subject: `Søknad om TryggEst-midler ${c.year}`,
              signed: true,
              opening: 'viser-til',
            }),
          ),
        ],
        findings: [['LATE_SUBMISSION', null]],
        notes:
          'TryggEst letter dated 2 April 2025, after the 31 March 2025 deadline (date place is Sandvika).',
        exercises: 'late TryggEst, date line place ≠ municipality name',
      }),
    );
  }

  {
    const c = application({
      slug: 'sortland-overgang-late',
      scheme: 'kommunalt-rusarbeid-overgang',
      year: 2024,
      applicant: kommune(reg, '1870', 'Sortland', 2024, { statesNumber: true }),
      grantYear: 3,
      positions: 1.5,
      requested: 495_000,
      date: '2024-02-05',
      money: 'kr-dash',
      positionStyle: 'percent',
      grantYearStyle: 'overgang',
      project: T.overgang('Sortland'),
      budget: [line('Lønn 150 % stilling', 495_000, 'lønn')],
    });
    out.push(
      sample({
        slug: 'sortland-overgang-late',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationWordform(c, { title: 'SØKNADSSKJEMA – OVERGANGSORDNING', budgetColumns: 'grant' }),
          ),
        ],
        findings: [['LATE_SUBMISSION', null]],
        notes: 'Overgang 2024 dated 5 February 2024, after the 1 February deadline; 495 000 = 1.5 × 330 000.',
        exercises: 'late overgang, "150 % stilling"',
      }),
    );
  }

  {
    const c = application({
      slug: 'kongsvinger-nav-late',
      scheme: 'nav-sosiale-tjenester',
      year: 2022,
      applicant: kommune(reg, '3401', 'Kongsvinger', 2022, { statesNumber: true, unit: 'NAV Kongsvinger' }),
      grantYear: 1,
      positions: 1,
      requested: 600_000,
      date: '2022-02-03',
      contactTitle: 'NAV-leder',
      money: 'kr',
      positionStyle: 'stillinger',
      project: T.navSosial('Kongsvinger'),
      budget: [line('Lønn 1 stilling veileder inkl. sosiale kostnader', 600_000, 'lønn')],
    });
    out.push(
      sample({
        slug: 'kongsvinger-nav-late',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren i Innlandet – eSøknad',
              formId: 'NAV-2022-0102',
              time: '08:12',
            }),
          ),
        ],
        findings: [['LATE_SUBMISSION', null]],
        notes: 'NAV 2022 form sent 3 February 2022, after the 1 February deadline.',
        exercises: 'late NAV application',
      }),
    );
  }

  {
    const c = application({
      slug: 'alesund-voksne-late',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2023,
      applicant: kommune(reg, '1508', 'Ålesund', 2023),
      partners: [hf('moreRomsdal')],
      priority: 'ACT/FACT',
      grantYear: 1,
      positions: 4,
      requested: 1_200_000,
      date: '2023-04-12',
      cosigner: {
        org: 'Helse Møre og Romsdal HF',
        title: 'klinikksjef, Klinikk for psykisk helse og rus',
        place: 'Ålesund',
      },
      money: 'dots',
      positionStyle: 'times',
      project: T.actFact('Ålesund', 'Helse Møre og Romsdal HF'),
      budgetIn: 'xlsx',
      budget: [
        line('Lønn teamet (4 x 100 %)', 1_100_000, 'lønn', { own: 900_000 }),
        line('Opplæring', 100_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'alesund-voksne-late',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'liberation',
              dateAt: 'ref-block',
              orgAt: 'body',
              subject: `Søknad om tilskudd til ACT/FACT-team ${c.year}`,
              signed: true,
            }),
          ),
          file('budsjett.xlsx', 'other', () => budgetXlsx(c, 'columns', c.contact.name)),
          file(
            'samarbeidsavtale.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'paragraphs',
              family: 'times',
              purpose: 'om FACT-team i Ålesund',
              target: VOKSNE_TARGET,
              organisation: ORGANISATION,
            }),
          ),
        ],
        findings: [['LATE_SUBMISSION', null]],
        notes:
          'Voksne 2023 joint application dated 12.04.2023, after the 31 March 2023 deadline; agreement attached, within cap.',
        exercises: 'late voksne application, "4 x 100 %", "1.200.000"',
      }),
    );
  }

  {
    const c = application({
      slug: 'kinn-rus-late-inventar',
      scheme: 'kommunalt-rusarbeid',
      year: 2025,
      applicant: kommune(reg, '4602', 'Kinn', 2025, { statesNumber: true }),
      requested: 780_000,
      date: '2025-03-04',
      money: 'kr-dash',
      project: T.rusarbeid('Kinn', 'moteplass'),
      budget: [
        line('Lønn erfaringskonsulent og miljøarbeider', 640_000, 'lønn'),
        line('Aktiviteter', 80_000, 'drift'),
        line('Datautstyr og møbler', 60_000, 'inventar'),
      ],
    });
    out.push(
      sample({
        slug: 'kinn-rus-late-inventar',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren i Vestland – søknadsportal',
              formId: 'KR-2025-0761',
              time: '09:44',
            }),
          ),
        ],
        findings: [
          ['LATE_SUBMISSION', null],
          ['INELIGIBLE_COST', null],
        ],
        notes:
          'Two findings at once: sent 4 March 2025 (deadline 1 March) and asks for computers and furniture (inventar).',
        exercises: 'late + ineligible cost together',
      }),
    );
  }

  // ---- INVALID_ORG_NUMBER ---------------------------------------------------------------------
  {
    const k = reg.kommune('3442', 'Østre Toten');
    const c = application({
      slug: 'ostre-toten-invalid-orgnr',
      scheme: 'barn-unge-langvarig-sammensatt',
      year: 2024,
      applicant: kommune(reg, '3442', 'Østre Toten', 2024, {
        statesNumber: true,
        printOrg: breakCheckDigit(k.orgNumber),
      }),
      priority: 'Lavterskeltilbud',
      grantYear: 2,
      positions: 2,
      requested: 900_000,
      date: '2024-03-01',
      money: 'kr-dash',
      positionStyle: 'stillinger',
      grantYearStyle: 'drift',
      project: T.lavterskel('Østre Toten'),
      budget: [line('Lønn 2 stillinger', 820_000, 'lønn'), line('Husleie og drift', 80_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'ostre-toten-invalid-orgnr',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationWordform(c, { title: 'Søknadsskjema', budgetColumns: 'grant' }),
          ),
        ],
        findings: [['INVALID_ORG_NUMBER', 'applicant.orgNumber']],
        notes:
          'Applicant org number typed with a wrong last digit (fails MOD11); municipalityNumber still 3442 from the register by name.',
        exercises: 'applicant org number check digit',
      }),
    );
  }

  {
    const c = application({
      slug: 'orkland-partner-invalid-orgnr',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2025,
      applicant: kommune(reg, '5059', 'Orkland', 2025, { statesNumber: true }),
      partners: [hf('stOlav', true, breakCheckDigit(HF.stOlav.orgNumber))],
      priority: 'ACT/FACT',
      grantYear: 1,
      positions: 2,
      requested: 600_000,
      date: '2025-03-11',
      cosigner: { org: 'St. Olavs hospital HF', title: 'avdelingssjef, Orkdal DPS', place: 'Orkanger' },
      money: 'kr-dash',
      positionStyle: 'arsverk',
      labels: { org: 'Org.nr.' },
      project: T.actFact('Orkland', 'St. Olavs hospital HF'),
      budget: [line('Lønn 2 årsverk', 540_000, 'lønn'), line('Opplæring og veiledning', 60_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'orkland-partner-invalid-orgnr',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'tabbed',
              portal: 'Statsforvalteren i Trøndelag – søknadsskjema',
              formId: 'VO-2025-0188',
              time: '13:37',
            }),
          ),
          file(
            'samarbeidsavtale_orkdal_dps.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'table',
              family: 'helvetica',
              purpose: 'om FACT-team i Orkland',
              target: VOKSNE_TARGET,
              organisation: ORGANISATION,
            }),
          ),
        ],
        findings: [['INVALID_ORG_NUMBER', 'partners']],
        notes:
          "The HF partner's org number is written with a wrong check digit in both the form and the agreement.",
        exercises: 'partner org number check digit',
      }),
    );
  }

  // ---- SUM_MISMATCH ---------------------------------------------------------------------------
  {
    const c = application({
      slug: 'sarpsborg-rus-sum-mismatch',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '3105', 'Sarpsborg', 2023),
      requested: 980_000,
      statedBudgetTotal: 980_000,
      date: '2023-02-27',
      money: 'kr-dash',
      project: T.rusarbeid('Sarpsborg', 'parorende'),
      budget: [
        line('Lønn miljøterapeut', 600_000, 'lønn'),
        line('Drift av pårørendegrupper', 250_000, 'drift'),
        line('Kurs for pårørende', 80_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'sarpsborg-rus-sum-mismatch',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationWordform(c, { title: 'Søknad om tilskudd', budgetColumns: 'grant' }),
          ),
        ],
        findings: [['SUM_MISMATCH', null]],
        notes: 'Budget lines add up to 930 000 but the table states Sum 980 000 (= the amount applied for).',
        exercises: 'budget lines ≠ stated total',
      }),
    );
  }

  {
    const c = report({
      slug: 'hammerfest-rus-report-sum-mismatch',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '5603', 'Hammerfest', 2024, { statesNumber: true }),
      granted: 800_000,
      spent: 650_000,
      unused: 100_000,
      date: '2024-02-27',
      money: 'kr-dash',
      labels: { granted: 'Tildelt beløp', spent: 'Forbrukt' },
      project: { name: 'Oppsøkende team Hammerfest', paragraphs: T.reportNarrative('rus', 38) },
      budget: [line('Lønn', 560_000, 'lønn'), line('Drift og aktiviteter', 90_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'hammerfest-rus-report-sum-mismatch',
        case: c,
        files: [
          file('rapport_2023.pdf', 'report', () =>
            reportLetter(c, {
              family: 'helvetica',
              dateAt: 'place-line',
              orgAt: 'both',
              subject: `Rapportering – tilskudd til kommunalt rusarbeid ${c.year}`,
              signed: false,
              budgetBorders: true,
            }),
          ),
        ],
        findings: [['SUM_MISMATCH', null]],
        notes: 'Report: forbrukt 650 000 + ubrukte midler 100 000 ≠ tildelt 800 000.',
        exercises: 'spent + unused ≠ granted',
      }),
    );
  }

  // ---- MISSING_FIELD --------------------------------------------------------------------------
  {
    const c = application({
      slug: 'nittedal-rus-missing-orgnr',
      scheme: 'kommunalt-rusarbeid',
      year: 2025,
      applicant: kommune(reg, '3232', 'Nittedal', 2025, { printOrg: null }),
      requested: 720_000,
      date: '2025-02-24',
      money: 'kr-dash',
      project: T.rusarbeid('Nittedal', 'parorende'),
      budget: [
        line('Lønn pårørendekoordinator', 640_000, 'lønn'),
        line('Kurs og samlinger for pårørende', 80_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'nittedal-rus-missing-orgnr',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'times',
              dateAt: 'place-line',
              orgAt: 'footer',
              subject: `Søknad om tilskudd til kommunalt rusarbeid ${c.year} – pårørendetilbud`,
              signed: false,
            }),
          ),
        ],
        findings: [['MISSING_FIELD', 'applicant.orgNumber']],
        notes:
          'Letter states no organisation number anywhere (municipalityNumber 3232 still follows from the name).',
        exercises: 'missing org number',
      }),
    );
  }

  {
    const c = application({
      slug: 'sogndal-voksne-missing-positions',
      scheme: 'voksne-langvarig-sammensatt',
      year: 2025,
      applicant: kommune(reg, '4640', 'Sogndal', 2025, { statesNumber: true }),
      partners: [hf('forde')],
      priority: 'Housing First',
      grantYear: 1,
      requested: 750_000,
      date: '2025-03-06',
      cosigner: { org: 'Helse Førde HF', title: 'klinikkdirektør, Psykisk helsevern', place: 'Førde' },
      money: 'kr-dash',
      project: T.housingFirst('Sogndal', false),
      budget: [
        line('Lønn teamkoordinator og miljøterapeuter', 690_000, 'lønn'),
        line('Opplæring i Housing First-modellen', 60_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'sogndal-voksne-missing-positions',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'colon',
              portal: 'Statsforvalteren i Vestland – søknadsportal',
              formId: 'VO-2025-0415',
              time: '16:20',
            }),
          ),
          file(
            'samarbeidsavtale.pdf',
            'cooperation-agreement',
            agreementFor(c, {
              layout: 'paragraphs',
              family: 'liberation',
              purpose: 'om Housing First i Sogndal',
              target: VOKSNE_TARGET,
              organisation: ORGANISATION,
            }),
          ),
        ],
        findings: [['MISSING_FIELD', 'positions']],
        notes:
          'Voksne Housing First year 1 without any number of positions (a per-position scheme), so positions is missing and no cap can be computed.',
        exercises: 'missing positions in a per-position scheme',
      }),
    );
  }

  // ---- UNKNOWN_SCHEME -------------------------------------------------------------------------
  {
    const c = application({
      slug: 'tynset-frisklivs-unknown-scheme',
      scheme: null,
      schemeText: 'Tilskudd til frisklivs- og læringstilbud',
      year: 2024,
      applicant: kommune(reg, '3427', 'Tynset', 2024, { statesNumber: true }),
      requested: 300_000,
      date: '2024-03-15',
      money: 'kr',
      project: T.frisklivs('Tynset'),
      budget: [
        line('Lønn frisklivskoordinator', 220_000, 'lønn'),
        line('Kurs og aktiviteter', 80_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'tynset-frisklivs-unknown-scheme',
        case: c,
        files: [
          file('soknad_frisklivs.pdf', 'application', () =>
            applicationLetter(c, {
              family: 'times',
              dateAt: 'place-line',
              orgAt: 'body',
              subject: `Søknad om tilskudd til frisklivs- og læringstilbud ${c.year}`,
              signed: true,
            }),
          ),
        ],
        findings: [['UNKNOWN_SCHEME', null]],
        notes:
          'A complete application for "Frisklivs- og læringstilbud", which is none of the known schemes.',
        exercises: 'application to an unknown scheme',
      }),
    );
  }

  // ---- UNREADABLE_DOCUMENT --------------------------------------------------------------------
  {
    const c = application({
      slug: 'skien-tryggest-unreadable-empty',
      scheme: 'tryggest',
      year: 2025,
      applicant: kommune(reg, '4003', 'Skien', 2025, { statesNumber: true }),
      requested: 300_000,
      date: '2025-03-10',
      money: 'kr-dash',
      project: T.tryggEst('Skien'),
      budget: [
        line('Kurs og opplæring av ansatte', 200_000, 'drift'),
        line('Informasjonsmateriell', 100_000, 'drift'),
      ],
    });
    out.push(
      sample({
        slug: 'skien-tryggest-unreadable-empty',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationEform(c, {
              layout: 'tabbed',
              portal: 'Bufdir – søknadsportal for tilskudd',
              formId: 'TE-2025-2291',
              time: '11:03',
            }),
          ),
          file('vedlegg_signert.pdf', 'unreadable', () => Buffer.alloc(0)),
        ],
        findings: [['UNREADABLE_DOCUMENT', null]],
        notes: 'Good TryggEst application beside an empty (0 byte) attachment.',
        exercises: 'empty file',
      }),
    );
  }

  {
    const c = report({
      slug: 'arendal-rus-report-unreadable-truncated',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '4203', 'Arendal', 2024, { statesNumber: true }),
      granted: 900_000,
      spent: 900_000,
      date: '2024-02-22',
      money: 'kr-dash',
      labels: { granted: 'Tildelt tilskudd', spent: 'Forbrukt' },
      project: { name: 'Møteplassen Arendal', paragraphs: T.reportNarrative('rus', 112) },
      budget: [line('Lønn', 760_000, 'lønn'), line('Aktiviteter og transport', 140_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'arendal-rus-report-unreadable-truncated',
        case: c,
        files: [
          file('rapport.pdf', 'report', () =>
            reportForm(c, {
              layout: 'bordered',
              portal: 'Statsforvalteren i Agder – rapportering',
              formId: 'RAP-2024-0208',
              family: 'liberation',
              yearAs: 'heading',
            }),
          ),
          file('egenerklaering_signert.pdf', 'unreadable', async () => {
            const full = await signedDeclarationPdf(c, 'Egenerklæring – bruk av tilskudd');
            return full.subarray(0, Math.floor(full.length * 0.4));
          }),
        ],
        findings: [['UNREADABLE_DOCUMENT', null]],
        notes:
          'Good report form beside a scanned egenerklæring PDF cut off at 40 % (no trailer, no catalogue).',
        exercises: 'truncated PDF',
      }),
    );
  }

  {
    const c = application({
      slug: 'rana-rus-unreadable-encrypted',
      scheme: 'kommunalt-rusarbeid',
      year: 2023,
      applicant: kommune(reg, '1833', 'Rana', 2023, { statesNumber: true }),
      grantYear: 1,
      positions: 1,
      requested: 640_000,
      date: '2023-02-15',
      money: 'kr-dash',
      positionStyle: 'stillinger',
      grantYearStyle: 'ordinal',
      project: T.rusarbeid('Rana', 'oppsokende'),
      budget: [line('Lønn 1 stilling', 590_000, 'lønn'), line('Drift og reise', 50_000, 'drift')],
    });
    out.push(
      sample({
        slug: 'rana-rus-unreadable-encrypted',
        case: c,
        files: [
          file('soknad.pdf', 'application', () =>
            applicationWordform(c, { title: 'Søknad om tilskudd', budgetColumns: 'grant' }),
          ),
          file('budsjett_signert.pdf', 'unreadable', () =>
            signedDeclarationPdf(c, 'Budsjett – signert', 'Rana2023'),
          ),
        ],
        findings: [['UNREADABLE_DOCUMENT', null]],
        notes: 'Good application beside a password-protected PDF (RC4, user password) of the signed budget.',
        exercises: 'encrypted PDF',
      }),
    );
  }

  return out;
}
