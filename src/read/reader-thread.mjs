// Entry of a reader thread. Under the compiled program (bin/intake.js sets INTAKE_BUILD) the thread
// runs the same build as the main thread; otherwise it registers tsx, which worker threads do not
// inherit from the main thread, and loads the TypeScript reader.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const build = process.env.INTAKE_BUILD;
if (build) {
  await import(pathToFileURL(join(build, 'reader-thread.mjs')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./reader-thread.ts');
}
