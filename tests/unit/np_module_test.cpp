// The Python `numpy` module end to end: snippets run through lmpy::Interpreter and compared
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
    {"array repr and str", R"PY(import numpy as np
a = np.arange(6).reshape(2, 3) / 4
print(a)
print(repr(a))
print(a.dtype, a.shape, a.T.shape)
)PY",
     R"PY([[0.   0.25 0.5 ]
 [0.75 1.   1.25]]
array([[0.  , 0.25, 0.5 ],
       [0.75, 1.  , 1.25]])
float64 (2, 3) (3, 2)
)PY",
     ""},
    {"scalars print and index error", R"PY(import numpy as np
x = np.float64(0.1) * 3
print(x, type(x).__name__, f'{x:.3f}', x + 1)
try:
    x[0]
except IndexError as e:
    print(e)
)PY",
     R"PY(0.30000000000000004 float64 0.300 1.3
invalid index to scalar variable.
)PY",
     ""},
    {"broadcasting and reflected ops", R"PY(import numpy as np
print([1, 2] + np.array([[10], [20]]), 1 - np.arange(3), np.arange(4) @ np.ones(4))
)PY",
     R"PY([[11 12]
 [21 22]] [ 1  0 -1] 6.0
)PY",
     ""},
    {"indexing assignment through views", R"PY(import numpy as np
a = np.zeros((3, 3))
v = a[1:, ::2]
v += 5
a[a == 0] = -1
a[[0, 2], 1] = 9
print(a)
)PY",
     R"PY([[-1.  9. -1.]
 [ 5. -1.  5.]
 [ 5.  9.  5.]]
)PY",
     ""},
    {"reductions axis keepdims", R"PY(import numpy as np
a = np.arange(12).reshape(3, 4)
print(a.sum(axis=0), a.mean(axis=1, keepdims=True), a.std(), np.argmax(a, axis=1), a.max())
)PY",
     R"PY([12 15 18 21] [[1.5]
 [5.5]
 [9.5]] 3.452052529534663 [3 3 3] 11
)PY",
     ""},
    {"seeded random stream", R"PY(import numpy as np
np.random.seed(42)
print(np.random.rand(2), np.random.randint(0, 10, 3), np.random.choice(['a', 'b', 'c'], p=[0.1, 0.2, 0.7]))
rs = np.random.RandomState(1)
print(rs.randn(2), rs.permutation(4))
)PY",
     R"PY([0.37454012 0.95071431] [7 4 6] c
[ 1.62434536 -0.61175641] [0 2 1 3]
)PY",
     ""},
    {"printoptions", R"PY(import numpy as np
np.set_printoptions(precision=3, suppress=True)
print(np.array([1e-9, 1 / 3, 12.5]))
)PY",
     R"PY([ 0.     0.333 12.5  ]
)PY",
     ""},
    {"linalg", R"PY(import numpy as np
A = np.array([[2.0, 1.0], [1.0, 3.0]])
print(np.linalg.solve(A, [1.0, 2.0]), np.linalg.inv(A), np.linalg.norm(A, axis=1))
)PY",
     R"PY([0.2 0.6] [[ 0.6 -0.2]
 [-0.2  0.4]] [2.23606798 3.16227766]
)PY",
     ""},
    {"shape mismatch error", R"PY(import numpy as np
np.ones((2, 3)) + np.ones(4)
)PY",
     R"PY()PY",
     R"PY(ValueError: operands could not be broadcast together with shapes (2,3) (4,) )PY"},
    {"dot not aligned error", R"PY(import numpy as np
np.dot(np.ones((2, 3)), np.ones((2, 3)))
)PY",
     R"PY()PY", R"PY(ValueError: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0))PY"},
    {"bad probabilities error", R"PY(import numpy as np
np.random.choice(3, p=[0.5, 0.6, 0.1])
)PY",
     R"PY()PY", R"PY(ValueError: probabilities do not sum to 1)PY"},
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
    a.run("import numpy as np\nnp.set_printoptions(precision=2)\n");
    lmpy::RunResult rb = b.run("import numpy as np\nprint(np.array([1 / 3]))\n");
    CHECK(rb.out == "[0.33333333]\n");
    lmpy::RunResult ra = a.run("print(np.array([1 / 3]))\n");
    CHECK(ra.out == "[0.33]\n");
    a.reset();
    ra = a.run("import numpy as np\nprint(np.array([1 / 3]))\n");
    CHECK(ra.out == "[0.33333333]\n");
}
