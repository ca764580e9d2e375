// The explorers' handle on the core (issue 7): a second instance of the same lmpy.js /
// lmpy.wasm the worker runs, but on the main thread, because an explorer calls the core
// synchronously on every input event while the worker may be busy running a cell. Only
// the Embind functions of core/lm (README table) are used here, never the interpreter.
//
// No DOM: the caller injects loadScript(url) (a <script> tag in the page, a stub in
// tests), because the MODULARIZE'd glue is a classic script that defines createLmpy.
// load() is lazy and memoised, so the page decides when the download and compile happen
// (after the worker is ready, so the first cell's start-up is not delayed).
//
// call(name, ...args) never throws: every function returns JSON text, which is parsed
// here; {error} from the core, a missing function or a JS exception (a wasm trap) all
// become {error: message}, in Python's words where the core gives them.

export class LmCore {
  constructor({ base = '', loadScript, opaque = false, fetchBytes = defaultFetchBytes } = {}) {
    this.base = base;
    this.loadScript = loadScript;
    this.fetchBytes = fetchBytes; // url -> Promise<ArrayBuffer> (tests inject it)
    this.opaque = opaque; // sandboxed iframe: fetch may need CORS, the base64 copy does not
    this.module = null;
    this.promise = null;
    this.lastMs = 0;
  }

  load() {
    if (!this.promise) this.promise = this.instantiate();
    return this.promise;
  }

  async instantiate() {
    await this.loadScript(this.base + 'lmpy.js');
    const create = globalThis.createLmpy;
    if (typeof create !== 'function') throw new Error('lmpy.js did not define createLmpy');
    // An opaque origin cannot fetch lmpy.wasm without CORS; the same bytes as a script can.
    const primary = await this.bytes('lmpy.wasm', 'lmpy-wasm.js', 'LMPY_WASM_BASE64');
    // A split core (wasm/split.mjs): the explorers' functions live in lmpy.deferred.wasm, and
    // the main thread cannot fetch it synchronously on a first call, so it is instantiated
    // here, before anything is called.
    const module = await WebAssembly.compile(primary);
    const split = WebAssembly.Module.imports(module).some((i) => i.module === 'placeholder');
    const deferred = split ? await WebAssembly.compile(await this.bytes('lmpy.deferred.wasm', 'lmpy-deferred-wasm.js', 'LMPY_DEFERRED_BASE64')) : null;
    let table = null;
    const placeholder = new Proxy({}, { get: (_, slot) => (...args) => table.get(Number(slot))(...args) });
    let fail;
    const failed = new Promise((_, reject) => (fail = reject));
    this.module = await Promise.race([
      failed,
      create({
        print() {},
        printErr() {},
        instantiateWasm(imports, receive) {
          imports.placeholder = placeholder;
          WebAssembly.instantiate(module, imports)
            .then((instance) => {
              if (deferred) {
                new WebAssembly.Instance(deferred, { primary: instance.exports });
                table = Object.values(instance.exports).find((v) => v instanceof WebAssembly.Table);
              }
              receive(instance, module);
            })
            .catch(fail);
          return {}; // asynchronous
        },
      }),
    ]);
    return this;
  }

  async bytes(name, script, global) {
    try {
      return await this.fetchBytes(this.base + name);
    } catch (e) {
      if (!this.opaque) throw e;
      await this.loadScript(this.base + script);
      return decodeBase64(globalThis[global]);
    }
  }

  has(name) {
    return !!this.module && typeof this.module[name] === 'function';
  }

  // -> {value} or {error}; lastMs is the time spent in the core (and JSON.parse).
  call(name, ...args) {
    if (!this.module) return { error: 'the core is still loading' };
    if (!this.has(name)) return { error: `${name}() is not in this build of the core yet` };
    const t0 = now();
    try {
      const value = parseResult(this.module[name](...args));
      this.lastMs = now() - t0;
      if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.error === 'string') return { error: value.error };
      return { value };
    } catch (e) {
      this.lastMs = now() - t0;
      return { error: `internal error in the core (${(e && e.message) || e})` };
    }
  }
}

async function defaultFetchBytes(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
  return r.arrayBuffer();
}

function now() {
  return globalThis.performance ? performance.now() : Date.now();
}

// The core's JSON, with its packed arrays ({"f64": base64 of little-endian doubles, see
// json::Writer::packed) decoded into plain arrays of numbers.
export function parseResult(text) {
  return JSON.parse(text, (key, v) => {
    if (v && typeof v === 'object' && typeof v.f64 === 'string' && Object.keys(v).length === 1) {
      return Array.from(new Float64Array(decodeBase64(v.f64)));
    }
    return v;
  });
}

export function decodeBase64(s) {
  const bin = atob(String(s || ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}
