# Everyday NumPy usage: scalars mixed with Python numbers, views, one-hot, softmax, formatting
import numpy as np
import math
a = np.array([[1.0, -2.0], [3.5, 4.0]])
print(type(a), isinstance(a, np.ndarray), type(a[0, 0]), np.ndarray, np.float64, np.int64, np.dtype, np.random.RandomState)
r, c = a.shape
print(r, c, a.shape[0], len(a))
for i, row in enumerate(a):
    print(i, row, row.sum())
x = np.float64(1.23456)
print("%.2f %d %s %r" % (x, np.int64(3), x, x), "{:.3f} {}".format(x, np.int64(4)), str(x), math.sqrt(np.float64(4)), math.floor(x))
print(x.round(2), a.round(1), a.mean(axis=0).round(2), round(np.float64(2.5)), round(np.float64(3.14159), 3))
print(list(range(np.int64(3))), [1, 2, 3][np.int64(1)], max(np.float64(1), 2), min(np.array([3.0, 1.0])))
print(sorted([np.float64(3), np.float64(1), np.float64(2)]), np.float64(2) ** 2, np.int64(3) == 3.0)
words = ["b", "a", "c", "a", "b", "a"]
u, cnt = np.unique(words, return_counts=True)
print(dict(zip(u, cnt)), list(zip(*np.unique(words, return_counts=True))))
print(np.array([np.arange(3), np.arange(3) * 2]), np.array([[1, 2], [3, 4]]) * np.array([1, 2]))
print(np.where(np.array([1, 5, 2]) > 1)[0], np.abs(a - 1).max(), a.min(), np.array([1, 2]).max(), a[a > 0].mean())
print(np.mean(a, axis=(0, 1)), a.T @ a, np.log(a[0, 0] + 1e-9), np.random.RandomState(1).rand(2) * 2 - 1)
d = {"x": np.float64(0.5), "y": np.int64(2), "z": np.array([1, 2])}
print(d, [np.float64(0.1), np.int64(-1), np.bool_(True)], (np.float64(2.0),))
print(np.float64(2.0) in [2.0], np.array([1, 2]).sum() / 2, np.int64(7) // 2, np.int64(7) % 3, divmod(7, 2))
print(a.sum(axis=0).tolist(), np.zeros((2, 2)).tolist(), np.array([True]).tolist(), np.array(["a"]).tolist())
b = np.zeros(3)
b[0] = np.float64(2)
b[1] = np.int64(3)
b[2] = True
print(b, np.array([1, 2, 3])[np.array([True, False, True])], np.array([0.1, 0.2]).astype("float32"))
print(np.exp(np.float64(710)), np.float64(1e308) * 10, np.int64(2) ** 62, -np.float64(0.0), abs(np.float64(-2)))
print(np.array([1, 2, 3]) / np.array([2, 0, 0]), np.array([0.0]) / 0.0)
print(np.random.RandomState(3).normal([0, 10], 1), np.random.RandomState(3).uniform([0, 10], [1, 20]))
print(str(np.array([1.5, 2.5])), f"{np.array([1, 2])}", f"{np.float64(2.5)}", f"{np.array(2.5):.2f}", "%s" % np.array([1, 2]))
print(np.int64(5).bit_length() if hasattr(np.int64(5), "bit_length") else "nobl", np.float64(5).hex() if False else "")
print(a.item(0), a.item(1, 1), bool(np.array([0])), bool(np.float64(0.0)), not np.int64(0))
print(np.sum(np.array([0.1] * 10)), sum([0.1] * 10), np.array([0.1] * 10).sum(), math.fsum([0.1] * 10))
print(np.array([1, 2]) == np.array([1, 2]), (np.array([1, 2]) == np.array([1, 2])).all(), np.array_equal(a, a.copy()))
a = np.arange(6)
print(a[:, np.newaxis].shape, a.reshape(-1, 1).shape, np.array([[1, 2], [3, 4]])[:, ::-1], a[np.argsort(-a)][:3])
a[::2] *= 2
a[1:3] += 1
a[a > 5] += 10
print(a, np.zeros(3, dtype=np.int32), np.full((2, 2), np.nan), np.array(5).shape, np.array(5).ndim)
print(np.float64(1.0) == np.float64(1.0), np.array([1, 2]).tolist() == [1, 2], sum(np.array([[1, 2], [3, 4]])), np.dot([1, 2], [[1], [2]]))
print(np.linspace(0, 1, 5)[1:-1], np.exp(-np.inf), np.array([True, True, False]).sum(), np.log(0.0) if False else np.log(np.array(0.0)))
for f in [lambda: np.max([]), lambda: np.array([1, 2]).reshape(3), lambda: np.arange(4).reshape(2, 2)[2], lambda: np.zeros((2, 2)) @ np.zeros(3), lambda: np.array([1, 2, 3])[np.array([True, False])]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
x = np.array([[0.25, 0.75], [0.5, 0.5]])
print(x.sum(axis=1) == 1, np.all(x >= 0), x.argmax(axis=1), x / x.sum(axis=1, keepdims=True), np.exp(x) / np.exp(x).sum(axis=-1, keepdims=True))
print(-x, +x, abs(-x), x ** 2, x.T.T is x, x.copy() is x, np.cumsum(x, axis=0), np.median(x), np.percentile(x, 90))
words = "the cat sat on the mat".split()
vocab = {w: i for i, w in enumerate(sorted(set(words)))}
onehot = np.zeros((len(words), len(vocab)))
for i, w in enumerate(words):
    onehot[i, vocab[w]] = 1
print(onehot, onehot.sum(axis=0), onehot.argmax(axis=1))
emb = np.random.RandomState(0).randn(len(vocab), 3)
print(emb[[vocab[w] for w in words]].mean(axis=0), (onehot @ emb).shape)
print(np.array([0.1, 0.2, 0.7]).cumsum(), np.searchsorted(np.array([0.1, 0.3, 1.0]), 0.25), np.round(np.array([0.5, 1.5, 2.5])), np.float64(0.5).round())
print(np.array([1e-3, 1e-2]), np.array([1234567.0, 1.0]), np.array([0.00001234]), np.array([1.0, 10.0, 100.0]) / 3)
print(np.array([[1.0, 2.0], [3.0, 4.0]]).mean(0).std(), np.arange(10).reshape(2, 5)[:, 1::2], np.tanh(np.array([-1.0, 0.0, 1.0])))
x = np.float64(2)
x += 1
y = np.int64(5)
y -= 2
print(3 == np.int64(3), 0.5 < np.float64(1), [1, 2] == np.array([1, 2]), (1, 2) != np.array([1, 3]), x, y, type(x).__name__, type(y).__name__)
print(np.int64(3) / 0, np.float64(-1) ** 0.5, np.int64(2) ** -1 if False else 0, np.float64(2).as_integer_ratio(), np.bool_(True) + 1, np.bool_(True) & False)
print(x > y, max([np.float64(1), np.float64(3)]), np.float64(3) in {3: 1}, np.mean([np.float64(1), 2]), np.int64(10) - 2.5)
print(repr(np.float64(1) * np.array([1, 2])), np.array([1.5])[0] * [1, 2] if False else 0, 2 * np.array([1, 2]) + np.float64(0.5))
print(np.sqrt(np.int64(16)), np.exp(np.int64(0)), np.abs(np.int64(-4)), np.maximum(np.float64(1), 2), np.float64(7) // 2, np.float64(7) % 2)
