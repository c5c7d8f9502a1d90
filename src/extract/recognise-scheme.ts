import type { Evidence } from '../domain/evidence.ts';
import type { Scheme } from '../schemes/scheme-schema.ts';
import type { SourceDocument } from './source-text.ts';

export interface SchemeMatch {
  scheme: Scheme;
  score: number;
  evidence: Evidence;
}

/** A word boundary that knows æ, ø and å, which JS `\b` takes for non-letters. */
const BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))`;

/**
 * An alias as a regex that matches from a word's start ("rusarbeid" is not found in
 * "ungdomsrusarbeid", but "overgangsordning" is in "overgangsordninga"), with each `\b` in the
 * pattern made Unicode-aware.
 */
export function aliasRegExp(pattern: string): RegExp {
  const source = pattern.replace(/(?<!\\)((?:\\\\)*)\\b/g, `$1${BOUNDARY}`);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})`, 'iu');
}

/**
 * The pattern with its lookarounds taken out: it matches wherever the pattern does (lookarounds
 * only narrow a match), and, starting with a letter instead of a Unicode lookbehind, it is found
 * by a fast scan. Null when what is left does not compile (a quantified lookaround, say).
 */
export function withoutLookarounds(source: string): RegExp | null {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const lookaround = /^\(\?<?[=!]/.exec(source.slice(i, i + 4));
    if (!lookaround) {
      // An escape or a character class is copied whole, so its brackets are not taken as groups.
      const end = source[i] === '\\' ? i + 2 : source[i] === '[' ? classEnd(source, i) : i + 1;
      out += source.slice(i, end);
      i = end - 1;
      continue;
    }
    let depth = 0;
    for (; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === '[') i = classEnd(source, i) - 1;
      else if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) break;
    }
  }
  try {
    return new RegExp(out, 'iu');
  } catch {
    return null;
  }
}

/** The index just past the character class that opens at `start`. */
function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

const compiled = new WeakMap<
  Scheme,
  Array<{ re: RegExp; weight: number; anchored: boolean; quick: RegExp | null }>
>();
function aliases(scheme: Scheme) {
  let list = compiled.get(scheme);
  if (!list) {
    list = scheme.recognition.aliases.map((a) => {
      const re = aliasRegExp(a.pattern);
      return {
        re,
        quick: withoutLookarounds(re.source),
        weight: a.weight,
        // "^" or "$" (or a negated class, to be safe) would mean another thing in the joined text.
        anchored: /(?<!\\)[$^]/.test(a.pattern),
      };
    });
    compiled.set(scheme, list);
  }
  return list;
}

const MIN_SCORE = 6;
const TITLE_LINES = 10;

/** A text the aliases are tried on: a line with the next one of its page, or a sheet cell. */
interface AliasText {
  text: string;
  title: boolean;
  ev: Evidence;
}

/**
 * A document's texts for the aliases, and all of them joined: an alias found nowhere in the whole
 * is found in no text of it, so most aliases cost one search per document instead of one per line.
 */
function aliasTexts(doc: SourceDocument): { texts: AliasText[]; whole: string } {
  const texts: AliasText[] = [
    ...doc.lines.map((l, i) => {
      // A scheme's long name often wraps ("… voksne med behov for / langvarig oppfølging …").
      const next = doc.lines[i + 1];
      const joined = next && next.page === l.page ? `${l.folded} ${next.folded}` : l.folded;
      return { text: joined, title: i < TITLE_LINES, ev: { path: l.path, page: l.page, text: l.text } };
    }),
    ...doc.sheets.flatMap((s) =>
      s.cells.map((c) => ({
        text: c.folded,
        title: c.row <= 3,
        ev: { path: c.path, page: null, sheet: s.name, cell: c.ref, text: c.text },
      })),
    ),
  ];
  return { texts, whole: texts.map((t) => t.text).join('\n') };
}

/**
 * Scores every scheme by its aliases over the main documents' lines (title lines count
 * triple, each alias once per document) and returns the best, or null when none is
 * clearly named. Overgang beats the plain scheme when both match, since its name contains
 * the other's.
 */
export function recogniseScheme(docs: SourceDocument[], schemes: Scheme[]): SchemeMatch | null {
  const prepared = docs.map(aliasTexts);
  let best: SchemeMatch | null = null;
  for (const scheme of schemes) {
    let score = 0;
    let evidence: Evidence | null = null;
    let evidenceWeight = 0;
    for (const { texts, whole } of prepared) {
      for (const { re, weight, anchored, quick } of aliases(scheme)) {
        if (!anchored && !(quick ?? re).test(whole)) continue;
        const hit = texts.find((t) => t.title && re.test(t.text)) ?? texts.find((t) => re.test(t.text));
        if (!hit) continue;
        const w = hit.title ? weight * 3 : weight;
        score += w;
        if (w > evidenceWeight) {
          evidenceWeight = w;
          evidence = hit.ev;
        }
      }
    }
    if (evidence && score >= MIN_SCORE && (!best || score > best.score)) best = { scheme, score, evidence };
  }
  return best;
}
