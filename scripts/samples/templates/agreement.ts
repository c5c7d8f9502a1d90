/**
 * Cooperation agreements (samarbeidsavtale) between municipalities and a health trust, signed by
 * all parties. Two layouts: numbered paragraphs (§) with the parties in prose, and a parties table
 * with numbered points.
 */
import { dateText, orgText } from '../format.ts';
import type { Party } from '../model.ts';
import { PdfBuilder, type FontFamily } from '../pdf-writer.ts';

export interface AgreementParty extends Party {
  signer: string;
  title: string;
  place: string;
  /** ISO date of this party's signature. */
  date: string;
}

export interface AgreementSpec {
  layout: 'paragraphs' | 'table';
  family: FontFamily;
  /** "om etablering og drift av FACT-ung-team i Trondheim" */
  purpose: string;
  parties: AgreementParty[];
  /** A sentence on who is main applicant (hovedsøker) and responsible for the grant. */
  mainApplicant: string;
  target: string;
  organisation: string[];
}

function partyText(p: Party): string {
  return p.orgNumber ? `${p.name}, org.nr. ${orgText(p.orgNumber, 'spaced')}` : p.name;
}

export async function agreement(s: AgreementSpec): Promise<Buffer> {
  const lastDate = s.parties.map((p) => p.date).sort()[s.parties.length - 1] as string;
  const pdf = new PdfBuilder({
    title: `Samarbeidsavtale ${s.purpose}`,
    author: s.parties[0]?.name ?? '',
    creator: 'Microsoft® Word 2019',
    producer: 'Microsoft® Word 2019',
    date: lastDate,
    family: s.family,
  });
  const names = s.parties.map((p) => p.name);
  const between = `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;

  if (s.layout === 'paragraphs') {
    pdf.space(30);
    pdf.text('SAMARBEIDSAVTALE', { style: 'bold', size: 20, align: 'center', gap: 6 });
    pdf.text(s.purpose, { size: 13, align: 'center', gap: 14 });
    pdf.text('mellom', { align: 'center', gap: 6 });
    s.parties.forEach((p, i) => {
      pdf.text(partyText(p), { style: 'bold', align: 'center', gap: 4 });
      if (i < s.parties.length - 2) pdf.text(',', { align: 'center', gap: 4 });
      else if (i === s.parties.length - 2) pdf.text('og', { align: 'center', gap: 4 });
    });
    pdf.space(16);
    pdf.text('§ 1 Parter', { style: 'bold', gap: 4 });
    pdf.text(`Avtalen er inngått mellom ${between}, heretter kalt partene. ${s.mainApplicant}`, { gap: 8 });
    pdf.text('§ 2 Formål', { style: 'bold', gap: 4 });
    pdf.text(
      `Formålet med avtalen er å sikre et forpliktende samarbeid ${s.purpose}, ` +
        'slik at tjenestene fra kommunen og spesialisthelsetjenesten gis helhetlig, samtidig og samordnet.',
      { gap: 8 },
    );
    pdf.text('§ 3 Målgruppe', { style: 'bold', gap: 4 });
    pdf.text(s.target, { gap: 8 });
    pdf.text('§ 4 Organisering og ansvar', { style: 'bold', gap: 4 });
    pdf.paragraphs(s.organisation, 5);
    pdf.space(3);
    pdf.text('§ 5 Økonomi', { style: 'bold', gap: 4 });
    pdf.text(
      'Hver part dekker egne kostnader ut over det som finansieres av tilskuddet. Fordeling av ' +
        'tilskuddsmidler avtales årlig i styringsgruppen.',
      { gap: 8 },
    );
    pdf.text('§ 6 Varighet, endring og oppsigelse', { style: 'bold', gap: 4 });
    pdf.text(
      'Avtalen gjelder fra den er signert av alle parter og ut tilskuddsperioden. Endringer skal avtales ' +
        'skriftlig. Avtalen kan sies opp med seks måneders skriftlig varsel.',
      { gap: 8 },
    );
    pdf.text('§ 7 Tvister', { style: 'bold', gap: 4 });
    pdf.text(
      'Uenighet om forståelsen av avtalen søkes løst i styringsgruppen, deretter mellom partenes ledelse.',
      { gap: 14 },
    );
  } else {
    pdf.heading('Avtale om samarbeid', 18);
    pdf.text(s.purpose.charAt(0).toUpperCase() + s.purpose.slice(1), { size: 12, gap: 12 });
    pdf.text('1. Avtalens parter', { style: 'bold', gap: 5 });
    pdf.table(
      ['Part', 'Organisasjonsnummer', 'Representert ved'],
      s.parties.map((p) => [
        p.name,
        p.orgNumber ? orgText(p.orgNumber, 'spaced') : '',
        `${p.signer}, ${p.title}`,
      ]),
      { widths: [170, 120, 181] },
    );
    const points: Array<[string, string[]]> = [
      [
        '2. Bakgrunn og formål',
        [`Partene samarbeider ${s.purpose}. ${s.mainApplicant} Hovedsøker rapporterer på bruken av midlene.`],
      ],
      ['3. Målgruppe', [s.target]],
      ['4. Ansvar og oppgaver', s.organisation],
      [
        '5. Styring og evaluering',
        [
          'Det etableres en styringsgruppe med ledere fra alle parter. Styringsgruppen møtes minst to ' +
            'ganger i året og følger opp drift, økonomi og måloppnåelse.',
        ],
      ],
      ['6. Varighet', ['Avtalen gjelder fra signering og ut tilskuddsperioden, og evalueres årlig.']],
    ];
    for (const [title, paras] of points) {
      pdf.text(title, { style: 'bold', gap: 4 });
      pdf.paragraphs(paras, 6);
      pdf.space(2);
    }
    pdf.space(8);
  }

  pdf.text('Underskrifter', { style: 'bold', gap: 6 });
  // at most two signature blocks per row
  for (let i = 0; i < s.parties.length; i += 2) {
    const pair = s.parties.slice(i, i + 2);
    pdf.signatures(
      pair.map((p) => [
        `${p.place}, ${dateText(p.date, 'dots')}`,
        `For ${p.name}`,
        `${p.signer}, ${p.title}`,
      ]),
      pair.map((p) => p.signer),
    );
  }
  pdf.footer(
    (page, count) =>
      `Samarbeidsavtale – ${partyText(s.parties[0] as Party).split(',')[0]} – side ${page} av ${count}`,
  );
  return pdf.finish();
}
