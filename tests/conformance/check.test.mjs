// node --test: the conformance checker's rules and the runners' command-line contract
// (run by `npm test` in the js suite).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkCases, judge, listCases, makeRunner } from './check.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function tmpCases(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lmpy-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

test('judge: stdout must match byte for byte, exit 0 without .error', () => {
  const dir = tmpCases({ 'a.py': '', 'a.stdout': 'x\r\ny\n' });
  try {
    // The expected file is read like Python's text mode: \r\n becomes \n.
    assert.deepEqual(judge(dir, 'a', { out: 'x\ny\n', err: '', rc: 0 }, 30), []);
    assert.equal(judge(dir, 'a', { out: 'x\ny', err: '', rc: 0 }, 30).length, 1);
    assert.equal(judge(dir, 'a', { out: 'x\ny\n', err: 'boom\n', rc: 1 }, 30).length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('judge: with .error, a non-zero exit and the same last non-blank stderr line', () => {
  const dir = tmpCases({ 'b.py': '', 'b.stdout': 'before\n', 'b.error': "NameError: name 'q' is not defined\n" });
  try {
    const tb = 'Traceback (most recent call last):\n  File "b.py", line 2, in <module>\nNameError: name \'q\' is not defined\n\n  \n';
    assert.deepEqual(judge(dir, 'b', { out: 'before\n', err: tb, rc: 1 }, 30), []);
    assert.equal(judge(dir, 'b', { out: 'before\n', err: tb, rc: 0 }, 30).length, 1);
    assert.equal(judge(dir, 'b', { out: 'before\n', err: 'NameError: other\n', rc: 1 }, 30).length, 1);
    assert.equal(judge(dir, 'b', { out: '', err: '', rc: null, timedOut: true }, 30).length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('checkCases runs every case through every runner', async () => {
  const dir = tmpCases({ 'ok.py': '', 'ok.stdout': 'hi\n', 'bad.py': '', 'bad.stdout': 'no\n' });
  try {
    assert.deepEqual(listCases(dir), ['bad', 'ok']);
    const sh = makeRunner(['/bin/sh', '-c', 'echo hi', 'sh']);
    const results = await checkCases({ casesDir: dir, runners: [sh, { ...sh, label: 'again' }], log: () => {} });
    assert.deepEqual(
      results.map((r) => [r.name, r.runner, r.ok]),
      [
        ['bad', 'sh -c echo hi sh', false],
        ['bad', 'again', false],
        ['ok', 'sh -c echo hi sh', true],
        ['ok', 'again', true],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The runners' contract: usage and unreadable files exit 2; --figures writes a JSON
// array whatever the program does; an uncaught error exits 1 with `Type: message` last.
const RUNNERS = [
  ['native', [path.join(ROOT, 'build/native/lmpy')]],
  ['wasm', [process.execPath, path.join(ROOT, 'wasm/lmpy.mjs')]],
];
for (const [label, cmd] of RUNNERS) {
  const built = existsSync(label === 'native' ? cmd[0] : path.join(ROOT, 'build/wasm/lmpy.wasm'));
  test(`${label} runner: command-line contract`, { skip: built ? false : 'not built' }, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lmpy-runner-'));
    try {
      const run = (...args) => spawnSync(cmd[0], [...cmd.slice(1), ...args], { cwd: dir, encoding: 'utf8' });
      let r = run();
      assert.equal(r.status, 2);
      assert.match(r.stderr, /usage/);
      r = run('missing.py');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /can't open file 'missing.py'/);
      writeFileSync(path.join(dir, 'raise.py'), 'raise ValueError("nope")\n');
      r = run('--figures', 'fig.json', 'raise.py');
      assert.equal(r.status, 1);
      const last = r.stderr.split('\n').filter((l) => l.trim()).pop();
      assert.match(last, /^\w+: /);
      assert.ok(Array.isArray(JSON.parse(readFileSync(path.join(dir, 'fig.json'), 'utf8'))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

// `lmpy --inproc FILE` (the bench's native in-process timing): two runs in fresh interpreters,
// output discarded, one JSON line; a program that raises reports ok: false and exits 1.
test('native runner: --inproc times two fresh runs', { skip: existsSync(RUNNERS[0][1][0]) ? false : 'not built' }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lmpy-inproc-'));
  try {
    const run = (f) => spawnSync(RUNNERS[0][1][0], ['--inproc', f], { cwd: dir, encoding: 'utf8' });
    // a module-level name set by the first run must not exist in the second
    writeFileSync(path.join(dir, 'ok.py'), 'try:\n    seen\n    raise SystemError("state leaked")\nexcept NameError:\n    seen = 1\nprint("hidden")\n');
    let r = run('ok.py');
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.ok, true);
    assert.ok(j.first >= 0 && j.second >= 0);
    assert.doesNotMatch(r.stdout, /hidden/);
    writeFileSync(path.join(dir, 'raise.py'), 'raise ValueError("nope")\n');
    r = run('raise.py');
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).ok, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
