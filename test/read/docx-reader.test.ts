import { describe, expect, it } from 'vitest';

import { decodeEntities, readDocx, wordXmlToLines } from '../../src/read/docx-reader.ts';
import { makeDocx, makeZip, para, table, wordXml } from '../support/document-fixtures.ts';

describe('readDocx', () => {
  it('reads paragraphs as lines and table rows as cells joined by tabs, on one page', async () => {
    const docx = await makeDocx(
      para('Søknad om tilskudd for 2025') +
        table([
          ['Søker', 'Trondheim kommune'],
          ['Søknadsbeløp', 'kr 1 250 000'],
        ]) +
        para('Med vennlig hilsen'),
    );
    const result = await readDocx(docx, 'soknad.docx');
    expect(result.failure).toBeNull();
    expect(result).toMatchObject({ format: 'docx', method: 'text', pageCount: null, pagesNeedingOcr: [] });
    expect(result.pages).toEqual([
      {
        page: 1,
        text: 'Søknad om tilskudd for 2025\nSøker\tTrondheim kommune\nSøknadsbeløp\tkr 1 250 000\nMed vennlig hilsen',
        method: 'text',
        confidence: null,
        words: [],
      },
    ]);
  });

  it('puts header lines first and footer lines last, each repeated line once', async () => {
    const docx = await makeDocx(para('Brødtekst'), [
      { name: 'word/header1.xml', data: wordXml('hdr', para('Bodø kommune')) },
      { name: 'word/header2.xml', data: wordXml('hdr', para('Bodø kommune')) },
      { name: 'word/footer1.xml', data: wordXml('ftr', para('Org.nr. 972 418 803')) },
    ]);
    expect((await readDocx(docx, 'brev.docx')).pages[0]?.text).toBe(
      'Bodø kommune\nBrødtekst\nOrg.nr. 972 418 803',
    );
  });

  it('refuses a document with a DOCTYPE or ENTITY declaration as corrupt', async () => {
    const bomb = await makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      {
        name: 'word/document.xml',
        data:
          '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>' +
          wordXml('document', '<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body>').replace(
            /^<\?xml[^>]*>/,
            '',
          ),
      },
    ]);
    const result = await readDocx(bomb, 'bombe.docx');
    expect(result.failure?.reason).toBe('corrupt');
    expect(result.failure?.message).toContain('DOCTYPE');
  });

  it('fails a damaged docx as corrupt', async () => {
    const docx = await makeDocx(para('Tekst'));
    const result = await readDocx(docx.subarray(0, 40), 'skadet.docx');
    expect(result.failure?.reason).toBe('corrupt');
  });
});

describe('wordXmlToLines', () => {
  const doc = (body: string): string => wordXml('document', `<w:body>${body}</w:body>`);

  it('decodes XML entities and character references', () => {
    expect(wordXmlToLines(doc(para('Barn &amp; unge &lt;18&gt; &#229;r &#xE6; &quot;FACT&quot;')))).toEqual([
      'Barn & unge <18> år æ "FACT"',
    ]);
  });

  it('joins the runs of a paragraph and turns tabs and line breaks into tab and new line', () => {
    const xml = doc(
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
        '<w:r><w:t>Beløp:</w:t></w:r><w:r><w:tab/><w:t>1 250</w:t></w:r><w:r><w:t xml:space="preserve"> 000</w:t><w:br/><w:t>Neste linje</w:t></w:r></w:p>',
    );
    expect(wordXmlToLines(xml)).toEqual(['Beløp:\t1 250 000', 'Neste linje']);
  });

  it('leaves out tracked deletions, field codes and the fallback copy of drawings', () => {
    const xml = doc(
      '<w:p><w:r><w:t>Søknad</w:t></w:r><w:del><w:r><w:delText>slettet</w:delText></w:r></w:del>' +
        '<w:r><w:instrText> PAGE </w:instrText></w:r>' +
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t> (boks)</w:t></w:r></mc:Choice>' +
        '<mc:Fallback><w:r><w:t> (boks)</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>',
    );
    expect(wordXmlToLines(xml)).toEqual(['Søknad (boks)']);
  });

  it('flattens a table nested in a cell into that cell and joins paragraphs of a cell with spaces', () => {
    const inner = table([['Lønn', '1 100 000']]);
    const xml = doc(
      `<w:tbl><w:tr><w:tc>${para('Budsjett')}${para('2025')}</w:tc><w:tc>${inner}</w:tc></w:tr></w:tbl>`,
    );
    expect(wordXmlToLines(xml)).toEqual(['Budsjett 2025\tLønn 1 100 000']);
  });

  it('ignores elements of other namespaces that share the names p and t', () => {
    const xml = doc(`${para('Synlig')}<a:p xmlns:a="urn:drawing"><a:r><a:t>Usynlig</a:t></a:r></a:p>`);
    expect(wordXmlToLines(xml)).toEqual(['Synlig']);
  });
});

describe('decodeEntities', () => {
  it('leaves unknown named entities as written and replaces invalid code points', () => {
    expect(decodeEntities('&nbsp; &#0; &#xD800; &amp;amp;')).toBe('&nbsp; \uFFFD \uFFFD &amp;');
  });
});
