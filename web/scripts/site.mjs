// Builds the static site into outDir (default root/dist): esbuild bundles the page and the
// embed view (shared chunks, minified), the deck markdown is parsed here and inlined as
// data (virtual module "lm:deck"), and the engine files (build/wasm/lmpy.js + .wasm,
// wasm/worker.js) are copied beside them. Every URL in the output is relative, so dist/
// can be served from any sub-path. The service worker gets the file list and a content
// hash at build time. Called by web/scripts/build.mjs; also runnable on its own:
//   node web/scripts/site.mjs [outDir]

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDeck } from '../src/deck/parse.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultRoot = path.resolve(here, '../..');

function deckPlugin(root) {
  return {
    name: 'lm-deck',
    setup(build) {
      build.onResolve({ filter: /^lm:deck$/ }, () => ({ path: 'deck', namespace: 'lm-deck' }));
      build.onLoad({ filter: /.*/, namespace: 'lm-deck' }, () => {
        const file = path.join(root, 'web/deck/deck.md');
        const deck = parseDeck(fs.readFileSync(file, 'utf8'));
        return { contents: JSON.stringify(deck), loader: 'json', watchFiles: [file] };
      });
    },
  };
}

function walk(dir, base = dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, base));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

// wasmDir: where lmpy.js/.wasm are (default root/build/wasm; another build folder for
// engineers who must not touch build/).
export async function buildSite({ root = defaultRoot, outDir, wasmDir } = {}) {
  const esbuild = await import('esbuild');
  outDir = path.resolve(outDir || path.join(root, 'dist'));
  const web = path.join(root, 'web');
  wasmDir = path.resolve(wasmDir || path.join(root, 'build/wasm'));
  for (const f of ['lmpy.js', 'lmpy.wasm']) {
    if (!fs.existsSync(path.join(wasmDir, f))) throw new Error(`buildSite: ${path.join(wasmDir, f)} is missing; build the wasm module first`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      app: path.join(web, 'src/ui/app.mjs'),
      embed: path.join(web, 'src/ui/embed.mjs'),
      style: path.join(web, 'src/ui/style.css'),
    },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [deckPlugin(root)],
  });

  for (const f of ['index.html', 'embed.html', 'embed-host.js']) fs.copyFileSync(path.join(web, f), path.join(outDir, f));
  fs.copyFileSync(path.join(wasmDir, 'lmpy.js'), path.join(outDir, 'lmpy.js'));
  fs.copyFileSync(path.join(wasmDir, 'lmpy.wasm'), path.join(outDir, 'lmpy.wasm'));
  fs.copyFileSync(path.join(root, 'wasm/worker.js'), path.join(outDir, 'worker.js'));
  fs.copyFileSync(path.join(root, 'wasm/warmup.py'), path.join(outDir, 'warmup.py')); // the worker's idle warm-up
  // Same bytes as a script, for workers started from an opaque origin (sandboxed
  // iframes) where fetching lmpy.wasm needs CORS but importScripts does not.
  const wasm = fs.readFileSync(path.join(wasmDir, 'lmpy.wasm'));
  fs.writeFileSync(path.join(outDir, 'lmpy-wasm.js'), `self.LMPY_WASM_BASE64=${JSON.stringify(wasm.toString('base64'))};\n`);
  // A split core's second module (wasm/split.mjs), and its script twin for opaque origins.
  const deferred = path.join(wasmDir, 'lmpy.deferred.wasm');
  if (fs.existsSync(deferred)) {
    fs.copyFileSync(deferred, path.join(outDir, 'lmpy.deferred.wasm'));
    const b64 = fs.readFileSync(deferred).toString('base64');
    fs.writeFileSync(path.join(outDir, 'lmpy-deferred-wasm.js'), `self.LMPY_DEFERRED_BASE64=${JSON.stringify(b64)};\n`);
  }
  fs.copyFileSync(path.join(web, 'deck/deck.md'), path.join(outDir, 'deck.md'));

  // The service worker precaches what a visit needs (not the base64 fallback).
  const files = walk(outDir).filter((f) => f !== 'lmpy-wasm.js' && f !== 'lmpy-deferred-wasm.js' && f !== 'sw.js');
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(outDir, f)));
  const version = h.digest('hex').slice(0, 12);
  const sw = fs
    .readFileSync(path.join(web, 'src/sw.js'), 'utf8')
    .replace("var VERSION = '__VERSION__';", `var VERSION = '${version}';`)
    .replace('var PRECACHE = __PRECACHE__;', `var PRECACHE = ${JSON.stringify(['./', ...files.map((f) => `./${f}`)])};`);
  if (sw.includes('__VERSION__') || sw.includes('__PRECACHE__')) throw new Error('buildSite: sw.js placeholders not found');
  fs.writeFileSync(path.join(outDir, 'sw.js'), sw);
  return { outDir, files: walk(outDir), version };
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const outDir = process.argv[2];
  buildSite({ outDir })
    .then((r) => console.log(`site: ${r.files.length} files in ${path.relative(process.cwd(), r.outDir) || '.'} (version ${r.version})`))
    .catch((e) => {
      console.error(e.message || e);
      process.exit(1);
    });
}
