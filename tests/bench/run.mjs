// `npm run bench`: runs tests/bench/*.py under /usr/bin/python3 (the reference),
// build/native/lmpy and node wasm/lmpy.mjs, interleaved (each repetition runs every
// benchmark on every runner in turn), BENCH_REPS times (default 5), and prints markdown
// tables of the median wall times (whole process: start-up and imports included) with the
// ratio to CPython (pure Python) or to the native build (NumPy kernels: the same C++
// compiled natively). Then the download sizes (gzip -9), the start-up of the Node runner
// against an empty Node process, and the page in Chromium (tests/bench/page.mjs: ready,
// first output, Run all) and one update of each explorer (tests/bench/explorers.mjs).
// The first table sums up every target of issue 8 (and issue 7's 5 ms per update).
// A second table times the same programs inside one process (inproc.mjs, inproc.py):
// start-up excluded, the wasm core's first and second run against CPython's.
// A run that exits non-zero shows "error"; one whose stdout differs from CPython's
// shows "wrong". Options: BENCH_REPS=N, BENCH_ONLY=substring, --no-build, --no-page;
// BENCH_WASM_DIR, BENCH_DIST and BENCH_NATIVE measure other build folders than
// build/wasm, dist and build/native/lmpy (experiments in /tmp, without touching the repo's).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, setup } from '../../web/scripts/setup.mjs';
import { buildAll } from '../../web/scripts/build.mjs';
import { BUDGET, kb, sizes } from './sizes.mjs';
import { pageBench } from './page.mjs';

const READ_MS = 1500;
import { benchExplorers, explorerTable, UPDATE_BUDGET_MS } from './explorers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPS = Math.max(1, Number(process.env.BENCH_REPS || 5));
const ONLY = process.env.BENCH_ONLY || '';
const TIMEOUT_MS = 300_000;
const WASM_DIR = path.resolve(process.env.BENCH_WASM_DIR || path.join(ROOT, 'build/wasm'));
const DIST = path.resolve(process.env.BENCH_DIST || path.join(ROOT, 'dist'));
const NATIVE = path.resolve(process.env.BENCH_NATIVE || path.join(ROOT, 'build/native/lmpy'));
const CUSTOM = !!(process.env.BENCH_WASM_DIR || process.env.BENCH_DIST || process.env.BENCH_NATIVE);

const RUNNERS = [
  { key: 'cpython', label: 'CPython 3.11', cmd: ['/usr/bin/python3'] },
  { key: 'native', label: 'native lmpy', cmd: [NATIVE] },
  { key: 'wasm', label: 'wasm (node)', cmd: [process.execPath, path.join(ROOT, 'wasm/lmpy.mjs')] },
];

function timeRun(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: TIMEOUT_MS,
    maxBuffer: 1 << 26,
    env: { ...process.env, MPLBACKEND: 'Agg', PYTHONHASHSEED: '0', LMPY_WASM_DIR: WASM_DIR },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, ok: r.status === 0, out: r.stdout ? r.stdout.toString('utf8') : '', err: r.stderr ? r.stderr.toString('utf8') : String(r.error || '') };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function lastLine(text) {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length ? lines[lines.length - 1].trim() : '';
}

async function main() {
  if (!process.argv.includes('--no-build') && !CUSTOM) {
    await setup({ root: ROOT, reference: true });
    const steps = await buildAll({ root: ROOT });
    const bad = steps.filter((s) => !s.ok).map((s) => s.name);
    if (bad.length) console.error(`bench: warning, build failed: ${bad.join(', ')} (benchmarking what exists)`);
  }

  const benches = readdirSync(HERE)
    .filter((f) => f.endsWith('.py') && f !== 'inproc.py' && f.includes(ONLY))
    .sort((a, b) => (a.startsWith('np_') - b.startsWith('np_')) || a.localeCompare(b));
  // state[bench][runner] = {times: [], status: 'ok'|'error'|'wrong', note}
  const state = {};
  for (const b of benches) state[b] = Object.fromEntries(RUNNERS.map((r) => [r.key, { times: [], status: 'ok' }]));

  console.log(`\nbench: ${benches.length} programs x ${RUNNERS.length} runners x ${REPS} repetitions, interleaved`);
  for (let rep = 0; rep < REPS; rep++) {
    for (const b of benches) {
      for (const r of RUNNERS) {
        const st = state[b][r.key];
        if (st.status !== 'ok') continue; // failed once: not worth repeating
        const res = timeRun(r.cmd, [b], HERE);
        if (!res.ok) {
          st.status = 'error';
          st.note = lastLine(res.err) || 'exit != 0';
        } else if (r.key !== 'cpython' && state[b].cpython.out !== undefined && res.out !== state[b].cpython.out) {
          st.status = 'wrong';
          st.note = 'stdout differs from CPython';
        } else {
          st.times.push(res.ms);
          if (r.key === 'cpython') st.out = res.out;
        }
      }
    }
    process.stdout.write(`  repetition ${rep + 1}/${REPS} done\n`);
  }

  const cell = (st) => (st.status === 'ok' ? fmtMs(median(st.times)) : st.status);
  const r2 = (st, ref) => (st.status === 'ok' && ref.status === 'ok' ? median(st.times) / median(ref.times) : null);
  const fx = (x) => (x === null ? '—' : `${x.toFixed(2)}x`);
  const cpu = os.cpus()[0]?.model?.trim() || 'unknown CPU';
  const detail = [];
  detail.push('| benchmark | CPython 3.11 | native lmpy | native / CPython | wasm (node) | wasm / CPython | wasm / native |');
  detail.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const b of benches) {
    const s = state[b];
    detail.push(
      `| ${b.replace(/\.py$/, '')} | ${cell(s.cpython)} | ${cell(s.native)} | ${fx(r2(s.native, s.cpython))} | ${cell(s.wasm)} | ${fx(r2(s.wasm, s.cpython))} | ${fx(r2(s.wasm, s.native))} |`,
    );
  }
  const notes = [];
  for (const b of benches) for (const r of RUNNERS) if (state[b][r.key].status !== 'ok') notes.push(`${b} on ${r.key}: ${state[b][r.key].status}: ${state[b][r.key].note}`);

  // The same programs timed inside one process (tests/bench/inproc.*, `lmpy --inproc`):
  // start-up excluded, first run (lazy compilation, baseline tier) and second run (optimised)
  // of the wasm core against CPython's and the native build's second runs. Tells start-up and
  // warm-up apart from the interpreter and the NumPy kernels.
  const inproc = {};
  for (const b of benches) inproc[b] = { cpython: [], native: [], first: [], second: [], failed: false };
  for (let rep = 0; rep < REPS; rep++) {
    for (const b of benches) {
      const st = inproc[b];
      if (st.failed) continue;
      const c = timeRun(['/usr/bin/python3', path.join(HERE, 'inproc.py')], [b], HERE);
      const n = timeRun([NATIVE, '--inproc'], [b], HERE);
      const w = timeRun([process.execPath, path.join(HERE, 'inproc.mjs')], [b], HERE);
      try {
        const cj = JSON.parse(lastLine(c.out));
        const nj = JSON.parse(lastLine(n.out));
        const wj = JSON.parse(lastLine(w.out));
        if (!c.ok || !n.ok || !w.ok || !nj.ok || !wj.ok) throw new Error('failed');
        st.cpython.push(cj.second);
        st.native.push(nj.second);
        st.first.push(wj.first);
        st.second.push(wj.second);
      } catch {
        st.failed = true;
      }
    }
  }
  const inprocLines = [];
  inprocLines.push('| benchmark (in one process) | CPython 3.11 | native lmpy | wasm first run | wasm second run | second / CPython | second / native |');
  inprocLines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const b of benches) {
    const st = inproc[b];
    if (st.failed || !st.cpython.length) {
      inprocLines.push(`| ${b.replace(/\.py$/, '')} | error | | | | | |`);
      continue;
    }
    const [c, nat, f1, f2] = [median(st.cpython), median(st.native), median(st.first), median(st.second)];
    st.ratio = { cpython: f2 / c, native: f2 / nat };
    inprocLines.push(`| ${b.replace(/\.py$/, '')} | ${fmtMs(c)} | ${fmtMs(nat)} | ${fmtMs(f1)} | ${fmtMs(f2)} | ${(f2 / c).toFixed(2)}x | ${(f2 / nat).toFixed(2)}x |`);
  }

  // Sizes.
  const sz = sizes(ROOT, { wasmDir: WASM_DIR, distDir: DIST });
  const sizeLines = [];
  sizeLines.push('| download (gzip -9) | size | budget |');
  sizeLines.push('|---|---:|---:|');
  sizeLines.push(`| lmpy.wasm${sz.deferred ? ' (primary module)' : ''} | ${kb(sz.wasm)} | |`);
  if (sz.deferred) sizeLines.push(`| lmpy.deferred.wasm (compiled once the worker is idle, or on first use) | ${kb(sz.deferred)} | |`);
  sizeLines.push(`| lmpy.js (glue) | ${kb(sz.js)} | |`);
  sizeLines.push(`| core = wasm + glue | ${kb(sz.core)} | ${kb(BUDGET.core)} |`);
  sizeLines.push(`| dist/ total (the page) | ${kb(sz.dist)} | ${kb(BUDGET.dist)} |`);
  for (const [f, , g] of sz.distFiles.slice(0, 8)) sizeLines.push(`| &nbsp;&nbsp;dist/${f} | ${kb(g)} | |`);

  // Start-up: a file that prints one line, against an empty Node process.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lmpy-bench-'));
  writeFileSync(path.join(tmp, 'hello.py'), 'print("hello")\n');
  writeFileSync(path.join(tmp, 'empty.mjs'), '');
  const starts = {
    'node (empty script)': [process.execPath, 'empty.mjs'],
    'node wasm/lmpy.mjs hello.py': [process.execPath, path.join(ROOT, 'wasm/lmpy.mjs'), 'hello.py'],
    'build/native/lmpy hello.py': [NATIVE, 'hello.py'],
    'python3 hello.py': ['/usr/bin/python3', 'hello.py'],
  };
  const startTimes = Object.fromEntries(Object.keys(starts).map((k) => [k, []]));
  const startFail = {};
  for (let rep = 0; rep < Math.max(10, 2 * REPS); rep++) {
    for (const [k, cmd] of Object.entries(starts)) {
      // Timed even when the program fails: start-up is what is measured here.
      const res = timeRun(cmd, [], tmp);
      startTimes[k].push(res.ms);
      if (!res.ok) startFail[k] = lastLine(res.err) || 'exit != 0';
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  const base = median(startTimes['node (empty script)']);
  const startOver = median(startTimes['node wasm/lmpy.mjs hello.py']) - base;
  const startLines = [];
  startLines.push('| start-up (print one line) | median | over empty node |');
  startLines.push('|---|---:|---:|');
  for (const k of Object.keys(starts)) {
    const m = median(startTimes[k]);
    startLines.push(`| ${k} | ${m.toFixed(1)} ms${startFail[k] ? ' (error)' : ''} | ${k.startsWith('node wasm') ? `+${(m - base).toFixed(1)} ms` : ''} |`);
  }

  // The page in Chromium.
  let page = null;
  if (!process.argv.includes('--no-page')) {
    try {
      page = await pageBench({ dist: DIST, reps: REPS, log: (t) => process.stdout.write(t + '\n') });
      // The same after 1.5 s on the page (a reader's pause: the worker's idle warm-up has run).
      page.reading = await pageBench({ dist: DIST, reps: REPS, idleMs: READ_MS, log: (t) => process.stdout.write(t + '\n') });
    } catch (e) {
      notes.push(`page: ${e.message}`);
    }
  }

  // The explorers (issue 7): one update per explorer, called as the page calls it.
  let explorers = null;
  try {
    explorers = await benchExplorers({ dir: WASM_DIR });
  } catch (e) {
    notes.push(`explorers: ${e.message}`);
  }

  // One table for every target of issue 8.
  const sum = [];
  const row = (what, value, ref, target, ok) => sum.push(`| ${what} | ${value} | ${ref} | ${target} | ${ok === null ? '—' : ok ? 'yes' : 'no'} |`);
  sum.push('| issue 8 target | measured | against | target | met |');
  sum.push('|---|---:|---:|---:|:---:|');
  const within = (n, max) => (n === null || n === undefined ? null : n <= max);
  row(`core download (${sz.deferred ? 'primary wasm' : 'wasm'} + glue, gzip -9)`, kb(sz.core), `${sz.core ? ((sz.core / BUDGET.core) * 100).toFixed(0) : '—'}% of budget`, kb(BUDGET.core), within(sz.core, BUDGET.core));
  row('page download (gzip -9)', kb(sz.dist), `${sz.dist ? ((sz.dist / BUDGET.dist) * 100).toFixed(0) : '—'}% of budget`, kb(BUDGET.dist), within(sz.dist, BUDGET.dist));
  row('node wasm/lmpy.mjs hello.py', `+${startOver.toFixed(0)} ms`, `empty node ${base.toFixed(0)} ms`, '+40 ms', startOver <= 40);
  if (page) {
    row('page: navigation to data-ready', `${page.ready.toFixed(0)} ms`, 'navigation start', '300 ms', page.ready <= 300);
    row('page: navigation to first cell output', `${page.first.toFixed(0)} ms`, 'navigation start', '400 ms', page.first <= 400);
    row(`page: Run all (${page.cells} cells) right after the first output`, `${page.runAll.toFixed(0)} ms`, `${page.charts.toFixed(0)} ms with charts drawn`, '100 ms', page.runAll <= 100);
    const rd = page.reading;
    row(`page: Run all ${READ_MS / 1000} s after the first output`, `${rd.runAll.toFixed(0)} ms`, `${rd.charts.toFixed(0)} ms with charts drawn`, '100 ms', rd.runAll <= 100);
  } else {
    row('page timings', 'not measured', '', '', null);
  }
  for (const b of benches) {
    const s = state[b];
    const np = b.startsWith('np_');
    const x = np ? r2(s.wasm, s.native) : r2(s.wasm, s.cpython);
    row(`${b.replace(/\.py$/, '')}: wasm ${np ? '/ native lmpy' : '/ CPython'}`, fx(x), np ? cell(s.native) : cell(s.cpython), np ? '2x' : '1.5x', x === null ? null : x <= (np ? 2 : 1.5));
  }
  // The same ratios without either process's start-up (Node's own start is more than
  // CPython's whole run of the shorter benchmarks): second runs in one process.
  for (const b of benches) {
    const r = inproc[b].ratio;
    if (!r) continue;
    const np = b.startsWith('np_');
    const x = np ? r.native : r.cpython;
    row(`${b.replace(/\.py$/, '')} in one process (second runs): wasm ${np ? '/ native lmpy' : '/ CPython'}`, `${x.toFixed(2)}x`, 'start-up excluded', np ? '2x' : '1.5x', x <= (np ? 2 : 1.5));
  }

  if (explorers) {
    const timed = explorers.filter((r) => !r.error);
    const worst = timed.reduce((a, r) => (a && a.medianMs >= r.medianMs ? a : r), null);
    if (worst) row(`explorer update, slowest of ${timed.length} (issue 7)`, `${worst.medianMs.toFixed(2)} ms`, worst.explorer, `${UPDATE_BUDGET_MS} ms`, worst.medianMs <= UPDATE_BUDGET_MS);
  }

  const out = [];
  out.push(
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}), Node ${process.versions.node}; medians of ${REPS} interleaved runs (start-up: ${Math.max(10, 2 * REPS)}), wall time of the whole process.`,
  );
  out.push('', ...sum, '', ...detail, '', ...inprocLines, '', ...sizeLines, '', ...startLines);
  if (explorers) out.push('', explorerTable(explorers));
  console.log('\n' + out.join('\n'));
  if (notes.length) console.log('\n' + notes.map((n) => `- ${n}`).join('\n'));
  for (const [k, v] of Object.entries(startFail)) console.log(`- start-up ${k}: error (timed anyway): ${v}`);
  if (page && page.errors) console.log(`- page: ${page.errors} of ${page.cells} cells end with an error after Run all (the deck's own bugs; see errata)`);
}

await main();
