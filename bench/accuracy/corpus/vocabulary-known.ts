import type { BudgetCategory, PartnerKind } from '../truth.ts';
import type { SchemeId } from './rules.ts';

/**
 * The KNOWN vocabulary: label synonyms, scheme names, partner names, budget lines and filler,
 * written by the same people who wrote the extractor's label list. The corpus built from it
 * measures whether the extractor recognises its own words, so it is kept as it was and its
 * figure does not count; `vocabulary-independent.ts` is the set that counts.
 */

export const LABELS = {
  applicant: [
    'Søker',
    'Kommune',
    'Søkerkommune',
    'Tilskuddsmottaker',
    'Søker (kommune)',
    'Navn på søker',
    'Søkers navn',
  ],
  orgNumber: ['Org.nr.', 'Organisasjonsnummer', 'Org. nr', 'Orgnr', 'Org.nr', 'Org nr.', 'Foretaksnummer'],
  municipalityNumber: ['Kommunenummer', 'Kommunenr.', 'Kommunenr', 'Kommunenummer (4 siffer)'],
  scheme: [
    'Tilskuddsordning',
    'Ordning',
    'Søknaden gjelder',
    'Tilskudd',
    'Navn på tilskuddsordning',
    'Gjelder',
  ],
  yearApplication: [
    'Tilskuddsår',
    'Søknadsår',
    'Det søkes for år',
    'År det søkes for',
    'Gjelder år',
    'Budsjettår',
  ],
  yearReport: ['Rapporteringsår', 'Rapport for år', 'Tilskuddsår', 'Regnskapsår', 'Rapporten gjelder år'],
  requested: [
    'Søknadsbeløp',
    'Omsøkt beløp',
    'Beløp det søkes om',
    'Det søkes om',
    'Omsøkt tilskudd',
    'Søknadssum',
    'Samlet søknadsbeløp',
    'Søkt beløp',
    'Sum det søkes om',
  ],
  granted: [
    'Tildelt beløp',
    'Tildelt tilskudd',
    'Mottatt tilskudd',
    'Innvilget',
    'Innvilget tilskudd',
    'Tildelt',
  ],
  spent: [
    'Forbrukt',
    'Brukt',
    'Benyttet',
    'Sum forbruk',
    'Forbruk',
    'Brukt av tilskuddet',
    'Totalt forbrukt',
  ],
  unused: ['Ubrukte midler', 'Ubrukt', 'Mindreforbruk', 'Ubrukt tilskudd', 'Restmidler'],
  positions: [
    'Antall stillinger',
    'Årsverk',
    'Stillingsressurs',
    'Antall årsverk',
    'Stillingsprosent',
    'Omfang stilling(er)',
    'Stillinger i tiltaket',
  ],
  priority: [
    'Prioritert tiltak',
    'Prioritet',
    'Tiltak',
    'Type tiltak',
    'Prioritert område',
    'Satsingsområde',
  ],
  grantYear: [
    'Tilskuddsperiode',
    'Driftsår',
    'Hvilket år i tilskuddsperioden',
    'År i prosjektperioden',
    'Fase',
  ],
  date: ['Dato', 'Innsendt', 'Sendt inn', 'Dato for innsending', 'Innsendingsdato'],
  partners: [
    'Samarbeidspartnere',
    'Samarbeidspartner(e)',
    'Samarbeidspartner',
    'Medsøker',
    'Medsøkere',
    'Samarbeidsparter',
  ],
  contact: ['Kontaktperson', 'Kontaktperson for søknaden', 'Prosjektleder', 'Ansvarlig for tiltaket'],
  phone: ['Telefon', 'Tlf.', 'Mobil', 'Tlf'],
  email: ['E-post', 'Epost', 'E-postadresse'],
  account: ['Kontonummer', 'Kontonr.', 'Bankkonto', 'Kontonummer for utbetaling'],
  address: ['Postadresse', 'Adresse', 'Besøksadresse'],
  ownFunding: ['Egenfinansiering', 'Kommunal egenandel', 'Egenandel', 'Kommunens egenfinansiering'],
  totalCost: ['Totalt budsjett for tiltaket', 'Samlet kostnad', 'Total prosjektkostnad', 'Totale kostnader'],
} as const;

export const SCHEME_NAMES: Record<SchemeId, string[]> = {
  'kommunalt-rusarbeid': [
    'Kommunalt rusarbeid',
    'Tilskudd til kommunalt rusarbeid',
    'Kommunalt rusarbeid (ny innretning)',
    'Kommunalt rusarbeid – ny innretning',
    'Tilskuddsordningen Kommunalt rusarbeid',
  ],
  'kommunalt-rusarbeid-overgang': [
    'Kommunalt rusarbeid – overgangsordning',
    'Overgangsordning for tilskudd til kommunalt rusarbeid',
    'Tilskudd til kommunalt rusarbeid (overgangsordningen)',
    'Kommunalt rusarbeid, overgangsordning',
  ],
  'voksne-langvarig-sammensatt': [
    'Tilbud til voksne med behov for langvarig oppfølging og sammensatte tjenester',
    'Tilskudd til tilbud til voksne med behov for langvarig oppfølging og sammensatte tjenester',
    'Oppfølging av voksne med behov for langvarig oppfølging og sammensatte tjenester',
    'Tilbud til voksne med langvarige og sammensatte tjenestebehov',
  ],
  'barn-unge-langvarig-sammensatt': [
    'Tilbud til barn og unge med behov for langvarig og sammensatt oppfølging',
    'Tilskudd til tilbud til barn og unge med behov for langvarig og sammensatt oppfølging',
    'Tilbud til barn og unge med behov for langvarig/sammensatt oppfølging',
    'Barn og unge med behov for langvarig og sammensatt oppfølging',
  ],
  tryggest: [
    'TryggEst – tilskudd til tiltak for kompetanseheving mot vold mot risikoutsatte voksne',
    'Tilskudd til kompetanseheving mot vold mot risikoutsatte voksne (TryggEst)',
    'TryggEst, tilskudd til tiltak for kompetanseheving mot vold mot risikoutsatte voksne',
    'TryggEst – kompetanseheving mot vold mot risikoutsatte voksne',
  ],
  'nav-sosiale-tjenester': [
    'Tilskudd til utvikling av de sosiale tjenestene i NAV-kontoret',
    'Utvikling av de sosiale tjenestene i NAV-kontoret',
    'Tilskudd til utvikling av de sosiale tjenestene i Nav-kontoret',
    'Tilskudd til utvikling av sosiale tjenester i NAV-kontoret',
  ],
  'smittevern-oppfolging': [
    'Smitteverns- og oppfølgingsarbeid for personer med rus- og psykiske helseproblemer',
    'Tilskudd til smitteverns- og oppfølgingsarbeid for personer med rus- og psykiske helseproblemer',
    'Smitteverns- og oppfølgingsarbeid (rus og psykisk helse)',
  ],
};

export const SCHEME_OWNERS: Record<SchemeId, string> = {
  'kommunalt-rusarbeid': 'Helsedirektoratet',
  'kommunalt-rusarbeid-overgang': 'Helsedirektoratet',
  'voksne-langvarig-sammensatt': 'Helsedirektoratet',
  'barn-unge-langvarig-sammensatt': 'Helsedirektoratet',
  tryggest: 'Bufdir',
  'nav-sosiale-tjenester': 'Arbeids- og velferdsdirektoratet',
  'smittevern-oppfolging': 'Helsedirektoratet',
};

/** Grants that are none of the seven schemes; documents about them carry no scheme alias. */
export const OTHER_GRANTS = [
  'prosjektskjønnsmidler',
  'kompetanse- og innovasjonstilskudd til den kommunale helse- og omsorgstjenesten',
  'frisklivs- og læringstilbud i kommunene',
  'velferdsteknologi i hjemmetjenesten',
  'tilskudd til aktivitetstilbud for eldre',
  'tilskudd til lavterskel fysisk aktivitet for seniorer',
] as const;

/** How each priority is written, by canonical name. */
export const PRIORITY_TEXT: Record<string, string[]> = {
  'FACT-ung': [
    'FACT-ung',
    'FACT ung-team',
    'Prioritet 1 – FACT-ung',
    'FACT-ung (prioritert tiltak 1)',
    'FACT-ung team',
  ],
  Lavterskeltilbud: [
    'Lavterskeltilbud',
    'Prioritet 2 – lavterskeltilbud',
    'Lavterskeltilbud etter modell av Ung Arena',
    'Prioritert tiltak 2: lokalt lavterskeltilbud',
  ],
  'ACT/FACT': [
    'ACT/FACT',
    'ACT/FACT-team',
    'Prioritet 1 – ACT/FACT team',
    'FACT-team (prioritet 1)',
    'ACT-team',
  ],
  'MO-senter': ['MO-senter', 'Mottaks- og oppfølgingssenter (MO-senter)', 'Etablering av MO-senter'],
  LASSO: [
    'LASSO',
    'Lavterskel substitusjonsbehandling (LASSO)',
    'LASSO – lavterskel substitusjonsbehandlingstilbud',
  ],
  'Behandlingsforberedende tiltak': [
    'Behandlingsforberedende tiltak',
    'Prioritet 2 – behandlingsforberedende tiltak',
  ],
  'Housing First': ['Housing First', 'Housing First-tiltak', 'Prioritet 2: Housing First'],
  'Nye metoder': [
    'Nye metoder',
    'Utprøving av nye metoder og arbeidsformer (prioritet 3)',
    'Prioritet 3 – utprøving og evaluering av nye metoder',
  ],
};

/** Wordings for the first, largest line of a budget (a whole budget of "Pensjon" would be odd). */
export const MAIN_BUDGET_LINES: Partial<Record<BudgetCategory, string[]>> = {
  lønn: [
    'Lønn',
    'Lønnsmidler',
    'Lønn til stillinger',
    'Lønn og sosiale kostnader',
    'Personalkostnader',
    'Lønn prosjektkoordinator',
  ],
  drift: ['Drift', 'Driftsutgifter', 'Kurs og konferanser', 'Aktiviteter for brukerne'],
};

/** Health trusts by county (first two digits of the 2024 municipality number). */
export const HEALTH_TRUSTS_BY_COUNTY: Record<string, string[]> = {
  '03': ['Oslo universitetssykehus HF', 'Akershus universitetssykehus HF'],
  '11': ['Helse Stavanger HF', 'Helse Fonna HF'],
  '15': ['Helse Møre og Romsdal HF'],
  '18': ['Nordlandssykehuset HF', 'Helgelandssykehuset HF'],
  '31': ['Sykehuset Østfold HF'],
  '32': ['Akershus universitetssykehus HF'],
  '33': ['Vestre Viken HF'],
  '34': ['Sykehuset Innlandet HF'],
  '39': ['Sykehuset i Vestfold HF'],
  '40': ['Sykehuset Telemark HF'],
  '42': ['Sørlandet sykehus HF'],
  '46': ['Helse Bergen HF', 'Helse Fonna HF', 'Helse Førde HF'],
  '50': ['St. Olavs hospital HF', 'Helse Nord-Trøndelag HF'],
  '55': ['Universitetssykehuset Nord-Norge HF'],
  '56': ['Finnmarkssykehuset HF'],
};

/** The county governor's office for a county, as named in a given year. */
export function countyOffice(countyPrefix: string, year: number): string {
  const region: Record<string, string> = {
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
  const name =
    region[countyPrefix] ?? (year >= 2024 ? 'Østfold, Buskerud, Oslo og Akershus' : 'Oslo og Viken');
  return `${year <= 2020 ? 'Fylkesmannen' : 'Statsforvalteren'} i ${name}`;
}

export const HEALTH_TRUSTS = [
  'St. Olavs hospital HF',
  'Helse Nord-Trøndelag HF',
  'Helse Møre og Romsdal HF',
  'Universitetssykehuset Nord-Norge HF',
  'Nordlandssykehuset HF',
  'Helgelandssykehuset HF',
  'Finnmarkssykehuset HF',
  'Helse Bergen HF',
  'Helse Stavanger HF',
  'Helse Fonna HF',
  'Helse Førde HF',
  'Sørlandet sykehus HF',
  'Sykehuset Telemark HF',
  'Sykehuset i Vestfold HF',
  'Vestre Viken HF',
  'Sykehuset Østfold HF',
  'Akershus universitetssykehus HF',
  'Sykehuset Innlandet HF',
  'Oslo universitetssykehus HF',
] as const;

/** Organisations whose names say they are associations or foundations. */
export const ORGANISATIONS = [
  'Landsforeningen for pårørende innen psykisk helse',
  'Rusmisbrukernes interesseorganisasjon',
  'Stiftelsen Kirkens Bymisjon',
  'Foreningen for human narkotikapolitikk',
  'Landsforeningen We Shall Overcome',
  'Stiftelsen Blå Kors',
  'Pårørendeforeningen Ivareta',
  'Landsforeningen for barnevernsbarn',
  'Stiftelsen Fontenehus',
  'Velforeningen Nærmiljø',
] as const;

/** Partners of another kind (kind annet). */
export const OTHER_PARTNERS = [
  'KORUS Midt',
  'KoRus Nord',
  'Politiet',
  'Kriminalomsorgen',
  'Universitetet i Agder',
  'Høgskolen i Innlandet',
  'Bufetat region Midt-Norge',
] as const;

/** Applicants that are not municipalities (INELIGIBLE_APPLICANT). */
export const NON_MUNICIPAL_APPLICANTS = [
  'Stiftelsen Kirkens Bymisjon',
  'Blå Kors Norge',
  'Foreningen Rusfri Ungdom',
  'Stiftelsen Livsglede',
  'Frelsesarmeen Rusomsorg',
  'Ung Arena AS',
  'Fontenehuset Drift AS',
] as const;

export function partnerKindOf(name: string): PartnerKind {
  if (/\bHF$|helseforetak|sykehus/i.test(name)) return 'helseforetak';
  if (/\bkommune$/i.test(name)) return 'kommune';
  if (/forening|stiftelse|organisasjon/i.test(name)) return 'organisasjon';
  return 'annet';
}

/** Budget line wordings, each matching exactly one category of docs/checks.md. */
export const BUDGET_LINES: Record<BudgetCategory, string[]> = {
  lønn: [
    'Lønn',
    'Lønnsmidler',
    'Lønn prosjektkoordinator',
    'Lønn til stillinger',
    'Sosiale kostnader',
    'Arbeidsgiveravgift',
    'Pensjon',
    'Lønn og sosiale kostnader',
    'Personalkostnader',
    'Årsverk miljøterapeut',
  ],
  drift: [
    'Drift',
    'Driftsutgifter',
    'Husleie',
    'Reiseutgifter',
    'Kurs',
    'Opplæring',
    'Kompetanseheving',
    'Veiledning',
    'Aktiviteter for brukerne',
    'Informasjonsmateriell',
    'Transport',
    'Kurs og konferanser',
  ],
  investering: ['Investering', 'Kjøp av bil', 'Ombygging av lokaler', 'Investeringer', 'Kjøretøy'],
  inventar: ['Inventar', 'Møbler', 'Utstyr', 'PC-er', 'Datautstyr', 'Inventar og møbler'],
  administrasjon: ['Administrasjon', 'Adm. kostnader', 'Overhead', 'Kontorhold', 'Administrasjonskostnader'],
  annet: [
    'Evaluering',
    'Uforutsette utgifter',
    'Honorar erfaringskonsulenter',
    'Brukermedvirkning',
    'Diverse',
  ],
};

/** TryggEst spends on courses, training days and information (all drift). */
export const TRYGGEST_LINES = [
  'Kurs og fagdager',
  'Lokale kurs for ansatte',
  'Informasjonsmateriell',
  'Opplæring av ressurspersoner',
  'Informasjonstiltak for befolkningen',
  'Kurs for målgruppen',
];

export const FIRST_NAMES = [
  'Kari',
  'Ola',
  'Ingrid',
  'Per',
  'Marte',
  'Lars',
  'Silje',
  'Anders',
  'Hanne',
  'Tor',
  'Sigrid',
  'Jonas',
  'Ragnhild',
  'Øystein',
  'Åse',
  'Bjørn',
  'Linn',
  'Geir',
  'Mona',
  'Eirik',
];
export const LAST_NAMES = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Berg',
  'Haugen',
  'Solberg',
  'Bakken',
  'Lund',
  'Strand',
  'Moen',
  'Dahl',
  'Næss',
  'Aas',
  'Sæther',
  'Løvik',
  'Ødegård',
];
export const TITLES = [
  'kommunedirektør',
  'rådmann',
  'kommunalsjef helse og velferd',
  'virksomhetsleder',
  'enhetsleder',
];
export const DEPARTMENTS = [
  'Helse og velferd',
  'Enhet for psykisk helse og rus',
  'Kommunalområde helse og omsorg',
  'Psykisk helse- og rustjenesten',
  'Tjenesteområde velferd',
  'Avdeling for oppvekst',
];

export const COUNTY_OFFICES = [
  'Statsforvalteren i Trøndelag',
  'Statsforvalteren i Nordland',
  'Statsforvalteren i Møre og Romsdal',
  'Statsforvalteren i Vestland',
  'Statsforvalteren i Innlandet',
  'Statsforvalteren i Troms og Finnmark',
  'Statsforvalteren i Agder',
  'Statsforvalteren i Rogaland',
  'Statsforvalteren i Oslo og Viken',
  'Statsforvalteren i Vestfold og Telemark',
];

export const TARGET_GROUPS: Record<SchemeId | 'other', string[]> = {
  'kommunalt-rusarbeid': [
    'Målgruppen er personer som er i risiko for å utvikle, eller som har, rusmiddelrelaterte problemer og deres pårørende.',
    'Tiltaket retter seg mot unge voksne med begynnende rusproblemer og deres familier.',
  ],
  'kommunalt-rusarbeid-overgang': [
    'Stillingene gir varig kapasitetsvekst i rustjenesten og følges opp i kommunens økonomiplan.',
    'Midlene viderefører eksisterende stillinger i oppfølgingstjenesten.',
  ],
  'voksne-langvarig-sammensatt': [
    'Målgruppen er voksne med alvorlige psykiske lidelser og/eller rusmiddelproblemer med behov for langvarig oppfølging.',
    'Tjenesten skal gi helhetlige, samtidige og tverrfaglige tjenester til personer med sammensatte behov.',
  ],
  'barn-unge-langvarig-sammensatt': [
    'Målgruppen er barn og unge mellom 12 og 25 år med psykiske helseutfordringer og deres familier.',
    'Tilbudet skal være lett tilgjengelig, uten henvisning, og tilpasset ungdommens hverdag.',
  ],
  tryggest: [
    'Målet er å styrke kompetansen om vold og overgrep mot risikoutsatte voksne blant ansatte og innbyggere.',
    'Kommunen startet med TryggEst og ønsker å gi ansatte i helse- og omsorgstjenesten opplæring.',
  ],
  'nav-sosiale-tjenester': [
    'Tiltaket skal styrke oppfølgingen av barnefamilier og unge som mottar økonomisk sosialhjelp.',
    'Målet er et helhetlig og samordnet tjenestetilbud tilpasset brukernes behov.',
  ],
  'smittevern-oppfolging': [
    'Midlene skal brukes til å gjenåpne og tilpasse tilbud som ble stengt under koronapandemien.',
    'Tilbudene må tilpasses smittevernhensyn, noe som krever økte ressurser.',
  ],
  other: [
    'Tiltaket skal bidra til bedre tjenester for innbyggerne og mer effektiv ressursbruk.',
    'Prosjektet gjennomføres i samarbeid med brukerrådet og de ansattes organisasjoner.',
  ],
};

/** Longer background text, so some documents run to two or three pages. */
export const BACKGROUND = [
  'Kommunen har de siste årene sett en økning i antall innbyggere med behov for sammensatte tjenester. Mange av dem mottar tjenester fra flere enheter samtidig, og det har vært krevende å sikre god koordinering og kontinuitet i oppfølgingen.',
  'Tiltaket skal bygge videre på erfaringer fra tidligere prosjekter og på kunnskap fra brukerorganisasjonene. Det legges vekt på at tjenestene skal være lett tilgjengelige, ha kort ventetid og være tilpasset den enkeltes behov og livssituasjon.',
  'Ansatte i tjenesten skal få opplæring i relevante metoder, og det etableres faste møtepunkter mellom kommunen og samarbeidspartnerne. Erfaringskonsulenter deltar i planlegging, gjennomføring og evaluering av tilbudet.',
  'Det er etablert en styringsgruppe med representanter fra ledelsen, tillitsvalgte og brukerrepresentanter. Styringsgruppen møtes fire ganger i året og følger opp fremdrift, økonomi og måloppnåelse.',
  'Resultatene skal dokumenteres gjennom brukerundersøkelser, registrering av aktivitet og en enkel evaluering ved slutten av perioden. Kommunen vil dele erfaringene med nabokommunene i regionen.',
  'Risikoen i prosjektet knytter seg særlig til rekruttering av fagpersoner. Kommunen har derfor startet rekrutteringsarbeidet tidlig og samarbeider med utdanningsinstitusjoner om praksisplasser.',
];

export const FILLER = [
  'Kommunen har over tid arbeidet systematisk med å utvikle tjenestene i tråd med nasjonale føringer.',
  'Tiltaket er forankret i kommunens plan for helse og omsorg og i budsjettet for kommende år.',
  'Brukere og pårørende har vært involvert i planleggingen gjennom brukerråd og dialogmøter.',
  'Erfaringene så langt er gode, og tilbakemeldingene fra deltakerne har vært positive.',
  'Tjenesten er organisert som et tverrfaglig team med ansatte fra flere fagområder.',
  'Vi viser til utlysningen og til regelverket for ordningen.',
  'Søknaden er behandlet i kommunens ledergruppe.',
  'Kommunen vil rapportere på måloppnåelse i tråd med kravene i tilskuddsbrevet.',
];
