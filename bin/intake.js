#!/usr/bin/env node
// Entry point for `npx intake`: runs the JavaScript compiled from exactly the sources in this folder
// (bin/build.mjs; compiled now if a source changed since the last build), so no start pays for
// compiling TypeScript and none runs an old build. Where no build can be made (a read-only
// installation without one), it runs the TypeScript through tsx as before.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentBuild } from './build.mjs';

const build = await currentBuild(undefined, (error) =>
  console.error(`intake: kunne ikke bygge JavaScript i dist/, kjører TypeScript-kildene (${error.message})`),
);
let main;
if (build) {
  // The program's threads and sandboxed processors load the same build (see reader-thread.mjs).
  process.env.INTAKE_BUILD = build;
  ({ main } = await import(pathToFileURL(join(build, 'intake.mjs')).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
