import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemeFileError } from '../../src/errors.ts';
import { loadSchemes, parseSchemeFile } from '../../src/schemes/load-schemes.ts';

const schemesDir = join(import.meta.dirname, '../../schemes');
// That every quote stands in its seed is `npm run check:sources` (scripts/check-sources.ts): the seeds
// are not part of the project, so CI checks them, not the tests.

describe('scheme files', () => {
  const schemes = loadSchemes(schemesDir);

  it('include every scheme of DOMAIN.md', () => {
    expect(schemes.map((s) => s.id).sort()).toEqual([
      'barn-unge-langvarig-sammensatt',
      'kommunalt-rusarbeid',
      'kommunalt-rusarbeid-overgang',
      'nav-sosiale-tjenester',
      'smittevern-oppfolging',
      'tryggest',
      'voksne-langvarig-sammensatt',
    ]);
  });

  it('stop with the file, the path in it and what is wrong when a key is misspelled', () => {
    const text = readFileSync(join(schemesDir, 'tryggest.json'), 'utf8').replace('"maxAmount"', '"maxAmont"');
    expect(() => parseSchemeFile('tryggest.json', text)).toThrowError(SchemeFileError);
    expect(() => parseSchemeFile('tryggest.json', text)).toThrowError(/tryggest\.json[\s\S]*caps/);
  });

  it('refuse a cap naming a priority the scheme does not have', () => {
    const text = readFileSync(join(schemesDir, 'barn-unge-langvarig-sammensatt.json'), 'utf8').replace(
      '"priority": "FACT-ung",',
      '"priority": "FACT-gammel",',
    );
    expect(() => parseSchemeFile('b.json', text)).toThrowError(
      /caps\[0\]\.priority: no priority named "FACT-gammel"/,
    );
  });

  it('refuse an alias that is not a valid regular expression', () => {
    const text = readFileSync(join(schemesDir, 'tryggest.json'), 'utf8').replace(
      'trygg\\\\s?est',
      'trygg(est',
    );
    expect(() => parseSchemeFile('t.json', text)).toThrowError(
      /recognition\.aliases\[0\]\.pattern: invalid regular/,
    );
  });
});
