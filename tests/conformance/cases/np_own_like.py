# zeros_like / ones_like / empty_like / full_like with dtype=, order=, subok= and shape=;
# order is validated as NumPy does (lmpy's arrays are C-ordered; only .strides would differ).
import numpy as np

a = np.arange(6).reshape(2, 3)
print(repr(np.zeros_like(a, shape=(3,))), repr(np.ones_like(a, dtype=float, shape=4)))
print(repr(np.full_like(a, 7, shape=(1, 2))), np.empty_like(a, shape=()).shape)
print(repr(np.zeros_like(a, order="F")), np.zeros_like(a, subok=False).shape)
print(repr(np.full_like(a, 2.5, dtype=float, order="K", subok=True, shape=[2, 2])))
for o in ["c", "f", "k", "a", None, "A"]:
    print(repr(o), np.ones_like(a, order=o).shape)
for bad in [dict(order="X"), dict(order=1), dict(order=""), dict(order="CF"), dict(order="\0"), dict(shape=-1),
            dict(shape=(2, -3)), dict(shape="ab")]:
    try:
        np.zeros_like(a, **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    np.full_like(a, 1, order="Q")
except ValueError as e:
    print("ValueError:", e)
print(repr(np.zeros_like(np.array(["ab", "c"]), shape=3)))
print(repr(np.ones_like([[1, 2]], shape=(2, 2), order="C")))
print(repr(np.zeros_like(a, None, "C", True, None)))
np.empty_like(a, shape=(2,), bogus=1)
