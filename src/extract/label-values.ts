/**
 * Telling a label from a value: the exact labels of labels.ts and the registry's head nouns, the
 * checkboxes of forms, and labels a narrow table cell broke over two lines.
 */
import { FIELDS } from '../domain/fields.ts';
import { labelQuality, type LabelSpec } from './candidates.ts';
import { foldLabel, isLabelText } from './label-pairs.ts';
import { LABELS, type LabelledField } from './labels.ts';
import type { SourceLine } from './source-text.ts';

/**
 * The registry's fields whose head nouns mark a label. Not the priority: its values name the
 * measure ("Behandlingsforberedende tiltak") with the same nouns its labels use.
 */
const LABELLED_BY_HEADS: LabelSpec[] = Object.entries(FIELDS)
  .filter(([path, spec]) => path !== 'priority' && 'heads' in spec)
  .map(([, spec]) => spec as LabelSpec);

const LEAD = String.raw`^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+|[-•*–]\s*|[a-z][.)]\s+)?`;
const PAREN = String.raw`(?:\s+(?:i|for|til) (?:tiltaket|teamet|prosjektet|tilbudet))?(?:\s*\([^)]{0,40}\))?`;

/** Label regexes per field, compiled once: label at segment start, then a separator or a number. */
const compiled = new Map<LabelledField, RegExp[]>(
  (Object.keys(LABELS) as LabelledField[]).map((field) => [
    field,
    LABELS[field].map(
      (label) =>
        new RegExp(
          `${LEAD}(?:${label})${PAREN}\\s*(?:[:=]\\s*(?<a>.*)|\\s+(?<b>(?:kr\\.?|nok)?\\s*[-−]?\\d.*)|$)`,
          'iu',
        ),
    ),
  ]),
);

/** A form's boxes that are no field of ours, so that they are never taken for a field's value. */
const COMMON_LABEL =
  /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:kontaktperson|kontakt|prosjektleder|prosjektleiar|prosjektansvarlig|e-?post(?:adresse)?|telefon(?:nummer)?|tlf\.?|mobil|(?:post|besøks|faktura)?adresse|postnummer|poststed|kontonummer|kontonr\.?|bankkonto|saksbehandler|sakshandsamar|ansvarle?g for søknaden|underskrift|signatur|stilling(?:stittel)?|tittel|enhet|eining|avdeling|nettside)(?:\s*\([^)]*\))?\s*:?$/iu;

/** A checkbox at the start of a line: "[X]", "[ ]", "☒", "☐". */
export const CHECKBOX = /^\s*(?:\[[\sxX✓✔]?\]|[☐☒☑□■]|\([\sxX]\))\s*/u;
export const TICKED = /^\s*(?:\[[xX✓✔]\]|[☒☑■]|\([xX]\))/u;
export const UNTICKED = /^\s*(?:\[\s?\]|[☐□]|\(\s\))/u;

/** Does this text look like a label of any kind ("Søker:", "Dato")? Then it is not a value. */
export function looksLikeLabel(text: string): boolean {
  if (/^[^:]{1,40}:\s*$/.test(text)) return true;
  if (COMMON_LABEL.test(text.trim())) return true;
  // "2. tilskotsår" is an ordinal answer; a numbered label is capitalised ("2.2 Tilskuddsår").
  if (/^\s*\d{1,2}\.\s*\p{Ll}/u.test(text)) return false;
  if (isLabelText(text)) {
    const { folded } = foldLabel(text);
    // "År 4" is a value; a label carries no number but years, dates and hints in brackets.
    const bare = folded.replace(/\([^)]*(?:\)|$)/g, ' ').trim(); // brackets, also one a wrap left open
    if (!/\d/.test(bare) && LABELLED_BY_HEADS.some((spec) => (labelQuality(spec, bare) ?? 0) >= 0.85))
      return true;
  }
  for (const regexes of compiled.values()) {
    for (const re of regexes) {
      const m = re.exec(text);
      if (m && m[0].length === text.length && !(m.groups?.a || m.groups?.b)) return true;
    }
  }
  return false;
}

/**
 * Lines with labels that a narrow table cell broke mid-word ("Organisasjonsnumm" / "er") joined
 * again, and a hint in brackets under a label ("Kommunenummer" / "(4 siffer)") dropped.
 */
export function joinWrappedLabels(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (next && next.page === line.page) {
      // The label is the line's first column; the value may already stand beside it.
      const [label = '', ...values] = line.text.split('\t');
      const joined = `${label}${next.text.trim()}`;
      if (/^\p{Ll}{1,5}$/u.test(next.text.trim()) && /\p{L}$/u.test(label) && looksLikeLabel(joined)) {
        out.push({ ...line, text: [joined, ...values].join('\t') });
        i++;
        continue;
      }
      if (/^\([^)]{1,30}\)$/.test(next.text.trim()) && !line.text.includes('\t') && looksLikeLabel(label)) {
        out.push(line);
        i++;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}
