/**
 * Candidates and the chooser. Every strategy (label and value, title, period, sentence, table,
 * sending date) proposes values for a field with their evidence and a score built from features:
 * how surely the label names the field, the strategy's trust for that field (the registry's
 * `strategies`), main document or attachment, a currency mark, the layout, OCR confidence. The
 * chooser drops implausible values, lets values that several strategies agree on gain a little,
 * and picks the best; when two strong candidates disagree it keeps the winner and reports the doubt.
 */
import type { FieldSpec, Strategy } from '../domain/fields.ts';
import type { Extracted } from '../domain/evidence.ts';
import type { LabelPair, PairLayout } from './label-pairs.ts';

/** Which kind of document a candidate was read from. */
export type DocRole = 'main' | 'attachment' | 'agreement';

export interface Candidate<T> extends Extracted<T> {
  strategy: Strategy;
  role: DocRole;
  score: number;
  /** Years written in the label the value stood beside ("Søknadsbeløp 2025"). */
  labelYears?: number[];
}

/** Two strong readings of one field that disagree: the reviewer should see both. */
export interface FieldDoubt {
  field: string;
  chosen: Extracted<number | string>;
  other: Extracted<number | string>;
}

export interface Choice<T> {
  value: Extracted<T> | null;
  doubt: FieldDoubt | null;
}

const ROLE_FACTOR: Record<DocRole, number> = { main: 1, attachment: 0.85, agreement: 0.5 };
const LAYOUT_FACTOR: Record<PairLayout, number> = {
  colon: 1,
  column: 1,
  'table-row': 0.6,
  cell: 1,
  'heading-row': 0.95,
  below: 0.95,
  checkbox: 1,
  inline: 0.9,
};

interface CompiledSpec {
  heads: Array<[RegExp, number]>;
  veto: RegExp | null;
  /** Label qualities already worked out: the same labels are asked about for every field. */
  known: Map<string, number | null>;
}
const compiled = new WeakMap<object, CompiledSpec>();
/** Labels remembered per field before the memory starts afresh (a bulk run meets many labels). */
const KNOWN_LABELS = 20_000;

export type LabelSpec = Pick<FieldSpec<unknown>, 'heads' | 'vetoes'>;
function compile(spec: LabelSpec): CompiledSpec {
  let c = compiled.get(spec);
  if (!c) {
    c = {
      heads: (spec.heads ?? []).map(([src, w]) => [
        new RegExp(String.raw`(?<![\p{L}\d])(?:${src})(?!\p{L})`, 'iu'),
        w,
      ]),
      veto: spec.vetoes ? new RegExp(String.raw`(?<!\p{L})(?:${spec.vetoes})`, 'iu') : null,
      known: new Map(),
    };
    compiled.set(spec, c);
  }
  return c;
}

/**
 * How surely a folded label names the field (0-1), or null when it does not: the best head noun
 * found as a whole word anywhere in the label, a little less for each word around it, never with
 * a veto word in the label.
 */
export function labelQuality(spec: LabelSpec, folded: string): number | null {
  const c = compile(spec);
  const known = c.known.get(folded);
  if (known !== undefined) return known;
  const quality = judgeLabel(c, folded);
  if (c.known.size >= KNOWN_LABELS) c.known.clear();
  c.known.set(folded, quality);
  return quality;
}

function judgeLabel({ heads, veto }: CompiledSpec, folded: string): number | null {
  if (folded.length > 120 || veto?.test(folded)) return null;
  const words = folded.split(/\s+/).length;
  let best: number | null = null;
  for (const [re, weight] of heads) {
    const m = re.exec(folded);
    if (!m) continue;
    const extra = Math.max(0, words - m[0].split(/\s+/).length);
    const q = weight * Math.max(0.75, 1 - 0.03 * extra);
    if (best === null || q > best) best = q;
  }
  return best;
}

/** Currency words, the whole-kroner mark, scale words or thousands groups: written as money. */
export function hasMoneyMark(raw: string): boolean {
  return /(?<!\p{L})(?:kr|nok|kroner|mill|mnok|mkr)(?!\p{L})|,-|,–|\d{1,3}(?:[  . ]\d{3})+(?!\d)/iu.test(raw);
}

/**
 * A parsed value's features that make it more or less likely: money that looks like a year and has
 * no currency mark is not money; a small amount is suspect.
 */
export function valueFactor<T>(spec: FieldSpec<T>, value: T, raw: string): number {
  if (!(spec.plausible?.(value) ?? true)) return 0;
  if (spec.type === 'money' && typeof value === 'number') {
    const marked = hasMoneyMark(raw);
    if (!marked && value >= 1990 && value <= 2100) return 0;
    let f = marked ? 1 : 0.95;
    if (value > 0 && value < 10_000) f *= 0.7;
    return f;
  }
  return 1;
}

/** Candidates for a field from the label pairs of documents in one role. */
export function labelCandidates<T>(
  spec: FieldSpec<T>,
  pairs: LabelPair[],
  role: DocRole,
  parse: (raw: string) => T | null = spec.parse,
): Candidate<T>[] {
  const trust = spec.strategies?.label ?? 0;
  const out: Candidate<T>[] = [];
  for (const p of pairs) {
    const quality = labelQuality(spec, p.folded);
    if (quality === null) continue;
    // "Stillingsressurs (%)" over "500": the label gives the bare number its unit.
    const raw =
      spec.type === 'positions' &&
      /\(%\)|(?<!\p{L})i %|prosent|%$/u.test(p.folded) &&
      /^\s*\d{2,}(?:[.,]\d+)?\s*$/.test(p.raw)
        ? `${p.raw.trim()} %`
        : p.raw;
    const value = parse(raw);
    if (value === null) continue;
    const f = valueFactor(spec, value, raw);
    if (f === 0) continue;
    const ocr = p.confidence !== null && p.confidence < 0.6 ? 0.9 : 1;
    out.push({
      value,
      evidence: p.evidence,
      confidence: p.confidence,
      strategy: p.layout === 'checkbox' ? 'checkbox' : 'label',
      role,
      labelYears: p.years,
      score: trust * quality * f * ocr * ROLE_FACTOR[role] * LAYOUT_FACTOR[p.layout],
    });
  }
  return out;
}

/** A candidate from a strategy other than labels, scored by the field's trust in that strategy. */
export function candidate<T>(
  spec: FieldSpec<T>,
  strategy: Strategy,
  role: DocRole,
  found: Extracted<T>,
  quality = 1,
  raw = '',
): Candidate<T> | null {
  const trust = spec.strategies?.[strategy] ?? 0;
  const f = valueFactor(spec, found.value, raw || String(found.value));
  if (trust === 0 || f === 0) return null;
  return { ...found, strategy, role, score: trust * quality * f * ROLE_FACTOR[role] };
}

/** Raises the score of the candidates that `agrees` picks (agreement with another field). */
export function boost<T>(cands: Candidate<T>[], agrees: (value: T) => boolean, by: number): Candidate<T>[] {
  return cands.map((c) => (agrees(c.value) ? { ...c, score: c.score + by } : c));
}

const STRONG = 0.75;

/**
 * The best candidate. Values proposed by more than one strategy gain a little; two strong
 * candidates from main documents that disagree, with close scores, make a doubt.
 */
export function choose<T>(field: string, cands: Array<Candidate<T> | null>): Choice<T> {
  const groups = new Map<string, { best: Candidate<T>; strategies: Set<Strategy>; score: number }>();
  for (const c of cands) {
    if (!c || !(c.score > 0)) continue;
    const key = String(c.value);
    const g = groups.get(key);
    if (!g) groups.set(key, { best: c, strategies: new Set([c.strategy]), score: c.score });
    else {
      if (c.score > g.best.score) g.best = c;
      g.strategies.add(c.strategy);
    }
  }
  for (const g of groups.values()) g.score = g.best.score + 0.05 * (g.strategies.size - 1);
  // Stable: on equal scores the earlier candidate (earlier document, earlier line) wins.
  const ranked = [...groups.values()].sort((a, b) => b.score - a.score);
  const [top, second] = ranked;
  if (!top) return { value: null, doubt: null };
  const value: Extracted<T> = {
    value: top.best.value,
    evidence: top.best.evidence,
    confidence: top.best.confidence,
  };
  const doubtful =
    second &&
    top.best.role === 'main' &&
    second.best.role === 'main' &&
    second.score >= STRONG &&
    second.score >= top.score * 0.92 &&
    ['label', 'checkbox', 'title'].includes(second.best.strategy);
  return {
    value,
    doubt: doubtful
      ? {
          field,
          chosen: value as Extracted<number | string>,
          other: {
            value: second.best.value as number | string,
            evidence: second.best.evidence,
            confidence: second.best.confidence,
          },
        }
      : null,
  };
}
