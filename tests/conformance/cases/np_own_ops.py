# Operators with broadcasting, reflected and in-place forms, comparisons, ufuncs
import numpy as np
a = np.arange(1, 7).reshape(2, 3)
c = np.array([[10], [20]])
print(a + c, a * c, c - a, a / c, a ** 0.5, 2 ** a, a % 3, -a // 4)
print([1, 2, 3] + a, a - [1, 1, 1], (1, 2, 3) * a, 10 - a, 1 / a, a @ [1, 0, 1], [[1, 2]] @ a)
print(a > 3, a <= 2, a == [1, 5, 3], a != 2, 3 < a, (a > 1) | (a < 0), (a > 1) ^ (a > 3), ~(a == 1))
print(np.array([True, False]) + np.array([True, True]), np.array([True, False]) * 3, np.array([1, 2]) + 0.5)
b = np.ones(3)
b += 1
b *= np.array([1, 2, 3])
b -= 0.5
b /= 2
b **= 2
print(b)
k = np.arange(4)
k += 2
k *= 3
k //= 2
k %= 5
print(k)
try:
    k += 1.5
except TypeError as e:
    print(type(e).__name__, e)
v = a.T
v[0, 0] = 99
print(a, v.shape)
x = np.array([-2.5, -0.5, 0.0, 0.5, 1.5, 2.5])
print(np.abs(x), np.sign(x), np.floor(x), np.ceil(x), np.round(x), np.rint(x), np.trunc(x), np.square(x))
print(np.exp(np.array([0.0, 1.0])), np.log(np.array([1.0, np.e])), np.log10([1, 10, 1000]), np.log2([1, 2, 8]), np.sqrt([4, 9]))
print(np.sin(0), np.cos(0), np.tanh([0.0, 100.0]), np.arctan2(1, 1), np.hypot(3, 4), np.log1p(0), np.expm1(0))
print(np.maximum([1, 5], [3, 2]), np.minimum(np.array([1.0, np.nan]), 0), np.where([True, False], 1, 0.5), np.where(np.arange(5) > 2))
print(np.clip(np.arange(6), 2, 4), np.clip([1.5, -2.0], 0, None), np.arange(6).clip(1, 3), np.round(np.array([1.005, 2.675]), 2), np.around(123.456, -1))
print(np.isnan([1.0, np.nan]), np.isinf([np.inf, 1.0]), np.isfinite([np.nan, 1.0]), np.isclose([1.0, 2.0], [1.0 + 1e-9, 2.1]), np.allclose([1, 2], [1, 2]))
print(np.array([1.0, -1.0, 0.0]) / 0, np.log(np.array([0.0, -1.0])), np.array([1, 2]) // np.array([0, 1]), np.sqrt(-1.0))
print(np.add(1, 2), np.multiply([1, 2], 3), np.subtract(5, [1, 2]), np.divide(1, 4), np.power(2, [1, 2, 3]), np.negative([1, -1]))
print(np.logical_and([True, False], [True, True]), np.logical_or(False, [True, False]), np.logical_not([1, 0]), np.equal([1, 2], 2))
print(np.array_equal([1, 2], [1, 2]), np.array_equal([1, 2], [1, 3]), 2 in np.array([1, 2]), 5 in np.arange(3))
print(np.arange(3)[:, None] + np.arange(4), np.ones((2, 1, 3)) * np.arange(3).reshape(3, 1) + 0)
print(np.array([1, 2]) == None, np.array(["a", "b"]) == "a", np.dot(2, 3), np.dot([1, 2], [3, 4]))
