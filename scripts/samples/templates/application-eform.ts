/**
 * An electronic application form as exported to PDF by the submission portal: section headings,
 * "Label: value" lines (or label and value in two columns), checkboxes for priority and phase.
 */
import { dateText } from '../format.ts';
import type { ApplicationCase } from '../model.ts';
import { PdfBuilder, type FontFamily } from '../pdf-writer.ts';
import { SCHEMES } from '../schemes.ts';
import {
  amount,
  applicantOrg,
  formDate,
  grantYear,
  partnersText,
  positions,
  statedBudgetTotal,
  tableAmount,
} from './common.ts';

export interface EformOptions {
  /** 'colon': "Label: value" lines; 'tabbed': label column and value column without borders. */
  layout: 'colon' | 'tabbed';
  portal: string;
  formId: string;
  /** Time of day the form was sent, "14:22". */
  time: string;
  family?: FontFamily;
  /** Write the submission stamp as "Innsendt 2025-03-03 14:22" (default) or "Innsendt dato: 03.03.2025". */
  stamp?: 'iso' | 'dots';
}

export async function applicationEform(c: ApplicationCase, o: EformOptions): Promise<Buffer> {
  const pdf = new PdfBuilder({
    title: `Søknad – ${c.schemeText} – ${c.applicant.name}`,
    author: o.portal,
    creator: o.portal,
    producer: 'PDFKit',
    date: c.date,
    family: o.family ?? 'helvetica',
  });
  const put = (label: string, value: string): void => {
    if (o.layout === 'colon') pdf.field(label, value);
    else pdf.tabbed(label, value, 180);
  };

  pdf.text(o.portal, { size: 8.5, gap: 2 });
  pdf.text(c.recipient[0] ?? '', { size: 8.5, gap: 14 });
  pdf.heading('Søknad om tilskudd', 17);
  pdf.text(c.schemeText, { style: 'bold', size: 12, gap: 10 });
  put('Skjemanummer', o.formId);
  put('Saksreferanse', c.reference);
  put(
    o.stamp === 'dots' ? 'Innsendt dato' : 'Innsendt',
    o.stamp === 'dots' ? dateText(c.date, 'dots') : `${c.date} ${o.time}`,
  );

  pdf.section('1 Opplysninger om søker');
  put(c.labels.applicant, c.applicant.name);
  const org = applicantOrg(c.applicant);
  if (org) put(c.labels.org, org);
  if (c.applicant.statedMunicipalityNumber) put('Kommunenummer', c.applicant.statedMunicipalityNumber);
  put('Postadresse', c.applicant.address.join(', '));
  put('Kontonummer', c.applicant.account);
  put('Kontaktperson', `${c.contact.name}, ${c.contact.title}`);
  put('Telefon', c.contact.phone);
  put('E-post', c.contact.email);

  pdf.section('2 Tilskuddsordning og tiltak');
  put('Tilskuddsordning', c.schemeText);
  put('Tilskuddsår', String(c.year));
  const options = c.scheme ? SCHEMES[c.scheme].priorities : [];
  if (c.priority !== null && options.length > 0) {
    pdf.space(2).text('Prioritert tiltak (kryss av for ett):', { style: 'bold', gap: 3 });
    for (const option of options) pdf.checkbox(option.id === c.priority, option.label, 10);
    pdf.space(4);
  }
  if (c.grantYear !== null) {
    if (c.grantYearStyle === 'ar' && options.length > 0) {
      pdf.text('Søknaden gjelder:', { style: 'bold', gap: 3 });
      const phases = ['Forprosjekt', 'År 1', 'År 2', 'År 3', 'År 4'];
      phases.forEach((label, i) => pdf.checkbox(i === c.grantYear, label, 10));
      pdf.space(4);
    } else {
      put('Fase i tilskuddsperioden', grantYear(c) ?? '');
    }
  }
  put('Navn på tiltaket', c.project.name);
  const pos = positions(c);
  if (pos) put(c.labels.positions, pos);
  put('Samarbeidspartnere', partnersText(c));
  pdf.space(4).text('Beskrivelse av tiltaket', { style: 'bold', gap: 3 });
  pdf.paragraphs(c.project.paragraphs, 6);

  pdf.section('3 Økonomi');
  if (c.requested !== null) put(c.labels.requested, amount(c, c.requested));
  if (c.ownFunding !== null) put('Kommunal egenfinansiering', amount(c, c.ownFunding));
  if (c.budgetIn === 'document' && c.budget.length > 0) {
    pdf.space(4).text('Budsjett for omsøkte midler', { style: 'bold', gap: 4 });
    const rows = c.budget.map((r) => [r.label, tableAmount(c, r.amount)]);
    rows.push(['Sum', tableAmount(c, statedBudgetTotal(c))]);
    pdf.table(['Budsjettpost', 'Beløp'], rows, {
      widths: [320, 150],
      align: ['left', 'right'],
      boldRows: [rows.length - 1],
      borders: o.layout === 'colon',
    });
  } else if (c.budgetIn === 'xlsx') {
    pdf.text('Detaljert budsjett er lastet opp som vedlegg (regneark).', { gap: 6 });
  }

  pdf.section('4 Bekreftelse og underskrift');
  pdf.checkbox(true, 'Søknaden er behandlet i samsvar med kommunens delegasjonsreglement');
  pdf.checkbox(true, 'Opplysningene i søknaden er korrekte');
  if (c.cosigner) {
    pdf.checkbox(true, `Søknaden er utarbeidet i fellesskap med ${c.cosigner.org}`);
  }
  pdf.space(4);
  put('Dato', formDate(c));
  put('Godkjent av', `${c.signer.name}, ${c.signer.title}`);
  if (c.cosigner) put(`For ${c.cosigner.org}`, `${c.cosigner.name}, ${c.cosigner.title}`);

  pdf.footer((page, count) => `${o.portal} – skjema ${o.formId} – side ${page} av ${count}`);
  return pdf.finish();
}
