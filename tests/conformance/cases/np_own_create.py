# Creation functions, dtype inference and dtype arguments
import numpy as np
for v in [[1, 2], [1.0, 2], [True, False], [True, 2], ["a", "bcd"], [[1, 2], [3, 4]], [], [[]], (1, 2.5), [np.float64(1), 2]]:
    a = np.array(v)
    print(repr(a), a.dtype, a.shape, a.ndim, a.size)
print(np.array([1, 2], dtype=float), np.array([1.7, 2.2], dtype=int), np.array([0, 1, 2], dtype=bool), np.array([1, 2], dtype="float64"))
print(np.array([1, 2], dtype=np.float64), np.array([1.5], dtype=np.int64).dtype, np.zeros(2, dtype=np.bool_), np.ones(3, "int64"))
print(np.asarray([1, 2]), np.asarray(np.arange(3)) is not None, np.array(np.arange(3)) , np.array(range(4)))
print(np.zeros((2, 3)), np.ones((2,), dtype=int), np.empty(0), np.full(3, 2.5), np.full((2, 2), True), np.full(2, "ab"))
print(np.zeros_like(np.ones((2, 2), dtype=int)), np.ones_like([1.5, 2]), np.full_like(np.arange(3), 9), np.empty_like(np.zeros(2)).shape)
print(np.arange(0, 1, 0.1), np.arange(10, 0, -3), np.arange(3.0), np.arange(2, 5, dtype=float), np.arange(0))
print(np.linspace(0, 10, 5), np.linspace(0, 1, 4, endpoint=False), np.linspace(1, 2, 1), np.linspace(0, 1, 3, retstep=True))
print(np.eye(2), np.eye(3, 4, k=1), np.eye(2, dtype=int), np.identity(3))
print(np.diag([1, 2, 3], 1), np.diag(np.arange(9).reshape(3, 3)), np.diag(np.arange(9).reshape(3, 3), -1))
print(np.triu(np.arange(1, 10).reshape(3, 3)), np.tril(np.arange(1, 10).reshape(3, 3), 1))
print(np.array([[1, 2], [3, 4]], dtype=float).dtype, np.dtype("float64"), repr(np.dtype(int)), np.dtype(bool).name)
d = np.array(["x", "yy"]).dtype
print(d, repr(d), d == np.float64, np.arange(3).dtype == int, np.arange(3.0).dtype == np.float64, np.arange(3).dtype.kind)
print(np.pi, np.e, np.inf, -np.inf, np.nan, np.newaxis is None)
c = np.array([1, 2, 3])
e = np.array(c)
e[0] = 100
f = np.asarray(c)
f[1] = 200
print(c, e, f)
print(np.array([[1, 2], [3, 4]]).astype(str), np.array([1.5, 2]).astype(str), np.array(["1", "2"]).astype(int), np.array([0.0, 2.0]).astype(bool))
