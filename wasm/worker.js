// Worker glue between the page and the Embind Session (classic worker, so that the
// MODULARIZE'd CommonJS/UMD glue lmpy.js loads with importScripts).
// Deliberately thin: one Session, one message at a time, results posted as plain data.
// A busy worker cannot receive messages, so Stop is the page terminating this worker and
// starting a new one; nothing here tries to be clever about interruption.
// Any JS exception out of Session.run (wasm trap: stack overflow, out of memory, abort)
// may have left the module's memory inconsistent, so the worker reports "crashed" and the
// page replaces it instead of reusing it.
// When the page sits in a sandboxed iframe (opaque origin) it starts this script through
// a blob: bootstrap that sets self.LMPY_BASE; the wasm then comes from fetch (if the
// server allows CORS) or from lmpy-wasm.js, the same bytes as base64 in a script, which
// importScripts may load from any origin.
'use strict';

var BASE = self.LMPY_BASE || self.location.href.replace(/[^/]*([?#].*)?$/, '');
var MAX_STDOUT = 4 * 1024 * 1024; // characters posted back; the page caps what it shows
var session = null;
var lmpy = null; // the instantiated module (for the warm-up's scratch Session)

// Idle warm-up (why: the top of wasm/warmup.py). The tour starts once the worker has had no
// message for WARM_IDLE_MS, runs one "# %%" section per task in a scratch Session (so the
// reader's namespace never sees it and a message waits for one section at most), and is
// posted back as 'warmed' with its time and any error, which tests assert on. Every message
// postpones the next section; 'no-warm' (sent by the page after a warm-up crashed the
// module once) turns it off.
var WARM_IDLE_MS = 30;
var warm = { on: true, off: false, steps: null, next: 0, session: null, timer: 0, ms: 0, errors: [] };

function armWarm() {
  clearTimeout(warm.timer);
  if (warm.on && session) warm.timer = setTimeout(warmStep, WARM_IDLE_MS);
}

function warmStep() {
  prefetchDeferred();
  if (!warm.on || !session) return;
  if (!warm.steps) {
    warm.on = false; // until the tour has arrived
    fetch(BASE + 'warmup.py')
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.text();
      })
      .then(function (text) {
        warm.steps = text.split(/^# %%.*$/m).slice(1);
        warm.on = warm.steps.length > 0 && !warm.off;
        armWarm();
      })
      .catch(function () {}); // no tour (an opaque origin without CORS): no warm-up
    return;
  }
  var t0 = performance.now();
  var r;
  try {
    if (!warm.session) warm.session = new lmpy.Session();
    r = warm.session.run(warm.steps[warm.next], '<warm-up>');
  } catch (e) {
    warm.on = false;
    session = null;
    post({ type: 'crashed', warm: true, message: String((e && e.message) || e) });
    return;
  }
  warm.ms += performance.now() - t0;
  if (!r.ok) warm.errors.push(String(r.error.type) + ': ' + String(r.error.message) + ' (line ' + r.error.line + ')');
  if (++warm.next < warm.steps.length) return armWarm();
  warm.on = false;
  warm.session.delete();
  warm.session = null;
  post({ type: 'warmed', ms: warm.ms, errors: warm.errors });
}

function post(msg) {
  self.postMessage(msg);
}

function base64Bytes(text) {
  var s = atob(text);
  var b = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b.buffer;
}

function wasmBytes() {
  // Only for the opaque-origin bootstrap (a normal worker stream-compiles, see compileWasm).
  return fetch(BASE + 'lmpy.wasm')
    .then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    })
    .catch(function () {
      importScripts(BASE + 'lmpy-wasm.js');
      return base64Bytes(self.LMPY_WASM_BASE64);
    });
}

// The module, compiled while the glue loads: streaming (compiling as the bytes arrive) when the
// server labels it application/wasm, else from the whole download, as Emscripten's own loader
// falls back. Started before importScripts, which blocks this thread until lmpy.js is fetched
// and parsed.
function compileWasm() {
  var url = BASE + 'lmpy.wasm';
  var whole = function () {
    return fetch(url)
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + url);
        return r.arrayBuffer();
      })
      .then(function (b) {
        return WebAssembly.compile(b);
      });
  };
  if (typeof WebAssembly.compileStreaming !== 'function') return whole();
  return WebAssembly.compileStreaming(fetch(url)).catch(whole);
}

// A split core (wasm/split.mjs): the primary module imports one placeholder per function of
// lmpy.deferred.wasm. The first call of any instantiates the deferred module against the
// primary's exports (which fills the table slots) and goes on through the slot. The deferred
// module is compiled in the background once the worker is idle (prefetchDeferred); a call
// before that fetches it synchronously, which a worker may do.
var deferred = { module: null, table: null, fetching: null };

function deferredModule() {
  if (deferred.module) return deferred.module;
  var bytes;
  if (self.LMPY_BASE) {
    importScripts(BASE + 'lmpy-deferred-wasm.js');
    bytes = base64Bytes(self.LMPY_DEFERRED_BASE64);
  } else {
    var x = new XMLHttpRequest();
    x.open('GET', BASE + 'lmpy.deferred.wasm', false);
    x.responseType = 'arraybuffer';
    x.send(null);
    if (x.status !== 200 && x.status !== 0) throw new Error('HTTP ' + x.status + ' for lmpy.deferred.wasm');
    bytes = x.response;
  }
  return (deferred.module = new WebAssembly.Module(bytes));
}

function prefetchDeferred() {
  if (deferred.module || deferred.fetching || self.LMPY_BASE || !deferred.needed) return;
  deferred.fetching = fetch(BASE + 'lmpy.deferred.wasm')
    .then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    })
    .then(function (b) {
      return WebAssembly.compile(b);
    })
    .then(function (m) {
      if (!deferred.module) deferred.module = m;
    })
    .catch(function () {}); // the synchronous path fetches it when a call needs it
}

function placeholderImports(primary) {
  return new Proxy(
    {},
    {
      get: function (_, slot) {
        deferred.needed = true;
        return function () {
          if (!deferred.table) {
            var exports = primary().exports;
            new WebAssembly.Instance(deferredModule(), { primary: exports });
            deferred.table = Object.values(exports).find(function (v) {
              return v instanceof WebAssembly.Table;
            });
          }
          return deferred.table.get(Number(slot)).apply(null, arguments);
        };
      },
    },
  );
}

function start() {
  var t0 = performance.now();
  // the opaque-origin bootstrap has the bytes from wasmBytes(); a normal worker streams them
  var compiled = self.LMPY_BASE
    ? wasmBytes().then(function (b) {
        return WebAssembly.compile(b);
      })
    : compileWasm();
  compiled.catch(function () {}); // reported through createLmpy below
  importScripts(BASE + 'lmpy.js');
  var opts = {
    locateFile: function (path) {
      return BASE + path;
    },
    print: function () {},
    printErr: function () {},
  };
  var ready = compiled.then(function (module) {
    opts.instantiateWasm = function (imports, receiveInstance) {
      var instance = null;
      imports.placeholder = placeholderImports(function () {
        return instance;
      });
      WebAssembly.instantiate(module, imports).then(function (i) {
        instance = i;
        receiveInstance(i, module);
      }, function (e) {
        post({ type: 'fatal', message: 'the WebAssembly module failed to instantiate: ' + String((e && e.message) || e) });
      });
      return {}; // asynchronous
    };
    return createLmpy(opts);
  });
  return ready.then(function (Module) {
    lmpy = Module;
    session = new Module.Session();
    post({ type: 'ready', ms: performance.now() - t0 });
    armWarm();
  });
}

function run(msg) {
  var t0 = performance.now();
  var r;
  try {
    r = session.run(String(msg.code), msg.filename || '<cell>');
  } catch (e) {
    post({ type: 'crashed', id: msg.id, message: String((e && e.message) || e) });
    session = null;
    return;
  }
  var ms = performance.now() - t0;
  var stdout = r.stdout || '';
  var clipped = stdout.length > MAX_STDOUT;
  if (clipped) stdout = stdout.slice(0, MAX_STDOUT);
  var error = r.error
    ? {
        type: String(r.error.type),
        message: String(r.error.message),
        line: Number(r.error.line) || 0,
        traceback: String(r.error.traceback || ''),
      }
    : null;
  post({
    type: 'result',
    id: msg.id,
    result: { ok: !!r.ok, stdout: stdout, clipped: clipped, error: error, figures: String(r.figures || '[]'), ms: ms },
  });
}

self.onmessage = function (ev) {
  var msg = ev.data || {};
  if (msg.type === 'no-warm') {
    warm.on = false;
    warm.off = true;
    return;
  }
  if (!session) {
    post({ type: 'crashed', id: msg.id, message: 'the interpreter is not running' });
    return;
  }
  if (msg.type === 'run') run(msg);
  else if (msg.type === 'reset') {
    session.reset();
    post({ type: 'reset-done', id: msg.id });
  }
  armWarm();
};

try {
  start().catch(function (e) {
    post({ type: 'fatal', message: String((e && e.message) || e) });
  });
} catch (e) {
  post({ type: 'fatal', message: String((e && e.message) || e) });
}
