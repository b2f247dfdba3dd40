// The compiled copy of the `pathway` command: the CLI and the cohort worker bundled by esbuild
// into plain JavaScript under dist/cli/, so that a run does not load every TypeScript source
// through tsx's loader (about a second of every cohort run, paid again by each worker thread).
//
// Never stale: dist/cli/manifest.json lists every source file the bundle was built from with
// the SHA-256 of its content, and each start hashes those files again. Any difference (an
// edited, moved or deleted source) means the copy is not used: it is rebuilt, and when that
// cannot be done (no esbuild, a read-only checkout, a build error), the caller falls back to
// tsx. npm packages are not bundled: they load from node_modules as under tsx.
//
// Builds are written to a folder of their own (dist/cli/<id>/) and only then named in the
// manifest (written to a temporary file and renamed), so a process never sees half a build,
// and a process still running an older build keeps its files until the build is pruned.
import { createHash, randomBytes } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The checkout this file belongs to. */
const ownRoot = fileURLToPath(new URL('..', import.meta.url));
/** Where the builds of the checkout at `root` go, and the manifest naming the current one. */
const outOf = (root) => join(root, 'dist', 'cli');
const manifestOf = (root) => join(outOf(root), 'manifest.json');
/** The entry points: the CLI, and the cohort worker thread the CLI starts. */
const entries = { main: 'engine/cli/main.ts', 'cohort-worker': 'engine/node/cohort-worker.ts' };
/** Files that shape the build besides its sources: this recipe and the TypeScript settings. */
const recipe = ['bin/compiled.mjs', 'tsconfig.json', 'engine/tsconfig.json'];
/** Older builds are removed once they are this old (a long run may still be loading from one). */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The manifest when every source it lists still has the content it was built from. */
function freshManifest(root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestOf(root), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof manifest?.dir !== 'string' || typeof manifest.inputs !== 'object') return undefined;
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    try {
      if (sha256(join(root, file)) !== hash) return undefined;
    } catch {
      return undefined;
    }
  }
  return manifest;
}

/**
 * esbuild plugin: in a bundled source, `import.meta.url` keeps meaning the source file's own
 * URL (sources find files beside them that way, e.g. terminology/ from engine/node/).
 */
function sourceUrls(hashes) {
  return {
    name: 'source-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.split(sep).includes('node_modules')) return undefined;
        const bytes = readFileSync(args.path);
        // The content bundled is the content hashed, even if the file changes meanwhile.
        hashes.set(args.path, createHash('sha256').update(bytes).digest('hex'));
        const text = bytes.toString('utf8');
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/** Builds a fresh copy and names it in the manifest; returns the manifest. */
async function build(root) {
  const out = outOf(root);
  // esbuild comes with tsx (a dependency): resolved from tsx, wherever npm placed it.
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = await import(pathToFileURL(fromTsx.resolve('esbuild')).href);
  const id = `b-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const dir = join(out, id);
  const worker = join(dir, 'cohort-worker.mjs');
  const hashes = new Map();
  const workerFrom = dirname(join(root, 'engine/node/cohort-run.ts'));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)])),
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    // Names as in the sources (class and function names can show in messages and stacks).
    keepNames: true,
    logLevel: 'silent',
    // How engine/node/cohort-run.ts finds the compiled worker (relative to its own source).
    define: {
      PATHWAY_COMPILED_WORKER: JSON.stringify(relative(workerFrom, worker).split(sep).join('/')),
      // Where engine/node/parsed-versions.ts keeps parsed pathway files: in the build, so
      // that no other build's parsing code ever answers from them.
      PATHWAY_COMPILED_PARSED: JSON.stringify(
        `${relative(workerFrom, join(dir, 'parsed')).split(sep).join('/')}/`,
      ),
    },
    plugins: [sourceUrls(hashes)],
  });
  const inputs = {};
  for (const file of recipe) inputs[file] = sha256(join(root, file));
  for (const file of Object.keys(result.metafile.inputs).sort()) {
    const path = join(root, file);
    inputs[file.split(sep).join('/')] = hashes.get(path) ?? sha256(path);
  }
  const manifest = { dir: id, inputs };
  const temporary = `${manifestOf(root)}.${id}`;
  writeFileSync(temporary, `${JSON.stringify(manifest)}\n`);
  renameSync(temporary, manifestOf(root));
  prune(out, id);
  return manifest;
}

/** Removes builds other than `keep` that are old enough not to be in use. */
function prune(out, keep) {
  for (const name of readdirSync(out)) {
    if (!name.startsWith('b-') || name === keep) continue;
    const path = join(out, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > PRUNE_AFTER_MS)
        rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process pruned it first.
    }
  }
}

/**
 * The URL of the compiled CLI's main module, built first when missing or stale; undefined
 * when it cannot be used (the caller then runs the sources through tsx). `PATHWAY_COMPILED=0`
 * skips the compiled copy. `root` is the checkout (this file's own; tests give a copy).
 */
export async function compiledMain(root = ownRoot) {
  if (process.env.PATHWAY_COMPILED === '0') return undefined;
  let manifest = freshManifest(root);
  if (manifest === undefined) {
    try {
      mkdirSync(outOf(root), { recursive: true });
      manifest = await build(root);
    } catch (error) {
      if (process.env.PATHWAY_DEBUG === '1')
        process.stderr.write(`compiled CLI not built, running through tsx: ${error}\n`);
      return undefined;
    }
  }
  return pathToFileURL(resolve(outOf(root), manifest.dir, 'main.mjs')).href;
}
