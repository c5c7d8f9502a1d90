import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * An archive of born-digital PDFs for the text bench, one per submission folder: memos of one to
 * three pages with headings, paragraphs and a small table of amounts, in an embedded TrueType font
 * where DejaVu is installed (as office suites write them), else Helvetica. The words are a fixed list
 * of everyday Norwegian ones, deliberately unlike the scheme forms the extractors know: the bench
 * measures speed, not extraction, and must not lean on the extractors' phrases. Seeded, so the same
 * count gives the same files.
 */
export async function generateTextPdfs(dir: string, count: number): Promise<string[]> {
  const done = join(dir, '.complete');
  if (existsSync(done)) return listPdfs(dir);
  await rm(dir, { recursive: true, force: true });
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  const random = seeded(count);
  for (let i = 0; i < count; i++) {
    const folder = join(partial, String(2016 + (i % 9)), `sak-${String(i).padStart(5, '0')}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `notat-${i}.pdf`), await memo(i, random));
  }
  await rename(partial, dir);
  await writeFile(done, `${count}\n`);
  return listPdfs(dir);
}

async function listPdfs(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.pdf'));
  return files.sort().map((f) => join(dir, f));
}

const WORDS = (
  'hus vei skog elv lys dag natt morgen kveld vinter sommer høst vår fjell dal by bygd gate torg ' +
  'bibliotek skole barnehage idrettshall brygge ferje buss tog sykkel turløype badeplass lekeplass ' +
  'benk bord stol vindu dør tak vegg gulv trapp heis kjeller loft hage gjerde plen blomst tre ' +
  'møte plan ønske forslag avtale oversikt rutine ansvar tidspunkt sted område nabolag fellesskap ' +
  'frivillig lag forening gruppe dugnad arrangement konsert utstilling marked festival samling ' +
  'vedlikehold maling snørydding strøing renhold belysning skilting parkering ladestasjon ' +
  'innbygger besøkende elev lærer trener leder styre sekretær kasserer medlem gjest nabo ' +
  'åpen stengt ny gammel stor liten lang kort varm kald lys mørk trygg rolig travel grønn ' +
  'fører til gjør viser bruker trenger ønsker planlegger avslutter begynner flytter samler deler'
).split(' ');

const HEADINGS = ['Bakgrunn', 'Status', 'Videre arbeid', 'Merknader', 'Oppsummering', 'Vedlegg'];

type Random = () => number;

/** One memo: a title, dated, with a few sections and a table. */
function memo(n: number, random: Random): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Notat ${n}`, Producer: 'bench' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  const font = existsSync(dejavu) && n % 3 !== 0 ? dejavu : 'Helvetica';
  doc.font(font);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const sentence = () => {
    const words = Array.from({ length: 6 + Math.floor(random() * 10) }, pick);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  doc.fontSize(16).text(`Notat om ${pick()} og ${pick()} nr. ${n}`);
  doc.fontSize(10).text(`Dato: ${1 + (n % 28)}.${1 + (n % 12)}.${2016 + (n % 9)}   Saksnummer ${1000 + n}`);
  doc.moveDown();
  const pages = 1 + (n % 3 === 0 ? 2 : n % 2);
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    for (const heading of HEADINGS.slice(0, 3 + Math.floor(random() * 3))) {
      doc.fontSize(12).text(heading);
      doc.fontSize(10).text(Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' '));
      doc.moveDown(0.5);
    }
    let y = doc.y + 6;
    for (let row = 0; row < 6; row++) {
      doc.text(`${pick()} ${pick()}`, 56, y, { width: 250, lineBreak: false });
      const amount = Math.floor(random() * 900_000) + 1000;
      doc.text(`${amount.toLocaleString('nb-NO')} kr`, 380, y, {
        width: 150,
        align: 'right',
        lineBreak: false,
      });
      y += 14;
    }
    doc.x = 56;
    doc.y = y + 10;
  }
  doc.end();
  return finished;
}

/** A small deterministic generator (mulberry32). */
function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
