import type { BudgetCategory } from '../domain/record.ts';

/** Category keywords, checked in this order; the first that matches a line's label wins. */
const CATEGORY_KEYWORDS: Array<[BudgetCategory, RegExp]> = [
  ['administrasjon', /administrasjon|\badm\b\.?|overhead|kontorhold|indirekte kostnader/],
  ['investering', /investering|\bbil\b|kjøretøy|ombygging|bygg|oppussing|rehabilitering av lokal/],
  ['inventar', /inventar|møbler|utstyr|datautstyr|\bpc\b|pc-er|datamaskin|mobiltelefon|nettbrett|hvitevarer/],
  [
    'lønn',
    /lønn|stilling|årsverk|personal|sosiale (kostnader|utgifter)|arbeidsgiveravgift|pensjon|koordinator|miljøterapeut|miljøarbeider|sykepleier|psykolog|erfaringskonsulent|vikar/,
  ],
  [
    'drift',
    /drift|husleie|leie|reise|kurs|opplæring|kompetanse|veiledning|aktivitet|materiell|informasjon|transport|fagdag|samling|brosjyre|trykking|konferanse|evaluering|kjøring|bevertning|forbruksmateriell|lisens/,
  ],
];

/** The budget category of a cost line's label ("Lønn miljøterapeut 100 %" → lønn). */
export function budgetCategory(label: string): BudgetCategory {
  const t = label.toLowerCase();
  for (const [category, re] of CATEGORY_KEYWORDS) if (re.test(t)) return category;
  return 'annet';
}

/** Lines that finance the budget rather than cost something: never budget lines. */
export const FINANCING =
  /egenfinansiering|egenandel|egeninnsats|egne midler|kommunal(?:e)? (?:andel|midler|finansiering)|annen finansiering|andre (?:inntekter|tilskudd)|inntekter|finansiering|(?<!\p{L})(?:om)?søk|^forbrukt|^sum forbruk|^forbruk\b|^brukt|^benyttet|^regnskap\b|tilskudd fra|tildelt|innvilget|mottatt|ubrukt|overført|tilbakebetal|mindreforbruk|merforbruk|avvik|differanse|^rest/u;

/** A total or subtotal row. */
export const TOTAL = /^(?:\d+[.)]\s*)?(?:sum|totalt?|total|samlet|i alt|totale)\b/;

/** A subtotal names a category ("Sum lønn"); a grand total does not. */
export function isSubtotal(label: string): boolean {
  const rest = label.toLowerCase().replace(TOTAL, '').trim();
  return (
    rest !== '' &&
    budgetCategory(rest) !== 'annet' &&
    !/kostnad|utgift|budsjett|prosjekt|tiltak|forbruk/.test(rest)
  );
}
