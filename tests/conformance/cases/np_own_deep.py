# Deeply nested lists into arrays: NumPy's 32-dimension limit, raised before the C++ stack can
# overflow (a list nested 100,000 deep).
import numpy as np


def nest(n, leaf=1):
    x = leaf
    for _ in range(n):
        x = [x]
    return x


for n in (31, 32, 33, 100000):
    try:
        a = np.array(nest(n))
        print(n, a.ndim, a.shape[:3], a.sum())
    except ValueError as e:
        print(n, "ValueError:", e)
for value in ([1, nest(50)], [nest(40), 1], (nest(3), nest(3)), [np.zeros((1,) * 20), nest(20)]):
    try:
        print(np.array(value).shape)
    except ValueError as e:
        print("ValueError:", e)
print(np.asarray(nest(32, 2.5)).ravel(), np.array(nest(5, "s")).shape)
for shape in [(1,) * 32, (1,) * 33, (2,) * 40]:
    try:
        print(np.zeros(shape).ndim, np.ones(shape, dtype=int).shape[-1])
    except ValueError as e:
        print("ValueError:", e)
np.array(nest(100000, 0.0))
