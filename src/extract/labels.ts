/**
 * Label synonyms for the fields still read by exact labels (names, identifiers, partners, the
 * scheme, the priority, the grant year), as regular expression sources matched case-insensitively
 * at the start of a line or a spreadsheet cell. Order matters: earlier labels are more specific
 * and win over later, looser ones. Amounts, positions, the year and the sending date are read by
 * their head nouns instead, from the field registry (src/domain/fields.ts).
 */

export type LabelledField =
  | 'applicantName'
  | 'municipalityName'
  | 'orgNumber'
  | 'municipalityNumber'
  | 'grantYear'
  | 'priority'
  | 'partners'
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
    'namn på (?:søkjar|kommune(?:n)?)',
    'søkjaren sitt namn',
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
  grantYear: [
    '(?:hvilket )?år i (?:tilskudds|prosjekt|drifts)?perioden',
    'hvilket år (?:i perioden|søkes det for)',
    '(?:tilskudds|prosjekt)periode',
    'driftsår',
    'prosjektår',
    'fase',
    'søknaden gjelder',
    'type søknad',
    // nynorsk
    '(?:kva )?år i (?:tilskots|prosjekt|drifts)?perioden',
    'tilskotsperiode',
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
  scheme: ['tilskuddsordning', 'ordning', 'søknaden gjelder', 'gjelder'],
};
