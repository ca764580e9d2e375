# Indexing and assignment: ints, slices, Ellipsis, None, tuples, int arrays, masks, lists
import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a[1], a[1, 2], a[1, 2, 3], a[-1, -1, -1], a[0, :, 1], a[:, 1:, ::2], a[..., 1], a[0, ...], a[:, None, 0].shape)
print(a[None].shape, a[..., None].shape, a[1, ::-1, ::-2], a[:, [0, 2]], a[[0, 1], [1, 2]], a[[1, 0], [0, 2], [3, 1]])
print(a[0][a[0] % 2 == 0], a[a > 20], a[:, [True, False, True]].shape, a[[True, False]].shape, a[0, [-1, 0]])
m = np.arange(12).reshape(3, 4)
print(m[[0, 2]][:, [1, 3]], m[np.array([2, 0])], m[1:, [0]], m[[[0, 1], [1, 2]]].shape, m[m.sum(axis=1) > 10])
print(m[1:3, 1:3], m[::2], m[:, -1], m[-2:], m[5:], m[:, 1:2].shape, m[1, None].shape, m[(1, 2)], m[()].shape)
v = m[0]
v[:] = -1
print(m)
m[1] = [7, 8, 9, 10]
m[:, 0] = 0
m[2, 1:3] = np.array([100, 200])
m[m > 50] = 50
m[[0, 2], [3, 3]] = 5
print(m)
f = np.zeros(6)
f[::2] = 1.5
f[[1, 3]] += 10
f[-1] = 7
f[f == 0] = np.nan
print(f)
z = np.zeros((3, 3), dtype=int)
z[1, :] = 2.9
z[..., 2] = [4, 5, 6]
z[np.eye(3, dtype=bool)] = -1
print(z)
s = np.array(["aa", "b", "ccc"])
s[1] = "zzzzz"
print(s, s[0], s[::-1], s[2] == "ccc")
e = np.arange(5)
print(e[np.int64(2)], e[np.array(3)], e[[]], e[np.array([], dtype=int)], e[1:1])
for row in np.arange(6).reshape(3, 2):
    print(row, end=" ")
print(len(np.zeros((4, 2))), list(np.arange(3)), [float(t) for t in np.array([0.5, 1.5])])
print(np.array(5)[()], np.arange(4)[..., 0].shape, np.arange(4)[..., 0])
