import { MONTHS, NBSP, THIN, decimalComma, formatMoney, moneyStyleFits, type DateStyle } from './formats.ts';
import type { Language } from './plan.ts';
import type { Rng } from './rng.ts';
import { NUMBER_WORDS, WEEKDAYS } from './vocabulary-independent.ts';

/**
 * Numbers, positions, grant years and dates as the independent set writes them, in bokmål and
 * nynorsk. Money covers every form of DOMAIN.md ("kr 1 200 000,-", "1.200.000", "1 200 000 kr",
 * "2,5 mill.", "7,7 mill. kroner", "1,24 millionar kroner", NBSP and thin-space groups, ",-",
 * "kr 1 200 000,00"); every value written is exact.
 */

const group = (n: number, sep: string): string =>
  String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

const millions = (amount: number): string => {
  const m = amount / 1_000_000;
  return (Number.isInteger(m) ? String(m) : m.toFixed(amount % 100_000 === 0 ? 1 : 2)).replace('.', ',');
};

/** Money in running text or a form field. */
export function moneyI(rng: Rng, amount: number, language: Language, allowMillions = true): string {
  type Style = readonly [() => string, number];
  const a = amount;
  const styles: Style[] = [
    [() => formatMoney(a, 'kr-dash'), 5],
    [() => formatMoney(a, 'kr'), 5],
    [() => formatMoney(a, 'suffix-kr'), 4],
    [() => formatMoney(a, 'dots'), 2],
    [() => formatMoney(a, 'kr-dots-dash'), 2],
    [() => formatMoney(a, 'nbsp'), 3],
    [() => `kr${NBSP}${group(a, NBSP)},-`, 2],
    [() => `${group(a, THIN)} kr`, 1],
    [() => `${group(a, ' ')},- kr`, 1],
    [() => `kr ${group(a, ' ')},00`, 1],
    [() => formatMoney(a, 'nok'), 1],
    [() => formatMoney(a, 'kr-dot'), 1],
    [() => `${group(a, ' ')} kroner`, 2],
    [() => formatMoney(a, 'plain'), 1],
  ];
  if (allowMillions && moneyStyleFits(a, 'mill')) {
    styles.push(
      [() => `${millions(a)} mill.`, 2],
      [() => `${millions(a)} mill. kr`, 2],
      [() => `kr ${millions(a)} mill.`, 1],
      [() => `${millions(a)} mill. kroner`, 2],
      [() => `${millions(a)} ${language === 'nn' ? 'millionar' : 'millioner'} kroner`, 1],
      [() => `${millions(a)} MNOK`, 1],
    );
  }
  return rng.weighted(styles)();
}

/** A number in a table column (one style per column); negatives with U+2212 as Norwegian typesetting does. */
export type ColumnStyle = 'space' | 'nbsp' | 'dots' | 'plain' | 'kr-space' | 'decimals' | 'dash';

export function columnNumber(amount: number, style: ColumnStyle): string {
  const sign = amount < 0 ? '\u2212' : '';
  const a = Math.abs(amount);
  switch (style) {
    case 'space':
      return `${sign}${group(a, ' ')}`;
    case 'nbsp':
      return `${sign}${group(a, NBSP)}`;
    case 'dots':
      return `${sign}${group(a, '.')}`;
    case 'plain':
      return `${sign}${a}`;
    case 'kr-space':
      return `kr ${sign}${group(a, ' ')}`;
    case 'decimals':
      return `${sign}${group(a, ' ')},00`;
    case 'dash':
      return `${sign}${group(a, ' ')},-`;
  }
}

const halfWords: Record<Language, string> = { nb: 'en halv stilling', nn: 'ei halv stilling' };

/**
 * Full-time equivalents in running text: "2,5 årsverk", "250 % stilling", "to heile stillingar",
 * "2 x 100 % + 50 %", "ei halv stilling". Only forms that are exact for the value.
 */
export function positionsText(rng: Rng, fte: number, language: Language): string {
  const nn = language === 'nn';
  const pct = Math.round(fte * 100);
  const dc = decimalComma(fte);
  const options: string[] = [
    `${dc} årsverk`,
    `${dc} årsverk`,
    `${pct} % stilling`,
    `stillingsressurs på ${pct} %`,
  ];
  if (Number.isInteger(fte)) {
    const word = NUMBER_WORDS[language][fte];
    if (fte === 1)
      options.push(nn ? 'ei heil stilling' : 'én hel stilling', nn ? 'eitt årsverk' : 'ett årsverk');
    else {
      options.push(nn ? `${fte} heile stillingar` : `${fte} hele stillinger`);
      if (word) options.push(nn ? `${word} stillingar` : `${word} stillinger`);
      options.push(`${fte} x 100 % stilling`);
    }
  } else {
    options.push(nn ? `${dc} stillingar` : `${dc} stillinger`);
    const whole = Math.floor(fte);
    const rest = pct - whole * 100;
    if (whole >= 1 && [20, 40, 50, 60, 80].includes(rest)) {
      options.push(whole === 1 ? `100 % + ${rest} %` : `${whole} x 100 % + ${rest} %`);
      if (rest === 50 && whole === 1 && !nn) options.push('halvannen stilling');
    }
    if (fte === 0.5) options.push(halfWords[language]);
  }
  for (const part of [50, 40, 60, 80]) {
    const k = pct / part;
    if (Number.isInteger(k) && k >= 2 && k <= 6) options.push(`${k} x ${part} % stilling`);
  }
  return rng.pick(options);
}

/** The value of a positions field, in the unit its label asks for. */
export function positionsValue(rng: Rng, fte: number, label: string, language: Language): string {
  const pct = Math.round(fte * 100);
  const dc = decimalComma(fte);
  if (/%|prosent/i.test(label)) return rng.pick([String(pct), `${pct} %`, `${pct} prosent`]);
  if (/årsverk/i.test(label)) return rng.pick([dc, `${dc} årsverk`, dc]);
  if (/stilling(er|ar)\b|tal stillingar|antall stillinger/i.test(label)) {
    const whole = Math.floor(fte);
    const rest = pct - whole * 100;
    if (Number.isInteger(fte)) return rng.pick([String(fte), `${fte} x 100 %`]);
    if (whole >= 1 && [20, 40, 50, 60, 80].includes(rest))
      return rng.pick([dc, whole === 1 ? `100 % + ${rest} %` : `${whole} x 100 % + ${rest} %`]);
    return dc;
  }
  return positionsText(rng, fte, language);
}

/** "…, fordelt på fire tilsette": people, not full-time equivalents (noise beside a positions value). */
export function headcountNoise(rng: Rng, fte: number, language: Language): string | null {
  const people = Math.ceil(fte) + rng.int(1, 2);
  if (people > 10 || fte < 1) return null;
  const word = NUMBER_WORDS[language][people] as string;
  return language === 'nn' ? `, fordelt på ${word} tilsette` : `, fordelt på ${word} ansatte`;
}

const ORDINALS = ['første', 'andre', 'tredje', 'fjerde'] as const;

/** The year of the grant period in a field: "År 2", "2. driftsår", "år 2 av 4", "Vidareføring, år 3", "Forprosjekt". */
export function grantYearField(rng: Rng, gy: number, language: Language, periodYears: number): string {
  const nn = language === 'nn';
  if (gy === 0) return rng.pick(['Forprosjekt', 'Forprosjekt (år 0)', 'Forprosjektår']);
  const ordinal = ORDINALS[gy - 1] as string;
  const options = [
    `År ${gy}`,
    `${gy}. driftsår`,
    `år ${gy} av ${periodYears}`,
    `${gy}. ${nn ? 'tilskotsår' : 'tilskuddsår'}`,
    `${ordinal.charAt(0).toUpperCase()}${ordinal.slice(1)} år`,
  ];
  if (gy === 1) options.push('Oppstart – år 1', 'Nytt tiltak (år 1)');
  else options.push(`${nn ? 'Vidareføring' : 'Videreføring'}, år ${gy}`);
  return rng.pick(options);
}

/** The year of the grant period in a sentence: "år 2 i tilskotsperioden", "det tredje året med tilskot". */
export function grantYearSentence(rng: Rng, gy: number, language: Language): string {
  const nn = language === 'nn';
  if (gy === 0)
    return rng.pick(
      nn ? ['eit forprosjekt', 'eit forprosjekt på eitt år'] : ['et forprosjekt', 'et forprosjekt på ett år'],
    );
  const ordinal = ORDINALS[gy - 1] as string;
  return rng.pick([
    `år ${gy} i ${nn ? 'tilskotsperioden' : 'tilskuddsperioden'}`,
    `${ordinal} driftsår`,
    `det ${ordinal} året med ${nn ? 'tilskot' : 'tilskudd'}`,
    `${nn ? 'vidareføring' : 'videreføring'} år ${gy}`,
  ]);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An Outlook "Sendt:" line: "tysdag 18. februar 2025 14:32". */
export function emailSent(rng: Rng, iso: string, language: Language): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[language][new Date(`${iso}T12:00:00Z`).getUTCDay()] as string;
  const time = `${pad(rng.int(8, 21))}:${pad(rng.int(0, 59))}`;
  return rng.pick([
    `${weekday} ${d}. ${MONTHS[m - 1]} ${y} ${time}`,
    `${d}. ${MONTHS[m - 1]} ${y} ${time}`,
    `${pad(d)}.${pad(m)}.${y} ${time}`,
  ]);
}

/** A date style for a whole document. */
export function pickDateStyleI(rng: Rng): DateStyle {
  return rng.weighted<DateStyle>([
    ['long', 5],
    ['dotted', 6],
    ['dotted-short', 2],
    ['iso', 1],
    ['den-long', 1],
  ]);
}

/** "01.01.2025–31.12.2025": a grant period, never a submission date. */
export function periodText(rng: Rng, from: string, to: string): string {
  const f = from.split('-').reverse().join('.');
  const t = to.split('-').reverse().join('.');
  return rng.pick([`${f}–${t}`, `${f} – ${t}`, `${f} - ${t}`]);
}
