import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemeFileError } from '../../src/errors.ts';
import { loadSchemes, parseSchemeFile } from '../../src/schemes/load-schemes.ts';
import type { Citation } from '../../src/schemes/scheme-schema.ts';

const schemesDir = join(import.meta.dirname, '../../schemes');
const seedsDir = join(import.meta.dirname, '../../../shared/seeds');
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every citation in a scheme object, found by walking it. */
function citations(value: unknown, out: Citation[] = []): Citation[] {
  if (Array.isArray(value)) value.forEach((v) => citations(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.quote === 'string') out.push(o as unknown as Citation);
    else Object.values(o).forEach((v) => citations(v, out));
  }
  return out;
}

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

  it('cite seeds with quotes that stand in the seed text', () => {
    const seeds = new Map(
      readdirSync(seedsDir).map((f) => [
        f.replace(/\.txt$/, ''),
        fold(readFileSync(join(seedsDir, f), 'utf8')),
      ]),
    );
    for (const scheme of schemes) {
      for (const c of citations(scheme)) {
        if (c.seed === undefined) {
          expect(c.public, `${scheme.id}: a citation needs a seed or a public source`).toBeTruthy();
          continue;
        }
        const seed = seeds.get(c.seed);
        expect(seed, `${scheme.id}: seed ${c.seed} exists`).toBeDefined();
        expect(seed, `${scheme.id}: "${c.quote}" in seed ${c.seed}`).toContain(fold(c.quote));
      }
    }
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
