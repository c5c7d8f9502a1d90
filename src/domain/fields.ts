/**
 * The field registry: one entry per field the pipeline reads, with its record path, its Norwegian
 * name, the parser that turns a value text into its typed value, the head nouns that make a label
 * its label (bokmål and nynorsk), the words that make a label another field's, its plausibility
 * range, how far each extraction strategy is trusted for it, and whether a reviewer may correct it
 * or a scheme require it. Labels, field names, corrections, required fields and the chooser all
 * read from here, so a field is described once.
 */
import {
  parseAmount,
  parseGrantYear,
  parseIsoDate,
  parseMunicipalityNo,
  parseName,
  parseOrg,
  parsePositionValue,
  parseYear,
} from '../extract/field-values.ts';

export type FieldValueType =
  'money' | 'positions' | 'year' | 'grantYear' | 'date' | 'name' | 'org' | 'municipalityNumber' | 'text';

/** Where a candidate value came from; the chooser weighs them per field. */
export type Strategy =
  | 'label' // "Label: value", a table row, label above value, a spreadsheet label cell
  | 'checkbox' // a ticked box under a label
  | 'title' // the document's title or heading
  | 'period' // a grant or reporting period ("Tiltaksperiode: 01.01.2025–31.12.2025")
  | 'sentence' // running text ("… søker med dette om kr 750 000 …")
  | 'table' // a budget or spending table's total
  | 'deadline' // the scheme year whose deadline the sending date falls before
  | 'signature'; // the place-and-date line or the block above a signature

export interface FieldSpec<T> {
  /** The record path, as in CONTRACT.md and in findings' `field`. */
  path: string;
  /** Norwegian, as a case officer reads it ("søknadsbeløp"). */
  name: string;
  type: FieldValueType;
  /** A value text (a cell, the text after a label, what a reviewer typed) to the typed value. */
  parse: (raw: string) => T | null;
  /**
   * Label head nouns and phrases (regex sources on folded, lower-case label text, matched as whole
   * words anywhere in the label, so "Samlet søknadssum" and "Antall årsverk finansiert av
   * tilskuddet" are labels too), each with how surely it names this field (0-1).
   */
  heads?: Array<[string, number]>;
  /** Words that make a label another field's even when a head matches ("egenfinansiering"). */
  vetoes?: string;
  /** Whether a typed value can be this field at all; implausible candidates never win. */
  plausible?: (value: T) => boolean;
  /** Trust in each strategy for this field (0-1); strategies not listed are not used. */
  strategies?: Partial<Record<Strategy, number>>;
  correctable: boolean;
  requirable: boolean;
}

const WORD_MONEY = String.raw`(?:beløp(?:et)?|sum(?:men)?|tilskudd(?:et)?|tilskot(?:et)?|midler|midla[rn]e?|kroner)`;

/** Money: more than a year-sized number, less than an organisation number. */
const plausibleMoney = (n: number) => n >= 1000 && n < 100_000_000;

export const FIELDS = {
  'applicant.name': {
    path: 'applicant.name',
    name: 'søkers navn',
    type: 'name',
    parse: parseName,
    heads: [
      [
        String.raw`(?:navn på |namn på )?(?:hoved|hovud)?(?:søker|søkjar)(?:kommune|en|s navn|ens navn|en sitt namn)?|søkers navn`,
        1,
      ],
      [String.raw`ansvarle?g (?:søker|søkjar)|(?:søker|søkjar)/tilskudds?mottak\p{L}*`, 1],
      [
        String.raw`tilskudds?mottaker|tilskots?mottakar|mottaker av tilskudd(?:et)?|mottakar av tilskot(?:et)?`,
        1,
      ],
      [String.raw`ansvarle?g kommune|kommunens navn|(?:navn|namn) på kommunen?|kommunenamn`, 1],
      [
        String.raw`virksomhet(?:ens navn)?|verksemd(?:a sitt namn|a)?|organisasjon(?:ens navn)?|organisasjonsnamn|institusjon`,
        0.9,
      ],
    ],
    vetoes: String.raw`org\.?\s*nr|org\.?\s*nummer|organisasjonsnr|organisasjonsnummer|nummer|nr\.?(?!\p{L})|kontakt|adresse|telefon|tlf|e-?post|samarbeid|partner|medsøker|ansvarle?g for|leder|leiar|saksbehandler|sakshandsamar|prosjektleder|prosjektleiar|konto|dato|type|signatur|underskrift|form|beskriv|skildr|tiltak`,
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<string>,
  'applicant.orgNumber': {
    path: 'applicant.orgNumber',
    name: 'organisasjonsnummer',
    type: 'org',
    parse: parseOrg,
    heads: [
      [
        String.raw`organisasjonsnummer(?:et)?|organisasjonsnr\.?|org\.?\s*-?\s*(?:nr|nummer)\.?|orgnr\.?|foretaksnummer|foretaksnr\.?`,
        1,
      ],
    ],
    vetoes: String.raw`partner|samarbeid|medsøker|helseforetak|helseføretak|sykehus|sjukehus|konto|(?<!\p{L})hf(?!\p{L})`,
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<string>,
  'applicant.municipalityNumber': {
    path: 'applicant.municipalityNumber',
    name: 'kommunenummer',
    type: 'municipalityNumber',
    parse: parseMunicipalityNo,
    heads: [[String.raw`kommunenummer(?:et)?|kommunenr\.?|kommune\s*-?\s*nr\.?|knr\.?`, 1]],
    vetoes: String.raw`samarbeid|partner`,
    correctable: true,
    requirable: false,
  } satisfies FieldSpec<string>,
  scheme: {
    path: 'scheme',
    name: 'tilskuddsordning',
    type: 'text',
    parse: (raw: string) => (/^[a-z0-9-]+$/.test(raw.trim()) ? raw.trim() : null),
    correctable: true,
    requirable: false,
  } satisfies FieldSpec<string>,
  year: {
    path: 'year',
    name: 'tilskuddsår',
    type: 'year',
    parse: parseYear,
    heads: [
      [String.raw`tilskudds?år(?:et)?|tilskots?år(?:et)?|søknadsår(?:et)?|budsjettår(?:et)?`, 1],
      [String.raw`rapporterings?år(?:et)?|regnskapsår(?:et)?|rekneskapsår(?:et)?|driftsår(?:et)? for`, 1],
      [String.raw`år(?:et)? (?:det )?(?:søkes|søkjast|vert søkt|blir søkt|rapporteres|gjeld)`, 1],
      [String.raw`gjeld(?:er)? (?:for )?(?:år|året|tilskuddsåret|tilskotsåret)`, 1],
      [String.raw`rapport(?:en)? (?:for|gjeld(?:er)?)`, 0.8],
      [String.raw`(?:rapporterings|regnskaps|rekneskaps|tilskudds|tilskots)periode`, 0.7],
      [String.raw`år|året`, 0.6],
    ],
    vetoes: String.raw`fødsels|født|etabler|oppstart|startår|stifta?|stiftet|avtale|i perioden|hvilket år i|kva år i|år i (?:tilskudds|tilskots|prosjekt)?perioden|driftsår$|prosjektår|år nr|antall år|tal år|varighet`,
    plausible: (y: number) => y >= 2015 && y <= 2035,
    strategies: { label: 1, title: 0.9, period: 0.75, sentence: 0.6, deadline: 0.45 },
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<number>,
  requestedAmount: {
    path: 'requestedAmount',
    name: 'søknadsbeløp',
    type: 'money',
    parse: parseAmount,
    heads: [
      [String.raw`søknads(?:beløp|sum)(?:et|men)?|omsøkt(?:e)?(?: ${WORD_MONEY})?`, 1],
      [String.raw`(?:${WORD_MONEY} )?(?:som |det )?(?:søkes|søkjast|vert søkt|blir søkt)(?: om)?`, 1],
      [String.raw`søkt(?:e)? ${WORD_MONEY}|søkt om|søk(?:er|jer) om`, 1],
      // Portal questions: "Hvor mye søker dere om?", "Kor mykje søkjer kommunen om i tilskot?"
      [
        String.raw`søk(?:er|jer) (?:dere|de|dykk|kommunen|vi|du|søkeren|søkjaren) om|(?:hvor mye|kor mykje) (?:.* )?søk\p{L}*`,
        1,
      ],
      [String.raw`(?:ønsket|ønskt) ${WORD_MONEY}`, 0.9],
      [
        String.raw`${WORD_MONEY} (?:fra|frå) (?:statsforvalter\p{L}*|helsedirektorat\p{L}*|bufdir|staten|ordningen|tilskuddsordningen)`,
        0.85,
      ],
      [String.raw`tilskudds?beløp(?:et)?|tilskots?beløp(?:et)?`, 0.8],
      [String.raw`beløp(?:et)?`, 0.5],
    ],
    vetoes: String.raw`egen|eigen|egne|eigne|kommunal(?:e)? (?:andel|midler|midlar|finansiering)|andre (?:inntekter|kilder)|tidligere|tidlegare|i fjor|forrige|førre|tildelt|innvilg|bevilg|mottatt|motteke|mottok|brukt|forbruk|nytta|ubrukt|per (?:stilling|årsverk)|pr\.? (?:stilling|årsverk)|maks|inntil|grense|ramme|totalkostnad|prosjektkostnad|kostnad|utgift|lønn|løn|finansier|budsjett(?:ert)? total|prosent|%`,
    plausible: plausibleMoney,
    strategies: { label: 1, sentence: 0.7, table: 0.55 },
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<number>,
  grantedAmount: {
    path: 'grantedAmount',
    name: 'tildelt beløp',
    type: 'money',
    parse: parseAmount,
    heads: [
      [String.raw`tildelt(?:e)?(?: ${WORD_MONEY})?|innvilg(?:et|a|ede|de)(?: ${WORD_MONEY})?`, 1],
      [String.raw`(?:tilskudd|tilskot|midler|midlar) (?:tildelt|innvilget|innvilga|mottatt|motteke)`, 1],
      [
        String.raw`mottatt(?:e)? ${WORD_MONEY}|motteke ${WORD_MONEY}|mottekne ${WORD_MONEY}|bevilg(?:et|a|ede)(?: ${WORD_MONEY})?|tilsagn(?:sbeløp)?|tilsegn(?:sbeløp)?`,
        1,
      ],
      [String.raw`tilskudds?beløp(?:et)?|tilskots?beløp(?:et)?`, 0.7],
      [String.raw`tilskudd|tilskot`, 0.5],
    ],
    vetoes: String.raw`søkt|omsøkt|søknad|søkes|brukt|forbruk|nytta|ubrukt|rest|gjenst|egen|eigen|overført|overf[øo]r|tilbakebet|per (?:stilling|årsverk)|pr\.? (?:stilling|årsverk)|inntil|maks|%`,
    plausible: plausibleMoney,
    strategies: { label: 1, sentence: 0.65 },
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<number>,
  spentAmount: {
    path: 'spentAmount',
    name: 'forbrukt beløp',
    type: 'money',
    parse: parseAmount,
    heads: [
      [
        String.raw`forbruk(?:t|te|et)?|brukt(?:e)?(?: ${WORD_MONEY})?|nytta(?: ${WORD_MONEY})?|nytte ${WORD_MONEY}|benytt(?:et|ede|a)`,
        1,
      ],
      [
        String.raw`medgått(?:e)?|påløpt(?:e)?(?: kostnader| utgifter)?|faktisk(?:e)? (?:kostnader|utgifter|brukt|forbruk)`,
        0.9,
      ],
      [String.raw`regnskap|rekneskap|sum (?:kostnader|utgifter)|totale? (?:kostnader|utgifter)`, 0.7],
    ],
    vetoes: String.raw`ubrukt|ikke brukt|ikkje brukt|ikkje nytta|ikke benyttet|rest|gjenst|tilbakebet|mindreforbruk|merforbruk|budsjett(?!\p{L}* ?(?:forbruk|regnskap))|søkt|tildelt|innvilg|egen|eigen|overført|per (?:stilling|årsverk)|regnskapsår|rekneskapsår|%`,
    plausible: (n: number) => n >= 0 && n < 100_000_000 && (n === 0 || n >= 1000),
    strategies: { label: 1, sentence: 0.65, table: 0.6 },
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<number>,
  unusedAmount: {
    path: 'unusedAmount',
    name: 'ubrukte midler',
    type: 'money',
    parse: parseAmount,
    heads: [
      [
        String.raw`ubrukt(?:e)?(?: ${WORD_MONEY})?|ikke (?:brukte?|benyttede?) ${WORD_MONEY}|ikkje (?:brukte?|nytta) ${WORD_MONEY}`,
        1,
      ],
      [String.raw`gjenstå(?:ende|r)(?: ${WORD_MONEY})?|rest(?:beløp|midler|midlar)?|mindreforbruk`, 0.9],
      [
        String.raw`(?:til )?tilbakebetal\p{L}*|overført(?:e)? (?:midler|midlar|til)|overføres|overførast`,
        0.8,
      ],
    ],
    vetoes: String.raw`søkt|tildelt|innvilg|%`,
    plausible: (n: number) => n >= 0 && n < 100_000_000,
    strategies: { label: 1, sentence: 0.65 },
    correctable: false,
    requirable: false,
  } satisfies FieldSpec<number>,
  positions: {
    path: 'positions',
    name: 'antall stillinger (årsverk)',
    type: 'positions',
    parse: parsePositionValue,
    heads: [
      [
        String.raw`årsverk|stilling(?:er|ar|ane|ene)?|stillingsressurs(?:er|ar)?|stillingsprosent|stillingsandel|stillingsomfang`,
        1,
      ],
      [String.raw`fte|fulltidsekvivalent(?:er)?|bemanning|personalressurs(?:er|ar)?`, 0.8],
    ],
    vetoes: String.raw`lønn|løn|kr\b|kroner|beløp|per (?:stilling|årsverk)|pr\.? (?:stilling|årsverk)|sats|kostnad|tittel|navn|namn|kontakt|beskriv|stillingskode|stillingsbetegnelse|nemning|type stilling|kva for|hvilke|\bi \p{L}+ kommune|utlyst|ledig|dato`,
    plausible: (p: number) => p >= 0.1 && p <= 50,
    strategies: { label: 1, sentence: 0.6 },
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<number>,
  priority: {
    path: 'priority',
    name: 'prioritert tiltak',
    type: 'text',
    parse: (raw: string) => (raw.trim().length > 0 ? raw.trim() : null),
    heads: [
      [
        String.raw`prioritert(?:e)? (?:tiltak|område|satsing)|prioritering(?:en)?|prioritet|hvilken prioritering|kva prioritering`,
        1,
      ],
      [
        String.raw`(?:type )?tiltak(?:stype)?|tiltaksmodell|modell|satsingsområde|innsatsområde|tilbodstype|tilbudstype`,
        0.8,
      ],
    ],
    vetoes: String.raw`beskriv|skildr|mål(?!\p{L})|målgruppe|kort om|navn på tiltaket|namn på tiltaket|periode|kostnad|budsjett|start|oppstart|leder|leiar|ansvarle?g|dato`,
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<string>,
  grantYear: {
    path: 'grantYear',
    name: 'år i tilskuddsperioden (forprosjekt eller år 1–4)',
    type: 'grantYear',
    parse: parseGrantYear,
    heads: [
      [
        String.raw`(?:fase|år) i (?:tilskudds|tilskots|prosjekt|drifts)?perioden|(?:hvilket|kva) år(?: i perioden| søkes det for)?|driftsår(?:et)?|prosjektår(?:et)?`,
        1,
      ],
      [String.raw`(?:tilskudds|tilskots|prosjekt)periode(?:n)?|fase|type søknad|søknadstype`, 0.9],
      [String.raw`tilskudds?år(?:et)?|tilskots?år(?:et)?|søknaden gjeld(?:er)?|år`, 0.7],
    ],
    vetoes: String.raw`fødsels|etabler|oppstart|startår|avtale|varighet`,
    strategies: { label: 1, sentence: 0.6 },
    correctable: true,
    requirable: true,
  } satisfies FieldSpec<number>,
  submittedDate: {
    path: 'submittedDate',
    name: 'dato for innsending',
    type: 'date',
    parse: parseIsoDate,
    heads: [
      [String.raw`(?:sted|stad) og dato|dato og (?:sted|stad)|(?:sted|stad)/dato|dato/(?:sted|stad)`, 1],
      [
        String.raw`innsend(?:t|ings?dato)|sendt(?: inn)?|dato (?:for )?innsending|innleveringsdato|levert|søknadsdato|rapportdato|datert|dato for (?:søknad|rapport|underskrift|signering)|signert`,
        1,
      ],
      [String.raw`dato|vår dato|vår dato`, 0.8],
      // A portal's receipt ("Mottatt: 25. januar 2022") is the day it was sent in.
      [String.raw`mottatt|motteke|registrert`, 0.8],
    ],
    vetoes: String.raw`frist|periode|fra og med|f\.o\.m|t\.o\.m|til og med|født|fødsel|møte|vedtak|gyldig|varighet|oppstart|start|slutt|avslutt|tildelt|innvilg|brev|deres|vår ref|per|pr\.|avtale|tilsett|ansatt|etablert`,
    plausible: (d: string) => d >= '2015-01-01' && d <= '2035-12-31',
    strategies: { label: 1, signature: 0.85, title: 0.6 },
    correctable: true,
    requirable: false,
  } satisfies FieldSpec<string>,
} as const;

export type FieldPath = keyof typeof FIELDS;
export const FIELD_PATHS = Object.keys(FIELDS) as FieldPath[];

/** Fields a scheme may require (schemes/*.json `requiredFields`). */
export type RequirableFieldPath = {
  [P in FieldPath]: (typeof FIELDS)[P]['requirable'] extends true ? P : never;
}[FieldPath];
export const REQUIRABLE_FIELDS = FIELD_PATHS.filter((p) => FIELDS[p].requirable) as [
  RequirableFieldPath,
  ...RequirableFieldPath[],
];
type Correctable<P extends FieldPath> = (typeof FIELDS)[P]['correctable'] extends true ? P : never;
export type CorrectableFieldPath = { [P in FieldPath]: Correctable<P> }[FieldPath];
/** Fields a reviewer may correct. */
export const CORRECTABLE_FIELD_PATHS = FIELD_PATHS.filter(
  (p) => FIELDS[p].correctable,
) as CorrectableFieldPath[];

/** The Norwegian name of a field path, for messages; other paths (partners, budget) have their own. */
export const OTHER_FIELD_NAMES: Record<string, string> = {
  partners: 'samarbeidspartnere',
  budget: 'budsjett',
};
export function fieldName(path: string): string {
  return (FIELDS as Record<string, { name: string }>)[path]?.name ?? OTHER_FIELD_NAMES[path] ?? path;
}
