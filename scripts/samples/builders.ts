/** Factories for applicants, partners, people and cases, with deterministic filler (names, phones, references). */
import { asciiSlug } from './format.ts';
import type {
  Applicant,
  ApplicationCase,
  BudgetRow,
  CoSigner,
  GrantYearStyle,
  Labels,
  Party,
  Person,
  ReportCase,
  SchemeId,
} from './model.ts';
import type { DateStyle, MoneyStyle, OrgStyle, PositionStyle } from './format.ts';
import { checkDigit, mod11Valid, type Register } from './register.ts';
import { Rng } from './rng.ts';
import { SCHEMES } from './schemes.ts';

const FIRST = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Marit',
  'Anne',
  'Per',
  'Silje',
  'Tor',
  'Hilde',
  'Eirik',
  'Nina',
  'Geir',
  'Randi',
  'Håkon',
  'Sigrid',
  'Bjørn',
  'Tone',
  'Jon',
  'Ragnhild',
  'Stian',
  'Linda',
  'Arne',
  'Guro',
  'Vegard',
  'Mette',
  'Øystein',
  'Solveig',
  'Trond',
  'Camilla',
];
const LAST = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
  'Lie',
  'Solberg',
  'Bakke',
  'Aas',
  'Sæther',
  'Myhre',
  'Lien',
  'Nygård',
];

interface Place {
  address: string[];
  place?: string;
  phone: string;
}

/** Postal addresses and switchboard numbers of the municipalities used (illustrative). */
const PLACES: Record<string, Place> = {
  Trondheim: { address: ['Postboks 2300 Torgarden', '7004 Trondheim'], phone: '72 54 00 00' },
  Harstad: { address: ['Postboks 1000', '9479 Harstad'], phone: '77 02 60 00' },
  Stavanger: { address: ['Postboks 8001', '4068 Stavanger'], phone: '51 50 70 90' },
  Tromsø: { address: ['Postboks 6900', '9299 Tromsø'], phone: '77 79 00 00' },
  Hamar: { address: ['Postboks 4063', '2306 Hamar'], phone: '62 56 30 00' },
  Fredrikstad: { address: ['Postboks 1405', '1602 Fredrikstad'], phone: '69 30 60 00' },
  Alta: { address: ['Postboks 1403', '9506 Alta'], phone: '78 45 50 00' },
  Steinkjer: { address: ['Postboks 2530', '7729 Steinkjer'], phone: '74 16 90 00' },
  Molde: { address: ['Postboks 505', '6401 Molde'], phone: '71 11 10 00' },
  Gjøvik: { address: ['Postboks 630', '2810 Gjøvik'], phone: '61 18 95 00' },
  Ørland: { address: ['Postboks 400', '7129 Brekstad'], place: 'Brekstad', phone: '72 51 40 00' },
  Levanger: { address: ['Postboks 130', '7601 Levanger'], phone: '74 05 25 00' },
  Verdal: { address: ['Postboks 24', '7651 Verdal'], phone: '74 04 82 00' },
  Vadsø: { address: ['Postboks 614', '9811 Vadsø'], phone: '78 94 23 00' },
  Kristiansand: { address: ['Postboks 4', '4685 Nodeland'], place: 'Kristiansand', phone: '38 07 50 00' },
  Bergen: { address: ['Postboks 7700', '5020 Bergen'], phone: '55 56 60 00' },
  Ringebu: { address: ['Ringebuvegen 52', '2630 Ringebu'], phone: '61 28 30 00' },
  Namsos: { address: ['Postboks 333', '7801 Namsos'], phone: '74 21 70 00' },
  Lillehammer: { address: ['Postboks 986', '2626 Lillehammer'], phone: '61 05 00 00' },
  Sandnes: { address: ['Postboks 583', '4302 Sandnes'], phone: '51 33 50 00' },
  Drammen: { address: ['Postboks 7500', '3008 Drammen'], phone: '32 04 00 00' },
  Sola: { address: ['Postboks 99', '4097 Sola'], phone: '51 65 33 00' },
  Ringsaker: { address: ['Postboks 13', '2381 Brumunddal'], place: 'Brumunddal', phone: '62 33 08 00' },
  Narvik: { address: ['Postboks 64', '8501 Narvik'], phone: '76 91 50 00' },
  Larvik: { address: ['Postboks 2020', '3255 Larvik'], phone: '33 17 10 00' },
  Halden: { address: ['Postboks 150', '1751 Halden'], phone: '69 17 45 00' },
  Bodø: { address: ['Postboks 319', '8001 Bodø'], phone: '75 55 50 00' },
  Lørenskog: { address: ['Postboks 304', '1471 Lørenskog'], phone: '67 93 40 00' },
  Bærum: { address: ['Postboks 700', '1304 Sandvika'], place: 'Sandvika', phone: '67 50 40 50' },
  Sortland: { address: ['Postboks 117', '8401 Sortland'], phone: '76 10 97 00' },
  Kongsvinger: { address: ['Postboks 900', '2226 Kongsvinger'], phone: '62 82 30 00' },
  Ålesund: { address: ['Postboks 1521', '6025 Ålesund'], phone: '70 16 20 00' },
  Kinn: { address: ['Postboks 294', '6901 Florø'], place: 'Florø', phone: '57 75 60 00' },
  'Østre Toten': { address: ['Postboks 24', '2851 Lena'], place: 'Lena', phone: '61 14 15 00' },
  Orkland: { address: ['Postboks 83', '7301 Orkanger'], place: 'Orkanger', phone: '72 48 00 00' },
  Sarpsborg: { address: ['Postboks 237', '1702 Sarpsborg'], phone: '69 10 80 00' },
  Hammerfest: { address: ['Postboks 1224', '9616 Hammerfest'], phone: '78 40 20 00' },
  Nittedal: { address: ['Postboks 63', '1483 Hagan'], place: 'Hagan', phone: '67 05 90 00' },
  Sogndal: { address: ['Postboks 153', '6851 Sogndal'], phone: '57 62 96 00' },
  Tynset: { address: ['Postboks 1', '2501 Tynset'], phone: '62 48 50 00' },
  Skien: { address: ['Postboks 3010 Lahelle', '3707 Skien'], phone: '35 58 10 00' },
  Arendal: { address: ['Postboks 780 Stoa', '4809 Arendal'], phone: '37 01 30 00' },
  Rana: { address: ['Postboks 173', '8601 Mo i Rana'], place: 'Mo i Rana', phone: '75 14 50 00' },
  Ullensaker: { address: ['Postboks 470', '2051 Jessheim'], place: 'Jessheim', phone: '66 10 80 00' },
  Meløy: { address: ['Gammelveien 9', '8150 Ørnes'], place: 'Ørnes', phone: '75 71 00 00' },
  Haugesund: { address: ['Postboks 2160', '5504 Haugesund'], phone: '52 74 30 00' },
  Kristiansund: { address: ['Postboks 178', '6501 Kristiansund N'], phone: '71 57 40 00' },
};

/** County prefixes whose municipality numbers did not change between 2020 and 2024. */
const STABLE_PREFIXES = ['03', '11', '15', '18', '34', '42', '46', '50'];
const CHANGED_2024 = new Set(['1508', '1580']);

export interface KommuneOptions {
  orgStyle?: OrgStyle;
  /** The org number as printed: undefined = the register's, null = not printed anywhere. */
  printOrg?: string | null;
  statesNumber?: boolean;
  unit?: string;
}

export function kommune(
  reg: Register,
  number: string,
  plain: string,
  year: number,
  o: KommuneOptions = {},
): Applicant {
  const k = reg.kommune(number, plain);
  const place = PLACES[plain];
  if (!place) throw new Error(`no address for ${plain}`);
  const stable = year >= 2024 || (STABLE_PREFIXES.includes(number.slice(0, 2)) && !CHANGED_2024.has(number));
  if (o.statesNumber && !stable) throw new Error(`${plain} had another kommunenummer in ${year}`);
  const rng = new Rng(`${plain}-konto`);
  return {
    name: k.name,
    orgNumber: o.printOrg === undefined ? k.orgNumber : o.printOrg,
    kind: 'kommune',
    municipalityNumber: k.municipalityNumber,
    statedMunicipalityNumber: o.statesNumber ? k.municipalityNumber : null,
    address: place.address,
    place: place.place ?? plain,
    unit: o.unit ?? 'Helse og velferd',
    orgStyle: o.orgStyle ?? 'spaced',
    email: `postmottak@${asciiSlug(plain)}.kommune.no`,
    phone: place.phone,
    account: `${rng.pick(['1503', '1506', '1644', '1254', '2801', '4201'])}.${rng.digits(2)}.${rng.digits(5)}`,
  };
}

/** An applicant that is not a municipality (foundation, association, health trust). */
export function otherApplicant(p: {
  name: string;
  orgNumber: string;
  kind: 'organisasjon' | 'helseforetak';
  address: string[];
  place: string;
  unit: string;
  email: string;
  phone: string;
}): Applicant {
  if (!mod11Valid(p.orgNumber)) throw new Error(`${p.name}: ${p.orgNumber} fails MOD11`);
  const rng = new Rng(`${p.name}-konto`);
  return {
    name: p.name,
    orgNumber: p.orgNumber,
    kind: p.kind,
    municipalityNumber: null,
    statedMunicipalityNumber: null,
    address: p.address,
    place: p.place,
    unit: p.unit,
    orgStyle: 'spaced',
    email: p.email,
    phone: p.phone,
    account: `${rng.pick(['1503', '1506', '3000'])}.${rng.digits(2)}.${rng.digits(5)}`,
  };
}

/** Health trusts with their (valid) organisation numbers. */
export const HF = {
  stOlav: { name: 'St. Olavs hospital HF', orgNumber: '883974832' },
  hnt: { name: 'Helse Nord-Trøndelag HF', orgNumber: '983658776' },
  unn: { name: 'Universitetssykehuset Nord-Norge HF', orgNumber: '983974899' },
  innlandet: { name: 'Sykehuset Innlandet HF', orgNumber: '983971709' },
  stavanger: { name: 'Helse Stavanger HF', orgNumber: '983974678' },
  vestreViken: { name: 'Vestre Viken HF', orgNumber: '894166762' },
  fonna: { name: 'Helse Fonna HF', orgNumber: '983974791' },
  moreRomsdal: { name: 'Helse Møre og Romsdal HF', orgNumber: '997005562' },
  bergen: { name: 'Helse Bergen HF', orgNumber: '983974724' },
  forde: { name: 'Helse Førde HF', orgNumber: '983974732' },
} as const;

export type HfKey = keyof typeof HF;

/** A health trust as partner; `stateOrg` false when no document gives its org number. */
export function hf(key: HfKey, stateOrg = true, printOrg?: string): Party {
  const h = HF[key];
  if (!mod11Valid(h.orgNumber)) throw new Error(`${h.name}: bad org number`);
  return { name: h.name, orgNumber: stateOrg ? (printOrg ?? h.orgNumber) : null, kind: 'helseforetak' };
}

export function partnerKommune(reg: Register, number: string, plain: string, stateOrg = true): Party {
  const k = reg.kommune(number, plain);
  return { name: k.name, orgNumber: stateOrg ? k.orgNumber : null, kind: 'kommune' };
}

export function organisation(name: string): Party {
  return { name, orgNumber: null, kind: 'organisasjon' };
}

export function person(rng: Rng, title: string, domain: string): Person {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const mobile = `${rng.pick(['4', '9'])}${rng.digits(2)} ${rng.digits(2)} ${rng.digits(3)}`;
  return {
    name: `${first} ${last}`,
    title,
    phone: mobile,
    email: `${asciiSlug(first)}.${asciiSlug(last)}@${domain}`,
  };
}

/** The office a municipality writes to, by county and year. */
export function recipient(number: string, year: number, scheme: SchemeId | null): string[] {
  if (scheme === 'tryggest') {
    return ['Barne-, ungdoms- og familiedirektoratet (Bufdir)', 'Postboks 2233', '3103 Tønsberg'];
  }
  const title = year <= 2020 ? 'Fylkesmannen' : 'Statsforvalteren';
  const prefix = number.slice(0, 2);
  const offices: Record<string, [string, string, string]> = {
    '50': ['Trøndelag', 'Postboks 4710 Torgarden', '7468 Trondheim'],
    '18': ['Nordland', 'Postboks 1405', '8002 Bodø'],
    '55': ['Troms og Finnmark', 'Postboks 700', '9815 Vadsø'],
    '56': ['Troms og Finnmark', 'Postboks 700', '9815 Vadsø'],
    '11': ['Rogaland', 'Postboks 59 Sentrum', '4001 Stavanger'],
    '46': ['Vestland', 'Njøsavegen 2', '6863 Leikanger'],
    '15': ['Møre og Romsdal', 'Postboks 2520', '6404 Molde'],
    '34': ['Innlandet', 'Postboks 987', '2604 Lillehammer'],
    '42': ['Agder', 'Postboks 788 Stoa', '4809 Arendal'],
    '39': ['Vestfold og Telemark', 'Postboks 2076', '3103 Tønsberg'],
    '40': ['Vestfold og Telemark', 'Postboks 2076', '3103 Tønsberg'],
  };
  const viken: [string, string, string] =
    year >= 2024
      ? ['Østfold, Buskerud, Oslo og Akershus', 'Postboks 325', '1502 Moss']
      : ['Oslo og Viken', 'Postboks 325', '1502 Moss'];
  const office = offices[prefix] ?? (['31', '32', '33'].includes(prefix) ? viken : undefined);
  if (!office) throw new Error(`no office for ${number}`);
  return [`${title} i ${office[0]}`, 'Helseavdelingen', office[1], office[2]];
}

export interface CaseInput {
  slug: string;
  scheme: SchemeId | null;
  schemeText?: string;
  year: number;
  applicant: Applicant;
  partners?: Party[];
  priority?: string | null;
  grantYear?: number | null;
  positions?: number | null;
  date: string;
  signerTitle?: string;
  contactTitle?: string;
  cosigner?: { org: string; title: string; place: string } | null;
  money?: MoneyStyle;
  dateStyle?: DateStyle;
  positionStyle?: PositionStyle;
  grantYearStyle?: GrantYearStyle;
  labels?: Partial<Labels>;
  project: { name: string; paragraphs: string[] };
  budgetIn?: 'document' | 'xlsx' | 'none';
  budget?: BudgetRow[];
  attachments?: string[];
  /** Municipality number whose county office receives the letter (for applicants that are not municipalities). */
  office?: string;
}

function base(i: CaseInput, kind: 'application' | 'report') {
  const rng = new Rng(i.slug);
  const domain = i.applicant.email.split('@')[1] ?? 'kommune.no';
  const signer = person(rng, i.signerTitle ?? 'kommunedirektør', domain);
  const contact = person(rng, i.contactTitle ?? 'rådgiver', domain);
  let cosigner: CoSigner | null = null;
  if (i.cosigner) {
    const p = person(rng, i.cosigner.title, 'helse.no');
    cosigner = { ...p, org: i.cosigner.org, place: i.cosigner.place };
  }
  const labels: Labels = {
    applicant: kind === 'report' ? 'Tilskuddsmottaker' : 'Søker',
    org: 'Organisasjonsnummer',
    requested: 'Søknadsbeløp',
    positions: 'Antall stillinger',
    granted: 'Tildelt beløp',
    spent: 'Forbrukt',
    ...i.labels,
  };
  const reference = `${String(i.year).slice(2)}/${rng.int(120, 4800)}-${rng.int(1, 9)}`;
  const municipalityNumber = i.office ?? i.applicant.municipalityNumber ?? '5001';
  return {
    scheme: i.scheme,
    schemeText: i.schemeText ?? (i.scheme ? SCHEMES[i.scheme].name : ''),
    year: i.year,
    applicant: i.applicant,
    partners: i.partners ?? [],
    priority: i.priority ?? null,
    grantYear: i.grantYear ?? null,
    positions: i.positions ?? null,
    date: i.date,
    signer,
    cosigner,
    contact,
    recipient: recipient(municipalityNumber, Number(i.date.slice(0, 4)), i.scheme),
    reference,
    money: i.money ?? 'kr-dash',
    dateStyle: i.dateStyle ?? 'long',
    positionStyle: i.positionStyle ?? 'stillinger',
    grantYearStyle: i.grantYearStyle ?? 'ar',
    labels,
    project: i.project,
    budgetIn: i.budgetIn ?? (i.budget && i.budget.length > 0 ? 'document' : 'none'),
    attachments: i.attachments ?? [],
    budget: i.budget ?? [],
  };
}

export function application(
  i: CaseInput & { requested: number | null; statedBudgetTotal?: number; ownFunding?: number },
): ApplicationCase {
  const b = base(i, 'application');
  const own = b.budget.reduce((s, r) => s + (r.own ?? 0), 0);
  return {
    ...b,
    kind: 'application',
    requested: i.requested,
    statedBudgetTotal: i.statedBudgetTotal ?? null,
    ownFunding: i.ownFunding ?? (own > 0 ? own : null),
  };
}

export function report(i: CaseInput & { granted: number; spent: number; unused?: number }): ReportCase {
  const b = base(i, 'report');
  return {
    ...b,
    kind: 'report',
    granted: i.granted,
    spent: i.spent,
    unused: i.unused ?? i.granted - i.spent,
  };
}

/** A budget line; the category is checked against the line's wording by the generator. */
export function line(
  label: string,
  amount: number,
  category: BudgetRow['category'],
  extra: { own?: number; planned?: number } = {},
): BudgetRow {
  return { label, amount, category, ...extra };
}

/** A fictitious but MOD11-valid organisation number that is not a municipality's. */
export function fictitiousOrgNumber(reg: Register, seed: string): string {
  const rng = new Rng(seed);
  for (;;) {
    const first8 = `9${rng.digits(7)}`;
    const c = checkDigit(first8);
    if (c === null) continue;
    const org = first8 + String(c);
    if (!reg.orgNumbers.has(org)) return org;
  }
}
