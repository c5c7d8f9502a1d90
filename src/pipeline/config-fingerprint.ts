import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadLimits } from '../read/limits.ts';

/**
 * What a stored record was made with, beyond its bytes and the extractor version, as two hashes:
 * `read` over what changes a document's read result (the read limits, the OCR resolution), and
 * `check` over what changes extraction and the rules on the same read results (the municipality
 * register, the scheme files, the confidence threshold). A changed `read` means reading again; a
 * changed `check` only extracting and checking the stored read results again, which is cheap.
 */
export interface ConfigFingerprint {
  read: string;
  check: string;
}

/** The configuration a fingerprint is taken over, as loaded (contents, not paths: a copy is the same). */
export interface ConfigInputs {
  /** The municipality register file's bytes. */
  register: Buffer | string;
  /** The scheme files (`*.json` in the schemes folder) by name. */
  schemeFiles: Array<{ name: string; content: Buffer | string }>;
  lowConfidenceThreshold: number;
  limits: ReadLimits;
  ocrDpi: number;
}

/** How a done submission stands against this run's configuration. */
export type ConfigChange = 'same' | 'check' | 'read';

/** The limits that cannot change a read result: how many threads read at once. */
const NOT_READ_RESULT: ReadonlyArray<keyof ReadLimits> = ['readerThreads'];

/** The fingerprint of a configuration; pure. */
export function configFingerprint(inputs: ConfigInputs): ConfigFingerprint {
  const limits = Object.fromEntries(
    Object.entries(inputs.limits)
      .filter(([key]) => !NOT_READ_RESULT.includes(key as keyof ReadLimits))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const read = sha256([JSON.stringify({ limits, ocrDpi: inputs.ocrDpi })]);
  const schemes = [...inputs.schemeFiles].sort((a, b) => a.name.localeCompare(b.name));
  const check = sha256([
    'register',
    inputs.register,
    ...schemes.flatMap((s) => ['scheme', s.name, s.content]),
    'threshold',
    String(inputs.lowConfidenceThreshold),
  ]);
  return { read, check };
}

/**
 * Which stages a done submission must go through again: 'read' when its read inputs changed, else
 * 'check' when its check inputs changed, else 'same'. An unknown stored `check` (a record from
 * before fingerprints, or one a queue worker made) is checked again, since that is cheap; an
 * unknown `read` is taken as unchanged, so an upgrade does not read whole archives again.
 */
export function configChange(
  stored: { read: string | null; check: string | null },
  current: ConfigFingerprint,
): ConfigChange {
  if (stored.read !== null && stored.read !== current.read) return 'read';
  if (stored.check !== current.check) return 'check';
  return 'same';
}

/** Loads a configuration's inputs: the register file and the scheme files as they are on disk. */
export function loadConfigInputs(settings: {
  municipalitiesPath: string;
  schemesDir: string;
  lowConfidenceThreshold: number;
  readLimits: Readonly<ReadLimits>;
  ocrDpi: number;
}): ConfigInputs {
  const schemeFiles = readdirSync(settings.schemesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, content: readFileSync(join(settings.schemesDir, name)) }));
  return {
    register: readFileSync(settings.municipalitiesPath),
    schemeFiles,
    lowConfidenceThreshold: settings.lowConfidenceThreshold,
    limits: { ...settings.readLimits },
    ocrDpi: settings.ocrDpi,
  };
}

/** One hash over parts, each length-prefixed so that no two lists of parts hash alike. */
function sha256(parts: Array<Buffer | string>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
