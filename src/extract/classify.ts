import type { DocumentType } from '../domain/record.ts';
import type { ReadDocument } from '../domain/document.ts';
import type { SourceDocument } from './source-text.ts';

type Scored = Exclude<DocumentType, 'unreadable' | 'other'>;

/** Keywords per type; title hits (the first lines, sheet names) count three times. */
const KEYWORDS: Record<Scored, Array<[RegExp, number]>> = {
  'cooperation-agreement': [
    [/samarbeidsavtale/, 6],
    [/avtale om samarbeid|intensjonsavtale|samarbeidsavtalen/, 5],
    [/avtalen (er inngått|gjelder|trer i kraft)|avtaleparter|partene/, 3],
    [/\bmellom\b.*\bog\b.*\b(hf|helseforetak|sykehus)/, 2],
    [/signert av begge parter|for helseforetaket|for kommunen/, 1],
  ],
  'financial-report': [
    [/økonomirapport|økonomisk rapport|regnskapsrapport|finansiell rapport/, 6],
    [/egenerklæring/, 5],
    [/regnskap(?!sår)/, 2],
    [/ubrukte midler|forbruk|forbrukt|mindreforbruk|merforbruk/, 2],
    [/revisor/, 1],
  ],
  report: [
    [
      /rapporteringsskjema|rapport (for|om bruk|på bruk)|sluttrapport|årsrapport|statusrapport|rapportering/,
      6,
    ],
    [/\brapport\b/, 3],
    [/måloppnåelse|resultater|erfaringer/, 1],
    [/tildelt (beløp|tilskudd)|innvilget (beløp|tilskudd)|mottatt tilskudd/, 2],
    [/brukt|forbrukt|ubrukte midler/, 1],
  ],
  application: [
    [/søknad om (tilskudd|midler|støtte)|søknadsskjema|søknad\b/, 6],
    [
      /søker (med dette|herved)? ?om|søknadsbeløp|omsøkt|det søkes|søkes om|beløp det søkes om|søkjer om|vert søkt/,
      6,
    ],
    [/søker\b|søknadsfrist/, 1],
  ],
};

const TITLE_LINES = 8;

function score(text: string, title: string, type: Scored): number {
  let total = 0;
  for (const [re, weight] of KEYWORDS[type]) {
    if (re.test(title)) total += weight * 3;
    if (re.test(text)) total += weight;
  }
  return total;
}

/** A spreadsheet that only lists budget posts belongs to its application as "other". */
function isBudgetOnly(text: string): boolean {
  return (
    /budsjett|kostnad|utgift|lønn|drift/.test(text) &&
    !/søknadsbeløp|søker\b|søkerkommune|organisasjonsnummer|org\.? ?nr/.test(text)
  );
}

/** The document type from content: keywords weighted by where they stand, never the file name. */
export function classifyDocument(read: ReadDocument, src: SourceDocument): DocumentType {
  if (read.failure) return 'unreadable';
  const lines = src.lines.map((l) => l.folded);
  const cells = src.sheets.flatMap((s) => [s.name.toLowerCase(), ...s.cells.map((c) => c.folded)]);
  const text = [...lines, ...cells].join('\n');
  if (text.trim() === '') return read.pagesNeedingOcr.length > 0 ? 'other' : 'unreadable';
  // The title: the first lines, and a heading like "Rapport på bruk av tilskudd" below a letterhead.
  const headings = lines
    .slice(TITLE_LINES, 25)
    .filter(
      (l) =>
        l.length < 90 &&
        !/\.$/.test(l) &&
        /^(søknad|rapport|sluttrapport|samarbeidsavtale|avtale|egenerklæring|økonomirapport|regnskap)/.test(
          l,
        ),
    );
  const title = [
    ...headings,
    ...lines.slice(0, TITLE_LINES),
    ...src.sheets.map((s) => s.name.toLowerCase()),
    ...cells.slice(0, 6),
  ].join('\n');

  // A covering e-mail or letter that only sends the real documents along.
  if (/^(fra|emne|subject|from):/m.test(text) || /oversendelse av|vedlagt (oversendes|følger)/.test(title)) {
    if (!/søknadsbeløp|omsøkt|tildelt beløp|org\.? ?nr|organisasjonsnummer/.test(text)) return 'other';
  }
  const scores = (Object.keys(KEYWORDS) as Scored[]).map((type) => ({
    type,
    score: score(text, title, type),
  }));
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0]!;
  if (best.score < 6) return 'other';
  // Reports are forms, financial reports are sheets: a spreadsheet report is a financial report.
  if (best.type === 'report' && read.format === 'xlsx') return 'financial-report';
  if (best.type === 'application' && read.format === 'xlsx' && isBudgetOnly(text)) return 'other';
  return best.type;
}
