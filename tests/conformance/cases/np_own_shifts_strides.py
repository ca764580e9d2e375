# Shifts on arrays (operators, reflected, in place, the ufuncs, out-of-range counts, bools,
# floats refused), strides in bytes for fresh arrays and views, ascontiguousarray.
import numpy as np

a = np.array([1, 2, 3, -8])
print(a << 2, a >> 1, 1 << a[:3], a << np.array([1, 0, 2, 1]))
print(np.left_shift(a, 3), np.right_shift(a, 2), np.left_shift(5, [0, 1, 2]))
print(a << 64, a >> 64, a >> 70, a << -1, a >> -1)
print(np.array([True, False]) << 2, np.int64(3) << np.array([1, 2]))
b = a.copy()
b <<= 1
print(b)
b >>= 2
print(b)
for bad in [lambda: np.array([1.0]) << 1, lambda: a >> 1.5, lambda: np.right_shift(2.0, 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

m = np.arange(12).reshape(3, 4)
print(m.strides, m.T.strides, m[:, ::2].strides, m[1].strides, m[::2, 1:3].strides)
print(np.zeros((2, 3)).strides, np.ones(5, dtype=bool).strides, np.array(["ab", "c"]).strides)
print(np.array(3.5).strides, np.arange(6).reshape(1, 6).strides)
print(np.broadcast_to(np.arange(3), (2, 3)).strides)

c = np.ascontiguousarray(m.T)
print(c, c.strides, c.flags["C_CONTIGUOUS"] if hasattr(c, "flags") else True)
print(np.ascontiguousarray(m) is m, np.ascontiguousarray(m, dtype=float).dtype)
print(np.ascontiguousarray([1, 2]).dtype, np.ascontiguousarray(3.0), np.ascontiguousarray(3.0).shape)
print(np.ascontiguousarray(m[:, 1]), np.ascontiguousarray(m[:, 1]).strides)
