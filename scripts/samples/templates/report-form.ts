/**
 * A reporting form (rapporteringsskjema) on the use of a grant, as exported from the electronic
 * form: "Rapport for 2023", tildelt / forbrukt / ubrukte midler, måloppnåelse, confirmation.
 */
import { dateText } from '../format.ts';
import type { ReportCase } from '../model.ts';
import { PdfBuilder, type FontFamily } from '../pdf-writer.ts';
import {
  amount,
  applicantOrg,
  formDate,
  grantYear,
  partnersText,
  positions,
  priority,
  sumOf,
  upperFirst,
  tableAmount,
} from './common.ts';

export interface ReportFormOptions {
  layout: 'colon' | 'tabbed' | 'bordered';
  portal: string;
  formId: string;
  family?: FontFamily;
  /** "Rapport for 2023" as a heading line, or "Rapporteringsår: 2023" as a field. */
  yearAs: 'heading' | 'field';
}

export async function reportForm(c: ReportCase, o: ReportFormOptions): Promise<Buffer> {
  const pdf = new PdfBuilder({
    title: `Rapport ${c.year} – ${c.applicant.name}`,
    author: o.portal,
    creator: o.portal,
    date: c.date,
    family: o.family ?? 'helvetica',
  });
  const rows: Array<{ label: string; value: string } | { section: string }> = [];
  const put = (label: string, value: string): void => {
    if (o.layout === 'bordered') rows.push({ label, value });
    else if (o.layout === 'colon') pdf.field(label, value);
    else pdf.tabbed(label, value, 200);
  };
  const section = (title: string): void => {
    if (o.layout === 'bordered') rows.push({ section: title });
    else pdf.section(title);
  };
  const flush = (): void => {
    if (o.layout === 'bordered' && rows.length > 0) {
      pdf.formTable(rows.splice(0), 200);
    }
  };

  pdf.text(o.portal, { size: 8.5, gap: 12 });
  pdf.heading('Rapporteringsskjema', 17);
  pdf.text(c.schemeText, { style: 'bold', size: 12, gap: 4 });
  if (o.yearAs === 'heading') pdf.text(`Rapport for ${c.year}`, { style: 'bold', size: 12, gap: 10 });
  else pdf.space(6);
  put('Skjemanummer', o.formId);
  put('Innsendt', dateText(c.date, 'iso'));
  if (o.yearAs === 'field') put('Rapporteringsår', String(c.year));

  section('Tilskuddsmottaker');
  put(c.labels.applicant, c.applicant.name);
  const org = applicantOrg(c.applicant);
  if (org) put(c.labels.org, org);
  if (c.applicant.statedMunicipalityNumber) put('Kommunenr.', c.applicant.statedMunicipalityNumber);
  put('Kontaktperson', `${c.contact.name}, ${c.contact.title}, ${c.contact.email}`);

  section('Tiltaket');
  put('Navn på tiltaket', c.project.name);
  const pri = priority(c);
  if (pri) put('Prioritert tiltak', pri);
  const gy = grantYear(c);
  if (gy) put('Fase', upperFirst(gy));
  const pos = positions(c);
  if (pos) put(c.labels.positions, pos);
  put('Samarbeidspartnere', partnersText(c));

  section('Økonomi');
  put(c.labels.granted, amount(c, c.granted));
  put(c.labels.spent, amount(c, c.spent));
  put('Ubrukte midler', amount(c, c.unused));
  flush();
  if (c.budgetIn === 'document' && c.budget.length > 0) {
    pdf.space(4).text('Forbruk fordelt på kostnadsarter', { style: 'bold', gap: 4 });
    const body = c.budget.map((r) => [r.label, tableAmount(c, r.amount)]);
    body.push(['Sum forbruk', tableAmount(c, sumOf(c.budget))]);
    pdf.table(['Kostnadsart', 'Beløp'], body, {
      widths: [320, 150],
      align: ['left', 'right'],
      boldRows: [body.length - 1],
      borders: o.layout !== 'tabbed',
    });
  } else if (c.budgetIn === 'xlsx') {
    pdf.text('Økonomirapport/egenerklæring er lastet opp som vedlegg.', { gap: 6 });
  }

  if (o.layout === 'bordered') pdf.space(4).text('Måloppnåelse', { style: 'bold', size: 11.5, gap: 4 });
  else pdf.section('Måloppnåelse og erfaringer');
  pdf.paragraphs(c.project.paragraphs, 6);

  section('Bekreftelse');
  if (o.layout !== 'bordered') {
    pdf.checkbox(true, 'Tilskuddet er benyttet i samsvar med forutsetningene i tilskuddsbrevet');
    pdf.space(4);
  } else {
    put('Bekreftelse', 'Tilskuddet er benyttet i samsvar med forutsetningene i tilskuddsbrevet');
  }
  put('Dato', formDate(c));
  put('Rapporten er godkjent av', `${c.signer.name}, ${c.signer.title}`);
  flush();
  pdf.footer((page, count) => `${o.portal} – ${o.formId} – side ${page} av ${count}`);
  return pdf.finish();
}
