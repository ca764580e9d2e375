// Node-side loader of the WebAssembly core (build/wasm/lmpy.js + lmpy.wasm).
// Kept lean on purpose: `node wasm/lmpy.mjs` must start within a few ms of an empty
// Node process, so this imports only node:fs and node:module.
//
//   import { loadLmpy } from './load-node.mjs';
//   const lmpy = await loadLmpy();            // the Emscripten module
//   const s = new lmpy.Session();
//   const r = s.run('print(1)', 'x.py');      // {ok, stdout, error, figures}
//   s.delete();
//
// LMPY_WASM_DIR overrides where lmpy.js / lmpy.wasm are looked for.
import { existsSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function wasmDir() {
  const d = process.env.LMPY_WASM_DIR;
  if (d) return d.endsWith('/') ? d : d + '/';
  return new URL('../build/wasm/', import.meta.url).pathname;
}

// Writes all of a string to a file descriptor synchronously (no event-loop flush
// needed before process.exit, and nothing lost on a pipe).
export function writeAll(fd, text) {
  let buf = Buffer.from(text, 'utf8');
  while (buf.length > 0) {
    let n;
    try {
      n = writeSync(fd, buf);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EPIPE') return;
      throw e;
    }
    buf = buf.subarray(n);
  }
}

// A split build (wasm/split.mjs) keeps the whole module as lmpy.full.wasm: Node reads it from
// disk, so the split's only effect here would be its cost (the primary's 1504 placeholder
// imports take ~12 ms to instantiate). LMPY_WASM_SPLIT=1 runs the split modules instead (tests).
function wasmFile(dir) {
  if (process.env.LMPY_WASM_SPLIT === '1') return 'lmpy.wasm';
  return existsSync(dir + 'lmpy.full.wasm') ? 'lmpy.full.wasm' : 'lmpy.wasm';
}

// The imports of a split core's primary module (wasm/split.mjs): one placeholder per function
// of lmpy.deferred.wasm. The first call of any instantiates the deferred module against the
// primary's exports, which puts the real functions in the table, and every call goes on
// through the table slot (later calls from wasm reach the slot directly).
function deferredImports(primary, bytes) {
  let table = null;
  return new Proxy(
    {},
    {
      get(_, slot) {
        return (...args) => {
          if (!table) {
            const exports = primary().exports;
            new WebAssembly.Instance(new WebAssembly.Module(bytes()), { primary: exports });
            table = Object.values(exports).find((v) => v instanceof WebAssembly.Table);
          }
          return table.get(Number(slot))(...args);
        };
      },
    },
  );
}

// The glue (a CommonJS script) evaluated as require() would, minus require()'s resolution of
// the path and its package.json scope: ~2 ms of Node's start (tests/bench, "start-up").
function evalGlue(file) {
  const module = { exports: {} };
  const text = readFileSync(file, 'utf8');
  new Function('module', 'exports', 'require', '__dirname', '__filename', text)(module, module.exports, require, file.replace(/[^/]*$/, ''), file);
  return module.exports;
}

export async function loadLmpy({ dir = wasmDir(), print, printErr } = {}) {
  let factory, compiled;
  try {
    // Emscripten 3.1.6 would fetch() the .wasm, which fails on file paths under Node 18+:
    // the module is compiled here instead, started before the glue is required so that V8
    // validates it on its background threads while the main thread parses lmpy.js.
    compiled = WebAssembly.compile(readFileSync(dir + wasmFile(dir)));
    compiled.catch(() => {}); // awaited below; not unhandled if the glue fails first
    factory = evalGlue(dir + 'lmpy.js');
  } catch (e) {
    const err = new Error(`lmpy: the WebAssembly build is missing in ${dir} (run \`npm run build\`): ${e.message}`);
    err.code = 'LMPY_NO_BUILD';
    throw err;
  }
  const module = await compiled.catch((e) => {
    throw new Error(`lmpy: ${dir}lmpy.wasm is not a valid WebAssembly module (run \`npm run build\`): ${e.message}`);
  });
  return factory({
    instantiateWasm(imports, receiveInstance) {
      let instance = null;
      imports.placeholder = deferredImports(() => instance, () => readFileSync(dir + 'lmpy.deferred.wasm'));
      WebAssembly.instantiate(module, imports).then((i) => receiveInstance((instance = i), module));
      return {}; // asynchronous: receiveInstance is called when ready
    },
    print: print || ((s) => writeAll(1, s + '\n')),
    printErr: printErr || ((s) => writeAll(2, s + '\n')),
  });
}
