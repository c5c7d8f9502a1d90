import type { DocumentType } from '../domain/record.ts';
import type { ReadDocument } from '../domain/document.ts';
import { findMoney } from '../normalise/money.ts';
import type { SourceDocument } from './source-text.ts';

type Scored = Exclude<DocumentType, 'unreadable' | 'other'>;

/**
 * Keywords matched from a word's start, so "rapport" is not found in "økonomirapport" nor
 * "søker" in "innsøker"; an alternative ending in `$` must end its word too. JS `\b` does not
 * know æ, ø and å, hence the lookarounds.
 */
function kw(...alternatives: string[]): RegExp {
  const parts = alternatives.map((a) =>
    a.endsWith('$') ? `(?<!\\p{L})(?:${a.slice(0, -1)})(?!\\p{L})` : `(?<!\\p{L})(?:${a})`,
  );
  return new RegExp(parts.join('|'), 'u');
}

/** Keywords per type, bokmål and nynorsk; title hits (the first lines, sheet names) count three times. */
const KEYWORDS: Record<Scored, Array<[RegExp, number]>> = {
  'cooperation-agreement': [
    [kw('samarbeidsavtale'), 6],
    [kw('avtale om samarbeid', 'intensjonsavtale', 'samarbeidsavtal(?:en|a)$'), 5],
    [
      kw(
        'avtalen (?:er inngått|gjelder|trer i kraft)',
        'avtala (?:er inngått|gjeld|trer i kraft|tek til å gjelde)',
        'avtaleparter',
        'avtalepartar',
        'partene$',
        'partane$',
      ),
      3,
    ],
    [
      /(?<!\p{L})mellom(?!\p{L}).*(?<!\p{L})og(?!\p{L}).*(?<!\p{L})(?:hf|helseforetak|helseføretak|sykehus|sjukehus)/u,
      2,
    ],
    [
      kw(
        'signert av begge parter',
        'signert av begge partar',
        'for helseforetaket',
        'for helseføretaket',
        'for kommunen$',
      ),
      1,
    ],
  ],
  'financial-report': [
    [
      kw(
        'økonomirapport',
        'økonomisk rapport',
        'regnskapsrapport',
        'rekneskapsrapport',
        'finansiell rapport',
      ),
      6,
    ],
    [kw('egenerklæring', 'eigenerklæring'), 5],
    [kw('regnskap(?!s?år)', 'rekneskap(?!s?år)'), 2],
    [kw('ubrukte midler', 'ubrukte midlar', 'forbruk', 'mindreforbruk', 'merforbruk', 'meirforbruk'), 2],
    [kw('revisor'), 1],
  ],
  report: [
    [
      kw(
        'rapporteringsskjema',
        'rapport (?:for|om bruk|på bruk)',
        'sluttrapport',
        'årsrapport',
        'statusrapport',
        'prosjektrapport',
        'fremdriftsrapport',
        'framdriftsrapport',
        'midtveisrapport',
        'rapportering',
      ),
      6,
    ],
    [kw('rapport$', 'rapporten$'), 3],
    [kw('måloppnåelse', 'måloppnåing', 'resultat(?:er|ar|ene|a|ane)$', 'erfaring(?:er|ar|ene|ane)$'), 1],
    [
      kw(
        'tildelt (?:beløp|tilskudd|tilskot)',
        'innvilget (?:beløp|tilskudd)',
        'innvilga (?:beløp|tilskot)',
        'mottatt (?:tilskudd|tilskot)',
        'motteke tilskot',
      ),
      2,
    ],
    [kw('brukt$', 'forbrukt$', 'nytta$', 'ubrukte midler', 'ubrukte midlar'), 1],
  ],
  application: [
    // "Tilskuddssøknad 2025" is an application too: the head of a compound decides.
    [kw('søknad om (?:tilskudd|tilskot|midler|midlar|støtte|stønad)', 'søknadsskjema', '\\p{L}*søknad$'), 6],
    [
      kw(
        'søker (?:(?:med dette|herved) )?om$',
        'søkjer (?:(?:med dette|herved) )?om$',
        'søknadsbeløp',
        'søknadssum',
        'omsøkt',
        'det søkes',
        'søkes om$',
        'beløp det søkes om',
        'vert søkt',
        'blir søkt om$',
      ),
      6,
    ],
    [kw('søker$', 'søkjar$', 'søkjer$', 'søknadsfrist'), 1],
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
    kw('budsjett', 'kostnad', 'utgift', 'lønn', 'løn$', 'drift').test(text) &&
    !kw('søknadsbeløp', 'søker$', 'søkjar$', 'søkerkommune', 'organisasjonsnummer', 'org\\.? ?nr').test(text)
  );
}

/** E-mail header fields, bokmål, nynorsk and English, as mail clients print them. */
const MAIL_FIELD = /^(fra|frå|from|sendt|send|sent|dato|date|til|to|kopi|cc|emne|subject)\s*:/u;
const MAIL_FIELD_KIND: Record<string, 'from' | 'sent' | 'to' | 'subject' | 'other'> = {
  fra: 'from',
  frå: 'from',
  from: 'from',
  sendt: 'sent',
  send: 'sent',
  sent: 'sent',
  dato: 'sent',
  date: 'sent',
  til: 'to',
  to: 'to',
  emne: 'subject',
  subject: 'subject',
};

/**
 * The body of an e-mail: the lines after its header ("Fra:", "Sendt:", "Til:", "Emne:") at the
 * top of the document; null when the document does not start as an e-mail.
 */
function mailBody(lines: string[]): string[] | null {
  const kinds = new Set<string>();
  let last = -1;
  for (let i = 0; i < Math.min(lines.length, 12); i++) {
    const m = MAIL_FIELD.exec(lines[i]!);
    if (!m) continue;
    kinds.add(MAIL_FIELD_KIND[m[1]!] ?? 'other');
    last = i;
  }
  const isMail = kinds.has('from') && (kinds.has('subject') || (kinds.has('sent') && kinds.has('to')));
  return isMail ? lines.slice(last + 1) : null;
}

/** Asks for money in its own words ("Kommunen søkjer om kr 500 000"), not only names an application. */
const REQUESTS = kw(
  'søker (?:(?:med dette|herved|også) )?om$',
  'søkjer (?:(?:med dette|herved|også) )?om$',
  'søknadsbeløp',
  'søknadssum',
  'omsøkt beløp',
  'beløp det søkes om',
  'det søkes om',
  'det vert søkt om',
  'vert søkt om',
);
const GRANTED = kw('tildelt', 'innvilget', 'innvilga', 'mottatt', 'motteke');
const SPENT = kw('forbruk', 'brukt$', 'nytta$', 'ubrukt');

/**
 * Whether a text is a submission in itself rather than a cover for one: it asks for an amount, or
 * reports an amount granted and spent. A cover ("Vedlagt oversendes søknad fra Molde kommune")
 * names the application without either.
 */
function hasSubstance(text: string): boolean {
  if (findMoney(text).length === 0) return false;
  return REQUESTS.test(text) || (GRANTED.test(text) && SPENT.test(text));
}

/** A covering letter's opening: it only sends the real documents along. */
const COVER = kw(
  'oversendelse av',
  'oversending av',
  'vedlagt (?:oversendes|følger|følgjer)',
  'vedlagd (?:følgjer|vert)',
  'vedlagt er',
);

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
        /^(?:søknad|rapport|sluttrapport|samarbeidsavtale|avtale|egenerklæring|eigenerklæring|økonomirapport|regnskap|rekneskap)/u.test(
          l,
        ),
    );
  const title = [
    ...headings,
    ...lines.slice(0, TITLE_LINES),
    ...src.sheets.map((s) => s.name.toLowerCase()),
    ...cells.slice(0, 6),
  ].join('\n');

  // An e-mail is a cover for its attachments unless its body is the application or report itself;
  // so is a covering letter ("Oversendelse av søknad …").
  const body = mailBody(lines);
  if (body !== null && !hasSubstance(body.join('\n'))) return 'other';
  if (body === null && COVER.test(title) && !hasSubstance(text)) return 'other';

  const scores = (Object.keys(KEYWORDS) as Scored[]).map((type) => ({
    type,
    score: score(text, title, type),
  }));
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0]!;
  if (best.score < 6) return 'other';
  // Reports are forms, financial reports are sheets: a spreadsheet report is a financial report.
  if (best.type === 'report' && read.method === 'spreadsheet') return 'financial-report';
  if (best.type === 'application' && read.method === 'spreadsheet' && isBudgetOnly(text)) return 'other';
  return best.type;
}
