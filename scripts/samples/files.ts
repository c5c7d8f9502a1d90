/** Helpers for the catalogue: sample files, shared bytes, agreements derived from a case. */
import type { DocumentType } from '../../src/domain/record.ts';
import { person } from './builders.ts';
import type { Case, Sample, SampleFile } from './model.ts';
import type { FontFamily } from './pdf-writer.ts';
import { Rng } from './rng.ts';
import { agreement, type AgreementParty } from './templates/agreement.ts';

export function file(name: string, type: DocumentType, render: () => Promise<Buffer> | Buffer): SampleFile {
  return { name, type, render: async () => render() };
}

const memo = new Map<string, Promise<Buffer>>();

/** Render once and hand out the same bytes wherever the key is used (for DUPLICATE_DOCUMENT). */
export function once(key: string, render: () => Promise<Buffer>): () => Promise<Buffer> {
  return () => {
    let p = memo.get(key);
    if (!p) {
      p = render();
      memo.set(key, p);
    }
    return p;
  };
}

/** The ISO date `days` days before `iso`. */
export function daysBefore(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export interface AgreementInput {
  layout: 'paragraphs' | 'table';
  family: FontFamily;
  purpose: string;
  target: string;
  organisation: string[];
  /** Days before the application date that the parties signed (first party first). */
  signedDaysBefore?: number[];
}

/** A cooperation agreement between the case's applicant and its partners, signed by all of them. */
export function agreementFor(c: Case, a: AgreementInput): () => Promise<Buffer> {
  const rng = new Rng(`${c.applicant.name}-${c.year}-avtale`);
  const offsets = a.signedDaysBefore ?? [];
  const parties: AgreementParty[] = [
    {
      name: c.applicant.name,
      orgNumber: c.applicant.orgNumber,
      kind: c.applicant.kind,
      signer: c.signer.name,
      title: c.signer.title,
      place: c.applicant.place,
      date: daysBefore(c.date, offsets[0] ?? 21),
    },
    ...c.partners.map((p, i): AgreementParty => {
      const co = c.cosigner && c.cosigner.org === p.name ? c.cosigner : null;
      const signer =
        co ?? person(rng, p.kind === 'kommune' ? 'kommunedirektør' : 'administrerende direktør', 'x.no');
      return {
        ...p,
        signer: signer.name,
        title: signer.title,
        place: co ? co.place : p.name.replace(/ kommune$/, ''),
        date: daysBefore(c.date, offsets[i + 1] ?? 18 - 3 * i),
      };
    }),
  ];
  return () =>
    agreement({
      layout: a.layout,
      family: a.family,
      purpose: a.purpose,
      parties,
      mainApplicant: `${c.applicant.name} er hovedsøker og økonomisk og administrativt ansvarlig for tilskuddet.`,
      target: a.target,
      organisation: a.organisation,
    });
}

export function sample(
  s: Omit<Sample, 'zip' | 'folderYear'> & { zip?: boolean; folderYear?: number },
): Sample {
  return { ...s, zip: s.zip ?? false, folderYear: s.folderYear ?? Number(s.case.date.slice(0, 4)) };
}
