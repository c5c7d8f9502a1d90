import type { BudgetCategory, PartnerKind } from '../truth.ts';
import type { Language, PlanVocabulary } from './plan.ts';
import type { Municipality } from './register.ts';
import type { SchemeId } from './rules.ts';

/**
 * The INDEPENDENT vocabulary, in bokmål (nb) and nynorsk (nn).
 *
 * Written without looking at the extractor, its label list, its tests or the committed samples,
 * from: the seeds in /work/shared/seeds (the schemes' own wording: "Lønn til stillinger",
 * "Egenerklæring for økonomirapport", "Søknad og rapportering i samme elektroniske skjema"),
 * DOMAIN.md, and public pages of the schemes: Statsforvaltaren i Vestland / Møre og Romsdal
 * (nynorsk announcements: "tilskot", "søknadssum", "kontonummer som tilskotet skal utbetalast
 * til", "rapporteringsfrist for tilskot motteke i 2022", "vidareføring av stillingane"),
 * Statsforvalteren i Nordland / Trøndelag, Helsedirektoratet's scheme pages ("Søknadsskjema",
 * "Rapporteringsskjema", "Egenerklæringsskjema (xlsx)"), Bufdir's TryggEst pages in both
 * standards ("Kvar kommune kan maksimalt søkje om kroner 400 000,-"), and the way municipal
 * letters, portal exports, Outlook print-outs and council papers are written ("Vår ref.",
 * "Dykkar dato", "Sakshandsamar", "Stad og dato", "Med helsing", "Hele 1 000 kr").
 *
 * Labels carry words before the noun ("Samla søknadssum", "Omsøkte årsverk"), qualifiers after
 * it ("Årsverk som vert finansierte av tilskotet", "Beløp det søkes om fra Statsforvalteren"),
 * and years or cut-off dates inside them ("Motteke tilskot {Y}", "Brukt per 31.12.{Y}").
 * Placeholders: {Y} the scheme year, {Y0} the year before, {Y1} the year after, {P} the length
 * of the grant period. A label with a year placeholder is used only where the year is written.
 */

export type Words = Readonly<Record<Language, readonly string[]>>;

export const I_LABELS = {
  applicant: {
    nb: [
      'Søkerkommune',
      'Søker (kommune/bydel)',
      'Navn på kommunen',
      'Ansvarlig søker',
      'Hovedsøker',
      'Tilskuddsmottaker',
      'Virksomhet',
      'Søkers navn',
    ],
    nn: [
      'Søkjar',
      'Namn på søkjar',
      'Søkjarkommune',
      'Kommune (søkjar)',
      'Hovudsøkjar',
      'Tilskotsmottakar',
      'Verksemd',
      'Ansvarleg søkjar',
    ],
  },
  orgNumber: {
    nb: [
      'Organisasjonsnr.',
      'Org. nummer',
      'Orgnr.',
      'Organisasjonsnummer (9 siffer)',
      'Virksomhetens org.nr.',
      'Organisasjonsnummer',
    ],
    nn: [
      'Organisasjonsnummer',
      'Org.nr.',
      'Organisasjonsnr.',
      'Organisasjonsnummer (9 siffer)',
      'Verksemda sitt org.nr.',
    ],
  },
  municipalityNumber: {
    nb: ['Kommunenr.', 'Knr.', 'Kommunenummer', 'Kommunenr'],
    nn: ['Kommunenummer', 'Kommunenr.', 'Knr.'],
  },
  scheme: {
    nb: [
      'Tilskuddsordning',
      'Søknaden gjelder tilskuddsordningen',
      'Navn på ordningen',
      'Ordning det søkes fra',
      'Tilskudd fra ordningen',
    ],
    nn: ['Tilskotsordning', 'Søknaden gjeld', 'Namn på tilskotsordninga', 'Ordning det vert søkt frå'],
  },
  schemeReport: {
    nb: ['Tilskuddsordning', 'Rapporten gjelder ordningen', 'Ordning'],
    nn: ['Tilskotsordning', 'Rapporten gjeld ordninga', 'Ordning'],
  },
  yearApplication: {
    nb: [
      'Søknaden gjelder år',
      'Tilskuddsår',
      'For året',
      'Budsjettår',
      'År det søkes tilskudd for',
      'Søknadsår',
    ],
    nn: ['Tilskotsår', 'Søknadsår', 'Gjeld året', 'Året det vert søkt for', 'Budsjettår', 'For året'],
  },
  yearReport: {
    nb: [
      'Rapporten gjelder tilskuddsåret',
      'Rapporteringsår',
      'Regnskapsår',
      'Tilskuddsår det rapporteres for',
    ],
    nn: [
      'Rapporten gjeld tilskotsåret',
      'Rapporteringsår',
      'Rekneskapsår',
      'Tilskotsår det vert rapportert for',
    ],
  },
  requested: {
    nb: [
      'Samlet søknadssum',
      'Søknadssum',
      'Beløp det søkes om fra Statsforvalteren',
      'Totalt omsøkt tilskudd',
      'Omsøkt tilskudd {Y}',
      'Søkt beløp (kr)',
      'Sum omsøkt',
      'Tilskudd det søkes om for {Y}',
    ],
    nn: [
      'Søknadssum',
      'Samla søknadssum',
      'Totalt omsøkt tilskot',
      'Beløp det vert søkt om',
      'Omsøkt tilskot {Y}',
      'Tilskot det vert søkt om',
      'Sum omsøkt',
      'Beløp det vert søkt om frå Statsforvaltaren',
    ],
  },
  granted: {
    nb: [
      'Mottatt tilskudd {Y}',
      'Tilskudd mottatt i {Y}',
      'Innvilget beløp',
      'Tilsagn',
      'Bevilget tilskudd',
      'Tilskuddsbeløp ifølge tilskuddsbrev',
      'Tildelt ramme {Y}',
    ],
    nn: [
      'Motteke tilskot {Y}',
      'Tildelt tilskot',
      'Innvilga beløp',
      'Løyvd tilskot',
      'Tilskot i følgje tilskotsbrevet',
      'Tilskot motteke i {Y}',
      'Tilsegn',
    ],
  },
  spent: {
    nb: [
      'Brukt per 31.12.{Y}',
      'Forbruk i {Y}',
      'Regnskap {Y}',
      'Faktisk brukt',
      'Medgåtte midler',
      'Sum utgifter dekket av tilskuddet',
      'Benyttede midler',
      'Brukt av tilskuddet per 31.12.',
    ],
    nn: [
      'Nytta per 31.12.{Y}',
      'Brukt i {Y}',
      'Rekneskap {Y}',
      'Forbruk av tilskotet',
      'Sum nytta',
      'Medgåtte midlar',
      'Brukt av tilskotet per 31.12.',
      'Faktisk forbruk',
    ],
  },
  unused: {
    nb: [
      'Ubrukte midler per 31.12.{Y}',
      'Ikke benyttet',
      'Mindreforbruk',
      'Restbeløp',
      'Ubrukt tilskudd',
      'Overføres til {Y1}',
    ],
    nn: [
      'Ubrukte midlar',
      'Ikkje nytta',
      'Ubrukt per 31.12.{Y}',
      'Restmidlar',
      'Mindreforbruk',
      'Ubrukt tilskot',
      'Vert overført til {Y1}',
    ],
  },
  positions: {
    nb: [
      'Omsøkte årsverk',
      'Antall årsverk finansiert av tilskuddet',
      'Stillingsressurs (%)',
      'Antall stillinger i tiltaket',
      'Årsverk',
      'Stillingsomfang',
      'Årsverk det søkes om',
    ],
    nn: [
      'Omsøkte årsverk',
      'Tal på årsverk',
      'Årsverk som vert finansierte av tilskotet',
      'Stillingsressurs (%)',
      'Tal stillingar',
      'Stillingsomfang',
      'Stillingar i tiltaket',
    ],
  },
  positionsReport: {
    nb: [
      'Årsverk finansiert av tilskuddet',
      'Antall årsverk i {Y}',
      'Stillingsressurs',
      'Stillinger finansiert',
    ],
    nn: [
      'Årsverk finansierte av tilskotet',
      'Tal på årsverk i {Y}',
      'Stillingsressurs',
      'Stillingar finansierte',
    ],
  },
  priority: {
    nb: [
      'Prioritert tiltak',
      'Hvilken prioritering gjelder søknaden',
      'Tiltakstype',
      'Modell',
      'Prioritering',
    ],
    nn: ['Prioritert tiltak', 'Kva prioritering gjeld søknaden', 'Type tiltak', 'Modell', 'Prioritering'],
  },
  grantYear: {
    nb: [
      'År i tilskuddsperioden',
      'Hvilket år i perioden (1–{P})',
      'Driftsår',
      'Fase i tilskuddsperioden',
      'Tilskuddsperiode',
    ],
    nn: ['År i tilskotsperioden', 'Kva år i perioden (1–{P})', 'Driftsår', 'Fase', 'Tilskotsperiode'],
  },
  date: {
    nb: ['Sted og dato', 'Dato', 'Dato for innsending', 'Innsendt dato', 'Signert dato'],
    nn: ['Stad og dato', 'Dato', 'Dato for innsending', 'Innsendt', 'Signert dato'],
  },
  partners: {
    nb: [
      'Samarbeidspartnere',
      'Samarbeidsaktører',
      'Samarbeider med',
      'Øvrige parter i tiltaket',
      'Medsøkere',
    ],
    nn: [
      'Samarbeidspartnarar',
      'Samarbeidsaktørar',
      'Samarbeider med',
      'Andre partar i tiltaket',
      'Medsøkjarar',
    ],
  },
  contact: {
    nb: ['Kontaktperson', 'Saksbehandler', 'Prosjektleder', 'Ansvarlig for søknaden'],
    nn: ['Kontaktperson', 'Sakshandsamar', 'Prosjektleiar', 'Ansvarleg for søknaden'],
  },
  phone: {
    nb: ['Telefon', 'Tlf.', 'Mobil', 'Direkte telefon'],
    nn: ['Telefon', 'Tlf.', 'Mobil', 'Direkte telefon'],
  },
  email: { nb: ['E-post', 'E-postadresse'], nn: ['E-post', 'E-postadresse'] },
  account: {
    nb: ['Kontonummer for utbetaling', 'Bankkonto', 'Kontonr.'],
    nn: ['Kontonummer tilskotet skal utbetalast til', 'Bankkonto', 'Kontonr.'],
  },
  address: {
    nb: ['Postadresse', 'Adresse', 'Besøksadresse'],
    nn: ['Postadresse', 'Adresse', 'Besøksadresse'],
  },
  ownFunding: {
    nb: ['Kommunens egenandel', 'Egeninnsats (kr)', 'Egenfinansiering', 'Egne midler'],
    nn: ['Eigenfinansiering', 'Kommunal eigendel', 'Eigne midlar', 'Eigeninnsats (kr)'],
  },
  totalCost: {
    nb: ['Totalkostnad for tiltaket', 'Samlet budsjett (inkl. egenandel)', 'Totalbudsjett'],
    nn: ['Totalkostnad', 'Samla budsjett for tiltaket', 'Totalbudsjett (inkl. eigendel)'],
  },
  period: {
    nb: ['Tiltaksperiode', 'Prosjektperiode', 'Periode'],
    nn: ['Tiltaksperiode', 'Prosjektperiode', 'Periode'],
  },
  previousGrant: {
    nb: ['Mottatt tilskudd {Y0}', 'Tilskudd i {Y0}', 'Fjorårets tilskudd'],
    nn: ['Motteke tilskot {Y0}', 'Tilskot i {Y0}', 'Tilskot i fjor'],
  },
  caseNumber: { nb: ['Saksnr.', 'Arkivsak', 'Vår ref.'], nn: ['Saksnr.', 'Arkivsak', 'Vår ref.'] },
  signature: {
    nb: ['Underskrift', 'Signatur', 'For kommunen'],
    nn: ['Underskrift', 'Signatur', 'For kommunen'],
  },
} as const satisfies Record<string, Words>;

export type LabelKey = keyof typeof I_LABELS;

export const I_HEADINGS = {
  applicant: {
    nb: ['Opplysninger om søker', 'Søker', 'Om søkeren'],
    nn: ['Opplysningar om søkjar', 'Søkjar', 'Om søkjaren'],
  },
  measure: {
    nb: ['Om tiltaket', 'Tiltaket', 'Beskrivelse av tiltaket'],
    nn: ['Om tiltaket', 'Tiltaket', 'Skildring av tiltaket'],
  },
  economy: {
    nb: ['Økonomi', 'Budsjett og finansiering', 'Finansiering'],
    nn: ['Økonomi', 'Budsjett og finansiering', 'Finansiering'],
  },
  budget: {
    nb: ['Budsjett', 'Budsjett for tilskuddsmidlene', 'Kostnadsoversikt'],
    nn: ['Budsjett', 'Budsjett for tilskotsmidlane', 'Kostnadsoversyn'],
  },
  confirm: {
    nb: ['Bekreftelse og underskrift', 'Underskrift', 'Erklæring'],
    nn: ['Stadfesting og underskrift', 'Underskrift', 'Erklæring'],
  },
  recipient: {
    nb: ['Tilskuddsmottaker', 'Opplysninger om tilskuddsmottaker'],
    nn: ['Tilskotsmottakar', 'Opplysningar om tilskotsmottakar'],
  },
  grant: { nb: ['Tilskuddet', 'Økonomisk rapportering'], nn: ['Tilskotet', 'Økonomisk rapportering'] },
  results: { nb: ['Måloppnåelse', 'Resultater'], nn: ['Måloppnåing', 'Resultat'] },
  accounts: { nb: ['Regnskap', 'Regnskap for tilskuddet'], nn: ['Rekneskap', 'Rekneskap for tilskotet'] },
  background: {
    nb: ['Bakgrunn', 'Bakgrunn for søknaden', 'Behov i kommunen'],
    nn: ['Bakgrunn', 'Bakgrunn for søknaden', 'Behov i kommunen'],
  },
} as const satisfies Record<string, Words>;

export const SCHEME_NAMES_I: Record<SchemeId, Words> = {
  'kommunalt-rusarbeid': {
    nb: [
      'Kommunalt rusarbeid',
      'Tilskudd til kommunalt rusarbeid',
      'Kommunalt rusarbeid – ny innretning fra 2022',
      'Tilskuddsordningen kommunalt rusarbeid (kap. 765 post 62)',
    ],
    nn: [
      'Kommunalt rusarbeid',
      'Tilskot til kommunalt rusarbeid',
      'Kommunalt rusarbeid (ny innretning)',
      'Tilskotsordninga for kommunalt rusarbeid',
    ],
  },
  'kommunalt-rusarbeid-overgang': {
    nb: [
      'Kommunalt rusarbeid – overgangsordningen',
      'Tilskudd til kommunalt rusarbeid, overgangsordning (videreføring av stillinger)',
      'Overgangsordningen for kommunalt rusarbeid',
    ],
    nn: [
      'Tilskot til kommunalt rusarbeid – overgangsordning',
      'Overgangsordninga for kommunalt rusarbeid',
      'Kommunalt rusarbeid, overgangsordning (vidareføring av stillingar)',
    ],
  },
  'voksne-langvarig-sammensatt': {
    nb: [
      'Oppfølging av voksne med behov for langvarig oppfølging og sammensatte tjenester',
      'Tilbud til voksne med langvarige og sammensatte tjenestebehov',
      'Tilskudd til tilbud til voksne med behov for langvarig oppfølging og sammensatte tjenester',
      'Langvarig og sammensatt oppfølging – voksne',
    ],
    nn: [
      'Tilbod til vaksne med behov for langvarig oppfølging og samansette tenester',
      'Tilskot til tilbod for vaksne med langvarige og samansette tenestebehov',
      'Oppfølging av vaksne med behov for langvarig oppfølging og samansette tenester',
    ],
  },
  'barn-unge-langvarig-sammensatt': {
    nb: [
      'Tilbud til barn og unge med behov for langvarig/sammensatt oppfølging',
      'Tilskudd til tilbud til barn og unge med behov for langvarig oppfølging og sammensatte tjenester',
      'Oppfølging av barn og unge med psykiske helseutfordringer og rusmiddelrelaterte problemer',
      'Barn og unge – langvarig og sammensatt oppfølging',
    ],
    nn: [
      'Tilbod til barn og unge med behov for langvarig og samansett oppfølging',
      'Tilskot til tilbod for barn og unge med behov for langvarig/samansett oppfølging',
      'Oppfølging av barn og unge med psykiske helseutfordringar og rusmiddelrelaterte problem',
    ],
  },
  tryggest: {
    nb: [
      'Tilskudd til TryggEst',
      'TryggEst – tilskudd til kompetanseheving mot vold mot risikoutsatte voksne',
      'Kompetanseheving mot vold mot risikoutsatte voksne (TryggEst)',
    ],
    nn: [
      'TryggEst, tilskot til tiltak for kompetanseheving mot vald mot risikoutsette vaksne',
      'Tilskot til TryggEst',
      'Kompetanseheving mot vald mot risikoutsette vaksne (TryggEst)',
    ],
  },
  'nav-sosiale-tjenester': {
    nb: [
      'Tilskudd til utvikling av sosiale tjenester i Nav',
      'Utvikling av de sosiale tjenestene i Nav-kontoret',
      'Tilskudd – utvikling av de sosiale tjenestene i NAV-kontoret',
    ],
    nn: [
      'Tilskot til utvikling av dei sosiale tenestene i NAV-kontoret',
      'Utvikling av dei sosiale tenestene i Nav-kontoret',
      'Tilskot til utvikling av sosiale tenester i Nav',
    ],
  },
  'smittevern-oppfolging': {
    nb: [
      'Smitteverns- og oppfølgingsarbeid for personer med rus- og psykiske helseproblemer',
      'Tilskudd til smitteverns- og oppfølgingsarbeid (rus og psykisk helse)',
    ],
    nn: [
      'Tilskot til smitteverns- og oppfølgingsarbeid for personar med rus- og psykiske helseproblem',
      'Smitteverns- og oppfølgingsarbeid for personar med rus- og psykiske helseproblem',
    ],
  },
};

export const SCHEME_OWNER_I: Record<SchemeId, string> = {
  'kommunalt-rusarbeid': 'Helsedirektoratet',
  'kommunalt-rusarbeid-overgang': 'Helsedirektoratet',
  'voksne-langvarig-sammensatt': 'Helsedirektoratet',
  'barn-unge-langvarig-sammensatt': 'Helsedirektoratet',
  tryggest: 'Bufdir',
  'nav-sosiale-tjenester': 'Arbeids- og velferdsdirektoratet',
  'smittevern-oppfolging': 'Helsedirektoratet',
};

/**
 * Grants that are none of the seven schemes (the seeds' list of other grants, Bufdir's and
 * Husbanken's). One is a near miss on purpose ("inkludering av barn og unge"): a different
 * scheme that shares words with one of the seven.
 */
export const OTHER_GRANTS_I: Words = {
  nb: [
    'kompetanse- og innovasjonstilskudd',
    'tilskudd til frisklivs-, lærings- og mestringstilbud',
    'prosjektskjønnsmidler',
    'tilskudd til boligsosialt arbeid',
    'tilskudd til inkludering av barn og unge',
    'tilskudd til dagaktivitetstilbud for hjemmeboende personer med demens',
  ],
  nn: [
    'kompetanse- og innovasjonstilskot',
    'tilskot til frisklivs-, lærings- og meistringstilbod',
    'prosjektskjønsmidlar',
    'tilskot til bustadsosialt arbeid',
    'tilskot til inkludering av barn og unge',
    'tilskot til dagaktivitetstilbod for heimebuande personar med demens',
  ],
};

/** How each priority is written, by the name records carry. */
export const PRIORITY_TEXT_I: Record<string, Words> = {
  'FACT-ung': {
    nb: [
      'FACT ung',
      'Prioritert tiltak 1: FACT-ung',
      'FACT-ung-team (tverrfaglig oppsøkende team for ungdom 12–25 år)',
      'Etablering av FACT ung-team',
    ],
    nn: [
      'FACT ung',
      'Prioritert tiltak 1: FACT-ung',
      'FACT-ung-team (tverrfagleg oppsøkjande team for ungdom 12–25 år)',
      'Etablering av FACT ung-team',
    ],
  },
  Lavterskeltilbud: {
    nb: [
      'Prioritert tiltak 2 – lavterskel psykisk helsetilbud for barn og unge',
      'Lavterskeltilbud etter Ung Arena-modellen',
      'Lavterskel helsetilbud for ungdom (prioritet 2)',
    ],
    nn: [
      'Prioritert tiltak 2 – lågterskel psykisk helsetilbod for barn og unge',
      'Lågterskeltilbod etter modell av Ung Arena',
      'Lågterskel helsetilbod for ungdom (prioritet 2)',
    ],
  },
  'ACT/FACT': {
    nb: ['FACT-team', 'Prioritet 1: ACT/FACT', 'FACT (Flexible Assertive Community Treatment)', 'ACT-team'],
    nn: [
      'FACT-team for vaksne',
      'Prioritet 1: ACT/FACT',
      'ACT-team',
      'FACT (Flexible Assertive Community Treatment)',
    ],
  },
  'MO-senter': {
    nb: [
      'Mottaks- og oppfølgingssenter',
      'MO-senter (prioritet 2)',
      'Etablering av mottaks- og oppfølgingssenter',
    ],
    nn: ['Mottaks- og oppfølgingssenter (MO-senter)', 'Etablering av mottaks- og oppfølgingssenter'],
  },
  LASSO: {
    nb: ['lavterskel substitusjonsbehandling (LASSO)', 'LASSO-modellen', 'Prioritet 2: LASSO'],
    nn: ['lågterskel substitusjonsbehandling etter LASSO-modellen', 'LASSO (prioritet 2)'],
  },
  'Behandlingsforberedende tiltak': {
    nb: ['behandlingsforberedende tiltak', 'Prioritet 2 – behandlingsforberedende tiltak'],
    nn: ['behandlingsførebuande tiltak', 'Prioritet 2 – behandlingsførebuande tiltak'],
  },
  'Housing First': {
    nb: ['Housing First', 'Housing First-modellen', 'Bolig først (Housing First)'],
    nn: ['Housing First', 'Bustad først (Housing First)', 'Housing First-modellen'],
  },
  'Nye metoder': {
    nb: [
      'Utprøving og evaluering av nye metoder/arbeidsformer (prioritet 3)',
      'Prioritet 3: utprøving av nye metoder og modeller',
    ],
    nn: [
      'Utprøving av nye metodar og arbeidsformer (prioritet 3)',
      'Prioritet 3: utprøving og evaluering av nye metodar',
    ],
  },
};

// ---- budget lines -----------------------------------------------------------------------------

/**
 * Budget lines, each worded so that docs/checks.md's category words put it in exactly its own
 * category (generate-corpus.ts checks this at start). Nynorsk spellings that the category words
 * do not cover on their own ("Løn", "Husleige", "Møblar", "Aktivitetar") appear only together
 * with a word that does, so the category stays the same under a literal and a plain reading.
 */
export const BUDGET_LINES_I: Record<Language, Record<BudgetCategory, string[]>> = {
  nb: {
    lønn: [
      'Lønn miljøterapeut',
      'Lønnskostnader inkl. sosiale utgifter',
      'Lønn erfaringskonsulent',
      'Stilling som miljøarbeider',
      'Personalkostnader',
      'Lønn koordinator',
      'Arbeidsgiveravgift og pensjon',
      'Fagstilling 100 %',
    ],
    drift: [
      'Driftsmidler',
      'Husleie og strøm',
      'Reiseutgifter',
      'Kurs for ansatte',
      'Opplæring og veiledning',
      'Aktiviteter for deltakerne',
      'Kompetanseheving',
      'Transport av brukere',
      'Informasjonsarbeid',
    ],
    investering: ['Kjøp av bil til oppsøkende team', 'Ombygging av lokale', 'Investering i el-bil'],
    inventar: ['Møbler til samtalerom', 'Inventar og utstyr', 'Datautstyr', 'Innkjøp av utstyr'],
    administrasjon: ['Administrasjon', 'Adm. kostnader', 'Overhead (10 %)', 'Kontorhold'],
    annet: ['Evaluering', 'Uforutsette utgifter', 'Brukermedvirkning', 'Diverse', 'Følgeevaluering'],
  },
  nn: {
    lønn: [
      'Løn og sosiale kostnader',
      'Stillingar i teamet',
      'Løn erfaringskonsulent (stilling)',
      'Årsverk sjukepleiar',
      'Personalkostnader',
      'Pensjon og arbeidsgjevaravgift',
      'Løn til tilsette i stillingane',
    ],
    drift: [
      'Drift av tilbodet',
      'Husleige og drift',
      'Reiseutgifter',
      'Kurs for tilsette',
      'Opplæring og rettleiing',
      'Aktivitetar og transport',
      'Kompetanseheving',
      'Informasjonsmateriell',
      'Skyss og transport av brukarar',
    ],
    investering: ['Kjøp av bil', 'Ombygging av lokala', 'Investering i el-bil'],
    inventar: ['Inventar og møblar', 'Innkjøp av utstyr', 'Datautstyr', 'Utstyr til samtalerom'],
    administrasjon: ['Administrasjon', 'Adm. kostnader', 'Overhead', 'Kontorhald og administrasjon'],
    annet: ['Evaluering', 'Uføresette utgifter', 'Brukarmedverknad', 'Diverse', 'Følgjeevaluering'],
  },
};

export const MAIN_BUDGET_LINES_I: Record<Language, Partial<Record<BudgetCategory, string[]>>> = {
  nb: {
    lønn: [
      'Lønn miljøterapeut',
      'Lønnskostnader inkl. sosiale utgifter',
      'Personalkostnader',
      'Lønn koordinator',
    ],
    drift: ['Driftsmidler', 'Kurs for ansatte', 'Aktiviteter for deltakerne'],
  },
  nn: {
    lønn: [
      'Løn og sosiale kostnader',
      'Stillingar i teamet',
      'Personalkostnader',
      'Løn til tilsette i stillingane',
    ],
    drift: ['Drift av tilbodet', 'Kurs for tilsette', 'Aktivitetar og transport'],
  },
};

/** TryggEst: courses, training days, information material, groups for the target group (seeds). */
export const TRYGGEST_LINES_I: Record<Language, string[]> = {
  nb: [
    'Lokale kurs og fagdager',
    'Informasjonsmateriell om TryggEst',
    'Kurs for ressurspersoner',
    'Kurs/samtalegrupper for målgruppen',
    'Opplæring av TryggEst-team',
  ],
  nn: [
    'Kurs og fagdagar',
    'Informasjonsmateriell til publikum',
    'Opplæring av ressurspersonar',
    'Kurs for målgruppa',
    'Informasjonsarbeid om TryggEst',
  ],
};

/**
 * Free text for a budget table's description column, by the category of its line. It may
 * carry numbers (months, percentages, counts) but never another category's words.
 */
export const BUDGET_DESCRIPTIONS_I: Record<Language, Record<BudgetCategory, string[]>> = {
  nb: {
    lønn: [
      '100 % fast ansatt fra 1. mars',
      'helårseffekt, 12 mnd',
      'inkl. feriepenger og pensjon',
      'videreføring av eksisterende stilling',
      'ny stilling fra 1. august',
    ],
    drift: [
      'leie av lokale 12 mnd',
      'fagdag vår og høst',
      'kjøregodtgjørelse etter statens satser',
      'to samlinger for nettverket',
      'materiell og servering',
    ],
    investering: ['el-bil til oppsøkende arbeid', 'tilpasning av to rom', 'engangsutgift'],
    inventar: ['stoler og bord til 8 plasser', 'bærbar PC og telefon', 'engangsutgift'],
    administrasjon: ['andel av felleskostnader', 'regnskap og fakturering', '10 % påslag'],
    annet: ['ekstern evaluering', 'honorar til brukerrepresentanter', 'buffer for prisvekst'],
  },
  nn: {
    lønn: [
      '100 % fast tilsett frå 1. mars',
      'heilårseffekt, 12 mnd',
      'inkl. feriepengar og pensjon',
      'vidareføring av eksisterande stilling',
      'ny stilling frå 1. august',
    ],
    drift: [
      'leige av lokale 12 mnd',
      'fagdag vår og haust',
      'køyregodtgjersle etter statens satsar',
      'to samlingar for nettverket',
      'materiell og servering',
    ],
    investering: ['el-bil til oppsøkjande arbeid', 'tilpassing av to rom', 'eingongsutgift'],
    inventar: ['stolar og bord til 8 plassar', 'berbar PC og telefon', 'eingongsutgift'],
    administrasjon: ['del av felleskostnader', 'rekneskap og fakturering', '10 % påslag'],
    annet: ['ekstern evaluering', 'honorar til brukarrepresentantar', 'buffer for prisvekst'],
  },
};

// ---- partners and applicants ----------------------------------------------------------------

/** Hospital trusts of each county (2024 numbers), as the trusts name themselves. */
export const HEALTH_TRUSTS_BY_COUNTY_I: Record<string, string[]> = {
  '03': ['Oslo universitetssykehus HF'],
  '11': ['Helse Stavanger HF', 'Helse Fonna HF'],
  '15': ['Helse Møre og Romsdal HF'],
  '18': ['Nordlandssykehuset HF', 'Helgelandssykehuset HF'],
  '31': ['Sykehuset Østfold HF'],
  '32': ['Akershus universitetssykehus HF', 'Vestre Viken HF'],
  '33': ['Vestre Viken HF'],
  '34': ['Sykehuset Innlandet HF'],
  '39': ['Sykehuset i Vestfold HF'],
  '40': ['Sykehuset Telemark HF'],
  '42': ['Sørlandet sykehus HF'],
  '46': ['Helse Bergen HF', 'Helse Førde HF', 'Helse Fonna HF'],
  '50': ['St. Olavs hospital HF', 'Helse Nord-Trøndelag HF'],
  '55': ['Universitetssykehuset Nord-Norge HF'],
  '56': ['Finnmarkssykehuset HF'],
};
const ALL_TRUSTS = [...new Set(Object.values(HEALTH_TRUSTS_BY_COUNTY_I).flat())];

/** Partners with the kind a case officer gives them; organisation names say they are associations or foundations. */
export const PARTNERS_I: Record<Language, { organisations: string[]; other: string[] }> = {
  nb: {
    organisations: [
      'Mental Helse Romsdal lokallag',
      'Pårørendeforeningen i Agder',
      'Foreningen Rusfri Fritid',
      'Stiftelsen Ungdomshuset',
      'Rusmisbrukernes Interesseorganisasjon (RIO)',
      'A-larm bruker- og pårørendeorganisasjon',
      'Landsforbundet mot stoffmisbruk avd. Hamar',
    ],
    other: [
      'KoRus Sør',
      'Agder politidistrikt',
      'Kriminalomsorgen region sør',
      'Universitetet i Stavanger',
      'Bufetat, region øst',
    ],
  },
  nn: {
    organisations: [
      'Mental Helse Sunnfjord lokallag',
      'Pårørandeforeininga i Sogn',
      'Foreininga Rusfri Fritid',
      'Stiftinga Fjordtun',
      'Ungdomslaget Framtid',
      'Brukar- og pårørandeorganisasjonen A-larm',
    ],
    other: [
      'KoRus Vest Bergen',
      'Vest politidistrikt',
      'Kriminalomsorga region vest',
      'Høgskulen på Vestlandet',
      'Bufetat, region vest',
    ],
  },
};

const PARTNER_KIND_I = new Map<string, PartnerKind>([
  ...ALL_TRUSTS.map((n) => [n, 'helseforetak'] as const),
  ...PARTNERS_I.nb.organisations.map((n) => [n, 'organisasjon'] as const),
  ...PARTNERS_I.nn.organisations.map((n) => [n, 'organisasjon'] as const),
  ...PARTNERS_I.nb.other.map((n) => [n, 'annet'] as const),
  ...PARTNERS_I.nn.other.map((n) => [n, 'annet'] as const),
]);

/** The kind of a partner named in this vocabulary (municipalities by their " kommune"). */
export function partnerKindI(name: string): PartnerKind {
  const kind = PARTNER_KIND_I.get(name);
  if (kind) return kind;
  if (/ kommune$/.test(name)) return 'kommune';
  throw new Error(`no kind for partner "${name}"`);
}

/** Applicants that are not municipalities (INELIGIBLE_APPLICANT): foundations, associations, companies. */
export const NON_MUNICIPAL_APPLICANTS_I: Words = {
  nb: [
    'Stiftelsen Bergensklinikkene',
    'Kirkens Bymisjon Drammen',
    'Blå Kors Sør',
    'Foreningen Ungt Mot',
    'Ungdomshuset Rogaland AS',
    'Frivilligsentralen Midt SA',
  ],
  nn: [
    'Stiftinga Fjordhjelpa',
    'Sogn Frivilligsentral SA',
    'Foreininga Ungt Mot',
    'Ungdomshuset Vestland AS',
    'Blå Kors Vest',
  ],
};

export function independentPlanVocabulary(language: Language): PlanVocabulary {
  return {
    budgetLines: BUDGET_LINES_I[language],
    mainBudgetLines: MAIN_BUDGET_LINES_I[language],
    tryggestLines: TRYGGEST_LINES_I[language],
    healthTrustsByCounty: HEALTH_TRUSTS_BY_COUNTY_I,
    healthTrusts: ALL_TRUSTS,
    organisations: PARTNERS_I[language].organisations,
    otherPartners: PARTNERS_I[language].other,
    nonMunicipalApplicants: NON_MUNICIPAL_APPLICANTS_I[language],
    otherGrants: OTHER_GRANTS_I[language],
    partnerKindOf: partnerKindI,
  };
}

/**
 * Where nynorsk submissions come from: municipalities with nynorsk as their administrative
 * standard, by county (2024 numbers): nearly all of Vestland and Sunnmøre, Ryfylke and Jæren
 * in Rogaland, Valdres and Nord-Gudbrandsdal, Vest-Telemark, Setesdal and Hallingdal.
 * Bokmål submissions come from everywhere else.
 */
const NYNORSK_MUNICIPALITIES: Record<string, string[]> = {
  '46': [
    'Kinn',
    'Etne',
    'Sveio',
    'Bømlo',
    'Stord',
    'Fitjar',
    'Tysnes',
    'Kvinnherad',
    'Ullensvang',
    'Eidfjord',
    'Ulvik',
    'Voss',
    'Kvam',
    'Samnanger',
    'Bjørnafjorden',
    'Austevoll',
    'Vaksdal',
    'Modalen',
    'Osterøy',
    'Alver',
    'Austrheim',
    'Fedje',
    'Masfjorden',
    'Gulen',
    'Solund',
    'Hyllestad',
    'Høyanger',
    'Vik',
    'Sogndal',
    'Aurland',
    'Lærdal',
    'Årdal',
    'Luster',
    'Askvoll',
    'Fjaler',
    'Sunnfjord',
    'Bremanger',
    'Stad',
    'Gloppen',
    'Stryn',
  ],
  '15': [
    'Vanylven',
    'Sande',
    'Herøy',
    'Ulstein',
    'Hareid',
    'Ørsta',
    'Volda',
    'Stranda',
    'Sykkylven',
    'Fjord',
    'Giske',
    'Haram',
    'Surnadal',
  ],
  '11': ['Bjerkreim', 'Hå', 'Time', 'Hjelmeland', 'Suldal', 'Sauda', 'Bokn', 'Utsira', 'Vindafjord'],
  '34': ['Skjåk', 'Lom', 'Vågå', 'Etnedal', 'Nord-Aurdal', 'Vestre Slidre', 'Øystre Slidre', 'Vang'],
  '40': ['Seljord', 'Hjartdal', 'Kviteseid', 'Nissedal', 'Fyresdal', 'Tokke', 'Vinje'],
  '42': ['Bygland', 'Valle', 'Bykle', 'Åseral'],
  '33': ['Nesbyen', 'Gol', 'Hemsedal', 'Ål', 'Hol', 'Nore og Uvdal'],
};

const isNynorsk = (m: Municipality): boolean =>
  NYNORSK_MUNICIPALITIES[m.number.slice(0, 2)]?.includes(m.plainName) ?? false;

export function municipalitiesForLanguage(language: Language, all: Municipality[]): Municipality[] {
  const nynorsk = all.filter(isNynorsk);
  if (language === 'nn') {
    if (nynorsk.length === 0) throw new Error('no nynorsk municipalities in the register');
    return nynorsk;
  }
  return all.filter((m) => !isNynorsk(m));
}

// ---- offices ---------------------------------------------------------------------------------

const REGION: Record<string, string> = {
  '11': 'Rogaland',
  '15': 'Møre og Romsdal',
  '18': 'Nordland',
  '34': 'Innlandet',
  '39': 'Vestfold og Telemark',
  '40': 'Vestfold og Telemark',
  '42': 'Agder',
  '46': 'Vestland',
  '50': 'Trøndelag',
  '55': 'Troms og Finnmark',
  '56': 'Troms og Finnmark',
};

export interface CountyOffice {
  name: string;
  email: string;
  address: string[];
}

/** The county governor's office a municipality writes to, named as in that year and standard. */
export function countyOfficeI(countyPrefix: string, year: number, language: Language): CountyOffice {
  const region =
    REGION[countyPrefix] ?? (year >= 2024 ? 'Østfold, Buskerud, Oslo og Akershus' : 'Oslo og Viken');
  const title = year <= 2020 ? 'Fylkesmannen' : language === 'nn' ? 'Statsforvaltaren' : 'Statsforvalteren';
  const mail: Record<string, string> = {
    Rogaland: 'sfropost',
    'Møre og Romsdal': 'sfmrpost',
    Nordland: 'sfnopost',
    Innlandet: 'sfinpost',
    'Vestfold og Telemark': 'sfvtpost',
    Agder: 'sfagpost',
    Vestland: 'sfvlpost',
    Trøndelag: 'sftlpost',
    'Troms og Finnmark': 'sftfpost',
  };
  const address: Record<string, string[]> = {
    Vestland: ['Njøsavegen 2', '6863 LEIKANGER'],
    'Møre og Romsdal': ['Postboks 2520', '6404 MOLDE'],
    Rogaland: ['Postboks 59 Sentrum', '4001 STAVANGER'],
    Trøndelag: ['Postboks 4710 Torgarden', '7468 TRONDHEIM'],
    Nordland: ['Postboks 1405', '8002 BODØ'],
    Innlandet: ['Postboks 987', '2604 LILLEHAMMER'],
    Agder: ['Postboks 9359 Lundsiden', '4604 KRISTIANSAND S'],
    'Vestfold og Telemark': ['Postboks 2076', '3103 TØNSBERG'],
    'Troms og Finnmark': ['Postboks 700', '9815 VADSØ'],
  };
  return {
    name: `${title} i ${region}`,
    email: `${mail[region] ?? 'sfospost'}@${year <= 2020 ? 'fylkesmannen' : 'statsforvalteren'}.no`,
    address: address[region] ?? ['Postboks 325', '1502 MOSS'],
  };
}

// ---- people and places -----------------------------------------------------------------------

export const FIRST_NAMES_I = [
  'Solveig',
  'Torbjørn',
  'Guro',
  'Arne',
  'Synnøve',
  'Eivind',
  'Randi',
  'Håkon',
  'Turid',
  'Magnus',
  'Liv',
  'Sindre',
  'Gunnhild',
  'Vegard',
  'Eli',
  'Ståle',
  'Marit',
  'Knut',
];
export const LAST_NAMES_I = [
  'Hovland',
  'Myklebust',
  'Brekke',
  'Sandvik',
  'Vik',
  'Haugland',
  'Nesheim',
  'Rønneberg',
  'Kvamme',
  'Øvrebø',
  'Fjeld',
  'Grønlie',
  'Tveit',
  'Aasen',
  'Lie',
  'Skaar',
];

export const ROLES_I: Words = {
  nb: ['rådgiver', 'prosjektleder', 'virksomhetsleder', 'fagleder rus og psykisk helse', 'enhetsleder'],
  nn: ['rådgjevar', 'prosjektleiar', 'einingsleiar', 'fagleiar rus og psykisk helse', 'verksemdleiar'],
};
export const SIGNER_TITLES_I: Words = {
  nb: ['kommunedirektør', 'rådmann', 'kommunalsjef helse og omsorg', 'kommunalsjef velferd'],
  nn: ['kommunedirektør', 'rådmann', 'kommunalsjef helse og omsorg', 'kommunalsjef for velferd'],
};
export const DEPARTMENTS_I: Words = {
  nb: ['Helse og omsorg', 'Psykisk helse og rus', 'Kommunalområde velferd', 'Tjenesteområde helse'],
  nn: [
    'Helse og omsorg',
    'Psykisk helse og rus',
    'Eining for psykisk helse og rus',
    'Kommunalområde velferd',
  ],
};

// ---- running text --------------------------------------------------------------------------

export const TARGET_GROUPS_I: Record<SchemeId | 'other', Words> = {
  'kommunalt-rusarbeid': {
    nb: [
      'Tilbudet er for personer som har, eller står i fare for å utvikle, rusmiddelrelaterte problemer, og for deres pårørende.',
      'Tiltaket skal gi tidlig hjelp til unge voksne som bruker rusmidler, med oppsøkende arbeid og tett oppfølging.',
    ],
    nn: [
      'Tilbodet er for personar som har, eller står i fare for å utvikle, rusmiddelrelaterte problem, og for pårørande.',
      'Tiltaket skal gje tidleg hjelp til unge vaksne som brukar rusmiddel, med oppsøkjande arbeid og tett oppfølging.',
    ],
  },
  'kommunalt-rusarbeid-overgang': {
    nb: [
      'Midlene viderefører stillingene i oppfølgingstjenesten, og kommunens egenandel økes i takt med nedtrappingen.',
      'Stillingene er en varig del av rustjenesten og er innarbeidet i økonomiplanen.',
    ],
    nn: [
      'Midlane vidarefører stillingane i oppfølgingstenesta, og eigendelen til kommunen aukar i takt med nedtrappinga.',
      'Stillingane er ein varig del av rustenesta og er innarbeidde i økonomiplanen.',
    ],
  },
  'voksne-langvarig-sammensatt': {
    nb: [
      'Teamet skal gi samtidige og tverrfaglige tjenester til voksne med alvorlig psykisk lidelse og rusproblemer.',
      'Brukerne trenger langvarig oppfølging fra både kommunen og spesialisthelsetjenesten.',
    ],
    nn: [
      'Teamet skal gje samtidige og tverrfaglege tenester til vaksne med alvorleg psykisk liding og rusproblem.',
      'Brukarane treng langvarig oppfølging frå både kommunen og spesialisthelsetenesta.',
    ],
  },
  'barn-unge-langvarig-sammensatt': {
    nb: [
      'Tilbudet er for barn og unge som trenger langvarig og sammensatt oppfølging, og for familiene deres.',
      'Ungdom skal få hjelp uten henvisning og uten lang ventetid, med åpningstider tilpasset skoledagen.',
    ],
    nn: [
      'Tilbodet er for barn og unge som treng langvarig og samansett oppfølging, og for familiane deira.',
      'Ungdom skal få hjelp utan tilvising og utan lang ventetid, med opningstider tilpassa skuledagen.',
    ],
  },
  tryggest: {
    nb: [
      'Målet er at ansatte og innbyggere skal kjenne til TryggEst og vite hvordan de melder fra ved bekymring.',
      'Kommunen har vedtatt å starte med TryggEst og vil lære opp ressurspersoner i tjenestene.',
    ],
    nn: [
      'Målet er at tilsette og innbyggjarar skal kjenne til TryggEst og vite korleis dei melder frå ved uro.',
      'Kommunen har vedteke å starte med TryggEst og vil lære opp ressurspersonar i tenestene.',
    ],
  },
  'nav-sosiale-tjenester': {
    nb: [
      'Satsingen retter seg mot barnefamilier og unge som mottar økonomisk stønad over lang tid.',
      'NAV-kontoret skal gi et mer helhetlig og samordnet tilbud, særlig ved overgangen fra skole til arbeid.',
    ],
    nn: [
      'Satsinga rettar seg mot barnefamiliar og unge som får økonomisk stønad over lang tid.',
      'NAV-kontoret skal gje eit meir heilskapleg og samordna tilbod, særleg ved overgangen frå skule til arbeid.',
    ],
  },
  'smittevern-oppfolging': {
    nb: [
      'Midlene skal brukes til å holde lavterskeltilbudet åpent med de ekstra ressursene smittevernet krever.',
      'Aktivitetene må gjennomføres i mindre grupper, og det trengs flere ansatte på hver vakt.',
    ],
    nn: [
      'Midlane skal nyttast til å halde tilbodet ope med dei ekstra ressursane smittevernet krev.',
      'Aktivitetane må gjennomførast i mindre grupper, og det trengst fleire tilsette på kvar vakt.',
    ],
  },
  other: {
    nb: [
      'Tiltaket skal gi innbyggerne et bedre tilbud og bidra til mer samordnede tjenester.',
      'Prosjektet gjennomføres sammen med brukerrådet og de tillitsvalgte.',
    ],
    nn: [
      'Tiltaket skal gje innbyggjarane eit betre tilbod og bidra til meir samordna tenester.',
      'Prosjektet vert gjennomført saman med brukarrådet og dei tillitsvalde.',
    ],
  },
};

export const FILLER_I: Words = {
  nb: [
    'Tiltaket er forankret i kommunens helse- og omsorgsplan og i budsjettet som er vedtatt.',
    'Brukere og pårørende deltar i planleggingen gjennom brukerrådet.',
    'Erfaringene så langt er gode, og tilbakemeldingene fra deltakerne er positive.',
    'Vi viser til utlysningen og regelverket for ordningen.',
    'Søknaden er drøftet i kommunens ledergruppe.',
  ],
  nn: [
    'Tiltaket er forankra i helse- og omsorgsplanen til kommunen og i budsjettet som er vedteke.',
    'Brukarar og pårørande er med i planlegginga gjennom brukarrådet.',
    'Røynslene så langt er gode, og tilbakemeldingane frå deltakarane er positive.',
    'Vi viser til utlysinga og regelverket for ordninga.',
    'Søknaden er drøfta i leiargruppa i kommunen.',
  ],
};

export const BACKGROUND_I: Words = {
  nb: [
    'Kommunen har over flere år sett at mange innbyggere mottar tjenester fra flere enheter samtidig, uten at noen har ansvar for helheten. Det gir brudd i oppfølgingen og lang ventetid.',
    'Tiltaket bygger på erfaringer fra et tidligere prosjekt og på innspill fra brukerorganisasjonene. Tjenesten skal være lett tilgjengelig og tilpasset den enkeltes behov.',
    'Det er etablert en styringsgruppe med ledere, tillitsvalgte og brukerrepresentanter som møtes fire ganger i året og følger opp framdrift og økonomi.',
    'Resultatene skal dokumenteres med brukerundersøkelser og aktivitetstall, og erfaringene deles med nabokommunene.',
  ],
  nn: [
    'Kommunen har over fleire år sett at mange innbyggjarar får tenester frå fleire einingar samstundes, utan at nokon har ansvar for heilskapen. Det gjev brot i oppfølginga og lang ventetid.',
    'Tiltaket byggjer på røynsler frå eit tidlegare prosjekt og på innspel frå brukarorganisasjonane. Tenesta skal vere lett tilgjengeleg og tilpassa behova til kvar enkelt.',
    'Det er oppretta ei styringsgruppe med leiarar, tillitsvalde og brukarrepresentantar som møtest fire gonger i året og følgjer opp framdrift og økonomi.',
    'Resultata skal dokumenterast med brukarundersøkingar og aktivitetstal, og røynslene vert delte med nabokommunane.',
  ],
};

export const RESULTS_I: Words = {
  nb: [
    'Målene for året er i hovedsak nådd. Tilbudet har hatt jevn pågang, og ventetiden er kortere enn før.',
    'Rekrutteringen tok lengre tid enn planlagt, men fra høsten har teamet vært fullt bemannet.',
  ],
  nn: [
    'Måla for året er i hovudsak nådde. Tilbodet har hatt jamn pågang, og ventetida er kortare enn før.',
    'Rekrutteringa tok lengre tid enn planlagt, men frå hausten har teamet vore fullt bemanna.',
  ],
};

// ---- numbers in words ------------------------------------------------------------------------

export const NUMBER_WORDS: Record<Language, string[]> = {
  nb: ['null', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti'],
  nn: ['null', 'ei', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti'],
};

export const WEEKDAYS: Record<Language, string[]> = {
  nb: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  nn: ['sundag', 'måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag'],
};
