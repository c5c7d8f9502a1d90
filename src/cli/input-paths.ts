import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { IntakeError } from '../errors.ts';

/**
 * The archive paths a command was given, all of which must exist: a mistyped path is a usage error
 * said before a run, a batch or a store is started, not a stack trace from deep in discovery.
 */
export function existingPaths(paths: string[]): string[] {
  const missing = paths.filter((path) => !existsSync(resolve(path)));
  if (missing.length > 0) {
    throw new IntakeError(
      `fant ikke ${missing.join(', ')}: oppgi filer, mapper eller zip-arkiver som finnes`,
      'USAGE',
      { missing },
    );
  }
  return paths;
}
