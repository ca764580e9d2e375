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
  constructor({ base = '', loadScript, opaque = false } = {}) {
    this.base = base;
    this.loadScript = loadScript;
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
    const opts = { locateFile: (p) => this.base + p, print() {}, printErr() {} };
    try {
      this.module = await create(opts);
    } catch (e) {
      if (!this.opaque) throw e;
      // An opaque origin cannot fetch lmpy.wasm without CORS; the same bytes as a script can.
      await this.loadScript(this.base + 'lmpy-wasm.js');
      opts.wasmBinary = decodeBase64(globalThis.LMPY_WASM_BASE64);
      this.module = await create(opts);
    }
    return this;
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
