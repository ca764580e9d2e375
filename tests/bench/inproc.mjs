// Times one benchmark inside a single Node process: the core is loaded once, then the
// file runs twice, each time in a fresh Session, with its output discarded. The first run
// pays V8's lazy compilation and runs mostly in the baseline tier (Liftoff); the second
// shows the interpreter's speed once the hot code is optimised. tests/bench/run.mjs sets
// these beside CPython's own in-process time (inproc.py), to tell start-up and warm-up
// apart from the interpreter. Prints {"first": ms, "second": ms, "ok": bool}.
// Usage: node tests/bench/inproc.mjs FILE.py   (LMPY_WASM_DIR as for wasm/lmpy.mjs)
import { readFileSync } from 'node:fs';
import { loadLmpy } from '../../wasm/load-node.mjs';

const src = readFileSync(process.argv[2], 'utf8');
const lmpy = await loadLmpy({ print() {}, printErr() {} });
const times = [];
let ok = true;
for (let i = 0; i < 2; i++) {
  const s = new lmpy.Session();
  const t0 = performance.now();
  const r = s.run(src, process.argv[2]);
  times.push(performance.now() - t0);
  ok = ok && !!r.ok;
  s.delete();
}
console.log(JSON.stringify({ first: times[0], second: times[1], ok }));
