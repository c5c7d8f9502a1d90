/**
 * Free-text letters with a municipal letterhead: applications ("… kommune søker med dette om
 * kr …") and reports on the use of a grant. Signed "Med hilsen", dated "Sted, 3. mars 2025" or in
 * the reference block.
 */
import { dateText, placeDate } from '../format.ts';
import type { ApplicationCase, Case, ReportCase } from '../model.ts';
import { PdfBuilder, type FontFamily } from '../pdf-writer.ts';
import {
  amount,
  applicantOrg,
  footerOrg,
  grantYear,
  lowerFirst,
  partnerText,
  positions,
  priority,
  statedBudgetTotal,
  tableAmount,
} from './common.ts';

export interface LetterOptions {
  family: FontFamily;
  /** Where the date goes: a "Sted, dato" line above the subject, or "Dato:" in the reference block. */
  dateAt: 'place-line' | 'ref-block';
  /** Where the org number is written: in the first paragraph, in the footer, or both. */
  orgAt: 'body' | 'footer' | 'both';
  subject: string;
  /** Paragraphs after the opening one, before the budget. */
  extra?: string[];
  /** Draw a handwritten-looking signature (italic name) above the printed name. */
  signed: boolean;
  /** Budget table with borders or as plain aligned columns. */
  budgetBorders?: boolean;
  /** Opening sentence style for applications. */
  opening?: 'soker-med-dette' | 'viser-til';
  /** What the money is for in the opening sentence, e.g. "FACT-ung-teamet" (default: the project name). */
  projectPhrase?: string;
}

function letterhead(pdf: PdfBuilder, c: Case, o: LetterOptions): void {
  // a simple coat-of-arms stand-in
  pdf.doc.save();
  pdf.doc.rect(pdf.left, 44, 26, 32).fillAndStroke('#2f5597', '#1f3864');
  pdf.doc.restore();
  pdf.doc.fillColor('#000000');
  pdf.at(c.applicant.name, pdf.left + 36, 46, { style: 'bold', size: 15, width: 300 });
  pdf.at(c.applicant.unit, pdf.left + 36, 65, { size: 9, width: 300 });
  pdf.y = 118;
  for (const line of c.recipient) pdf.text(line, { gap: 0 });
  const refX = pdf.left + 300;
  const refLines = [`Vår ref.: ${c.reference}`, 'Deres ref.:', `Saksbehandler: ${c.contact.name}`];
  if (o.dateAt === 'ref-block') refLines.push(`Dato: ${dateText(c.date, 'dots')}`);
  pdf.at(refLines.join('\n'), refX, 118, { size: 9, width: pdf.right - refX });
  pdf.y = Math.max(pdf.y, 118 + refLines.length * 12) + 22;
  if (o.dateAt === 'place-line') {
    pdf.text(placeDate(c.applicant.place, c.date, c.dateStyle === 'long' ? 'long' : c.dateStyle), {
      align: 'right',
      gap: 14,
    });
  }
  pdf.text(o.subject, { style: 'bold', size: 12, gap: 10 });
}

function signOff(pdf: PdfBuilder, c: Case, o: LetterOptions): void {
  pdf.space(6).text('Med hilsen', { gap: 4 });
  const blocks = [[c.applicant.name, c.signer.name, c.signer.title]];
  const names = [o.signed ? c.signer.name : ''];
  if (c.cosigner) {
    blocks.push([c.cosigner.org, c.cosigner.name, c.cosigner.title]);
    names.push(o.signed ? c.cosigner.name : '');
  }
  pdf.signatures(blocks, names);
  if (!o.signed) {
    pdf.text('Dokumentet er elektronisk godkjent og har derfor ingen håndskrevne signaturer.', {
      size: 8.5,
      style: 'italic',
      gap: 8,
    });
  }
  if (c.attachments.length > 0) {
    pdf.ensure(16 * (c.attachments.length + 1));
    pdf.text('Vedlegg:', { style: 'bold', gap: 2 });
    for (const a of c.attachments) pdf.text(`– ${a}`, { x: pdf.left + 10, gap: 1 });
  }
}

function footer(pdf: PdfBuilder, c: Case, o: LetterOptions): void {
  const org = footerOrg(c.applicant);
  const orgPart = org && o.orgAt !== 'body' ? ` | Org.nr. ${org}` : '';
  pdf.footer(
    (page, count) =>
      `${c.applicant.name} | Postadresse: ${c.applicant.address.join(', ')} | Telefon: ${c.applicant.phone}\n` +
      `E-post: ${c.applicant.email}${orgPart} | Kontonummer: ${c.applicant.account} | Side ${page} av ${count}`,
  );
}

function newLetter(c: Case, o: LetterOptions): PdfBuilder {
  return new PdfBuilder({
    title: o.subject,
    author: c.contact.name,
    creator: o.family === 'times' ? 'Acos WebSak' : 'Microsoft® Word 2016',
    producer: o.family === 'times' ? 'Acos WebSak PDF' : 'Microsoft® Word 2016',
    date: c.date,
    family: o.family,
  });
}

function budgetTable(pdf: PdfBuilder, c: Case, o: LetterOptions, header: [string, string]): void {
  const rows = c.budget.map((r) => [r.label, tableAmount(c, r.amount)]);
  rows.push([c.kind === 'report' ? 'Sum forbruk' : 'Sum', tableAmount(c, statedBudgetTotal(c))]);
  pdf.table(header, rows, {
    widths: [310, 140],
    align: ['left', 'right'],
    boldRows: [rows.length - 1],
    borders: o.budgetBorders ?? false,
  });
}

export async function applicationLetter(c: ApplicationCase, o: LetterOptions): Promise<Buffer> {
  const pdf = newLetter(c, o);
  letterhead(pdf, c, o);

  const org = applicantOrg(c.applicant);
  const who = org && o.orgAt !== 'footer' ? `${c.applicant.name} (org.nr. ${org})` : c.applicant.name;
  const pos = positions(c);
  const ask = c.requested !== null ? amount(c, c.requested) : null;
  let opening: string;
  if (o.opening === 'viser-til') {
    opening =
      `Det vises til utlysningen av tilskuddsordningen «${c.schemeText}» for ${c.year}. ` +
      `${who} søker om ${ask ? ask : 'tilskudd'}${pos ? ` til ${pos}` : ''} i prosjektet «${c.project.name}».`;
  } else {
    opening =
      `${who} søker med dette om ${ask ? ask : 'tilskudd'}${pos ? ` til ${pos}` : ''} i ${o.projectPhrase ?? `tiltaket «${c.project.name}»`}. ` +
      `Søknaden gjelder tilskuddsordningen ${c.schemeText} for ${c.year}.`;
  }
  pdf.text(opening, { gap: 7 });
  const pri = priority(c);
  const gy = grantYear(c);
  const framing: string[] = [];
  if (pri) framing.push(`Tiltaket faller inn under ${lowerFirst(pri)}.`);
  if (gy) framing.push(`Søknaden gjelder ${lowerFirst(gy)} i tilskuddsperioden.`);
  if (c.applicant.statedMunicipalityNumber) {
    framing.push(`Kommunenummer: ${c.applicant.statedMunicipalityNumber}.`);
  }
  if (framing.length > 0) pdf.text(framing.join(' '), { gap: 7 });
  if (c.partners.length > 0) {
    const names = c.partners.map(partnerText);
    const list =
      names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
    pdf.text(
      `Samarbeidspartnere: ${list}. Søknaden er utarbeidet i fellesskap med samarbeidspartnerne` +
        (c.cosigner ? ' og er underskrevet av begge parter.' : '.'),
      { gap: 7 },
    );
  }
  pdf.paragraphs(c.project.paragraphs);
  pdf.paragraphs(o.extra ?? []);
  if (c.budgetIn === 'document' && c.budget.length > 0) {
    pdf.space(2).text('Budsjett for omsøkte midler:', { style: 'bold', gap: 4 });
    budgetTable(pdf, c, o, ['Post', 'Beløp']);
  } else if (c.budgetIn === 'xlsx') {
    pdf.text('Budsjett for tiltaket følger vedlagt.', { gap: 7 });
  }
  if (c.ownFunding !== null) {
    pdf.text(`Kommunen bidrar i tillegg med egenfinansiering på ${amount(c, c.ownFunding)}.`, { gap: 7 });
  }
  pdf.text('Vi ser frem til en positiv behandling av søknaden.', { gap: 7 });
  signOff(pdf, c, o);
  footer(pdf, c, o);
  return pdf.finish();
}

export async function reportLetter(c: ReportCase, o: LetterOptions): Promise<Buffer> {
  const pdf = newLetter(c, o);
  letterhead(pdf, c, o);
  const org = applicantOrg(c.applicant);
  const who = org && o.orgAt !== 'footer' ? `${c.applicant.name} (org.nr. ${org})` : c.applicant.name;
  pdf.text(
    `${who} rapporterer med dette på bruken av tilskudd fra ordningen ${c.schemeText}. Rapporten gjelder ${c.year} (rapport for ${c.year}).`,
    { gap: 7 },
  );
  const facts: string[] = [
    `${c.labels.granted}: ${amount(c, c.granted)}.`,
    `${c.labels.spent}: ${amount(c, c.spent)}.`,
    `Ubrukte midler: ${amount(c, c.unused)}.`,
  ];
  pdf.text(facts.join(' '), { gap: 7 });
  const pri = priority(c);
  const pos = positions(c);
  const gy = grantYear(c);
  const framing: string[] = [];
  if (pri) framing.push(`Tiltaket er innrettet etter ${lowerFirst(pri)}.`);
  if (pos) framing.push(`Tilskuddet har finansiert ${pos} i rapporteringsåret.`);
  if (gy) framing.push(`Rapporten gjelder ${lowerFirst(gy)} i tilskuddsperioden.`);
  if (c.partners.length > 0) framing.push(`Samarbeidspartner: ${c.partners.map(partnerText).join(', ')}.`);
  if (framing.length > 0) pdf.text(framing.join(' '), { gap: 7 });
  if (c.budgetIn === 'document' && c.budget.length > 0) {
    pdf.space(2).text('Forbruk fordelt på kostnadsarter:', { style: 'bold', gap: 4 });
    budgetTable(pdf, c, o, ['Kostnadsart', 'Forbrukt']);
  } else if (c.budgetIn === 'xlsx') {
    pdf.text('Økonomirapport (egenerklæring) følger vedlagt.', { gap: 7 });
  }
  pdf.space(2).text('Måloppnåelse', { style: 'bold', gap: 4 });
  pdf.paragraphs(c.project.paragraphs);
  pdf.paragraphs(o.extra ?? []);
  if (c.unused > 0 && c.unused === c.granted - c.spent) {
    pdf.text(
      `Kommunen ber om at ubrukte midler på ${amount(c, c.unused)} kan overføres til videre drift av tiltaket.`,
      { gap: 7 },
    );
  }
  signOff(pdf, c, o);
  footer(pdf, c, o);
  return pdf.finish();
}
