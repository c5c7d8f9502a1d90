/** Smaller attachments: a cover e-mail as plain text, a scanned-looking signature page, a budget PDF. */
import { dateText } from '../format.ts';
import type { ApplicationCase, Case } from '../model.ts';
import { PdfBuilder } from '../pdf-writer.ts';
import { statedBudgetTotal, tableAmount } from './common.ts';

/** The e-mail that carried the application, saved as text (CRLF line ends, as mail clients export). */
export function coverEmail(c: ApplicationCase, attachments: string[]): Buffer {
  const lines = [
    `Fra: ${c.contact.name} <${c.contact.email}>`,
    `Til: ${c.recipient[0]?.startsWith('Statsforvalteren') ? 'sfpost@statsforvalteren.no' : 'post@bufdir.no'}`,
    `Dato: ${dateText(c.date, 'dots')} 15:41`,
    `Emne: Oversendelse av søknad fra ${c.applicant.name}`,
    '',
    'Hei,',
    '',
    `Vedlagt oversendes søknad fra ${c.applicant.name} med vedlegg. Søknaden er også registrert i ` +
      'søknadsportalen.',
    '',
    'Vedlegg:',
    ...attachments.map((a) => `- ${a}`),
    '',
    'Ta gjerne kontakt om noe er uklart.',
    '',
    'Med vennlig hilsen',
    c.contact.name,
    c.contact.title,
    c.applicant.name,
    `Tlf. ${c.contact.phone}`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** A signed self-declaration page (later truncated or encrypted to make it unreadable). */
export async function signedDeclarationPdf(c: Case, title: string, userPassword?: string): Promise<Buffer> {
  const pdf = new PdfBuilder({
    title,
    author: c.applicant.name,
    creator: 'RICOH IM C3000',
    producer: 'RICOH IM C3000',
    date: c.date,
    family: 'times',
    userPassword,
  });
  pdf.heading(title, 15);
  pdf.text(`${c.applicant.name} – ${c.schemeText}`, { gap: 10 });
  if (c.kind === 'application' && c.budget.length > 0) {
    const rows = c.budget.map((r) => [r.label, tableAmount(c, r.amount)]);
    rows.push(['Sum', tableAmount(c, statedBudgetTotal(c))]);
    pdf.table(['Post', 'Beløp'], rows, {
      widths: [320, 150],
      align: ['left', 'right'],
      boldRows: [rows.length - 1],
    });
  }
  pdf.text('Undertegnede bekrefter at opplysningene er riktige.', { gap: 30 });
  pdf.signatures(
    [[`${c.applicant.place}, ${dateText(c.date, 'dots')}`, `${c.signer.name}`, c.signer.title]],
    [c.signer.name],
  );
  return pdf.finish();
}
