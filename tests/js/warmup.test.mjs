// wasm/warmup.py, the worker's idle warm-up tour, must run cleanly: an error in it would
// stop the tour early (the page reports it in engine.warmed.errors; the browser test checks
// that) and leave the paths after it cold. Here: both runners, exit 0, nothing on stderr,
// the same output, and every section reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOUR = path.join(ROOT, 'wasm/warmup.py');

test('the warm-up tour runs cleanly under both runners', () => {
  const native = spawnSync(path.join(ROOT, 'build/native/lmpy'), [TOUR], { encoding: 'utf8' });
  const wasm = spawnSync(process.execPath, [path.join(ROOT, 'wasm/lmpy.mjs'), TOUR], { encoding: 'utf8' });
  for (const r of [native, wasm]) {
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
  }
  assert.equal(wasm.stdout, native.stdout);
  // each section prints; the last line is from the sklearn section (pyplot prints nothing)
  const sections = fs.readFileSync(TOUR, 'utf8').split(/^# %%.*$/m).slice(1);
  assert.equal(sections.length, 8);
  assert.match(native.stdout.trimEnd().split('\n').pop(), /^\[\('acting', 0\)/);
});
