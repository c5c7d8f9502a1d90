/**
 * Candidates for the year applied for or reported on, from the sources other than a labelled
 * value: the title or heading, the grant or reporting period, running text, and the sending date
 * against the scheme's deadlines. The chooser weighs them by the registry's trust in each.
 */
import type { Extracted } from '../domain/evidence.ts';
import { FIELDS } from '../domain/fields.ts';
import type { SubmissionKind } from '../domain/record.ts';
import { findDates } from '../normalise/dates.ts';
import { findMoney } from '../normalise/money.ts';
import type { Scheme } from '../schemes/scheme-schema.ts';
import { candidate, type Candidate, type DocRole } from './candidates.ts';
import type { LabelPair } from './label-pairs.ts';
import type { Sentence } from './sentences.ts';
import type { SourceDocument, SourceLine } from './source-text.ts';

const spec = FIELDS.year;
/** A year standing alone: not in a case number ("2024-21110", "23/170") nor a range ("2024–2027"). */
const YEAR = /(?<![\d.,]|\d\s?[-–/]\s?)(19[89]\d|20\d\d)(?![\d.,]\d|\s?[-–/]\s?\d)/g;

/** Words that make a line a document title (bokmål and nynorsk). */
const TITLE_WORDS =
  /(?<!\p{L})(?:søknad|søknaden|rapport|rapportering|rapporteringsskjema|sluttrapport|årsrapport|økonomirapport|egenerklæring|eigenerklæring|regnskap|rekneskap|tilskudd|tilskot|statstilskudd|statstilskot)/iu;
/** A line that starts a title: the document's first lines, or one of these words below a letterhead. */
const TITLE_START =
  /^(?:søknad|rapport|rapportering|sluttrapport|årsrapport|økonomirapport|egenerklæring|eigenerklæring|regnskap|rekneskap|tilskudd|tilskot|statstilskudd)/iu;

const isBodyLine = (l: SourceLine) =>
  l.text.includes('\t') || /^[^:]{1,40}:\s/.test(l.text) || l.text.length > 110;

/**
 * The document's title blocks: a heading line and the short lines that carry it on (a title that
 * wraps), never merged with body text, with labelled parts ("Innsendt: …") and dates taken out.
 */
export function titleBlocks(doc: SourceDocument): Array<{ text: string; line: SourceLine }> {
  const page1 = doc.lines.filter((l) => l.page === 1).slice(0, 30);
  const out: Array<{ text: string; line: SourceLine }> = [];
  for (let i = 0; i < page1.length; i++) {
    const line = page1[i]!;
    const head = line.text.split('\t')[0]!;
    if (!(TITLE_START.test(head) || (i < 8 && TITLE_WORDS.test(head)))) continue;
    // A form field ("Søknadsbeløp 2026: kr 800 000") is no title, whatever word it starts with.
    if (/^[^:]{1,60}:\s*\S/.test(head) && !/^(?:søknad|rapport)\p{L}*\s*:\s*\p{L}/iu.test(head)) continue;
    if (findMoney(head).length > 0) continue;
    if (head.length > 110 || /[.!?]$/.test(head)) continue;
    let text = head;
    // A title that wraps: the next short lines without a label, while the title has no year yet
    // and either the line reads on ("… for" / "2025"), or a year closes the block within two lines.
    for (let j = i + 1; j < page1.length && j <= i + 3; j++) {
      const next = page1[j]!;
      const fragment = (l: SourceLine) => !isBodyLine(l) && l.text.length <= 80 && !/[.!?]$/.test(l.text);
      if (!fragment(next) || /[.:!?]$/.test(text) || oneYear(text) !== null) break;
      const readsOn =
        /^[\p{Ll}\d(–-]|^(?:for|til|i|og|med)\s/u.test(next.text) ||
        /(?:for|til|i|og|om|med|–|-)$/iu.test(text);
      const ahead = page1.slice(j, i + 4);
      const withYear = ahead.findIndex((l) => oneYear(l.text) !== null);
      const yearAhead = withYear >= 0 && ahead.slice(0, withYear + 1).every(fragment);
      if (!readsOn && !yearAhead) break;
      text = `${text} ${next.text}`;
      i = j;
    }
    out.push({ text, line });
  }
  return out;
}

/** Text with its dates, deadline phrases and labelled parts taken out, so a year left is the title's own. */
function withoutDates(text: string): string {
  let t = text
    .replace(/(?:innsendt|sendt|dato|frist|søknadsfrist|mottatt|levert)\s*:?.*$/iu, '')
    .replace(
      /(?:referanse\p{L}*|ref\.?|saksnr\.?|saksnummer|arkivsak\p{L}*|journalpost\p{L}*)\s*:?\s*[\w/.-]+/giu,
      '',
    )
    // "Kommunalt rusarbeid – ny innretning fra 2022": a year something started, not the title's.
    .replace(
      /(?<!\p{L})(?:fra|frå|f\.o\.m\.?|siden|sidan|etter|før|innført)\s+(?:og med\s+)?(?:19|20)\d\d/giu,
      ' ',
    );
  for (const d of findDates(t).reverse()) t = t.slice(0, d.start) + ' ' + t.slice(d.end);
  return t;
}

/** The one year a text names, or null (none, or several: "2024–2027" is a period, not a year). */
function oneYear(text: string): number | null {
  const years = [...new Set([...text.matchAll(YEAR)].map((m) => Number(m[1])))];
  return years.length === 1 ? years[0]! : null;
}

export function yearFromTitles(docs: SourceDocument[], role: DocRole): Candidate<number>[] {
  const out: Candidate<number>[] = [];
  for (const doc of docs) {
    const titles = [
      ...titleBlocks(doc).map((t) => ({
        text: t.text,
        evidence: { path: t.line.path, page: t.line.page, text: t.text },
        confidence: t.line.confidence,
      })),
      // A workbook's title rows ("Økonomirapport 2022") serve as its title.
      ...doc.sheets.flatMap((sh) =>
        sh.cells
          .filter((c) => c.row <= 3 && typeof c.value === 'string' && TITLE_WORDS.test(c.text))
          .map((c) => ({
            text: c.text,
            evidence: { path: c.path, page: null, sheet: sh.name, cell: c.ref, text: c.text },
            confidence: null,
          })),
      ),
    ];
    for (const t of titles) {
      if (!TITLE_WORDS.test(t.text)) continue;
      const year = oneYear(withoutDates(t.text));
      if (year === null) continue;
      const c = candidate(spec, 'title', role, {
        value: year,
        evidence: t.evidence,
        confidence: t.confidence,
      });
      if (c) out.push(c);
    }
  }
  return out;
}

const PERIOD_LABEL =
  /(?<!\p{L})(?:(?:tiltaks|prosjekt|tilskudds|tilskots|rapporterings|drifts|budsjett|regnskaps|rekneskaps)?periode(?:n)?|tidsrom(?:met)?|gjeld(?:er)? (?:for )?perioden)(?!\p{L})/iu;

/** The year of a grant or reporting period that lies within one calendar year. */
export function yearFromPeriods(
  pairs: LabelPair[],
  sentences: Sentence[],
  role: DocRole,
): Candidate<number>[] {
  const out: Candidate<number>[] = [];
  const push = (text: string, found: Omit<Extracted<number>, 'value'>) => {
    const dates = findDates(text);
    const years = new Set(dates.map((d) => Number(d.date.slice(0, 4))));
    const year =
      dates.length >= 2 && years.size === 1 ? [...years][0]! : dates.length === 0 ? oneYear(text) : null;
    if (year === null) return;
    const c = candidate(spec, 'period', role, { value: year, ...found });
    if (c) out.push(c);
  };
  for (const p of pairs) {
    if (!PERIOD_LABEL.test(p.folded) || /frist/i.test(p.folded)) continue;
    push(p.raw, { evidence: p.evidence, confidence: p.confidence });
  }
  for (const s of sentences) {
    const m = /(?<!\p{L})(?:i|for|gjeld(?:er)?) (?:tids)?perioden\s+(.{0,40})/iu.exec(s.text);
    if (m) push(m[1]!, { evidence: s.evidence, confidence: s.confidence });
  }
  return out;
}

/** Past-tense or earlier mentions: "fikk tilskudd i 2021", "i fjor", "tidligere år" are not the year applied for. */
const PAST =
  /(?<!\p{L})(?:fikk|fekk|mottok|mottatt|motteke|tildelt|tildelte|innvilget|innvilga|bevilget|hadde|var|vart|ble|blei|siden|sidan|tidligere|tidlegare|i fjor|forrige|førre|etablert|startet|starta|oppstart)(?!\p{L})/iu;

/** The year applied for or reported on, from phrases like "for 2025", "tilskuddsåret 2024". */
export function yearFromSentences(
  sentences: Sentence[],
  kind: SubmissionKind,
  role: DocRole,
): Candidate<number>[] {
  const patterns =
    kind === 'report'
      ? [
          /(?<!\p{L})(?:rapport(?:ering)?|regnskap|rekneskap|økonomirapport|forbruk)(?!\p{L}).{0,200}?(?<!\p{L})(?:for|i)\s+(?:tilskudds|tilskots)?(?:år(?:et)?\s+)?(20\d\d)\b/iu,
          /(?<!\p{L})(?:tilskudds?|tilskots?)året\s+(20\d\d)\b/iu,
          /(?<!\p{L})(?:tildelt|mottatt|mottok|motteke|innvilget|innvilga|fikk|fekk)(?!\p{L}).{0,200}?(?<!\p{L})(?:for|i)\s+(20\d\d)\b/iu,
          /(?<!\p{L})(?:brukt|benyttet|forbrukt|nytta)(?!\p{L}).{0,80}?(?<!\p{L})i\s+(20\d\d)\b/iu,
        ]
      : [
          /(?<!\p{L})(?:søknad|søknaden|søker|søkjer|søkes|søkjast|søkt|tilskudd|tilskot)(?!\p{L}).{0,200}?(?<!\p{L})(?:for|i|til)\s+(?:tilskudds|tilskots)?(?:år(?:et)?\s+)?(20\d\d)\b/iu,
          /(?<!\p{L})(?:tilskudds?|tilskots?)året\s+(20\d\d)\b/iu,
          /(?<!\p{L})(?:for|i)\s+(?:budsjett)?året\s+(20\d\d)\b/iu,
        ];
  const out: Candidate<number>[] = [];
  for (const re of patterns) {
    for (const s of sentences) {
      const m = re.exec(s.text);
      if (!m) continue;
      // The words just before the year decide whether it is an earlier one.
      if (kind === 'application' && PAST.test(s.text.slice(Math.max(0, m.index - 40), m.index + m[0].length)))
        continue;
      const c = candidate(spec, 'sentence', role, {
        value: Number(m[1]),
        evidence: s.evidence,
        confidence: s.confidence,
      });
      if (c) out.push(c);
    }
  }
  return out;
}

/**
 * The scheme year the sending date belongs to: for an application, the year whose deadline is the
 * first on or after the date (within a year); for a report, the year whose report falls due first
 * on or after it.
 */
export function yearFromDeadlines(
  sent: Extracted<string> | null,
  scheme: Scheme | null,
  kind: SubmissionKind | null,
): Candidate<number> | null {
  if (!sent || !scheme || !kind) return null;
  const date = sent.value.slice(0, 10);
  const deadlines = scheme.years
    .map((y) => ({
      year: y.year,
      deadline:
        kind === 'application'
          ? y.applicationDeadline
          : (y.reportDeadline ??
            (scheme.reportDeadlineFollowingYear
              ? `${y.year + 1}-${scheme.reportDeadlineFollowingYear.monthDay}`
              : undefined)),
    }))
    .filter((d): d is { year: number; deadline: string } => !!d.deadline)
    .map((d) => ({ ...d, deadline: d.deadline.slice(0, 10) }))
    .filter((d) => d.deadline >= date && daysBetween(date, d.deadline) <= 366)
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
  const first = deadlines[0];
  if (!first) return null;
  return candidate(spec, 'deadline', 'main', {
    value: first.year,
    evidence: sent.evidence,
    confidence: sent.confidence,
  });
}

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
