import { fieldName } from '../domain/fields.ts';
import { finding, kr, type Rule } from './rule-context.ts';

/** Money fields whose two readings disagreeing is a sum that does not agree with itself. */
const MONEY = new Set(['requestedAmount', 'grantedAmount', 'spentAmount']);

/**
 * Two strong readings of one amount that disagree (the form says 900 000 kr, the summary
 * 950 000 kr): the chosen one stands in the record and the reviewer is shown both. Doubts about
 * other fields (year, positions, date) are kept in the record's `doubts`, not raised.
 */
export const conflictingAmounts: Rule = ({ fields }) =>
  (fields.doubts ?? [])
    .filter(
      (d) => MONEY.has(d.field) && typeof d.chosen.value === 'number' && typeof d.other.value === 'number',
    )
    .map((d) =>
      finding(
        'SUM_MISMATCH',
        `Innsendingen oppgir to ulike verdier for ${fieldName(d.field)}: ${kr(d.chosen.value as number)} («${quote(d.chosen.evidence.text)}») og ${kr(d.other.value as number)} («${quote(d.other.evidence.text)}»). ${kr(d.chosen.value as number)} er brukt; kontroller hvilket beløp som gjelder.`,
        d.chosen.evidence,
        d.field,
      ),
    );

const quote = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
};
