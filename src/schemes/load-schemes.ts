import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SchemeFileError } from '../errors.ts';
import { SchemeFile, type Scheme } from './scheme-schema.ts';

/** Parses and validates one scheme file's text; throws SchemeFileError naming the path in the file. */
export function parseSchemeFile(file: string, text: string): Scheme {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SchemeFileError(file, `not valid JSON: ${(err as Error).message}`);
  }
  const parsed = SchemeFile.safeParse(json);
  if (!parsed.success) throw new SchemeFileError(file, `\n${z.prettifyError(parsed.error)}`);
  const scheme = parsed.data;
  checkConsistency(file, scheme);
  return scheme;
}

/** Rules zod cannot express: regexes compile, caps name existing priorities, years are unique. */
function checkConsistency(file: string, scheme: Scheme): void {
  const patterns: Array<[string, string]> = [
    ...scheme.recognition.aliases.map((a, i): [string, string] => [
      `recognition.aliases[${i}].pattern`,
      a.pattern,
    ]),
    ...scheme.priorities.flatMap((p, i) =>
      p.aliases.map((a, j): [string, string] => [`priorities[${i}].aliases[${j}]`, a]),
    ),
  ];
  for (const [path, pattern] of patterns) {
    try {
      new RegExp(pattern, 'iu');
    } catch (err) {
      throw new SchemeFileError(file, `${path}: invalid regular expression: ${(err as Error).message}`);
    }
  }
  const names = new Set(scheme.priorities.map((p) => p.name));
  scheme.caps.forEach((cap, i) => {
    if (cap.priority !== undefined && !names.has(cap.priority)) {
      throw new SchemeFileError(file, `caps[${i}].priority: no priority named "${cap.priority}"`);
    }
  });
  const years = scheme.years.map((y) => y.year);
  if (new Set(years).size !== years.length) throw new SchemeFileError(file, 'years: a year is listed twice');
}

/** Loads every `*.json` scheme in a folder, sorted by id; ids must be unique. */
export function loadSchemes(dir: string): Scheme[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch (err) {
    throw new SchemeFileError(dir, `cannot read the schemes folder: ${(err as Error).message}`);
  }
  if (files.length === 0) throw new SchemeFileError(dir, 'no scheme files (*.json) found');
  const schemes = files.sort().map((f) => {
    const path = join(dir, f);
    const scheme = parseSchemeFile(path, readFileSync(path, 'utf8'));
    if (`${scheme.id}.json` !== f)
      throw new SchemeFileError(path, `id "${scheme.id}" does not match the file name`);
    return scheme;
  });
  return schemes;
}
