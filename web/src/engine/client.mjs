// Engine: the page's handle on the interpreter running in a Web Worker (wasm/worker.js).
// No DOM here (like TensorFlow Playground's model code): the UI subscribes to state
// changes and awaits results, and tests can drive it with a fake worker.
//
// Why terminate-and-restart is the Stop: a worker busy in wasm never sees a message, so
// the only interruption that always works is worker.terminate(). Each new worker is a new
// "generation" with an empty namespace; callers compare generations to know that earlier
// cells must run again. Crashes (wasm traps) are handled the same way.
//
// Runs are serialised: one in flight, the rest queued in order, so "Run all" and clicks on
// several cells cannot interleave inside the shared namespace.

export class Engine {
  constructor({ workerUrl, createWorker, onState } = {}) {
    this.workerUrl = workerUrl;
    this.createWorker = createWorker || defaultCreateWorker;
    this.onState = onState || (() => {});
    this.generation = 0;
    this.state = 'idle';
    this.queue = [];
    this.current = null;
    this.nextId = 1;
    this.worker = null;
    this.readyPromise = null;
    this.lastReason = '';
  }

  setState(state, detail = {}) {
    this.state = state;
    this.onState(state, { generation: this.generation, ...detail });
  }

  // Starts (or restarts) the worker; resolves when the module is ready.
  start(reason = '') {
    if (this.worker) this.worker.terminate();
    this.generation++;
    this.lastReason = reason;
    this.setState(reason ? 'restarting' : 'loading', { reason });
    let resolve, reject;
    this.readyPromise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
    this.readyPromise.catch(() => {});
    let worker;
    try {
      worker = this.createWorker(this.workerUrl);
    } catch (e) {
      this.setState('failed', { message: String(e && e.message ? e.message : e) });
      reject(e);
      return this.readyPromise;
    }
    this.worker = worker;
    const gen = this.generation;
    worker.onmessage = (ev) => {
      if (gen !== this.generation) return;
      this.onMessage(ev.data || {}, resolve, reject);
    };
    worker.onerror = (ev) => {
      if (gen !== this.generation) return;
      const message = (ev && ev.message) || 'the worker failed to load';
      if (this.state !== 'ready') {
        this.setState('failed', { message });
        reject(new Error(message));
      } else {
        this.crash(message);
      }
    };
    return this.readyPromise;
  }

  ready() {
    return this.readyPromise || this.start();
  }

  onMessage(msg, resolve, reject) {
    if (msg.type === 'ready') {
      this.setState('ready', { ms: msg.ms, reason: this.lastReason });
      resolve();
      this.pump();
    } else if (msg.type === 'fatal') {
      this.setState('failed', { message: msg.message });
      reject(new Error(msg.message));
      this.failQueue(msg.message);
    } else if (msg.type === 'result' || msg.type === 'reset-done') {
      const job = this.current;
      if (!job || job.id !== msg.id) return;
      this.current = null;
      job.resolve(msg.type === 'result' ? finish(msg.result, this.generation) : { ok: true });
      this.pump();
    } else if (msg.type === 'crashed') {
      this.crash(msg.message);
    }
  }

  // The current job ends with an error; the worker is replaced.
  crash(message) {
    const job = this.current;
    this.current = null;
    if (job) {
      job.resolve(
        finish(
          {
            ok: false,
            stdout: '',
            error: {
              type: 'InternalError',
              message: `the interpreter crashed (${message}); it was restarted`,
              line: 0,
              traceback: '',
            },
            figures: '[]',
            ms: 0,
          },
          this.generation,
          { restarted: true },
        ),
      );
    }
    this.start('crash');
  }

  failQueue(message) {
    const jobs = (this.current ? [this.current] : []).concat(this.queue);
    this.current = null;
    this.queue = [];
    for (const job of jobs) {
      job.resolve(
        finish(
          { ok: false, stdout: '', error: { type: 'EngineError', message, line: 0, traceback: '' }, figures: '[]', ms: 0 },
          this.generation,
        ),
      );
    }
  }

  enqueue(msg, meta = {}) {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, msg, meta, resolve });
      this.pump();
    });
  }

  pump() {
    if (this.current || this.state !== 'ready' || !this.queue.length) return;
    const job = this.queue.shift();
    this.current = job;
    if (job.meta.onStart) job.meta.onStart(this.generation);
    this.worker.postMessage({ ...job.msg, id: job.id });
  }

  // Resolves with {ok, stdout, clipped, error, figures: [], ms, generation, stopped?}.
  run(code, { filename = '<cell>', onStart } = {}) {
    if (!this.worker) this.start();
    return this.enqueue({ type: 'run', code, filename }, { onStart });
  }

  reset() {
    return this.enqueue({ type: 'reset' });
  }

  // Stops whatever runs and drops the queue; the namespace is lost with the worker.
  stop() {
    const jobs = (this.current ? [this.current] : []).concat(this.queue);
    this.current = null;
    this.queue = [];
    const p = this.start('stop');
    for (const job of jobs) {
      job.resolve(
        finish(
          {
            ok: false,
            stdout: '',
            error: {
              type: 'KeyboardInterrupt',
              message: 'stopped; the Python session was restarted',
              line: 0,
              traceback: '',
            },
            figures: '[]',
            ms: 0,
          },
          this.generation,
          { stopped: true, restarted: true },
        ),
      );
    }
    return p;
  }

  get busy() {
    return !!this.current || this.queue.length > 0;
  }
}

function finish(result, generation, extra = {}) {
  let figures = [];
  try {
    figures = JSON.parse(result.figures || '[]');
    if (!Array.isArray(figures)) figures = [];
  } catch {
    figures = [];
  }
  return { ...result, figures, generation, ...extra };
}

// In a sandboxed iframe (opaque origin) new Worker(url) throws; a blob: bootstrap that
// importScripts the real worker by absolute URL still works.
function defaultCreateWorker(url) {
  const abs = new URL(url, globalThis.location.href).href;
  try {
    return new Worker(abs);
  } catch (e) {
    const base = abs.replace(/[^/]*([?#].*)?$/, '');
    const src = `self.LMPY_BASE=${JSON.stringify(base)};importScripts(${JSON.stringify(abs)});`;
    const blobUrl = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    return new Worker(blobUrl);
  }
}
