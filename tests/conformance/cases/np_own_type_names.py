# Error messages name types as CPython does: C types of modules by their tp_name
# ('numpy.ndarray', 're.Match', 'collections.deque'), Python classes by their name; a NumPy
# operand that cannot be converted fails like NumPy's object loop, on the first element.
import numpy as np
import re
from collections import deque, Counter, defaultdict, OrderedDict

a = np.arange(3.0)
i = np.arange(3)
f = np.float64(1.5)


class Seq:
    def __getitem__(self, k):
        if k > 2:
            raise IndexError(k)
        return k * 10


checks = [
    lambda: len(f), lambda: "x" + f, lambda: [1] + f, lambda: iter(f), lambda: {}[a],
    lambda: "x" * f, lambda: a.append(1), lambda: f.foo, lambda: np.int64(3) + "s",
    lambda: "s" + np.int64(3), lambda: list(np.int64(3)), lambda: [x for x in re.match("a", "a")],
    lambda: (1, 2) + f, lambda: a + None, lambda: None * a, lambda: f + None,
    lambda: None - np.int64(2), lambda: i / None, lambda: a < None, lambda: None < a,
    lambda: a ** None, lambda: (a > 1) % None, lambda: a + object(), lambda: i // None,
    lambda: a >= None, lambda: deque([1]).nope, lambda: Counter().nope, lambda: hash(deque()),
    lambda: hash(defaultdict(int)), lambda: OrderedDict()(), lambda: re.compile("a")(),
    lambda: np.ndarray.nope, lambda: list(Seq()), lambda: type(a).__name__ + type(f).__name__,
]
for fn in checks:
    try:
        print(fn())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
