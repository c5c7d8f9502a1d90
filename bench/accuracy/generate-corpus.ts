/**
 * Writes a held-out evaluation corpus of municipal grant submissions and its truth.
 *
 *   tsx bench/accuracy/generate-corpus.ts --out DIR [--set independent|known] [--count N] [--seed S]
 *       [--truth FILE] [--municipalities PATH] [--clean]
 *
 * DIR/<year>/<slug>/… (or DIR/<year>/<slug>.zip) per submission; truth.jsonl beside DIR
 * unless --truth says otherwise. The truth is what the generator put into the documents, with
 * the findings docs/checks.md requires for it (corpus/rules.ts), never the pipeline's output.
 *
 * Two sets: `known` (corpus/vocabulary-known.ts and compose.ts: the extractor's own words) and
 * `independent` (corpus/vocabulary-independent.ts and compose-independent.ts: wording and
 * layouts written without the extractor, in bokmål and nynorsk). The default is independent.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { composeSubmission } from './corpus/compose.ts';
import { composeIndependent } from './corpus/compose-independent.ts';
import { planSubmission, type Language, type PlanContext } from './corpus/plan.ts';
import { loadRegister } from './corpus/register.ts';
import { renderPdf } from './corpus/render-pdf.ts';
import { renderXlsx } from './corpus/render-xlsx.ts';
import { Rng } from './corpus/rng.ts';
import { BUDGET_LINES, TRYGGEST_LINES } from './corpus/vocabulary-known.ts';
import {
  BUDGET_DESCRIPTIONS_I,
  BUDGET_LINES_I,
  TRYGGEST_LINES_I,
  independentPlanVocabulary,
  municipalitiesForLanguage,
} from './corpus/vocabulary-independent.ts';
import { TruthLine, type BudgetCategory } from './truth.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_MUNICIPALITIES = resolve(HERE, '../../../shared/data/kommuner.json');

/** Share of submissions with planted defects (some defects add two findings). */
const DEFECT_SHARE = 0.4;

/** Share of the independent set written in nynorsk. */
const NYNORSK_SHARE = 0.35;

export const SETS = ['known', 'independent'] as const;
export type CorpusSet = (typeof SETS)[number];

export interface GenerateOptions {
  out: string;
  /** Which vocabulary and layouts: the known set or the independent one. */
  set: CorpusSet;
  count: number;
  seed: string;
  truth: string;
  municipalities: string;
  clean: boolean;
  quiet?: boolean;
}

export interface GenerateSummary {
  submissions: number;
  withFindings: number;
  documents: number;
  codes: Record<string, number>;
  templates: Record<string, number>;
  languages: Record<string, number>;
}

/** docs/checks.md's category words; every budget wording the corpus uses must hit exactly its own category. */
const CATEGORY_WORDS: Record<Exclude<BudgetCategory, 'annet'>, RegExp> = {
  lønn: /lønn|stilling|årsverk|personal|sosiale kostnader|arbeidsgiveravgift|pensjon/i,
  drift:
    /drift|husleie|reise|kurs|opplæring|kompetanse|veiledning|aktiviteter|materiell|informasjon|transport/i,
  investering: /investering|bil\b|kjøretøy|ombygging|bygg/i,
  inventar: /inventar|møbler|utstyr|\bpc|datautstyr/i,
  administrasjon: /administrasjon|adm\.|overhead|kontorhold/i,
};

function checkBudgetWordings(set: CorpusSet): void {
  const check = (label: string, category: BudgetCategory): void => {
    const hits = Object.entries(CATEGORY_WORDS)
      .filter(([, re]) => re.test(label))
      .map(([c]) => c);
    const ok = category === 'annet' ? hits.length === 0 : hits.length === 1 && hits[0] === category;
    if (!ok)
      throw new Error(
        `budget wording "${label}" (${category}) matches ${hits.join(', ') || 'no'} category words`,
      );
  };
  if (set === 'known') {
    for (const [category, labels] of Object.entries(BUDGET_LINES))
      for (const l of labels) check(l, category as BudgetCategory);
    for (const l of TRYGGEST_LINES) check(l, 'drift');
    return;
  }
  for (const language of ['nb', 'nn'] as const) {
    for (const [category, labels] of Object.entries(BUDGET_LINES_I[language]))
      for (const l of labels) check(l, category as BudgetCategory);
    for (const l of TRYGGEST_LINES_I[language]) check(l, 'drift');
    // A description beside a line may name its own category or none, never another one.
    for (const [category, texts] of Object.entries(BUDGET_DESCRIPTIONS_I[language])) {
      for (const text of texts) {
        const others = Object.entries(CATEGORY_WORDS)
          .filter(([c, re]) => c !== category && re.test(text))
          .map(([c]) => c);
        if (others.length > 0)
          throw new Error(`budget description "${text}" (${category}) names ${others.join(', ')}`);
      }
    }
  }
}

function zipBuffer(files: { name: string; data: Buffer }[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(f.data, f.name, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((res, rej) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => res(Buffer.concat(chunks)));
    zip.outputStream.on('error', rej);
  });
}

function prepareOut(out: string, clean: boolean): void {
  mkdirSync(out, { recursive: true });
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  const foreign = entries.filter((e) => !/^\d{4}$/.test(e));
  if (!clean || foreign.length > 0) {
    throw new Error(
      `${out} is not empty${foreign.length > 0 ? ` (holds ${foreign.slice(0, 3).join(', ')})` : ''}; ` +
        'pass --clean to replace an earlier corpus (only <year> folders are removed), or choose another --out',
    );
  }
  for (const e of entries) rmSync(join(out, e), { recursive: true, force: true });
}

export async function generateCorpus(opts: GenerateOptions): Promise<GenerateSummary> {
  checkBudgetWordings(opts.set);
  const register = loadRegister(opts.municipalities);
  prepareOut(opts.out, opts.clean);
  mkdirSync(dirname(opts.truth), { recursive: true });
  const truthStream = createWriteStream(opts.truth, { encoding: 'utf8' });
  // The known set keeps its original random streams (same seed, same bytes as before the split);
  // the independent set draws from its own.
  const stream = opts.set === 'known' ? opts.seed : `${opts.seed}:independent`;
  // A golden-ratio sequence puts defects in DEFECT_SHARE of any run of submissions, not just on average.
  const offset = new Rng(`${stream}:strata`).float();
  const withDefect = (i: number): boolean => (i * 0.6180339887498949 + offset) % 1 < DEFECT_SHARE;
  // Nynorsk spread the same way with another irrational step, so language and defects are not tied.
  const langOffset = new Rng(`${stream}:language`).float();
  const languageOf = (i: number): Language =>
    (i * 0.41421356237309515 + langOffset) % 1 < NYNORSK_SHARE ? 'nn' : 'nb';
  const ctx: PlanContext =
    opts.set === 'known'
      ? { register, usedSources: new Set<string>(), withDefect }
      : {
          register,
          usedSources: new Set<string>(),
          withDefect,
          languageOf,
          vocabulary: independentPlanVocabulary,
          municipalitiesFor: municipalitiesForLanguage,
        };
  const summary: GenerateSummary = {
    submissions: 0,
    withFindings: 0,
    documents: 0,
    codes: {},
    templates: {},
    languages: {},
  };

  for (let i = 0; i < opts.count; i++) {
    const rng = new Rng(`${stream}:${i}`);
    const { plan, expected, findings } = planSubmission(rng.fork('plan'), i, ctx);
    const composed =
      opts.set === 'known'
        ? composeSubmission(rng.fork('docs'), plan)
        : composeIndependent(rng.fork('docs'), plan);
    const files: { name: string; data: Buffer }[] = [];
    for (const d of composed.docs) {
      files.push({ name: d.name, data: d.type === 'pdf' ? await renderPdf(d) : await renderXlsx(d) });
    }
    const yearDir = join(opts.out, String(plan.folderYear));
    mkdirSync(yearDir, { recursive: true });
    if (plan.zip) {
      writeFileSync(
        join(yearDir, `${plan.slug}.zip`),
        await zipBuffer(files, new Date(`${plan.folderYear}-02-01T12:00:00Z`)),
      );
    } else {
      const dir = join(yearDir, plan.slug);
      mkdirSync(dir, { recursive: true });
      for (const f of files) writeFileSync(join(dir, f.name), f.data);
    }
    const line = TruthLine.parse({
      source: plan.source,
      expected,
      findings,
      meta: {
        templates: composed.templates,
        defects: plan.defects,
        files: files.map((f) => f.name),
        set: opts.set,
        language: plan.language,
      },
    });
    truthStream.write(`${JSON.stringify(line)}\n`);

    summary.submissions++;
    summary.documents += files.length;
    if (findings.length > 0) summary.withFindings++;
    for (const f of findings) summary.codes[f.code] = (summary.codes[f.code] ?? 0) + 1;
    for (const t of composed.templates) summary.templates[t] = (summary.templates[t] ?? 0) + 1;
    summary.languages[plan.language] = (summary.languages[plan.language] ?? 0) + 1;
    if (!opts.quiet && (i + 1) % 25 === 0) process.stderr.write(`  ${i + 1}/${opts.count} submissions\n`);
  }
  await new Promise<void>((res, rej) => truthStream.end((err?: Error | null) => (err ? rej(err) : res())));
  return summary;
}

export function printSummary(s: GenerateSummary, out: string, truth: string): void {
  const pct = (n: number): string => `${((100 * n) / Math.max(1, s.submissions)).toFixed(0)} %`;
  console.log(`Corpus: ${s.submissions} submissions, ${s.documents} documents in ${out}`);
  if (s.languages.nn)
    console.log(
      `Languages: bokmål ${s.languages.nb ?? 0} (${pct(s.languages.nb ?? 0)}), nynorsk ${s.languages.nn} (${pct(s.languages.nn)})`,
    );
  console.log(`Truth:  ${truth}`);
  console.log(`With expected findings: ${s.withFindings} (${pct(s.withFindings)})`);
  console.log(
    `Expected findings by code: ${Object.entries(s.codes)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `Documents by template: ${Object.entries(s.templates)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      set: { type: 'string', default: 'independent' },
      count: { type: 'string', default: '120' },
      seed: { type: 'string', default: '1' },
      truth: { type: 'string' },
      municipalities: { type: 'string', default: DEFAULT_MUNICIPALITIES },
      clean: { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    console.error(
      'usage: tsx bench/accuracy/generate-corpus.ts --out DIR [--set independent|known] [--count N] [--seed S] [--truth FILE] [--municipalities PATH] [--clean]',
    );
    process.exit(2);
  }
  const set = values.set as CorpusSet;
  if (!SETS.includes(set)) {
    console.error(`--set must be one of ${SETS.join(', ')}, got ${values.set}`);
    process.exit(2);
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) {
    console.error(`--count must be a positive integer, got ${values.count}`);
    process.exit(2);
  }
  const out = resolve(values.out);
  const truth = resolve(values.truth ?? join(dirname(out), 'truth.jsonl'));
  const summary = await generateCorpus({
    out,
    set,
    count,
    seed: values.seed,
    truth,
    municipalities: resolve(values.municipalities),
    clean: values.clean,
  });
  printSummary(summary, out, truth);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
