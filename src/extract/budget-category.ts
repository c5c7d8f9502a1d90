import type { BudgetCategory } from '../domain/record.ts';
import { foldForMatch } from '../normalise/text.ts';

/**
 * Cost categories of budget lines, scored over the line's words in bokmål and nynorsk.
 *
 * Every cue matches whole words, never letters inside another word ("bygg" is not in
 * "innbyggerne", "kr" is not in "beskrivelse"). Norwegian compounds put the head noun last, so a
 * cue may also match as the head of a compound ("*utstyr": datautstyr, kontorutstyr) or, where
 * it names the cost itself, as its first part ("lønn*": lønnskostnader; "bygg*": byggeprosjekt).
 * Within one word the head decides: "aktivitetsutstyr" is equipment, not an activity.
 */

/** Cue strengths: what a word says about a line's category. */
const STRONG = 3; // names the category or an unambiguous cost of it
const MEDIUM = 2; // usually that category
const WEAK = 1; // a hint, outweighed by any stronger cue
/** A word that names a whole category ("drift"): a specific cost beside it says more. */
const UMBRELLA = 2.5;

/** Inflection endings a cue's stem may take (bokmål and nynorsk nouns and participles). */
const INFL = '(?:e|a|en|et|er|ar|r|ne|rne|ene|ane|ende|ande|s)?';

type Kind = 'word' | 'head' | 'modifier';

interface WordCue {
  category: BudgetCategory;
  weight: number;
  /** The cue as written in the lexicon: each counts once per line. */
  cue: string;
  /** Matchers on one lowercased word, each saying how the cue stands in it. */
  tests: Array<{ kind: Kind; re: RegExp }>;
}

interface PhraseCue {
  category: BudgetCategory;
  weight: number;
  cue: string;
  re: RegExp;
}

/**
 * A word cue. `stem` is a regex fragment; a leading `*` lets it end a compound (head), a trailing
 * `*` lets it start one (modifier), and a trailing `$` turns off the inflection endings.
 */
function word(category: BudgetCategory, weight: number, spec: string): WordCue {
  const head = spec.startsWith('*');
  const modifier = spec.endsWith('*');
  let stem = spec.replace(/^\*/, '').replace(/\*$/, '');
  const fixed = stem.endsWith('$');
  if (fixed) stem = stem.slice(0, -1);
  const tail = fixed ? '' : INFL;
  const tests: WordCue['tests'] = [{ kind: 'word', re: new RegExp(`^(?:${stem})${tail}$`, 'u') }];
  if (head) tests.push({ kind: 'head', re: new RegExp(`^\\p{L}{2,}(?:${stem})${tail}$`, 'u') });
  if (modifier) tests.push({ kind: 'modifier', re: new RegExp(`^(?:${stem})\\p{L}{2,}$`, 'u') });
  return { category, weight, cue: spec, tests };
}

/** Several word cues of one category and weight. */
const words = (category: BudgetCategory, weight: number, ...specs: string[]) =>
  specs.map((s) => word(category, weight, s));

/** A cue of several words, matched on the line's text at word boundaries. */
const phrase = (category: BudgetCategory, weight: number, src: string): PhraseCue => ({
  category,
  weight,
  cue: src,
  re: new RegExp(`(?<!\\p{L})(?:${src})(?!\\p{L})`, 'u'),
});

const WORD_CUES: WordCue[] = [
  // Salaries. Several schemes fund "lønn til stillinger" only.
  ...words('lønn', STRONG, '*lønn*', '*løn*', '*(?<!ut|fram|frem|fore|inn|opp)stilling*', '*årsverk*'),
  ...words('lønn', STRONG, 'arbeidsgiveravgift*', 'arbeidsgjevaravgift*', 'aga$', '*pensjon*', 'feriepeng*'),
  ...words('lønn', STRONG, '*personal*', '*bemanning*', 'frikjøp*', 'vikar*', 'overtid*'),
  // People on the payroll: a line naming them is usually their salary.
  ...words('lønn', MEDIUM, '*koordinator', '*terapeut', '*arbeider', '*arbeidar', '*pleier', '*pleiar'),
  ...words('lønn', MEDIUM, '*psykolog', '*psykiater', '*lege', '*konsulent', '*rådgiver', '*rådgjevar'),
  ...words('lønn', MEDIUM, '*veileder', '*rettleiar', '*leder', '*leiar', '*sosionom', '*pedagog'),
  ...words('lønn', MEDIUM, '*medarbeider', '*medarbeidar', '*spesialist', '*assistent', '*fagperson'),
  ...words('lønn', MEDIUM, '*helsesøster', '*sekretær'),
  ...words('lønn', WEAK, 'ansatt', 'tilsett', 'team'),

  // Running costs: rent, travel, courses, activities, materials, services. Stems that end in -e
  // drop it, so nynorsk plurals match too (brosjyrar, konferansar).
  ...words('drift', UMBRELLA, 'drift*'),
  ...words('drift', STRONG, '*leie*', '*leige*', '*reise*', '*(?<!kon|dis)kurs*', '*opplæring*'),
  ...words('drift', STRONG, '*kompetans*', '*transport*', '*skyss*', '*kjøring', '*køyring', 'leasing*'),
  ...words('drift', STRONG, 'leiebil', 'leigebil', 'leasingbil', 'konsulenttjenest*', 'tjenestekjøp*'),
  ...words('drift', STRONG, 'tenestekjøp*', '*rekvisita', '*forbruksmateriell', '*vedlikehold*'),
  ...words('drift', STRONG, '*vedlikehald*'),
  ...words('drift', MEDIUM, '*veiledning*', '*rettleiing*', '*aktivitet*', '*materiell*', '*brosjyr*'),
  ...words('drift', MEDIUM, 'informasjon*', '*informasjon', '*trykking', 'trykksak*', '*samling*'),
  ...words('drift', MEDIUM, '*fagdag*', '*konferans*', '*seminar*', '*evaluering*', '*bevertning*'),
  ...words('drift', MEDIUM, '*servering*', '*måltid*', '*lisens*', 'programvar*', '*abonnement*'),
  ...words('drift', MEDIUM, '*strøm', '*straum', '*renhold*', '*reinhald*', '*forsikring*', 'telefoni*'),
  ...words('drift', MEDIUM, 'internett*', '*porto', '*tolk*', 'annons*', '*annonsering', '*markedsføring'),
  ...words('drift', MEDIUM, '*utdanning*', 'studie*', '*implementering*', '*godtgjørelse', '*godtgjersle'),
  ...words('drift', MEDIUM, '*grupp*', 'mat', 'lokaleleie*'),
  ...words('drift', WEAK, '*møte*', '*måling*', '*film', '*lokale*'),

  // Investments: buildings, rebuilding, vehicles. "Bygg" only as a word, a building's compound or
  // the start of one ("byggeprosjekt"), never inside "innbygger".
  ...words('investering', STRONG, '*investering*', 'invester*', '*(?<!mo|sta|la)bil', '*kjøretøy*'),
  ...words('investering', STRONG, '*køyretøy*', 'oppussing*', '*renovering*', 'påkostning*', 'anleggsmidl*'),
  ...words(
    'investering',
    STRONG,
    'boligkjøp*',
    'bygg$',
    'bygget$',
    'bygga$',
    'byggene$',
    'bygge(?!r)\\p{L}{2,}$',
  ),
  ...words(
    'investering',
    STRONG,
    '(?:ny|til|på|om|ut|hoved|kontor|modul)bygg(?:et|ing|inga|ingen|ingar|inger)?$',
  ),
  ...words('investering', STRONG, '*bygning', 'bygnings*', 'ombygging*', 'utbygging*'),
  ...words('investering', MEDIUM, 'minibuss', '*eiendom*', '*eigedom*', 'tomt', 'opparbeid*', 'brakk*'),

  // Furnishing and equipment.
  ...words(
    'inventar',
    STRONG,
    '*inventar*',
    '*møb(?:el|ler|lar|lene|lane|elet)$',
    'møblering*',
    'møblement*',
  ),
  ...words('inventar', STRONG, '*utstyr*', 'pc$', 'pcer$', 'laptop*', '*datamaskin', 'nettbrett*'),
  ...words('inventar', STRONG, 'ipad*', '*mobiltelefon', 'smarttelefon*', 'hvitevar*', 'kvitevar*'),
  ...words('inventar', STRONG, 'innredning*', 'innreiing*', 'kjøleskap*', '*vaskemaskin', '*komfyr'),
  ...words('inventar', MEDIUM, 'bærbar', 'mobil', '*skjerm', 'printer*', 'skrivar', '*projektor'),
  ...words('inventar', MEDIUM, '*sofa', '*stol', '*bord', 'hylle'),
  ...words('inventar', WEAK, 'innkjøp', 'kjøp'),

  // Administration and overhead.
  ...words('administrasjon', STRONG, '*administrasjon*', 'administrativ*', 'adm$', 'overhead*'),
  ...words('administrasjon', STRONG, 'kontorhold*', 'kontorhald*', 'lønnskjøring*', 'lønskøyring*'),
  ...words('administrasjon', MEDIUM, '*regnskapsføring', '*rekneskapsføring', 'felleskostnad*'),
  ...words('administrasjon', MEDIUM, 'fellesutgift*', 'fellestjenest*', 'fellestenest*', 'revisjon*'),
  ...words('administrasjon', MEDIUM, '*revisor*'),

  // Lines that say they are of no particular kind. A contingency is one whatever it gives as an
  // example ("Uforutsette utgifter – ekstern evaluering"); "diverse" yields to a named cost.
  ...words('annet', STRONG, 'uforutsett*', 'uføresett*'),
  ...words('annet', MEDIUM, 'diverse', 'reserv*', 'buffer'),
  ...words('annet', WEAK, 'annet', 'anna'),
  // A fee is not the salary of a position ("Honorar erfaringskonsulenter", "honorar til brukarrepresentantar").
  ...words('annet', UMBRELLA, '*honorar*'),
];

const PHRASE_CUES: PhraseCue[] = [
  phrase('lønn', STRONG, 'sos(?:iale)?\\.? ?(?:kostnader|kostnadar|utgifter|utgiftar|utg\\.?|kost\\.?)'),
  phrase('lønn', STRONG, 'daglig leder|dagleg leiar'),
  // Renting or running a car is a running cost; buying one is an investment.
  phrase(
    'drift',
    STRONG + 1,
    '(?:leie|leige|leasing|drift) av (?:bil|bilen|biler|bilar|kjøretøy|køyretøy|buss|minibuss)',
  ),
  phrase('drift', STRONG, '(?:kjøp|innkjøp) av (?:tjenester|tenester)'),
  // Building work on premises is an investment, whatever the line's label says.
  phrase(
    'investering',
    STRONG + 1,
    '(?:rehabilitering|oppgradering|utbedring|istandsetting|ombygging|oppussing|renovering|utbygging) av (?:lokal|bygg|bolig)\\p{L}*',
  ),
  phrase('investering', STRONG, 'kjøp av (?:bolig|leilighet|husvære|hus|eiendom)\\p{L}*'),
  phrase('administrasjon', STRONG, 'indirekte (?:kostnader|kostnadar|utgifter|utgiftar)'),
  phrase('annet', WEAK, '(?:andre|anna|øvrige|diverse) (?:kostnader|kostnadar|utgifter|utgiftar)'),
];

export interface CategoryDecision {
  category: BudgetCategory;
  /** The winning category's score; 0 when no cue matched. */
  score: number;
  /** The words and phrases that matched, by category. */
  cues: Partial<Record<BudgetCategory, string[]>>;
}

const KIND_RANK: Record<Kind, number> = { word: 2, head: 2, modifier: 1 };

/**
 * Scores a budget line's text (its label, and its description when the table has one) for each
 * category and returns the best. Each cue counts once. Within a word, a whole-word or head match
 * beats a modifier, and the longer cue beats the shorter ("leiebil" over "bil"). Ties go to the
 * category named first, as the head of a Norwegian phrase comes first ("leie av bil").
 */
export function categoriseCost(text: string): CategoryDecision {
  const folded = foldForMatch(text);
  const scores = new Map<BudgetCategory, { score: number; first: number; keys: string[]; cues: string[] }>();
  const add = (category: BudgetCategory, weight: number, at: number, cue: string, text: string) => {
    const s = scores.get(category) ?? { score: 0, first: at, keys: [], cues: [] };
    if (s.keys.includes(cue)) return;
    s.score += weight;
    s.first = Math.min(s.first, at);
    s.keys.push(cue);
    s.cues.push(text);
    scores.set(category, s);
  };

  for (const m of folded.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    let best: { cue: WordCue; rank: number; length: number }[] = [];
    for (const cue of WORD_CUES) {
      const hit = cue.tests.find((t) => t.re.test(w));
      if (!hit) continue;
      const rank = KIND_RANK[hit.kind];
      // How much of the word the cue accounts for: the more specific cue wins within a word.
      const length = hit.kind === 'head' ? stemLength(cue, w) : w.length;
      if (best.length === 0 || rank > best[0]!.rank || (rank === best[0]!.rank && length > best[0]!.length))
        best = [{ cue, rank, length }];
      else if (rank === best[0]!.rank && length === best[0]!.length) best.push({ cue, rank, length });
    }
    // Two cues of one category in one word ("stillingsressurs") count once.
    const seen = new Set<BudgetCategory>();
    for (const b of best) {
      if (seen.has(b.cue.category)) continue;
      seen.add(b.cue.category);
      add(b.cue.category, b.cue.weight, m.index, b.cue.cue, w);
    }
  }
  for (const p of PHRASE_CUES) {
    const m = p.re.exec(folded);
    if (m) add(p.category, p.weight, m.index, p.cue, m[0]);
  }

  let winner: { category: BudgetCategory; score: number; first: number } | null = null;
  for (const [category, s] of scores) {
    if (!winner || s.score > winner.score || (s.score === winner.score && s.first < winner.first))
      winner = { category, score: s.score, first: s.first };
  }
  const cues: CategoryDecision['cues'] = {};
  for (const [category, s] of scores) cues[category] = s.cues;
  return winner
    ? { category: winner.category, score: winner.score, cues }
    : { category: 'annet', score: 0, cues };
}

/** How many letters at the end of a word a head cue covers: the stem as written, without `*`. */
function stemLength(cue: WordCue, w: string): number {
  for (let start = 2; start < w.length; start++) {
    if (cue.tests[0]!.re.test(w.slice(start))) return w.length - start;
  }
  return 0;
}

/**
 * The budget category of a cost line ("Lønn miljøterapeut 100 %" → lønn). A table's description
 * column, when it has one, is read with the label.
 */
export function budgetCategory(label: string, description?: string): BudgetCategory {
  return categoriseCost(description ? `${label} – ${description}` : label).category;
}

/** Word-start lookbehind: the keyword starts a word (compounds that it heads are listed apart). */
const W = '(?<!\\p{L})';

/** Lines that finance the budget rather than cost something: never budget lines. */
export const FINANCING = new RegExp(
  [
    `${W}(?:egen|eigen|eige)(?:finansiering|andel|del|innsats)`,
    `${W}(?:egne|eigne) (?:midler|midlar)`,
    `${W}kommunal(?:e)? (?:andel|midler|midlar|finansiering)`,
    `${W}(?:annen|anna) finansiering`,
    `${W}andre (?:inntekter|tilskudd|tilskot)`,
    `${W}\\p{L}*inntekt(?:er|ar|ene|ane)?(?!\\p{L})`,
    `${W}\\p{L}*finansiering`,
    `${W}(?:om)?søk`,
    `^(?:forbrukt|sum forbruk|forbruk|brukt|benyttet|nytta|regnskap|rekneskap)(?!\\p{L})`,
    `${W}(?:tilskudd|tilskot) (?:fra|frå)`,
    // The grant itself: "Tilsegn", "Tilskot i følgje tilskotsbrevet", "Tilskuddsbeløp".
    `${W}(?:tilsagn|tilsegn)`,
    `^(?:tilskudd|tilskot)(?:et)?(?: (?:i følge|i følgje|ifølge|iht|jf|etter|i alt|motteke|mottatt|innvilga|innvilget|tildelt)(?!\\p{L})|$)`,
    `^(?:tilskudds|tilskots)beløp`,
    `${W}(?:tildelt|innvilget|innvilga|mottatt|motteke|ubrukt|overført|tilbakebetal|mindreforbruk|merforbruk|meirforbruk|avvik|differanse)`,
    // What was spent in all: the report's total, not one more cost ("Faktisk brukt", "Nytta midlar").
    `^(?:faktisk|totalt?) (?:brukt|forbruk\\p{L}*|nytta|benyttet)(?!\\p{L})`,
    `^(?:benytta|benyttede?|brukte|forbrukte|nytta|medgåtte?) (?:midler|midlar)(?!\\p{L})`,
    // Funds not used: carried over or paid back ("Overføres til 2022", "Ikke benyttet").
    `${W}overfør`,
    `^(?:ikke|ikkje) (?:benyttet|benytta|brukt|nytta|forbrukt)(?!\\p{L})`,
    // Remaining funds carried over ("Restmidler fra 2023"), not "Restaurantbesøk".
    `^rest(?:midl\\p{L}*|beløp\\p{L}*|erende|ande)?(?!\\p{L})`,
  ].join('|'),
  'u',
);

/** A total or subtotal row. */
export const TOTAL =
  /^(?:\d+(?:[.)]\d+)*[.)]?\s+|\d+[.)])?(?:sum|summert|totalt?|total(?:sum|kostnad(?:er|ar)?|budsjett|beløp)|totale|samlet|samla|samlede|i alt|til sammen|til saman)(?!\p{L})/u;

/** A subtotal names a category ("Sum lønn"); a grand total does not ("Sum kostnader"). */
export function isSubtotal(label: string): boolean {
  const rest = label.toLowerCase().replace(TOTAL, '').trim();
  return (
    rest !== '' &&
    budgetCategory(rest) !== 'annet' &&
    !/(?<!\p{L})(?:kostnad|kostnader|kostnadar|utgift|utgifter|utgiftar|budsjett|budsjettet|prosjekt|prosjektet|tiltak|tiltaket|forbruk|forbrukt|totalt|alt)(?!\p{L})/u.test(
      rest,
    )
  );
}
