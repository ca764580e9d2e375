// Starts the explorers (issue 7) without slowing the first cell: this small module is in
// the page's bundle; the explorers themselves, Chart.js and the main-thread core are not.
// Nothing happens before the worker has settled (ready or failed), so the worker's download
// and compile of the core come first. Then, in idle time, the core loads on the main thread
// (engine/lm-core.mjs), and each explorer is built (its module imported lazily) when its
// mount point first comes near the viewport; each of these steps waits until no cell runs.
// Once built, an explorer calls the core synchronously on every input event; the worker
// is never involved.

import { LmCore } from '../../engine/lm-core.mjs';

const MODULES = {
  text: () => import('./text.mjs'),
  numeric: () => import('./numeric.mjs'),
  training: () => import('./training.mjs'),
};
const GROUP = { 1: 'text', 2: 'text', 3: 'numeric', 4: 'numeric', 5: 'numeric', 6: 'numeric', 7: 'training', 8: 'text', 9: 'numeric', 10: 'text', 11: 'text', 12: 'text', 13: 'training' };

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

const idle = (fn) => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 1500 }) : setTimeout(fn, 200));

export class ExplorerHost {
  // mounts: [{n, el}] — the [data-explorer] roots that slide.mjs made.
  // quiet: () => Promise that resolves when no cell runs (Playground.quiet); the core's
  // load and each build wait for it, so the explorers never slow the reader's runs.
  constructor(mounts, { quiet = () => Promise.resolve() } = {}) {
    this.quiet = quiet;
    this.mounts = new Map(mounts.filter((m) => GROUP[m.n]).map((m) => [m.n, m.el]));
    this.core = new LmCore({ base: new URL('./', location.href).href, loadScript, opaque: location.origin === 'null' });
    this.built = new Map();
    this.started = false;
  }

  // Called on every engine state; the first settled state starts the explorers.
  engineState(state) {
    if (this.started || (state !== 'ready' && state !== 'failed') || !this.mounts.size) return;
    this.started = true;
    idle(() => this.quiet().then(() => this.core.load()).catch(() => {}));
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          io.unobserve(e.target);
          const n = Number(e.target.dataset.explorer);
          this.quiet().then(() => this.build(n));
        }
      },
      { rootMargin: '300px 0px' },
    );
    for (const el of this.mounts.values()) io.observe(el);
  }

  // Resolves when explorer n is built (its module loaded and its DOM made); it marks itself
  // data-explorer-ready once the core and Chart.js are there and it has drawn.
  build(n) {
    if (!this.built.has(n)) {
      const el = this.mounts.get(n);
      this.built.set(
        n,
        MODULES[GROUP[n]]()
          .then((m) => m.explorers[n](el, this.core))
          .catch((e) => {
            el.replaceChildren(Object.assign(document.createElement('p'), { className: 'error-line', textContent: `The explorer could not load: ${e.message || e}` }));
            el.querySelector('p').setAttribute('data-explorer-error', '');
          }),
      );
    }
    return this.built.get(n);
  }
}
