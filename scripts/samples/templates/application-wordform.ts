/**
 * A Word form filled in and saved as PDF: bordered two-column table (label cell left, value cell
 * right), a bordered budget table, and a signature section at the end.
 */
import { placeDate } from '../format.ts';
import type { ApplicationCase } from '../model.ts';
import { PdfBuilder, type FormRow } from '../pdf-writer.ts';
import {
  amount,
  applicantOrg,
  grantYear,
  hasOwnFunding,
  partnerText,
  positions,
  priority,
  statedBudgetTotal,
  sumOf,
  upperFirst,
  tableAmount,
} from './common.ts';

export interface WordformOptions {
  /** Title at the top of the form. */
  title: string;
  /** Budget table columns: with own funding and sum, or a single amount column. */
  budgetColumns: 'grant-own-sum' | 'grant';
  signatureDateStyle?: 'long' | 'dots';
}

export async function applicationWordform(c: ApplicationCase, o: WordformOptions): Promise<Buffer> {
  const pdf = new PdfBuilder({
    title: o.title,
    author: c.contact.name,
    creator: 'Microsoft® Word for Microsoft 365',
    producer: 'Microsoft® Word for Microsoft 365',
    date: c.date,
    family: 'liberation',
  });
  pdf.text(c.applicant.name, { size: 9, gap: 1 });
  pdf.text(c.applicant.unit, { size: 9, gap: 16 });
  pdf.heading(o.title, 16);
  pdf.text(c.schemeText, { style: 'bold', size: 11.5, gap: 3 });
  pdf.text(`Søknad om tilskudd for ${c.year}`, { size: 11.5, gap: 12 });

  const rows: FormRow[] = [{ section: '1. Opplysninger om søker' }];
  rows.push({ label: c.labels.applicant, value: c.applicant.name });
  const org = applicantOrg(c.applicant);
  if (org) rows.push({ label: c.labels.org, value: org });
  if (c.applicant.statedMunicipalityNumber) {
    rows.push({ label: 'Kommunenummer', value: c.applicant.statedMunicipalityNumber });
  }
  rows.push({ label: 'Adresse', value: c.applicant.address.join(', ') });
  rows.push({ label: 'Kontaktperson', value: `${c.contact.name}, ${c.contact.title}` });
  rows.push({ label: 'Telefon / e-post', value: `${c.contact.phone} / ${c.contact.email}` });
  rows.push({ label: 'Kontonummer', value: c.applicant.account });
  rows.push({ section: '2. Om tiltaket' });
  rows.push({ label: 'Navn på tiltaket', value: c.project.name });
  const pri = priority(c);
  if (pri) rows.push({ label: 'Prioritert tiltak', value: pri });
  const gy = grantYear(c);
  if (gy) rows.push({ label: 'Fase', value: upperFirst(gy) });
  const pos = positions(c);
  if (pos) rows.push({ label: c.labels.positions, value: pos });
  rows.push({
    label: 'Samarbeidspartnere',
    value: c.partners.length === 0 ? 'Ingen' : c.partners.map(partnerText).join('\n'),
  });
  rows.push({ label: 'Kort beskrivelse', value: c.project.paragraphs[0] ?? '' });
  rows.push({ section: '3. Økonomi' });
  if (c.requested !== null) rows.push({ label: c.labels.requested, value: amount(c, c.requested) });
  if (c.ownFunding !== null) rows.push({ label: 'Egenfinansiering', value: amount(c, c.ownFunding) });
  if (c.budgetIn === 'xlsx') rows.push({ label: 'Budsjett', value: 'Se vedlagt regneark' });
  pdf.formTable(rows, 180);

  if (c.budgetIn === 'document' && c.budget.length > 0) {
    pdf.text('Budsjett', { style: 'bold', size: 11.5, gap: 5 });
    if (o.budgetColumns === 'grant-own-sum') {
      const body = c.budget.map((r) => [
        r.label,
        tableAmount(c, r.amount),
        tableAmount(c, r.own ?? 0),
        tableAmount(c, r.amount + (r.own ?? 0)),
      ]);
      const own = sumOf(c.budget, (r) => r.own ?? 0);
      const total = statedBudgetTotal(c);
      body.push(['Sum', tableAmount(c, total), tableAmount(c, own), tableAmount(c, total + own)]);
      pdf.table(['Post', 'Søkt tilskudd', 'Egenfinansiering', 'Sum'], body, {
        widths: [177, 100, 100, 94],
        align: ['left', 'right', 'right', 'right'],
        boldRows: [body.length - 1],
      });
    } else {
      const body = c.budget.map((r) => [r.label, tableAmount(c, r.amount)]);
      body.push(['Sum', tableAmount(c, statedBudgetTotal(c))]);
      pdf.table(['Post', 'Beløp'], body, {
        widths: [321, 150],
        align: ['left', 'right'],
        boldRows: [body.length - 1],
      });
    }
    if (hasOwnFunding(c) && o.budgetColumns === 'grant') {
      pdf.text('Kommunens egenfinansiering kommer i tillegg og er ikke tatt med i tabellen.', { size: 9 });
    }
  }

  if (c.project.paragraphs.length > 1) {
    pdf.space(4).text('Utfyllende beskrivelse', { style: 'bold', size: 11.5, gap: 5 });
    pdf.paragraphs(c.project.paragraphs.slice(1));
  }

  const signRows: FormRow[] = [{ section: '4. Underskrift' }];
  signRows.push({
    label: 'Sted og dato',
    value: placeDate(c.applicant.place, c.date, o.signatureDateStyle ?? 'long'),
  });
  signRows.push({ label: `For ${c.applicant.name}`, value: `${c.signer.name}, ${c.signer.title}` });
  if (c.cosigner) {
    signRows.push({ label: `For ${c.cosigner.org}`, value: `${c.cosigner.name}, ${c.cosigner.title}` });
  }
  pdf.space(6).formTable(signRows, 180);
  pdf.footer((page, count) => `${o.title} – ${c.applicant.name} – side ${page} av ${count}`);
  return pdf.finish();
}
