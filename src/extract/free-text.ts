import type { Extracted } from '../domain/evidence.ts';
import { findMoney } from '../normalise/money.ts';
import { findPositions } from '../normalise/positions.ts';
import { parseGrantYear } from './field-values.ts';
import { UNTICKED } from './label-values.ts';
import type { Sentence } from './sentences.ts';

/** A value read from running text, with the text it was read from (for its features). */
export interface TextHit<T> {
  found: Extracted<T>;
  raw: string;
}

/** Amounts after (or just before) a keyword, one per sentence that has one. */
function moneyAfter(sentences: Sentence[], keyword: RegExp, exclude?: RegExp): TextHit<number>[] {
  const out: TextHit<number>[] = [];
  for (const s of sentences) {
    const m = keyword.exec(s.text);
    if (!m) continue;
    if (exclude?.test(s.text.slice(Math.max(0, m.index - 30), m.index + 80))) continue;
    const hits = findMoney(s.text);
    // "søker om kr 500 000" names the amount after the word; "er 228 235 kr benyttet" just before it.
    const hit =
      hits.find((h) => h.start >= m.index) ??
      hits.filter((h) => h.end <= m.index && m.index - h.end <= 12).pop();
    const found = (value: number) => ({ value, evidence: s.evidence, confidence: s.confidence });
    if (hit && hit.amount > 0) {
      out.push({ found: found(hit.amount), raw: hit.raw });
      continue;
    }
    // "Det søkes om 570000 fra …": a bare whole number right after the verb is the amount;
    // "Tildelt beløp for 2023 var 234000": a bare whole number after a copula a little further on.
    // A bare year-shaped number is never money (the chooser drops it: it carries no currency mark).
    const rest = s.text.slice(m.index + m[0].length);
    const bare =
      /^\W{0,3}(?:om\s+)?(\d{4,9})\b(?![.,]\d|\s*%)/.exec(rest) ??
      /^[^.]{0,40}?\b(?:var|er|på|utgjør|utgjorde|vart|blei|ble)\s+(\d{4,9})\b(?![.,]\d|\s*%)/.exec(rest);
    if (bare) out.push({ found: found(Number(bare[1])), raw: bare[1]! });
  }
  return out;
}

const NOT_NOW =
  /egenfinansiering|eigenfinansiering|egenandel|eigendel|i fjor|tidligere|tidlegare|forrige|førre/i;

export const requestedInText = (s: Sentence[]) =>
  moneyAfter(
    s,
    /\b(?:søker|søkjer|søkes|søkjast|søkte|vert søkt|blir søkt)\b[^.]{0,80}?\bom\b|\bsøknad om (?:et |eit )?(?:tilskudd|tilskot)\b|\bomsøkt\b|\bsøknadsbeløp|\bsøknadssum/i,
    /egenfinansiering|eigenfinansiering|tildelt|innvilg|i fjor|tidligere|tidlegare/i,
  );
export const grantedInText = (s: Sentence[]) => [
  ...moneyAfter(
    s,
    /\b(?:tildelt|tildelte|innvilget|innvilga|mottok|mottatt|motteke|fikk|fekk|bevilget|bevilga)\b/i,
    /søker om|søkjer om/i,
  ),
  // "Tilskuddet for 2023 var på kr 1 350 000,-": the grant named by its size.
  ...moneyAfter(
    s,
    /\b(?:tilskuddet|tilskotet|tilsagnet)\b[^.]{0,20}?\b(?:var|er|utgjorde|utgjer|vart|blei|ble)\b(?: på)?/i,
    /brukt|nytta|benyttet|finansiert|dekket|dekka|søkt|ubrukt|gjenstår|overført/i,
  ),
];
export const spentInText = (s: Sentence[]) =>
  moneyAfter(
    s,
    /\b(?:brukt|forbrukt|benyttet|medgått|brukte|forbruk|nytta|nytte)\b/i,
    /ikke brukt|ikkje brukt|ikkje nytta|ubrukt/i,
  );
export const unusedInText = (s: Sentence[]) =>
  moneyAfter(
    s,
    /\b(?:ubrukte?|ikke brukt|ikkje brukt|ikkje nytta|ikke benyttet|gjenstår|gjenstående|tilbakebetal\w*|overføres|overførast)\b/i,
  );

/** Words that tie a sentence to the staffing the grant pays for. */
const STAFFING_CONTEXT =
  /søk|tilskudd|tilskot|omsøkt|finansier|midlene|midlane|midla|lønn|løn\b|team|opprette|etablere|videreføre|vidareføre|nye? stilling|ny stilling|ansett|tilsett|rekrutter/i;

/** Positions named in sentences about the staffing the grant pays for; never a stray "én stilling". */
export function positionsInText(sentences: Sentence[]): TextHit<number>[] {
  const out: TextHit<number>[] = [];
  for (const s of sentences) {
    if (!STAFFING_CONTEXT.test(s.text)) continue;
    // Own funding or last year's staffing just before the count is not what the grant pays for.
    const hits = findPositions(s.text).filter(
      (h) => !NOT_NOW.test(s.text.slice(Math.max(0, h.start - 60), h.end)),
    );
    if (hits.length === 0) continue;
    // A total and then its parts ("1,5 årsverk: ein … i 100 % stilling og ein … i 50 % stilling")
    // is the total; other different counts in one sentence ("2 stillinger, hvorav 1 ny") say nothing sure.
    const parts = hits.slice(1).reduce((sum, h) => sum + h.value, 0);
    const total = hits.length > 2 && Math.abs(parts - hits[0]!.value) < 0.01;
    if (!total && hits.some((h) => h.value !== hits[0]!.value)) continue;
    out.push({
      found: { value: hits[0]!.value, evidence: s.evidence, confidence: s.confidence },
      raw: hits[0]!.raw,
    });
  }
  return out;
}

/** The grant year from sentences ("forprosjekt", "år 2 av tilskuddsperioden", "andre driftsår"). */
export function grantYearInText(sentences: Sentence[]): Extracted<number> | null {
  for (const s of sentences) {
    if (
      !/forprosjekt|(?<!\p{L})[åa]r\s*[1-4]\b|driftsår|prosjektår|tilskuddsperiode|tilskotsperiode|videreføring|vidareføring|første år|andre år|tredje år|fjerde år|fyrste år/iu.test(
        s.text,
      )
    )
      continue;
    if (/kan (det )?søkes|anbefales|maksimalt|inntil|pr\.? 100 ?%/i.test(s.text)) continue; // quoting the rules, not the case
    if (UNTICKED.test(s.text)) continue; // an option not chosen
    const value = parseGrantYear(s.text);
    if (value !== null) return { value, evidence: s.evidence, confidence: s.confidence };
  }
  return null;
}
