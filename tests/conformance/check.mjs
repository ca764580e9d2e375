// Runs the project's own conformance corpus (tests/conformance/cases) through one or
// more runners and compares with CPython's recorded output, by the same rules as
// ../shared/conformance/check:
//   * stdout equals NAME.stdout byte for byte, and
//   * where NAME.error exists (CPython raised), the runner exits non-zero and the last
//     non-blank line of its stderr equals NAME.error; otherwise it exits 0.
// Each runner is called as `RUNNER [ARGS...] NAME.py` with the cases folder as cwd.
//
// Usage:
//   node tests/conformance/check.mjs [--cases DIR] [--only SUBSTR] [--require LIST]
//        [--write-passing LIST] [--timeout S] [--jobs N] [--quiet] [-- RUNNER ARGS... [-- RUNNER2 ARGS...]]
// Without runners: both of the project's, build/native/lmpy and node wasm/lmpy.mjs.
// Last line: "conformance: N passed, M failed" (one per case and runner).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

// A function, not a constant: whether the wasm build is split is known only after the build,
// and `npm test` imports this module before building.
export const defaultRunners = () => [
  { label: 'native', cmd: [path.join(ROOT, 'build/native/lmpy')] },
  { label: 'wasm', cmd: [process.execPath, path.join(ROOT, 'wasm/lmpy.mjs')] },
  // a split build (wasm/split.mjs) through its two modules, as the page runs it (Node itself
  // runs lmpy.full.wasm)
  ...(existsSync(path.join(ROOT, 'build/wasm/lmpy.deferred.wasm'))
    ? [{ label: 'wasm-split', cmd: [process.execPath, path.join(ROOT, 'wasm/lmpy.mjs')], env: { LMPY_WASM_SPLIT: '1' } }]
    : []),
];

// Python's str.splitlines() separators.
const LINE_SPLIT = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

function lastNonBlankLine(text) {
  const lines = text.split(LINE_SPLIT).filter((l) => l.trim() !== '');
  return lines.length ? lines[lines.length - 1].trim() : '';
}

// Makes a runner command independent of the cases folder being its cwd.
export function makeRunner(argv) {
  const cmd = argv.map((a, i) => {
    if (a.startsWith('-')) return a;
    if (i === 0 && !a.includes('/')) return a; // found on PATH
    const abs = path.resolve(a);
    return existsSync(abs) ? abs : a;
  });
  const base = cmd.map((a) => path.basename(a)).join(' ');
  let label = base;
  if (cmd[0] === path.join(ROOT, 'build/native/lmpy')) label = 'native';
  else if (cmd.some((a) => a === path.join(ROOT, 'wasm/lmpy.mjs'))) label = 'wasm';
  return { label, cmd };
}

export function listCases(casesDir, only = '') {
  return readdirSync(casesDir)
    .filter((f) => f.endsWith('.py') && f.includes(only))
    .map((f) => f.slice(0, -3))
    .sort();
}

function runOne(cmd, file, cwd, timeoutS, env = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let child;
    try {
      child = spawn(cmd[0], [...cmd.slice(1), file], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ out: '', err: String(e.message), rc: -1, ms: Date.now() - t0 });
      return;
    }
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => err.push(Buffer.from(`\n${e.message}\n`)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        out: Buffer.concat(out).toString('utf8'),
        err: Buffer.concat(err).toString('utf8'),
        rc: timedOut ? null : code ?? (signal ? 128 : -1),
        timedOut,
        ms: Date.now() - t0,
      });
    });
  });
}

function firstDifference(want, got) {
  const a = want.split('\n');
  const b = got.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const lines = [`stdout differs from line ${i + 1}:`];
  for (let k = i; k < Math.min(a.length, i + 8); k++) lines.push(`- ${JSON.stringify(a[k])}`);
  for (let k = i; k < Math.min(b.length, i + 8); k++) lines.push(`+ ${JSON.stringify(b[k])}`);
  return lines.join('\n');
}

// Checks one case's result; returns the list of problems (empty = pass).
export function judge(casesDir, name, res, timeoutS) {
  // Python's text-mode read turns \r\n and \r into \n; so does the shared check.
  const wantOut = readFileSync(path.join(casesDir, name + '.stdout'), 'utf8').replace(/\r\n?/g, '\n');
  const errPath = path.join(casesDir, name + '.error');
  const wantErr = existsSync(errPath) ? readFileSync(errPath, 'utf8').trim() : null;
  const gotErr = res.timedOut ? `(no answer in ${timeoutS} s)` : lastNonBlankLine(res.err);
  const problems = [];
  if (res.out !== wantOut) problems.push(firstDifference(wantOut, res.out));
  if (wantErr !== null) {
    if (res.rc === 0 || res.rc === null || gotErr !== wantErr) {
      problems.push(`wanted exit != 0 and last stderr line ${JSON.stringify(wantErr)}; got exit ${res.rc}, ${JSON.stringify(gotErr)}`);
    }
  } else if (res.rc !== 0) {
    problems.push(`wanted exit 0; got exit ${res.rc}, last stderr line ${JSON.stringify(gotErr)}`);
  }
  return problems;
}

// Runs every case through every runner; `jobs` cases at a time. Never throws for a
// failing runner. Returns [{name, runner, ok, problems, ms}].
export async function checkCases({
  casesDir = path.join(HERE, 'cases'),
  runners = defaultRunners(),
  only = '',
  timeout = 30,
  jobs = 2,
  quiet = false,
  log = console.log,
} = {}) {
  const names = listCases(casesDir, only);
  const tasks = [];
  for (const name of names) for (const runner of runners) tasks.push({ name, runner });
  const results = new Array(tasks.length);
  let next = 0;
  let printed = 0;
  const done = new Array(tasks.length).fill(false);
  const flush = () => {
    // Print in a stable order whatever order the jobs finish in.
    while (printed < tasks.length && done[printed]) {
      const r = results[printed++];
      const tag = `${r.name} [${r.runner}] (${(r.ms / 1000).toFixed(2)} s)`;
      if (r.ok) log(`ok   ${tag}`);
      else {
        log(`FAIL ${tag}`);
        if (!quiet) for (const p of r.problems) log('    ' + p.replace(/\n/g, '\n    '));
      }
    }
  };
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      const { name, runner } = tasks[i];
      const res = await runOne(runner.cmd, name + '.py', casesDir, timeout, runner.env);
      const problems = judge(casesDir, name, res, timeout);
      results[i] = { name, runner: runner.label, ok: problems.length === 0, problems, ms: res.ms };
      done[i] = true;
      flush();
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, worker));
  return results;
}

async function main() {
  const argv = process.argv.slice(2);
  const opt = { cases: path.join(HERE, 'cases'), only: '', timeout: 30, jobs: 2, quiet: false };
  let i = 0;
  for (; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i];
    if (a === '--quiet') opt.quiet = true;
    else if (['--cases', '--only', '--require', '--write-passing', '--timeout', '--jobs'].includes(a) && i + 1 < argv.length) {
      opt[a.slice(2).replace('-p', 'P')] = argv[++i];
    } else {
      console.error(`check.mjs: unknown argument ${a}\n(usage: see the head of tests/conformance/check.mjs)`);
      return 2;
    }
  }
  const runners = [];
  let cur = null;
  for (i++; i < argv.length; i++) {
    if (argv[i] === '--') {
      if (cur && cur.length) runners.push(makeRunner(cur));
      cur = [];
    } else (cur ||= []).push(argv[i]);
  }
  if (cur && cur.length) runners.push(makeRunner(cur));
  const results = await checkCases({
    casesDir: path.resolve(opt.cases),
    runners: runners.length ? runners : defaultRunners(),
    only: opt.only,
    timeout: Number(opt.timeout),
    jobs: Number(opt.jobs),
    quiet: opt.quiet,
  });
  const passed = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  if (opt.writePassing) {
    // A case is listed when it passes with every runner.
    const bad = new Set(failed.map((r) => r.name));
    const names = [...new Set(passed.map((r) => r.name))].filter((n) => !bad.has(n));
    writeFileSync(opt.writePassing, names.map((n) => n + '\n').join(''));
  }
  let ok = failed.length === 0;
  if (opt.require) {
    const required = readFileSync(opt.require, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const bad = new Set(failed.map((r) => r.name));
    const all = new Set(results.map((r) => r.name));
    const lost = required.filter((n) => bad.has(n) || !all.has(n));
    if (lost.length) console.log('regressed (required but failing): ' + lost.join(', '));
    ok = lost.length === 0;
  }
  console.log(`conformance: ${passed.length} passed, ${failed.length} failed`);
  return ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
