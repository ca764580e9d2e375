# Ordering strings against numbers: the operators return NotImplemented (Python's TypeError
# names both operand types, reflected ones too); the ufuncs report the missing loop with the
# dtypes' classes. Equality stays elementwise-or-scalar as before.
import numpy as np

nums = [np.array([1]), np.array([1.5]), np.array([True])]
strs = np.array(["a", "b"])
for x in nums:
    for f in (lambda p, q: p < q, lambda p, q: p >= q, np.less, np.greater_equal):
        for p, q in ((x, strs), (strs, x)):
            try:
                f(p, q)
            except TypeError as e:
                print(type(e).__name__, e)
for f in (lambda: np.array([1, 2]) < "x", lambda: "x" > np.array([1]), lambda: np.float64(2.5) <= "y",
          lambda: "y" > np.float64(2.5), lambda: np.int64(1) < "a", lambda: np.float64(1) < np.array(["a"]),
          lambda: np.array(["a"]) < np.float64(1)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(strs < "b", "a" < strs, strs == "a")
np.less(np.array([3]), np.array(["c"]))
