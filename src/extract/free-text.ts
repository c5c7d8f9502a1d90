import type { Extracted } from '../domain/evidence.ts';
import { findMoney } from '../normalise/money.ts';
import { findPositions } from '../normalise/positions.ts';
import { parseGrantYear, parseYear } from './field-values.ts';
import type { Sentence } from './sentences.ts';

/** The first amount after a keyword in a sentence, or null. */
function moneyAfter(sentences: Sentence[], keyword: RegExp, exclude?: RegExp): Extracted<number> | null {
  for (const s of sentences) {
    const m = keyword.exec(s.text);
    if (!m) continue;
    if (exclude?.test(s.text.slice(m.index, m.index + 80))) continue;
    const hits = findMoney(s.text);
    // "søker om kr 500 000" names the amount after the word; "er 228 235 kr benyttet" just before it.
    const hit =
      hits.find((h) => h.start >= m.index) ??
      hits.filter((h) => h.end <= m.index && m.index - h.end <= 12).pop();
    if (hit && hit.amount > 0) return { value: hit.amount, evidence: s.evidence, confidence: s.confidence };
    // "Det søkes om 570000 fra …": a bare whole number right after the verb is the amount.
    // "Tildelt beløp for 2023 var 234000": a bare whole number after a copula a little further on.
    const rest = s.text.slice(m.index + m[0].length);
    const bare =
      /^\W{0,3}(?:om\s+)?(\d{4,9})\b(?![.,]\d|\s*%)/.exec(rest) ??
      /^[^.]{0,40}?\b(?:var|er|på|utgjør|utgjorde)\s+(\d{4,9})\b(?![.,]\d|\s*%)/.exec(rest);
    if (bare) return { value: Number(bare[1]), evidence: s.evidence, confidence: s.confidence };
  }
  return null;
}

export const requestedInText = (s: Sentence[]) =>
  moneyAfter(
    s,
    /\b(?:søker|søkjer|søkes|søkte|vert søkt|blir søkt)\b[^.]{0,80}?\bom\b|\bsøknad om (?:et |eit )?(?:tilskudd|tilskot)\b|\bomsøkt\b|\bsøknadsbeløp/i,
    /egenfinansiering|tildelt|innvilget|i fjor/i,
  );
export const grantedInText = (s: Sentence[]) =>
  moneyAfter(s, /\b(?:tildelt|tildelte|innvilget|innvilga|mottok|mottatt|fikk)\b/i, /søker om/i);
export const spentInText = (s: Sentence[]) =>
  moneyAfter(s, /\b(?:brukt|forbrukt|benyttet|medgått|brukte|forbruk)\b/i, /ikke brukt|ubrukt/i);
export const unusedInText = (s: Sentence[]) =>
  moneyAfter(s, /\b(?:ubrukte?|ikke brukt|ikke benyttet|gjenstår|gjenstående|tilbakebetal\w*|overføres)\b/i);

/** Positions named in a sentence about the staffing the grant pays for. */
export function positionsInText(sentences: Sentence[]): Extracted<number> | null {
  const ranked = [...sentences].sort((a, b) => rank(b.text) - rank(a.text));
  for (const s of ranked) {
    const hit = findPositions(s.text)[0];
    if (hit && hit.value > 0 && hit.value <= 100)
      return { value: hit.value, evidence: s.evidence, confidence: s.confidence };
  }
  return null;
}
const rank = (t: string) => (/søk|tilskudd|team|opprette|etablere|videreføre/i.test(t) ? 1 : 0);

/** The year applied for or reported on, from phrases like "for 2025", "tilskuddsåret 2024". */
export function yearInText(sentences: Sentence[], kind: 'application' | 'report'): Extracted<number> | null {
  const patterns =
    kind === 'report'
      ? [
          /\b(?:rapport(?:ering)?|regnskap|økonomirapport|forbruk)\b.{0,200}?\b(?:for|i)\s+(?:tilskudds)?(?:år(?:et)?\s+)?(20\d\d)\b/i,
          /\btilskudds?året\s+(20\d\d)\b/i,
          /\b(?:tildelt|mottatt|mottok|innvilget|fikk)\b.{0,200}?\b(?:for|i)\s+(20\d\d)\b/i,
          /\b(?:brukt|benyttet|forbrukt)\b.{0,80}?\bi\s+(20\d\d)\b/i,
        ]
      : [
          /\b(?:søknad|søknaden|søker|søkes|tilskudd)\b.{0,200}?\b(?:for|i|til)\s+(?:tilskudds)?(?:år(?:et)?\s+)?(20\d\d)\b/i,
          /\btilskudds?året\s+(20\d\d)\b/i,
          /\b(?:for|i)\s+(?:budsjett)?året\s+(20\d\d)\b/i,
        ];
  for (const re of patterns) {
    for (const s of sentences) {
      const m = re.exec(s.text);
      if (m) return { value: Number(m[1]), evidence: s.evidence, confidence: s.confidence };
    }
  }
  return null;
}

/** A year in a document title ("Søknad om tilskudd 2025 – kommunalt rusarbeid"). */
export function yearInTitle(titles: Sentence[]): Extracted<number> | null {
  for (const s of titles) {
    if (!/søknad|rapport|tilskudd|regnskap|økonomi|egenerklæring/i.test(s.text)) continue;
    if (/frist|dato|\d{1,2}\.\s*\p{L}+\s+20\d\d|\d{1,2}\.\d{1,2}\.20\d\d/iu.test(s.text)) continue;
    const year = parseYear(s.text);
    if (year) return { value: year, evidence: s.evidence, confidence: s.confidence };
  }
  return null;
}

/** The grant year from sentences ("forprosjekt", "år 2 av tilskuddsperioden", "andre driftsår"). */
export function grantYearInText(sentences: Sentence[]): Extracted<number> | null {
  for (const s of sentences) {
    if (
      !/forprosjekt|(?<!\p{L})[åa]r\s*[1-4]\b|driftsår|prosjektår|tilskuddsperiode|videreføring|første år|andre år|tredje år|fjerde år/iu.test(
        s.text,
      )
    )
      continue;
    if (/kan (det )?søkes|anbefales|maksimalt|inntil|pr\.? 100 ?%/i.test(s.text)) continue; // quoting the rules, not the case
    const value = parseGrantYear(s.text);
    if (value !== null) return { value, evidence: s.evidence, confidence: s.confidence };
  }
  return null;
}
