# Which operand's operator runs: NumPy scalars beside Python numbers (float64 is a subclass of
# float, so its reflected method goes first), arrays on either side, bools, and the operators
# that fall back to the other side or fail.
import numpy as np

f, i, b = np.float64(1.5), np.int64(3), np.bool_(True)
for x, y in [(2, f), (f, 2), (2.5, f), (f, 2.5), (True, f), (i, 2), (2, i), (i, 0.5), (0.5, i),
             (b, 1), (1, b), (b, 2.0), (f, i), (i, f)]:
    for r in (x + y, x - y, x * y, x / y, x // y, x % y, x ** 2, 2 ** i):
        print(type(r).__name__, r, end="; ")
    print()
a = np.array([1.0, 2.0, 4.0])
for r in (1 + a, a + 1, 2.0 / a, a / 2.0, f * a, a * f, i - a, a - i, True + a, a ** 2, 2 ** a,
          a @ a, np.array([[1, 2], [3, 4]]) @ np.array([1, 1]), 7 % np.array([2, 3]), np.array([True, False]) & True,
          np.array([5, 6]) | 1, 3 ^ np.array([1, 2])):
    print(type(r).__name__, r)
print(f == 1.5, 1.5 == f, i < 4, 4 > i, a > f, f < a, a == None, None != a)
for name, fn in [("a + 'x'", lambda: a + "x"), ("[1] + a", lambda: [1] + a), ("(1, 2, 3) * a", lambda: (1, 2, 3) * a)]:
    try:
        print(name, fn())
    except TypeError as e:
        print(name, "TypeError", e)
