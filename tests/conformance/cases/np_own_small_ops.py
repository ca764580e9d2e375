# Operators and reductions on small arrays and 0-d values, the paths a training loop takes
# thousands of times: operands used in place (no copies), dtype casts only when needed,
# buffers of up to 64 bytes kept inline, and mean dividing its own result.
import numpy as np

a = np.arange(6).reshape(2, 3)
f = a * 0.5
print(a + 1, 2 - a, a / 4, -1.5 * a)
print(f + a, a - f, a * True, (a > 2) + (a < 4))
print(a == a.astype(float), a < f, f >= 1, 3 <= a)
print(np.exp(a[0]), np.sqrt(a > 2), np.log1p(a[1]), np.abs(-a))
print(np.isclose(a, f * 2), np.isclose(a[0], [0, 1.0000000001, 3]))

# broadcasting in both orders and across ndims, and its errors naming both shapes
print(a + np.array([10, 20, 30]), np.array([[1], [2]]) * a, a[:, :1] - a[:1, :])
for x, y in [((3,), (2, 2)), ((2, 1, 3), (4, 3)), ((4, 3), (2, 1, 3)), ((2, 2), (3,))]:
    try:
        np.ones(x) + np.zeros(y)
    except ValueError as e:
        print(e)
try:
    a @ a
except ValueError as e:
    print(e)

# arrays of up to 8 and of 9+ float64s, zeros/ones of every dtype, written and read back
for n in (1, 7, 8, 9, 16):
    z = np.zeros(n)
    z[n // 2] = n
    print(n, z.sum(), np.zeros((n,), dtype=int).tolist(), np.ones(n, dtype=bool).all(), z.dtype)
s = np.float64(2.5)
print(s * a, a ** 2, 2 ** a, a % 4, a // 4, np.int64(7) // a[1])

# mean: whole array, axes, keepdims, dtype, views, ints and bools, method and function
m = np.arange(24, dtype=float).reshape(2, 3, 4)
print(m.mean(), np.mean(m, axis=0), m.mean(axis=(0, 2)), m.mean(axis=-1, keepdims=True))
print(m[:, ::2, 1:].mean(axis=1), m.T.mean(axis=0), np.mean(a), np.mean(a > 2), np.mean([True, False, True, True]))
print(np.mean(a, dtype=float), a.mean(1), type(a.mean()).__name__, type(np.mean(m, axis=0)).__name__)
print(np.mean(np.zeros((0, 3)), axis=0), np.mean(np.ones((3, 0)), axis=0))

# in place, aliasing itself
x = np.arange(5.0)
x -= x
y = np.arange(5.0)
y += y[::-1]
w = np.arange(4)
w *= 3
print(x, y, w)

# a small gradient descent, as in the deck
rng = np.random.RandomState(0)
X = 2 * rng.rand(20, 1)
t = 4 + 3 * X + rng.randn(20, 1)
mm, bb = 0, 0
for _ in range(200):
    err = mm * X + bb - t
    mm -= 0.05 * np.mean(err * X)
    bb -= 0.05 * np.mean(err)
print(round(float(mm), 6), round(float(bb), 6), type(mm).__name__)
