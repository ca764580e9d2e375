# Stable argsort with ties in every dtype and along every axis, NaN last; and operators and
# reductions over transposed, reversed and strided views (their loops order the axes by
# stride), whose results keep the operand's memory order.
import numpy as np

ints = np.array([[3, 1, 3, 2, 1], [0, 0, 5, 0, 2]])
floats = np.array([[2.5, np.nan, -1.0, 2.5, 0.0], [1.0, 1.0, np.nan, -0.0, 0.0]])
bools = ints > 1
strs = np.array([["pear", "fig", "apple", "fig", "kiwi"], ["b", "a", "b", "a", "c"]])
for m in (ints, floats, bools, strs):
    print(np.argsort(m), np.argsort(m, axis=0), np.argsort(m, axis=None), np.sort(m, axis=0), sep="\n")
    print(np.argsort(m[:, ::-1]), np.argsort(m.T, axis=1), m[0][np.argsort(m[0])])
print(np.sort(floats, axis=None), np.argmax(floats), np.median(ints, axis=1))

c = np.arange(24).reshape(2, 3, 4)
for v in (c.transpose(2, 0, 1), c[:, ::-1, ::2], c.T, c[::-1].swapaxes(0, 2), np.broadcast_to(c[:1], (3, 3, 4))):
    w = v * 2 + 1
    print(v.shape, w.sum(), w.sum(axis=0).tolist(), w.sum(axis=(1, 2)), np.exp(v / 10.0).max(axis=-1).round(3).tolist())
    print(w.T.sum(axis=1).tolist(), (w - v.copy()).min(), np.array(w).ravel()[:6], w.ravel()[:6], np.cumsum(v, axis=1)[-1].tolist())
