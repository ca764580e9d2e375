# Generates tests/unit/np_module_test.cpp from the reference NumPy:
#   /usr/bin/python3 tests/unit/gen/np_module_gen.py > tests/unit/np_module_test.cpp
import subprocess
snips = [
 ("array repr and str", "import numpy as np\na = np.arange(6).reshape(2, 3) / 4\nprint(a)\nprint(repr(a))\nprint(a.dtype, a.shape, a.T.shape)\n"),
 ("scalars print and index error", "import numpy as np\nx = np.float64(0.1) * 3\nprint(x, type(x).__name__, f'{x:.3f}', x + 1)\ntry:\n    x[0]\nexcept IndexError as e:\n    print(e)\n"),
 ("broadcasting and reflected ops", "import numpy as np\nprint([1, 2] + np.array([[10], [20]]), 1 - np.arange(3), np.arange(4) @ np.ones(4))\n"),
 ("indexing assignment through views", "import numpy as np\na = np.zeros((3, 3))\nv = a[1:, ::2]\nv += 5\na[a == 0] = -1\na[[0, 2], 1] = 9\nprint(a)\n"),
 ("reductions axis keepdims", "import numpy as np\na = np.arange(12).reshape(3, 4)\nprint(a.sum(axis=0), a.mean(axis=1, keepdims=True), a.std(), np.argmax(a, axis=1), a.max())\n"),
 ("seeded random stream", "import numpy as np\nnp.random.seed(42)\nprint(np.random.rand(2), np.random.randint(0, 10, 3), np.random.choice(['a', 'b', 'c'], p=[0.1, 0.2, 0.7]))\nrs = np.random.RandomState(1)\nprint(rs.randn(2), rs.permutation(4))\n"),
 ("printoptions", "import numpy as np\nnp.set_printoptions(precision=3, suppress=True)\nprint(np.array([1e-9, 1 / 3, 12.5]))\n"),
 ("linalg", "import numpy as np\nA = np.array([[2.0, 1.0], [1.0, 3.0]])\nprint(np.linalg.solve(A, [1.0, 2.0]), np.linalg.inv(A), np.linalg.norm(A, axis=1))\n"),
]
errs = [
 ("shape mismatch error", "import numpy as np\nnp.ones((2, 3)) + np.ones(4)\n"),
 ("dot not aligned error", "import numpy as np\nnp.dot(np.ones((2, 3)), np.ones((2, 3)))\n"),
 ("bad probabilities error", "import numpy as np\nnp.random.choice(3, p=[0.5, 0.6, 0.1])\n"),
]
def raw(s): return 'R"PY(' + s + ')PY"'
out = []
for name, code in snips:
    r = subprocess.run(["/usr/bin/python3", "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    out.append('    {%s, %s, %s, ""},' % ('"'+name+'"', raw(code), raw(r.stdout)))
for name, code in errs:
    r = subprocess.run(["/usr/bin/python3", "-c", code], capture_output=True, text=True)
    last = [l for l in r.stderr.splitlines() if l.strip()][-1]
    out.append('    {%s, %s, %s, %s},' % ('"'+name+'"', raw(code), raw(r.stdout), raw(last)))
body = "\n".join(out)
print('''// The Python `numpy` module end to end: snippets run through lmpy::Interpreter and compared
// with the stdout (and final error line) that CPython 3.11 + NumPy 1.24 print for them
// (generated with /usr/bin/python3; regenerate rather than edit by hand).
#include <catch2/catch.hpp>
#include "py/api.h"
#include <string>

namespace {
struct Snip {
    const char* name;
    const char* code;
    const char* out;
    const char* error; // "Type: message" of the uncaught exception, or ""
};
const Snip kSnips[] = {
%s
};
} // namespace

TEST_CASE("numpy module matches NumPy 1.24 output", "[np][module]") {
    for (const Snip& s : kSnips) {
        SECTION(s.name) {
            lmpy::Interpreter interp;
            lmpy::RunResult r = interp.run(s.code, "<snippet>");
            CHECK(r.out == s.out);
            if (*s.error) {
                REQUIRE_FALSE(r.ok);
                CHECK(r.error.type + ": " + r.error.message == s.error);
            } else {
                CHECK(r.ok);
                if (!r.ok) INFO(r.error.traceback);
            }
        }
    }
}

TEST_CASE("numpy module state is per interpreter and survives reset", "[np][module]") {
    lmpy::Interpreter a, b;
    a.run("import numpy as np\\nnp.set_printoptions(precision=2)\\n");
    lmpy::RunResult rb = b.run("import numpy as np\\nprint(np.array([1 / 3]))\\n");
    CHECK(rb.out == "[0.33333333]\\n");
    lmpy::RunResult ra = a.run("print(np.array([1 / 3]))\\n");
    CHECK(ra.out == "[0.33]\\n");
    a.reset();
    ra = a.run("import numpy as np\\nprint(np.array([1 / 3]))\\n");
    CHECK(ra.out == "[0.33333333]\\n");
}''' % body)
