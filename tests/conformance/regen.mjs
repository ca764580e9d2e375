// Regenerates the expected outputs of the project's corpus with the reference
// interpreter, Debian's CPython 3.11 + NumPy 1.24 + scikit-learn 1.2 + matplotlib 3.6
// (/usr/bin/python3; installed by `node web/scripts/setup.mjs --reference`).
// For each cases/NAME.py it writes NAME.stdout (CPython's exact stdout) and, when
// CPython exits non-zero, NAME.error (the last non-blank line of its stderr).
// Never edit those files by hand: change NAME.py and run this.
//
// Usage: node tests/conformance/regen.mjs [NAME ...]   (default: every case)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASES = path.join(HERE, 'cases');
const PY = '/usr/bin/python3';

if (!existsSync(PY)) {
  console.error('regen: /usr/bin/python3 is missing; run `node web/scripts/setup.mjs --reference`');
  process.exit(1);
}
const ver = spawnSync(PY, ['-c', 'import sys, numpy, sklearn, matplotlib; print(sys.version.split()[0], numpy.__version__, sklearn.__version__, matplotlib.__version__)'], { encoding: 'utf8' });
if (ver.status !== 0) {
  console.error('regen: the reference needs numpy, sklearn and matplotlib; run `node web/scripts/setup.mjs --reference`');
  process.exit(1);
}
const [pyv, npv, skv, mplv] = ver.stdout.trim().split(' ');
if (!pyv.startsWith('3.11.') || !npv.startsWith('1.24.') || !skv.startsWith('1.2.') || !mplv.startsWith('3.6.')) {
  console.error(`regen: warning: reference is Python ${pyv}, NumPy ${npv}, sklearn ${skv}, matplotlib ${mplv} (want 3.11/1.24/1.2/3.6)`);
}

const wanted = process.argv.slice(2).map((n) => n.replace(/\.py$/, ''));
const names = readdirSync(CASES)
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();
const env = { ...process.env, MPLBACKEND: 'Agg', PYTHONHASHSEED: '0' };
let raised = 0;
for (const name of names) {
  const r = spawnSync(PY, [name + '.py'], { cwd: CASES, env, timeout: 120000, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  writeFileSync(path.join(CASES, name + '.stdout'), r.stdout);
  const errFile = path.join(CASES, name + '.error');
  if (r.status !== 0) {
    const lines = r.stderr.toString('utf8').split('\n').filter((l) => !/^\s*$/.test(l));
    writeFileSync(errFile, (lines.length ? lines[lines.length - 1] : `(exit ${r.status ?? r.signal})`) + '\n');
    raised++;
  } else {
    rmSync(errFile, { force: true });
  }
}
console.log(`regen: ${names.length} cases (${raised} raise) in ${path.relative(process.cwd(), CASES) || '.'}`);
