/** Field names as a case officer reads them. */
export const FIELD_NAMES: Record<string, string> = {
  'applicant.name': 'søkers navn',
  'applicant.orgNumber': 'organisasjonsnummer',
  'applicant.municipalityNumber': 'kommunenummer',
  year: 'tilskuddsår',
  requestedAmount: 'søknadsbeløp',
  positions: 'antall stillinger (årsverk)',
  priority: 'prioritert tiltak',
  grantYear: 'år i tilskuddsperioden (forprosjekt eller år 1–4)',
  grantedAmount: 'tildelt beløp',
  spentAmount: 'forbrukt beløp',
  submittedDate: 'dato for innsending',
  partners: 'samarbeidspartnere',
};
export const fieldName = (field: string) => FIELD_NAMES[field] ?? field;
