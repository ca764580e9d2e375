// The page controller, shared by the deck page (index.html) and the embed view: it owns
// the cells (deck code, current code, corrected code), wires each SlideView's intents to
// the Engine, applies notebook semantics (notebook.mjs plans which earlier cells to run)
// and persists every edit. Cells outside an embed's range still exist as data without a
// view, so an embedded slide 6 can auto-run slide 5 exactly like the full page does.
// The slides' explorers (issue 7) start once the engine has settled (explorers/host.mjs);
// they call the core on the main thread and share nothing with the cells' state.

import { Engine } from '../engine/client.mjs';
import { plan } from '../engine/notebook.mjs';
import { verdict } from '../engine/output.mjs';
import { SlideView } from './slide.mjs';
import { ExplorerHost } from './explorers/host.mjs';
import { setBackgroundGate } from './editor.mjs';

const QUIET_START_MS = 4000;
const QUIET_POLL_MS = 50;
const idle = (fn) => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 0));

export class Playground {
  constructor({ deck, errata, store, visible = null, embed = false, workerUrl = 'worker.js', onEngineState = () => {} }) {
    this.deck = deck;
    this.errata = errata;
    this.store = store;
    this.embed = embed;
    this.onEngineState = onEngineState;
    this.cells = new Map();
    this.views = [];
    this.ran = new Map(); // n -> code that ran in the engine's current generation
    this.generation = 0;
    this.active = new Set();
    const saved = store.load();
    for (const slide of deck.slides) {
      const show = !visible || visible.includes(slide.n);
      const cell = slide.code === null ? null : { n: slide.n, original: slide.code, corrected: (errata[slide.n] || {}).corrected || null, code: slide.code };
      if (cell && typeof saved[slide.n] === 'string') cell.code = saved[slide.n];
      let view = null;
      if (show) {
        view = new SlideView({ slide, errata: errata[slide.n], code: cell ? cell.code : '', embed, on: this.intents() });
        this.views.push(view);
      }
      if (cell) {
        cell.view = view;
        cell.slide = slide;
        this.cells.set(slide.n, cell);
        if (view) view.setCorrectedMode(cell.code === cell.corrected);
      }
    }
    this.runningAll = false;
    this.startedAt = 0;
    this.explorers = new ExplorerHost(
      this.views.filter((v) => v.explorerEl).map((v) => ({ n: v.slide.n, el: v.explorerEl })),
      { quiet: () => this.quiet() },
    );
    setBackgroundGate(() => this.quiet());
    this.engine = new Engine({
      workerUrl,
      onState: (state, detail) => {
        this.explorers.engineState(state);
        if (detail.generation !== this.generation) {
          this.generation = detail.generation;
          this.ran.clear();
        }
        this.onEngineState(state, detail);
      },
    });
  }

  start() {
    this.startedAt = Date.now();
    return this.engine.start();
  }

  // Resolves when the page is quiet: no cell running or waiting to run (Run all counts
  // until its last cell), and the worker's start settled (or QUIET_START_MS passed, so a
  // worker that never answers cannot hold everything back), checked once more after an
  // idle callback. Background work (editor mounting, the explorers' start-up) awaits it
  // before each step, so it never competes with the reader's runs for the main thread
  // (measured in tests/bench/page.mjs: Run all right after start, median of 5, 723 ms when
  // CodeMirror mounts and the explorers' start-up shared the main thread, 313 ms without).
  quiet() {
    const busy = () => {
      const starting = (this.engine.state === 'loading' || this.engine.state === 'restarting') && Date.now() - this.startedAt < QUIET_START_MS;
      return starting || this.runningAll || this.active.size > 0 || this.engine.busy;
    };
    return new Promise((resolve) => {
      const check = () => {
        if (busy()) return setTimeout(check, QUIET_POLL_MS);
        idle(() => (busy() ? setTimeout(check, QUIET_POLL_MS) : resolve()));
      };
      check();
    });
  }

  intents() {
    return {
      run: (n) => this.runCell(n),
      stop: () => this.stop(),
      reset: (n) => this.resetCell(n),
      corrected: (n) => this.toggleCorrected(n),
      change: (n, code) => this.edited(n, code),
      share: (n) => this.onShare && this.onShare(n),
      embed: (n) => this.onEmbed && this.onEmbed(n),
    };
  }

  edited(n, code) {
    const cell = this.cells.get(n);
    if (!cell) return;
    cell.code = code;
    this.store.save(n, code, cell.original);
    if (cell.view) cell.view.setCorrectedMode(code === cell.corrected);
  }

  setCode(n, code) {
    const cell = this.cells.get(n);
    if (!cell) return;
    if (cell.view) cell.view.setCode(code);
    this.edited(n, code);
  }

  resetCell(n) {
    this.setCode(n, this.cells.get(n).original);
  }

  toggleCorrected(n) {
    const cell = this.cells.get(n);
    if (!cell || !cell.corrected) return;
    this.setCode(n, cell.code === cell.corrected ? cell.original : cell.corrected);
  }

  // Edited cells as {n: code}, for share links.
  edits() {
    const out = {};
    for (const [n, c] of this.cells) if (c.code !== c.original) out[n] = c.code;
    return out;
  }

  originals() {
    const out = {};
    for (const [n, c] of this.cells) out[n] = c.original;
    return out;
  }

  stop() {
    const targets = [...this.active];
    this.engine.stop();
    for (const n of targets) {
      const v = this.cells.get(n).view;
      if (v) v.setRunning(false);
    }
  }

  async restartNamespace() {
    await this.engine.reset();
    this.ran.clear();
  }

  // Every code cell in page order. All of them are handed to the engine at once, so the
  // worker runs them back to back while this thread shows each result as it arrives (a
  // cell's dependencies are earlier cells, so page order needs no planning; cells already
  // running or queued by a click are left to that run). After a crash the namespace is
  // gone: the cells still queued are taken back and run one by one through runCell, which
  // re-runs what each needs.
  async runAll() {
    this.runningAll = true;
    const batch = {};
    const jobs = [];
    try {
      for (const [n, cell] of this.cells) {
        if (this.active.has(n)) continue;
        const code = cell.code;
        this.active.add(n);
        if (cell.view) cell.view.setQueued();
        const onStart = () => cell.view && cell.view.setRunning(true);
        jobs.push({ n, cell, code, result: this.engine.run(code, { filename: `<slide ${n}>`, onStart, batch }) });
      }
      let crashedAt = -1;
      for (let i = 0; i < jobs.length; i++) {
        const { n, cell, code, result } = jobs[i];
        const r = await result;
        this.active.delete(n);
        if (cell.view) cell.view.setRunning(false);
        if (r.dropped) {
          crashedAt = i;
          break;
        }
        if (r.generation !== this.generation) {
          this.generation = r.generation;
          this.ran.clear();
        }
        if (!r.restarted) this.ran.set(n, code);
        const notes = [];
        if (r.stopped) notes.push('Stopped. The Python session was restarted, so earlier results were cleared; cells re-run what they need.');
        else if (r.restarted) {
          notes.push('The interpreter crashed and was restarted; earlier results were cleared.');
          this.engine.drop(batch);
        }
        this.show(cell, r, code, notes);
        if (r.stopped) return;
      }
      if (crashedAt < 0) return;
      for (const j of jobs.slice(crashedAt)) this.active.delete(j.n);
      for (const j of jobs.slice(crashedAt)) {
        const r = await this.runCell(j.n);
        if (r && r.stopped) break;
      }
    } finally {
      for (const j of jobs) {
        this.active.delete(j.n);
        if (j.cell.view) j.cell.view.setRunning(false);
      }
      this.runningAll = false;
    }
  }

  // Runs cell n after any earlier defining cells that have not run; resolves with the
  // target's result (or null when it was already running).
  async runCell(n) {
    const target = this.cells.get(n);
    if (!target || this.active.has(n)) return null;
    const ids = plan([...this.cells.values()].map((c) => ({ id: c.n, code: c.code })), n, this.ran);
    for (const id of ids) this.active.add(id);
    if (target.view) target.view.setRunning(true);
    const auto = [];
    let result = null;
    try {
      for (const id of ids) {
        const cell = this.cells.get(id);
        const code = cell.code;
        if (cell.view && id !== n) cell.view.setQueued();
        const r = await this.engine.run(code, {
          filename: `<slide ${id}>`,
          onStart: () => cell.view && cell.view.setRunning(true),
        });
        if (r.generation !== this.generation) {
          this.generation = r.generation;
          this.ran.clear();
        }
        if (!r.restarted) this.ran.set(id, code);
        if (cell.view && id !== n) cell.view.setRunning(false);
        this.active.delete(id);
        if (id !== n) {
          auto.push(id);
          this.show(cell, r, code, [`Ran automatically because slide ${n} uses names defined here.`]);
          if (r.stopped) return (result = r);
        } else {
          const notes = [];
          if (auto.length) notes.push(`Ran slide${auto.length > 1 ? 's' : ''} ${auto.join(', ')} first: ${auto.length > 1 ? 'they define' : 'it defines'} names this cell uses.`);
          if (r.stopped) notes.push('Stopped. The Python session was restarted, so earlier results were cleared; cells re-run what they need.');
          else if (r.restarted) notes.push('The interpreter crashed and was restarted; earlier results were cleared.');
          this.show(cell, r, code, notes, { scroll: true });
          result = r;
        }
      }
    } finally {
      for (const id of ids) {
        this.active.delete(id);
        const v = this.cells.get(id).view;
        if (v) v.setRunning(false);
      }
    }
    return result;
  }

  // scroll: bring the failing line into view (only for the cell the reader ran: Run all and
  // the cells run for a dependency must not move the page away from where the reader is).
  show(cell, r, code, notes, { scroll = false } = {}) {
    if (!cell.view) return;
    cell.view.showResult(r, { notes, line: errorLine(r, cell.n), scroll });
    let v;
    if (code === cell.original) v = verdict({ claimed: cell.slide.claimed_output, expected: (this.errata[cell.n] || {}).verdict, result: r });
    else if (code === cell.corrected) v = 'corrected';
    else v = 'edited';
    if (r.stopped) v = null;
    cell.view.setVerdict(v);
  }
}

// The line of this cell where the error surfaced: the last traceback frame in the cell's
// own file ("<slide N>"), else the interpreter's line when the traceback has no frames.
export function errorLine(r, n) {
  if (!r.error) return 0;
  const tb = String(r.error.traceback || '');
  let line = 0;
  const re = /File "<slide (\d+)>", line (\d+)/g;
  let m;
  let frames = 0;
  while ((m = re.exec(tb))) {
    frames++;
    if (Number(m[1]) === n) line = Number(m[2]);
  }
  if (!frames && r.error.line) line = r.error.line;
  return line;
}
