/**
 * Label synonyms for each field, as regular expression sources matched case-insensitively
 * at the start of a line or a spreadsheet cell. Order matters: earlier labels are more
 * specific and win over later, looser ones.
 */

export type LabelledField =
  | 'applicantName'
  | 'municipalityName'
  | 'orgNumber'
  | 'municipalityNumber'
  | 'requestedAmount'
  | 'grantedAmount'
  | 'spentAmount'
  | 'unusedAmount'
  | 'positions'
  | 'year'
  | 'grantYear'
  | 'priority'
  | 'partners'
  | 'submittedDate'
  | 'scheme';

export const LABELS: Record<LabelledField, string[]> = {
  applicantName: [
    'navn på søker(?:kommune)?',
    'søkers navn',
    'søker\\s*\\(kommune\\)',
    'søkerkommune',
    'hovedsøker',
    'søker',
    'tilskuddsmottaker(?:s navn)?',
    'mottaker av tilskudd(?:et)?',
    'ansvarlig kommune',
    'kommunens navn',
    'navn på kommune(?:n)?',
    'virksomhet(?:ens navn)?',
    'organisasjon(?:ens navn)?',
    'søker/tilskuddsmottaker',
    // nynorsk
    'søkjar(?:kommune)?',
    'namn på søkjar',
    'tilskotsmottakar',
  ],
  municipalityName: ['kommune'],
  orgNumber: [
    'organisasjonsnummer',
    'organisasjonsnr\\.?',
    'org\\.?\\s*nr\\.?',
    'org\\.?\\s*nummer',
    'org-?nr\\.?',
    'orgnr\\.?',
    'foretaksnummer',
    'foretaksnr\\.?',
  ],
  municipalityNumber: ['kommunenummer', 'kommunenr\\.?', 'kommune\\s*nr\\.?', 'knr\\.?'],
  requestedAmount: [
    'søknadsbeløp(?:et)?',
    'søknadssum',
    'omsøkt beløp',
    'omsøkt tilskudd',
    'omsøkte midler',
    'beløp det søkes om',
    'beløp som søkes',
    'tilskudd det søkes om',
    'det søkes om',
    'søkt beløp',
    'søkt tilskudd',
    // totals of a budget table: only when the form itself names no amount
    '(?:sum|samlet|totalt) (?:beløp )?(?:det )?(?:søkes om|omsøkt|søkt)',
    'samlet søknadsbeløp',
    'sum søknad',
    'totalt søknadsbeløp',
    'sum søknadsbeløp',
    'totalt omsøkt',
    'sum omsøkt',
    'omsøkt',
    'søker om',
    // nynorsk
    'omsøkt tilskot',
    'søkt tilskot',
    'tilskot det (?:vert|blir) søkt om',
    'det (?:vert|blir) søkt om',
    'søkjer om',
  ],
  grantedAmount: [
    'tildelt beløp',
    'tildelt tilskudd',
    'tildelte midler',
    'tilskudd tildelt',
    'innvilget beløp',
    'innvilget tilskudd',
    'innvilgede midler',
    'mottatt tilskudd',
    'tilskudd mottatt',
    'bevilget beløp',
    'bevilget tilskudd',
    'tildelt',
    'innvilget',
    // nynorsk
    'tildelt tilskot',
    'innvilga tilskot',
    'innvilga',
  ],
  spentAmount: [
    'sum forbruk',
    'totalt forbruk',
    'samlet forbruk',
    'forbrukte midler',
    'forbrukt beløp',
    'forbrukt',
    'forbruk',
    'brukte midler',
    'brukt beløp',
    'brukt av tilskuddet',
    'faktisk brukt',
    'brukt',
    'benyttet beløp',
    'benyttede midler',
    'benyttet',
    'sum regnskap',
    'regnskap',
    'sum kostnader',
    'påløpte kostnader',
  ],
  unusedAmount: [
    'ubrukte midler',
    'ubrukt beløp',
    'ubrukt tilskudd',
    'ubrukt',
    'ikke brukte midler',
    'gjenstående midler',
    'rest(?:beløp)?',
    'overførte midler',
    'til tilbakebetaling',
  ],
  positions: [
    'antall stillinger',
    'antall årsverk',
    'stillinger \\(årsverk\\)',
    'årsverk',
    'stillingsressurs(?:er)?',
    'stillingsprosent',
    'stillingsandel',
    'omfang stilling(?:er)?',
    'stillinger',
    // nynorsk
    'tal (?:på )?stillingar',
    'tal (?:på )?årsverk',
    'stillingar',
  ],
  year: [
    'tilskuddsår',
    'søknadsår',
    'rapporteringsår',
    'regnskapsår',
    'budsjettår',
    'gjelder (?:for )?år',
    'gjelder tilskuddsåret',
    'år det søkes for',
    'rapport(?:en)? (?:for|gjelder)(?: år)?',
    'år det rapporteres for',
    'rapporteringsperiode',
    'det søkes (?:om tilskudd )?for(?: år)?',
    'søknaden gjelder (?:for )?år',
    'tilskotsår',
    'år',
  ],
  grantYear: [
    '(?:hvilket )?år i (?:tilskudds|prosjekt|drifts)?perioden',
    'hvilket år (?:i perioden|søkes det for)',
    '(?:tilskudds|prosjekt)periode',
    'driftsår',
    'prosjektår',
    'fase',
    'søknaden gjelder',
    'type søknad',
  ],
  priority: ['prioritert tiltak', 'prioritet', 'tiltak', 'satsingsområde', 'modell', 'type tiltak'],
  partners: [
    'samarbeidspartner(?:e|ne)?',
    'samarbeidsparter?',
    'samarbeidende (?:aktører|kommuner|instanser)',
    'medsøker(?:e)?',
    'partnere?',
    'samarbeid med',
    'samarbeidspartnarar',
    'samarbeidspartar',
  ],
  submittedDate: [
    'dato for innsending',
    'innsendingsdato',
    'innleveringsdato',
    'innsendt dato',
    'innsendt',
    'sendt inn',
    'dato sendt',
    'søknadsdato',
    'rapportdato',
    'datert',
    'dato',
  ],
  scheme: ['tilskuddsordning', 'ordning', 'søknaden gjelder', 'gjelder'],
};
