// `npm run bench`: runs tests/bench/*.py under /usr/bin/python3 (the reference),
// build/native/lmpy and node wasm/lmpy.mjs, interleaved (each repetition runs every
// benchmark on every runner in turn), BENCH_REPS times (default 5), and prints a
// markdown table of the median wall times (whole process: start-up and imports
// included) with the ratio to CPython. Then the download sizes (gzip -9) and the
// start-up of the Node runner against an empty Node process.
// A run that exits non-zero shows "error"; one whose stdout differs from CPython's
// shows "wrong". Options: BENCH_REPS=N, BENCH_ONLY=substring, --no-build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, setup } from '../../web/scripts/setup.mjs';
import { buildAll } from '../../web/scripts/build.mjs';
import { BUDGET, kb, sizes } from './sizes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPS = Math.max(1, Number(process.env.BENCH_REPS || 5));
const ONLY = process.env.BENCH_ONLY || '';
const TIMEOUT_MS = 300_000;

const RUNNERS = [
  { key: 'cpython', label: 'CPython 3.11', cmd: ['/usr/bin/python3'] },
  { key: 'native', label: 'native lmpy', cmd: [path.join(ROOT, 'build/native/lmpy')] },
  { key: 'wasm', label: 'wasm (node)', cmd: [process.execPath, path.join(ROOT, 'wasm/lmpy.mjs')] },
];

function timeRun(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: TIMEOUT_MS,
    maxBuffer: 1 << 26,
    env: { ...process.env, MPLBACKEND: 'Agg', PYTHONHASHSEED: '0' },
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
  if (!process.argv.includes('--no-build')) {
    await setup({ root: ROOT, reference: true });
    const steps = await buildAll({ root: ROOT });
    const bad = steps.filter((s) => !s.ok).map((s) => s.name);
    if (bad.length) console.error(`bench: warning, build failed: ${bad.join(', ')} (benchmarking what exists)`);
  }

  const benches = readdirSync(HERE)
    .filter((f) => f.endsWith('.py') && f.includes(ONLY))
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
  const ratio = (st, ref) =>
    st.status === 'ok' && ref.status === 'ok' ? `${(median(st.times) / median(ref.times)).toFixed(2)}x` : '—';
  const cpu = os.cpus()[0]?.model?.trim() || 'unknown CPU';
  const lines = [];
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores), Node ${process.versions.node}; median of ${REPS}, wall time of the whole process.`);
  lines.push('');
  lines.push('| benchmark | CPython 3.11 | native lmpy | native / CPython | wasm (node) | wasm / CPython |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const b of benches) {
    const s = state[b];
    lines.push(`| ${b.replace(/\.py$/, '')} | ${cell(s.cpython)} | ${cell(s.native)} | ${ratio(s.native, s.cpython)} | ${cell(s.wasm)} | ${ratio(s.wasm, s.cpython)} |`);
  }
  const notes = [];
  for (const b of benches) for (const r of RUNNERS) if (state[b][r.key].status !== 'ok') notes.push(`${b} on ${r.key}: ${state[b][r.key].status}: ${state[b][r.key].note}`);

  // Sizes.
  const sz = sizes(ROOT);
  lines.push('');
  lines.push('| download (gzip -9) | size | budget |');
  lines.push('|---|---:|---:|');
  lines.push(`| lmpy.wasm | ${kb(sz.wasm)} | |`);
  lines.push(`| lmpy.js (glue) | ${kb(sz.js)} | |`);
  lines.push(`| core = wasm + glue | ${kb(sz.core)} | ${kb(BUDGET.core)} |`);
  lines.push(`| dist/ total (the page) | ${kb(sz.dist)} | ${kb(BUDGET.dist)} |`);
  for (const [f, , g] of sz.distFiles.slice(0, 8)) lines.push(`| &nbsp;&nbsp;dist/${f} | ${kb(g)} | |`);

  // Start-up: a file that prints one line, against an empty Node process.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lmpy-bench-'));
  writeFileSync(path.join(tmp, 'hello.py'), 'print("hello")\n');
  writeFileSync(path.join(tmp, 'empty.mjs'), '');
  const starts = {
    'node (empty script)': [process.execPath, 'empty.mjs'],
    'node wasm/lmpy.mjs hello.py': [process.execPath, path.join(ROOT, 'wasm/lmpy.mjs'), 'hello.py'],
    'build/native/lmpy hello.py': [path.join(ROOT, 'build/native/lmpy'), 'hello.py'],
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
  lines.push('');
  lines.push('| start-up (print one line) | median | over empty node |');
  lines.push('|---|---:|---:|');
  for (const k of Object.keys(starts)) {
    const m = median(startTimes[k]);
    const over = k.startsWith('node wasm') ? `+${(m - base).toFixed(1)} ms (target +40 ms)` : '';
    lines.push(`| ${k} | ${m.toFixed(1)} ms${startFail[k] ? ' (error)' : ''} | ${over} |`);
  }

  console.log('\n' + lines.join('\n'));
  if (notes.length) console.log('\n' + notes.map((n) => `- ${n}`).join('\n'));
  for (const [k, v] of Object.entries(startFail)) console.log(`- start-up ${k}: error (timed anyway): ${v}`);
}

await main();
