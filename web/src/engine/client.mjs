// Engine: the page's handle on the interpreter running in a Web Worker (wasm/worker.js).
// No DOM here (like TensorFlow Playground's model code): the UI subscribes to state
// changes and awaits results, and tests can drive it with a fake worker.
//
// Why terminate-and-restart is the Stop: a worker busy in wasm never sees a message, so
// the only interruption that always works is worker.terminate(). Each new worker is a new
// "generation" with an empty namespace; callers compare generations to know that earlier
// cells must run again. Crashes (wasm traps) are handled the same way.
//
// Runs are serialised: the worker takes one message at a time, in order, so "Run all" and
// clicks on several cells cannot interleave inside the shared namespace. Every queued job is
// posted as soon as the worker is ready (the worker's own message queue keeps the order), so
// the worker goes from one cell to the next without waiting for this thread to take the
// last result and post the next run (measured, tests/bench/page.mjs: the round trips cost
// Run all about 4 ms a cell, more while the page draws charts). `inflight` holds the posted
// jobs, oldest first: results arrive in that order.

export class Engine {
  constructor({ workerUrl, createWorker, onState } = {}) {
    this.workerUrl = workerUrl;
    this.createWorker = createWorker || defaultCreateWorker;
    this.onState = onState || (() => {});
    this.generation = 0;
    this.state = 'idle';
    this.queue = [];
    this.inflight = [];
    this.nextId = 1;
    this.worker = null;
    this.readyPromise = null;
    this.lastReason = '';
    // The worker's idle warm-up (wasm/worker.js): {ms, errors} once a worker finished it.
    this.warmed = null;
    this.noWarm = false; // set when a warm-up crashed a worker: its successors skip it
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
    this.warmed = null;
    if (this.noWarm) worker.postMessage({ type: 'no-warm' });
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
      const job = this.inflight[0];
      if (!job || job.id !== msg.id) return;
      this.inflight.shift();
      job.resolve(msg.type === 'result' ? finish(msg.result, this.generation) : { ok: true });
      this.started();
      this.pump();
    } else if (msg.type === 'warmed') {
      this.warmed = { ms: msg.ms, errors: msg.errors || [] };
    } else if (msg.type === 'crashed' && msg.warm) {
      // The warm-up's scratch Session trapped between two jobs: none of the posted jobs ran.
      this.noWarm = true;
      this.queue = this.inflight.concat(this.queue);
      this.inflight = [];
      for (const j of this.queue) j.announced = false;
      this.start('crash');
    } else if (msg.type === 'crashed') {
      this.crash(msg.message);
    }
  }

  // The running job ends with an error; the worker is replaced, and the jobs posted after
  // it (which never ran) go back to the head of the queue for the new worker.
  crash(message) {
    const [job, ...unrun] = this.inflight;
    this.inflight = [];
    this.queue = unrun.concat(this.queue);
    for (const j of unrun) j.announced = false;
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
    const jobs = this.inflight.concat(this.queue);
    this.inflight = [];
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
    if (this.state !== 'ready') return;
    while (this.queue.length) {
      const job = this.queue.shift();
      this.inflight.push(job);
      this.worker.postMessage({ ...job.msg, id: job.id });
    }
    this.started();
  }

  // The oldest posted job is the one the worker runs now: tell its caller once.
  started() {
    const job = this.inflight[0];
    if (!job || job.announced) return;
    job.announced = true;
    if (job.meta.onStart) job.meta.onStart(this.generation);
  }

  // Resolves with {ok, stdout, clipped, error, figures: [], ms, generation, stopped?}.
  run(code, { filename = '<cell>', onStart, batch } = {}) {
    if (!this.worker) this.start();
    return this.enqueue({ type: 'run', code, filename }, { onStart, batch });
  }

  reset() {
    return this.enqueue({ type: 'reset' });
  }

  // Takes back the queued (not yet posted) runs that were given this `batch` in run()'s
  // options; their promises resolve with {dropped: true}. Run all uses it after a crash:
  // the cells it had posted behind the crashed one would run in an empty namespace.
  drop(batch) {
    const keep = [];
    for (const job of this.queue) {
      if (job.meta.batch === batch && batch !== undefined) job.resolve({ ok: false, dropped: true, generation: this.generation });
      else keep.push(job);
    }
    this.queue = keep;
  }

  // Stops whatever runs and drops the queue; the namespace is lost with the worker.
  stop() {
    const jobs = this.inflight.concat(this.queue);
    this.inflight = [];
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
    return this.inflight.length > 0 || this.queue.length > 0;
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
