import type { PartnerKind } from '../domain/record.ts';

/** Norway's health trusts (helseforetak), for names that the generic "… HF" pattern would cut short. */
export const KNOWN_HEALTH_TRUSTS = [
  'Akershus universitetssykehus HF',
  'Oslo universitetssykehus HF',
  'Sunnaas sykehus HF',
  'Sykehuset i Vestfold HF',
  'Sykehuset Innlandet HF',
  'Sykehuset Telemark HF',
  'Sykehuset Østfold HF',
  'Sørlandet sykehus HF',
  'Vestre Viken HF',
  'Helse Bergen HF',
  'Helse Fonna HF',
  'Helse Førde HF',
  'Helse Stavanger HF',
  'Helse Møre og Romsdal HF',
  'Helse Nord-Trøndelag HF',
  'St. Olavs hospital HF',
  'Finnmarkssykehuset HF',
  'Helgelandssykehuset HF',
  'Nordlandssykehuset HF',
  'Universitetssykehuset Nord-Norge HF',
];

const ORGANISATION =
  /forening|foreining|(?<!trønde)lag(?:et)?(?!\p{L})|organisasjon|\blag\b|stiftelse|mental helse|\brio\b|marborg|a-larm|blå kors|bymisjon|frelsesarmeen|røde kors|landsforbund|\blms\b|ivareta|pårørendesenter|fontenehus|kirkens|menighet|frivillig|ideell|\bsa\b/iu;

/** The partner kind from a name: HF and hospitals, municipalities, associations, else other. */
export function partnerKind(name: string): PartnerKind {
  if (
    /\bhf\b|helseforetak|helseføretak|sykehus|sjukehus|hospital|universitetssykehus|\bdps\b|distriktspsykiatrisk/i.test(
      name,
    )
  ) {
    return 'helseforetak';
  }
  if (/\bkommune\b|\bsuohkan\b|\bgielda\b/i.test(name)) return 'kommune';
  if (ORGANISATION.test(name)) return 'organisasjon';
  return 'annet';
}
