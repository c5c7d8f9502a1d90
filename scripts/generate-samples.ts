/**
 * Writes the sample submissions (samples/<year>/<slug>/… or samples/<year>/<slug>.zip) and their
 * golden records (test/golden/<slug>.json). Deterministic: two runs give byte-identical files.
 *
 *   npm run samples
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import { cleanSamples } from './samples/catalogue-clean.ts';
import { findingSamples } from './samples/catalogue-findings.ts';
import { constructionProblems, findingKeys, golden, impliedFindings, sourceOf } from './samples/expect.ts';
import type { Sample } from './samples/model.ts';
import { readme } from './samples/readme.ts';
import { defaultRegisterPath, Register } from './samples/register.ts';
import { zipBuffer } from './samples/zip-writer.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const samplesDir = path.join(repoRoot, 'samples');
const goldenDir = path.join(repoRoot, 'test', 'golden');

interface Rendered {
  sample: Sample;
  files: Array<{ name: string; data: Buffer; sha256: string }>;
}

async function render(samples: Sample[]): Promise<Rendered[]> {
  const out: Rendered[] = [];
  for (const sample of samples) {
    const files = [];
    for (const f of sample.files) {
      const data = await f.render();
      files.push({ name: f.name, data, sha256: createHash('sha256').update(data).digest('hex') });
    }
    out.push({ sample, files });
  }
  return out;
}

/** Sources whose documents repeat bytes already seen in a submission earlier by source order. */
function duplicates(rendered: Rendered[]): Set<string> {
  const seen = new Map<string, string>();
  const dup = new Set<string>();
  for (const r of [...rendered].sort((a, b) => (sourceOf(a.sample) < sourceOf(b.sample) ? -1 : 1))) {
    const source = sourceOf(r.sample);
    for (const f of r.files) {
      const first = seen.get(f.sha256);
      if (first !== undefined && first !== source) dup.add(source);
      else if (first === undefined) seen.set(f.sha256, source);
    }
  }
  return dup;
}

function check(rendered: Rendered[], reg: Register): void {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const dup = duplicates(rendered);
  for (const { sample } of rendered) {
    if (slugs.has(sample.slug)) problems.push(`${sample.slug}: slug used twice`);
    slugs.add(sample.slug);
    for (const p of constructionProblems(sample)) problems.push(`${sample.slug}: ${p}`);
    const implied = impliedFindings(sample, reg, dup.has(sourceOf(sample)));
    const declared = findingKeys(sample);
    const missing = [...implied].filter((k) => !declared.has(k));
    const extra = [...declared].filter((k) => !implied.has(k));
    if (missing.length > 0) problems.push(`${sample.slug}: documents imply undeclared ${missing.join(', ')}`);
    if (extra.length > 0)
      problems.push(`${sample.slug}: declares ${extra.join(', ')} that the documents do not imply`);
  }
  if (problems.length > 0) {
    throw new Error(`sample catalogue is inconsistent:\n  ${problems.join('\n  ')}`);
  }
}

async function clean(): Promise<void> {
  await rm(samplesDir, { recursive: true, force: true });
  await mkdir(goldenDir, { recursive: true });
  for (const name of await readdir(goldenDir)) {
    if (name.endsWith('.json')) await rm(path.join(goldenDir, name));
  }
}

async function write(rendered: Rendered[]): Promise<void> {
  const prettierOptions = (await prettier.resolveConfig(path.join(goldenDir, 'x.json'))) ?? {};
  for (const { sample, files } of rendered) {
    const yearDir = path.join(samplesDir, String(sample.folderYear));
    await mkdir(yearDir, { recursive: true });
    if (sample.zip) {
      const zip = await zipBuffer(
        files.map((f) => ({ name: f.name, data: f.data })),
        sample.case.date,
      );
      await writeFile(path.join(yearDir, `${sample.slug}.zip`), zip);
    } else {
      const dir = path.join(yearDir, sample.slug);
      await mkdir(dir, { recursive: true });
      for (const f of files) await writeFile(path.join(dir, f.name), f.data);
    }
    const json = await prettier.format(JSON.stringify(golden(sample), null, 2), {
      ...prettierOptions,
      parser: 'json',
    });
    await writeFile(path.join(goldenDir, `${sample.slug}.json`), json);
  }
  // The table lives in docs/: a file in samples/ would itself become a submission (CONTRACT.md).
  await writeFile(path.join(repoRoot, 'docs/samples.md'), readme(rendered.map((r) => r.sample)));
}

async function main(): Promise<void> {
  const reg = new Register(defaultRegisterPath(repoRoot));
  const samples = [...cleanSamples(reg), ...findingSamples(reg)];
  const rendered = await render(samples);
  check(rendered, reg);
  await clean();
  await write(rendered);
  const counts = new Map<string, number>();
  for (const s of samples) for (const [code] of s.findings) counts.set(code, (counts.get(code) ?? 0) + 1);
  const accepted = samples.filter((s) => s.findings.length === 0).length;
  console.log(
    `wrote ${samples.length} submissions (${accepted} without findings) to samples/ and test/golden/`,
  );
  for (const [code, n] of [...counts].sort()) console.log(`  ${code}: ${n}`);
}

await main();
