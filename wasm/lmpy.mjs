#!/usr/bin/env node
// node wasm/lmpy.mjs [--figures OUT.json] FILE.py
// Runs FILE with the WebAssembly build of the core, like `python3 FILE.py`:
// program output on stdout; an uncaught exception prints the traceback on stderr and
// the exit status is 1. `--figures OUT.json` writes the run's chart descriptions.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadLmpy, writeAll } from './load-node.mjs';

let path = null;
let figures = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  if (argv[i] === '--figures' && i + 1 < argv.length) figures = argv[++i];
  else if (path === null) path = argv[i];
}
if (path === null) {
  writeAll(2, 'usage: node wasm/lmpy.mjs [--figures OUT.json] FILE.py\n');
  process.exit(2);
}
let source;
try {
  source = readFileSync(path, 'utf8');
} catch {
  writeAll(2, `lmpy: can't open file '${path}': [Errno 2] No such file or directory\n`);
  process.exit(2);
}

let lmpy;
try {
  lmpy = await loadLmpy();
} catch (e) {
  writeAll(2, e.message + '\n');
  process.exit(2);
}
const session = new lmpy.Session();
const r = session.run(source, path);
if (r.stdout) writeAll(1, r.stdout);
if (figures !== null) writeFileSync(figures, r.figures);
session.delete();
if (!r.ok) {
  // SystemExit(n) carries its status and an empty traceback, like `python3 FILE.py`
  const tb = r.error.type === 'SystemExit' ? r.error.traceback : r.error.traceback || `${r.error.type}: ${r.error.message}\n`;
  if (tb) writeAll(2, tb.endsWith('\n') ? tb : tb + '\n');
  process.exit(r.exitCode || 1);
}
process.exit(0);
