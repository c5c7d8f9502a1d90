// Compiles the TypeScript in src/ and workers/ to JavaScript in dist/<hash>/ with esbuild (tsx's
// own compiler), named by a hash of the sources' content: bin/intake.js runs a build only when it
// was made from exactly the sources now in the folder, and builds again otherwise, so an edited
// source never runs as its old build. `npm ci` builds once (the `prepare` script); `node
// bin/build.mjs` builds by hand. Only Node's own modules load unless a build is needed: this runs at
// every start of the program.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Entry points: the program, and what its threads and BullMQ's sandbox load (see their .mjs/.js). */
const ENTRY_POINTS = {
  intake: 'src/cli/main.ts',
  'reader-thread': 'src/read/reader-thread.ts',
  'page-render-thread': 'src/web/page-render-thread.ts',
  'ocr-document.sandbox': 'workers/ocr-document.worker.ts',
};
const SOURCE_DIRS = ['src', 'workers'];
const CODE = /\.(ts|mts|cts|js|mjs|cjs|json)$/;
/** A build no process has started from for this long is removed when a new one is made. */
const KEEP_UNUSED_MS = 6 * 3600_000;

/**
 * A hash of every code file under src/ and workers/ (path and content), of this script and of
 * tsconfig.json. Content, not modification times: a build is stale exactly when the code differs.
 */
export function sourceHash(root = ROOT) {
  const hash = createHash('sha256');
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (CODE.test(entry.name)) files.push(path);
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(root, dir));
  files.push(join(root, 'bin/build.mjs'), join(root, 'tsconfig.json'));
  for (const file of files.sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '');
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * The folder of the build of the sources as they are now, made first if there is none; null when
 * it cannot be made (esbuild missing, a source it cannot parse, a read-only folder): the caller
 * then runs the sources through tsx, which reports a syntax error better than a failed build.
 */
export async function currentBuild(root = ROOT, log = () => undefined) {
  const hash = sourceHash(root);
  const dir = join(root, 'dist', hash);
  if (existsSync(join(dir, 'intake.mjs'))) {
    markUsed(dir);
    return dir;
  }
  try {
    return await build(root, hash);
  } catch (error) {
    log(error);
    return null;
  }
}

/**
 * Builds dist/<hash>/ in a folder of its own, renamed into place when complete, so processes that
 * build at the same moment do not see each other's half-written files. The hash is taken again
 * after the build: a source saved while it ran makes the build count for nothing.
 */
export async function build(root = ROOT, hash = sourceHash(root)) {
  const { build: esbuild } = await loadEsbuild(root);
  const dist = join(root, 'dist');
  const dir = join(dist, hash);
  const building = join(dist, `.${hash}.${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await esbuild({
      absWorkingDir: root,
      entryPoints: ENTRY_POINTS,
      outdir: building,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // Lazy `await import()`s stay lazy: shared code goes in chunks loaded when first needed.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Dependencies load from node_modules as before; only this project's code is compiled.
      packages: 'external',
      sourcemap: true,
      logLevel: 'silent',
      plugins: [sourceLocations(root)],
    });
    if (sourceHash(root) !== hash) throw new Error('the sources changed while they were built');
    await rename(building, dir).catch((error) => {
      // Another process built the same sources first: its build is the same.
      if (!existsSync(join(dir, 'intake.mjs'))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  await pruneBuilds(dist, hash);
  return dir;
}

/** esbuild comes with tsx (a dependency); it is usually hoisted, but need not be. */
async function loadEsbuild(root) {
  try {
    return await import('esbuild');
  } catch {
    const fromTsx = createRequire(join(root, 'node_modules/tsx/package.json')).resolve('esbuild');
    return import(pathToFileURL(fromTsx).href);
  }
}

/**
 * Code finds its files (migrations, schemes, assets, thread entries) next to its source with
 * `import.meta.url`: in a bundle that would be the bundle's own address, so each module's
 * `import.meta.url` is rewritten to its source file's address, relative to the bundle.
 */
function sourceLocations(root) {
  return {
    name: 'source-locations',
    setup(build) {
      build.onLoad({ filter: /\.(ts|mjs|js)$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        // Every bundle file is in dist/<hash>/, two folders below the root.
        const fromBundle = `../../${relative(root, args.path).split(sep).join('/')}`;
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url)`;
        const contents = readFileSync(args.path, 'utf8')
          .replace(/\bimport\.meta\.url\b/g, `${url}.href`)
          .replace(/\bimport\.meta\.filename\b/g, `decodeURIComponent(${url}.pathname)`)
          .replace(/\bimport\.meta\.dirname\b/g, `decodeURIComponent(new URL('.', ${url}).pathname)`);
        return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Notes that a process started from this build (see KEEP_UNUSED_MS). */
function markUsed(dir) {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
  } catch {
    // A read-only installation: nothing is pruned there either.
  }
}

/** Removes builds of older sources that no process has started from for a while. */
async function pruneBuilds(dist, keep) {
  for (const name of await readdir(dist)) {
    if (name === keep) continue;
    const path = join(dist, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > KEEP_UNUSED_MS) await rm(path, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  try {
    const dir = await build();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`intake: bygget ${relative(process.cwd(), dir) || dir} på ${seconds} s`);
  } catch (error) {
    console.error(`intake: kunne ikke bygge JavaScript i dist/: ${error.message}`);
    // In `npm ci` (--if-possible) a failed build does not fail the install: bin/intake.js then
    // tries again at each start and runs the TypeScript through tsx meanwhile.
    if (process.argv.includes('--if-possible')) {
      console.error('intake: programmet kjører TypeScript-kildene med tsx til det kan bygges.');
    } else {
      process.exitCode = 1;
    }
  }
}
