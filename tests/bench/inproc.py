# CPython's side of tests/bench/inproc.mjs: runs FILE twice in this process, each time in
# a fresh __main__-like namespace with stdout discarded, and prints the times in ms as
# {"first": ms, "second": ms, "ok": true}. (The second run reuses imported modules, as the
# wasm side reuses the loaded core.)
import io
import json
import sys
import time
from contextlib import redirect_stdout

path = sys.argv[1]
with open(path) as f:
    code = compile(f.read(), path, "exec")
times = []
for _ in range(2):
    ns = {"__name__": "__main__"}
    t0 = time.perf_counter()
    with redirect_stdout(io.StringIO()):
        exec(code, ns)
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"first": times[0], "second": times[1], "ok": True}))
