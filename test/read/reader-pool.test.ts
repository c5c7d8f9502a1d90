import { afterAll, describe, expect, it } from 'vitest';

import { textPdf } from '../../scripts/hostile/raw-pdf.ts';
import { buildZip, deflateRepeated } from '../../scripts/hostile/raw-zip.ts';
import { readDocument } from '../../src/read/read-document.ts';
import { ReaderPool } from '../../src/read/reader-pool.ts';

/**
 * A Word document whose body is `paragraphs` paragraphs: the docx reader tokenises it in one
 * synchronous run, which no timer on the reader's own thread can interrupt.
 */
function longDocx(paragraphs: number): Buffer {
  const body = deflateRepeated(
    Buffer.from('<w:p><w:r><w:t>Tilskudd til kommunalt rusarbeid</w:t></w:r></w:p>'),
    paragraphs,
    Buffer.from(
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ),
    Buffer.from('</w:body></w:document>'),
  );
  return buildZip([{ name: 'word/document.xml', data: '', deflated: body }]);
}

/** Lets a repetitive (so very compressible) document past the zip-bomb check. */
const NO_RATIO_LIMIT = { maxCompressionRatio: 1e9 };

const application = textPdf(['Søknad om tilskudd', 'Søker: Bodø kommune']);

describe('ReaderPool', () => {
  const pools: ReaderPool[] = [];
  const pool = (options: ConstructorParameters<typeof ReaderPool>[0]) => {
    const created = new ReaderPool(options);
    pools.push(created);
    return created;
  };
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('reads a document in a thread to the same result as in process', async () => {
    const result = await readDocument(application, 'soknad.pdf', { pool: pool({ threads: 1 }) });
    expect(result).toMatchObject({ format: 'pdf', method: 'text', failure: null, path: 'soknad.pdf' });
    expect(result.pages[0]?.text).toBe('Søknad om tilskudd\nSøker: Bodø kommune');
  });

  it('stops a thread stuck in synchronous code past the time limit, fails that document, and goes on', async () => {
    const readers = pool({ threads: 1, graceMs: 0 });
    const stuck = longDocx(400_000); // about 28 MB of XML: seconds of tokenising
    const outcome = await readers.run(stuck, 'lang.docx', { ...NO_RATIO_LIMIT, timeoutMs: 150 });
    expect(outcome.kind).toBe('timeout');
    const failed = await readers.read(stuck, 'lang.docx', { ...NO_RATIO_LIMIT, timeoutMs: 150 });
    expect(failed.failure).toEqual({
      reason: 'timeout',
      message:
        'Lesingen av filen tok for lang tid (over 0,15 sekunder, grensen for tid per dokument) og ble avbrutt.',
    });
    expect(failed).toMatchObject({ path: 'lang.docx', format: 'docx', pages: [] });
    // A fresh thread takes the next document.
    expect((await readers.read(application, 'soknad.pdf')).failure).toBeNull();
  });

  it('lets other documents through while one file holds its own thread', async () => {
    const readers = new ReaderPool({ threads: 2, graceMs: 0 });
    let stuckEnded = false;
    const stuck = readers
      .run(longDocx(1_000_000), 'lang.docx', { ...NO_RATIO_LIMIT, timeoutMs: 120_000 })
      .finally(() => (stuckEnded = true));
    const others = await Promise.all(
      ['a.pdf', 'b.pdf', 'c.pdf'].map((name) => readers.read(application, name)),
    );
    expect(others.map((d) => d.failure)).toEqual([null, null, null]);
    expect(stuckEnded).toBe(false);
    // The expectation holds the rejection before close() makes it, so it is never unhandled.
    const stopped = expect(stuck).rejects.toThrow(/stoppet/);
    await readers.close();
    await stopped;
  });

  it('fails empty and oversized files at once, without a thread', async () => {
    const readers = pool({ threads: 1 });
    expect((await readers.read(Buffer.alloc(0), 'tom.pdf')).failure?.reason).toBe('empty');
    expect((await readers.read(application, 'stor.pdf', { maxBytes: 10 })).failure?.reason).toBe('too-large');
  });

  it('refuses work after it is closed', async () => {
    const readers = new ReaderPool({ threads: 1 });
    await readers.close();
    await expect(readers.run(application, 'soknad.pdf')).rejects.toThrow(/stoppet/);
  });
});
