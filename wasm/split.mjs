// Splits the linked core in two with Binaryen's wasm-split (a CMake post-link step):
//   lmpy.wasm           the primary module: every function the profile run called
//   lmpy.deferred.wasm  the rest, loaded on the first call of one of its functions
// Why: the whole core is ~575 KB gzip -9, the page's budget for it 400 KB (issue 8); the
// deck and the warm-up tour call about half of its code. The profile run executes the
// deck's 13 cells and wasm/warmup.py in a copy instrumented by `wasm-split --instrument`,
// so what a first visit runs is in the primary module.
// The primary imports one "placeholder" function per deferred function; the loaders
// (load-node.mjs, worker.js, web/src/engine/lm-core.mjs) answer them by instantiating the
// deferred module with {primary: exports}, which fills the table slots with the real
// functions, then call the slot. The full module stays beside them as lmpy.full.wasm.
// Usage: node wasm/split.mjs BUILD_DIR WASM_SPLIT   (BUILD_DIR holds lmpy.js and lmpy.wasm)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

function tool(bin, args) {
  const r = spawnSync(bin, ['--all-features', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${(r.stderr || r.error || '').toString().slice(0, 500)}`);
}

// The programs of the profile: the deck's code cells and the worker's warm-up tour.
async function programs() {
  const { parseDeck } = await import(pathToFileURL(path.join(ROOT, 'web/src/deck/parse.mjs')).href);
  const deck = parseDeck(fs.readFileSync(path.join(ROOT, 'web/deck/deck.md'), 'utf8'));
  const cells = deck.slides.filter((s) => s.code !== null).map((s) => s.code);
  return [...cells, fs.readFileSync(path.join(HERE, 'warmup.py'), 'utf8')]; // the tour whole
}

export async function split(dir, wasmSplit) {
  const full = path.join(dir, 'lmpy.full.wasm');
  const out = path.join(dir, 'lmpy.wasm');
  fs.renameSync(out, full);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lmpy-split-'));
  try {
    fs.copyFileSync(path.join(dir, 'lmpy.js'), path.join(tmp, 'lmpy.js'));
    fs.writeFileSync(path.join(tmp, 'package.json'), '{"type":"commonjs"}\n');
    tool(wasmSplit, ['--instrument', full, '-o', path.join(tmp, 'lmpy.wasm')]);
    const { loadLmpy } = await import(pathToFileURL(path.join(HERE, 'load-node.mjs')).href);
    const lmpy = await loadLmpy({ dir: tmp + '/', print() {}, printErr() {} });
    for (const code of await programs()) {
      const s = new lmpy.Session();
      s.run(code, '<profile>');
      s.delete();
    }
    const exports = lmpy.asm;
    const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    const at = memory.grow(4) * 65536; // fresh pages nothing else uses
    const size = exports.__write_profile(at, 4 * 65536);
    const profile = path.join(tmp, 'profile');
    fs.writeFileSync(profile, new Uint8Array(memory.buffer, at, size));
    tool(wasmSplit, [`--profile=${profile}`, full, '-o1', out, '-o2', path.join(dir, 'lmpy.deferred.wasm')]);
  } catch (e) {
    fs.renameSync(full, out); // the whole module, which every loader also runs
    fs.rmSync(path.join(dir, 'lmpy.deferred.wasm'), { force: true });
    throw e;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, wasmSplit] = process.argv.slice(2);
  split(path.resolve(dir), wasmSplit).catch((e) => {
    console.error(`wasm/split.mjs: ${e.message}`);
    process.exit(1);
  });
}
