# The loop's own list[int] load and store (negative indices, the ends, the errors, what is
# not an exact list or not an int falls back to the general rules) and the stack shuffles of
# augmented subscripts, swaps and chained comparisons.
a = [10, 20, 30, 40]
print(a[0], a[3], a[-1], a[-4], a[True], a[False])
for seq in ("abc", (1, 2), range(3)):
    try:
        seq[2**70]
    except IndexError as e:
        print("IndexError:", e)
print("abc"[-1], (1, 2)[-2])
for bad in (4, -5, 2**70, -(2**70)):
    try:
        print(a[bad])
    except IndexError as e:
        print("IndexError:", e)
    try:
        a[bad] = 0
    except IndexError as e:
        print("IndexError:", e)
for bad in ("1", 1.0, None):
    try:
        a[bad]
    except TypeError as e:
        print("TypeError:", e)
    try:
        a[bad] = 0
    except TypeError as e:
        print("TypeError:", e)
a[-1] = "last"
a[0] += 5
a[1] *= 2
a[True] -= 1
print(a, a[1:3], a[::-1])


class Loud(list):
    def __getitem__(self, i):
        return ("get", i)

    def __setitem__(self, i, v):
        print("set", i, v)


loud = Loud([1, 2, 3])
print(loud[0], loud[-1])
loud[1] = 9
try:
    loud[2] += 1
except TypeError as e:
    print("TypeError:", e)
print(list(loud))
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        grid[i][j] += i * 3 + j
        grid[j][i] += 1
print(grid)
d = {0: "zero", -1: "minus"}
d[0] += "!"
print(d[0], d[-1], (1, 2, 3)[-1], "abc"[-2], range(10)[-3])
x, y = 1, 2
x, y = y, x
p, q, r = "pqr"
p, q, r = r, p, q
print(x, y, p, q, r)
n = 5
print(1 < n < 10, 1 < n > 10, 0 <= n <= 5 < 6, [k for k in range(8) if 2 < k <= 4])
items = [object() for _ in range(3)]
keep = items[1]
items[1] = None
print(items[1], keep is not None)
s = [1]
s[0] = s
print(s, s[0][0][0] is s)
