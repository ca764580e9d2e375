# Arrays too large to allocate: NumPy's MemoryError subclass with the size in binary units,
# and ValueError only when the byte count overflows. (Sizes far above any machine's memory.)
import numpy as np


def attempt(f, *args, **kw):
    try:
        f(*args, **kw)
        print("allocated?")
    except MemoryError as e:
        print(type(e).__name__, isinstance(e, MemoryError), e)
    except ValueError as e:
        print("ValueError:", e)


attempt(np.zeros, (100000, 100000))
attempt(np.ones, (10**7, 10**7), dtype=int)
attempt(np.empty, (2**40,))
attempt(np.zeros, 5 * 10**11, dtype=bool)
attempt(np.full, (2**37,), 1.5)
attempt(np.zeros, (1000 * 2**30,), dtype=bool)
attempt(np.zeros, (1023 * 2**30 + 2**29,), dtype=bool)
attempt(np.zeros, (2**39 + 2**38,))
attempt(np.zeros, (10**10,), dtype="<U5")
attempt(np.empty, (2**50, 2**12), dtype=bool)
attempt(np.zeros, (10**10, 10**10))
attempt(np.ones, (2**62, 4))
attempt(np.random.rand, 100000, 100000)
attempt(np.arange, 1e11)
attempt(np.random.randint, 0, 5, size=(10**6, 10**6))
attempt(np.random.randn, 2**31, 2**31)
attempt(np.linspace, 0.0, 1.0, 10**12)
attempt(np.arange, 0, 2**41)
attempt(np.arange, 0.0, 2.0**41, 1.0, dtype=bool)
for args in [(0, 2), (0, 3), (0.0, 2.0, 1.0), (-1, 1), (0, 1), (0, 0), (0.5, 3.0, 2.0)]:
    try:
        print(repr(np.arange(*args, dtype=bool)))
    except TypeError as e:
        print("TypeError:", e)
print(repr(np.zeros(2, dtype="<U5")), repr(np.full(2, "abcdef", dtype="<U4")), repr(np.full((1, 2), ["x", "yz"], dtype="U3")))
a = np.zeros((3, 10**12))
