/**
 * Checks that every quote a scheme file cites stands in its seed text: `npm run check:sources`.
 * The seeds (the scheme documents the rules were written from) are not shipped with the project,
 * so this runs in CI, not in `npm test`. Reads INTAKE_SEEDS_DIR (default ../shared/seeds) and
 * INTAKE_SCHEMES_DIR (default the project's schemes/). Exits 1 when a quote or seed is missing,
 * 2 when the seed folder cannot be read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSchemes } from '../src/schemes/load-schemes.ts';
import type { Citation } from '../src/schemes/scheme-schema.ts';

const root = join(import.meta.dirname, '..');
const seedsDir = resolve(process.env.INTAKE_SEEDS_DIR ?? join(root, '../shared/seeds'));
const schemesDir = resolve(process.env.INTAKE_SCHEMES_DIR ?? join(root, 'schemes'));
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

let files: string[];
try {
  files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
} catch (err) {
  console.error(
    `check:sources: kan ikke lese kildetekstene i ${seedsDir} (INTAKE_SEEDS_DIR): ${(err as Error).message}`,
  );
  process.exit(2);
}
const seeds = new Map(
  files.map((f) => [f.replace(/\.txt$/, ''), fold(readFileSync(join(seedsDir, f), 'utf8'))]),
);

const problems: string[] = [];
let checked = 0;
for (const scheme of loadSchemes(schemesDir)) {
  for (const c of citations(scheme)) {
    if (c.seed === undefined) {
      if (!c.public)
        problems.push(
          `${scheme.id}: sitatet «${c.quote}» har verken kildetekst (seed) eller offentlig kilde`,
        );
      continue;
    }
    checked++;
    const seed = seeds.get(c.seed);
    if (seed === undefined) problems.push(`${scheme.id}: kildeteksten ${c.seed} finnes ikke i ${seedsDir}`);
    else if (!seed.includes(fold(c.quote)))
      problems.push(`${scheme.id}: «${c.quote}» står ikke i kildeteksten ${c.seed}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`check:sources: ${problems.length} av ${checked} sitater stemmer ikke`);
  process.exit(1);
}
console.log(`check:sources: alle ${checked} sitater står i kildetekstene (${seedsDir})`);
