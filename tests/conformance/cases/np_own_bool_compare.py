# Comparisons of bool arrays (computed as 0/1 integers in core/np/ufunc.cpp) and with
# numbers, broadcast and transposed.
import numpy as np
a = np.array([True, False, True, False])
b = np.array([True, True, False, False])
for r in (a == b, a != b, a < b, a <= b, a > b, a >= b, a == True, a < 1, a > 0.5, np.array(True) >= a):
    print(r, r.dtype)
m = np.array([[True, False], [False, True]])
print(m == m.T, (m > m[:, :1]))
