# NumPy scalars: types, printing, arithmetic, formatting, conversions
import numpy as np
a = np.array([1.5, 2.25, -3.0])
x = a[0]
print(x, repr(x), type(x).__name__, type(x), isinstance(x, float))
i = np.array([4, 5, 6])[1]
print(i, repr(i), type(i).__name__, type(i))
b = np.array([True, False])[0]
print(b, repr(b), type(b).__name__)
print(x + 1, x * i, i * 2, i / 2, i // 4, i % 4, -i, abs(np.int64(-3)), 2 ** i, i ** 2)
print(type(x + 1).__name__, type(i * 2).__name__, type(i / 2).__name__, type(b + b).__name__)
print(f"{x:.3f} {i:5d} {x:>10} {i} {x:e} {b}")
print(float(x), int(x), int(i), bool(b), round(x), round(np.float64(2.567), 2), type(round(x)).__name__)
print(x == 1.5, i == 5, i > 4, x < 0, b == True, hash(np.float64(2.0)) == hash(2.0), hash(i) == hash(5))
print([10, 20, 30, 40, 50, 60][i], {np.int64(1): "one"}[1], {1.5: "x"}[x])
print(np.float64(3), np.int64(7), np.float64("nan"), np.float64("-inf"), np.bool_(1))
print(np.float64(1e16), np.float64(0.1 + 0.2), np.float64(1 / 3), np.float64(-0.0), np.float64(1e-7))
print(a.sum(), a.mean(), a.max(), np.int64(5).item(), type(np.float64(2).item()).__name__)
print(np.sqrt(2), np.exp(1), np.log(4), type(np.sqrt(4)).__name__, np.float64(1) / 0, -np.float64(1) / 0)
print(np.array(3.5), repr(np.array(3.5)), np.array(3.5) + 1, type(np.array(3.5) + 1).__name__)
print(sum(np.array([1.0, 2.0, 3.0])), max(np.array([3, 9, 2])), min(np.arange(5)), sorted(np.array([3, 1, 2])))
print(x.dtype, i.dtype, b.dtype, np.float64(2.5).is_integer(), np.float64(2.0).is_integer())
print(1.5 + np.float64(2), 3 - np.int64(1), 2 * np.float64(0.5), 7 / np.int64(2), 1 - np.float64(0.25))
m = 0
m -= 0.5 * np.mean(np.array([1.0, 3.0]))
print(m, type(m).__name__)
try:
    m[0]
except IndexError as e:
    print("IndexError:", e)
print("%.2f %d %s %r %5.1f" % (x, i, x, i, np.float64(2.25)), "{:.3f} {}".format(x, np.int64(4)), x.round(1), np.float64(3.14159).round(2))
print(np.random.RandomState(3).normal([0, 10], 1), np.random.RandomState(3).uniform([0, 10], [1, 20]), np.random.RandomState(5).normal(0, [1, 2, 3], size=(2, 3)))
