# Long contiguous reductions: max/min fold long rows in independent lanes, sums in NumPy's
# pairwise blocks; ties of signed zeros, NaNs and tails of every length must come out as
# NumPy's. (rand, not randn: randn goes through log, whose last bit differs between glibc's
# FMA variant and musl's.) Not here: rows mixing -0.0 and 0.0 where the first and the last
# zero differ in sign: NumPy keeps the first in its scalar loop and the last within the lanes
# of its SIMD loops, whose width is the machine's (this one gives -0.0 for 20 zeros then 20
# negative zeros, where lmpy, in element order, gives 0.0).
import numpy as np

np.random.seed(7)
for n in (15, 16, 17, 23, 24, 100, 129, 1000, 8193):
    x = np.random.rand(3, n) - 0.5
    print(n, x.max(axis=1), x.min(axis=1), x.max(), x.min())
    print(repr(x.sum(axis=1)), repr(x.sum()), repr(x.mean(axis=1)))
    k = (x * 1000).astype(np.int64)
    print(k.max(axis=1), k.min(axis=1), k.max(), k.min(), k.sum(axis=1))

z = np.zeros((3, 40))
z[0, 5] = -0.0
z[1, :] = -0.0
z[1, 33] = 0.0
z[2, :] = -0.0
print(z.max(axis=1), z.min(axis=1), np.max(z[1]), np.min(z[1]), np.max(z[2]))
print([str(float(t)) for t in z.max(axis=1)], [str(float(t)) for t in z.min(axis=1)])
w = np.arange(50.0)
w[37] = np.nan
print(w.max(), w.min(), np.max(w[:37]), np.min(w[38:]))
v = -np.ones((2, 33))
v[0, 32] = np.nan
v[1, 0] = np.inf
print(v.max(axis=1), v.min(axis=1))
print(np.max(np.arange(40)), np.min(np.arange(40) - 7), np.arange(64.0).reshape(8, 8).max(axis=0))
big = np.random.rand(200, 300)
print(repr(big.sum()), repr(big.sum(axis=0)[:4]), repr(big.max()), repr(big.T.max(axis=1)[:3]))
