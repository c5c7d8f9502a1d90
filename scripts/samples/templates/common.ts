/** Phrases shared by the document templates, so every template states a field the same way. */
import { dateText, money, orgText, positionsText } from '../format.ts';
import type { Applicant, BudgetRow, Case, Party } from '../model.ts';
import { grantYearText, priorityLabel } from '../schemes.ts';

export function amount(c: Case, n: number): string {
  return money(n, c.money);
}

export function applicantOrg(a: Applicant): string | null {
  return a.orgNumber ? orgText(a.orgNumber, a.orgStyle === 'mva' ? 'spaced' : a.orgStyle) : null;
}

/** The org number as the letter footer writes it (may be the "NO … MVA" form). */
export function footerOrg(a: Applicant): string | null {
  return a.orgNumber ? orgText(a.orgNumber, a.orgStyle) : null;
}

export function partnerText(p: Party): string {
  return p.orgNumber ? `${p.name}, org.nr. ${orgText(p.orgNumber, 'spaced')}` : p.name;
}

export function partnersText(c: Case): string {
  return c.partners.length === 0 ? 'Ingen' : c.partners.map(partnerText).join('; ');
}

export function positions(c: Case): string | null {
  return c.positions === null ? null : positionsText(c.positions, c.positionStyle);
}

export function priority(c: Case): string | null {
  return c.priority === null ? null : priorityLabel(c.scheme, c.priority);
}

export function grantYear(c: Case): string | null {
  return c.grantYear === null ? null : grantYearText(c.grantYear, c.grantYearStyle);
}

export function formDate(c: Case): string {
  return dateText(c.date, c.dateStyle);
}

export function sumOf(rows: BudgetRow[], pick: (r: BudgetRow) => number = (r) => r.amount): number {
  return rows.reduce((s, r) => s + pick(r), 0);
}

/** The total the budget table writes under its lines. */
export function statedBudgetTotal(c: Case): number {
  return c.kind === 'application' && c.statedBudgetTotal !== null ? c.statedBudgetTotal : sumOf(c.budget);
}

export function hasOwnFunding(c: Case): boolean {
  return c.budget.some((r) => (r.own ?? 0) > 0);
}

/** "Kommunalsjef helse og velferd" → "kommunalsjef helse og velferd" inside sentences. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Amounts inside budget tables: never "mill." (a table lists exact kroner). */
export function tableAmount(c: Case, n: number): string {
  return money(n, c.money === 'mill' ? 'plain' : c.money);
}
