# Literals, operators, precedence, chained comparisons, conditional expressions, walrus, slicing
print(1_000_000, 0x1F, 0o17, 0b1011, 1e3, 2.5e-3, 1_0.5, .5, 5., 3.14E+2)
print('single', "double", '''triple
line''', """t2""", r'raw\n', 'esc\t|\x41\u00e9', "q'uote", 'a' 'b' "c")
print(2 + 3 * 4 ** 2 // 5 % 7 - -1, (2 + 3) * 4, 2 ** -1, -2 ** 2, 2 ** 3 ** 2)
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 7 / 2, 1 / 3, 2 ** 0.5)
print(6 & 3, 6 | 3, 6 ^ 3, ~6, 1 << 10, 1024 >> 3, -9 >> 1)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6, 0 <= x <= 4, "a" < "b" < "c")
print(x if x > 3 else -x, "big" if x > 100 else "small" if x > 1 else "tiny")
print(0 or "default", 3 and 4, None or [] or {}, "" and 1, not 0, not [1])
if (n := len("hello")) > 3:
    print("walrus", n)
data = [y for v in range(6) if (y := v * v) % 2 == 0]
print(data, y)
s = "abcdefghij"
print(s[2:5], s[::-1], s[::3], s[-3:], s[:-7], s[1:8:2], s[100:], s[-100:2], s[5:2:-1])
lst = list(range(10))
print(lst[::2], lst[-2::-3], lst[3:3], lst[:])
lst[2:5] = ["a", "b"]
print(lst)
lst[::3] = [0, 0, 0]
print(lst)
del lst[1:3]
print(lst, len(lst))
a, *rest = [1, 2, 3, 4]
*init, last = "xyz"
p, (q, r) = 1, (2, 3)
print(a, rest, init, last, p, q, r)
first, *mid, end = range(6)
print(first, mid, end)
t = 1,
print(t, (), (1, 2) + (3,), [*range(3), *"ab"], {**{"a": 1}, "b": 2}, {*[1, 2], 3})
print(is_ := None is None, [] is not [], 3 in [1, 2, 3], "z" not in "abc")
i = 10
i += 5; i -= 3; i *= 2; i //= 5; i **= 2; i %= 7
print(i)
m = [[1, 2], [3, 4]]
m[0][1] += 10
print(m)
print(f"{'nested'!r:>10}|{3.14159:.3f}|{42:05d}|{1234567:,}|{0.25:.1%}|{255:#x}|{7:b}|{x=}|{x * 2 = }")
w = 7
print(f"{w:{w}}|{'c':^{w}}|{3.5:{w}.{2}f}|{{literal}}")
print("%s is %d years, %.2f%% done, %r" % ("Ann", 30, 99.5, "x"))
print("{} and {}".format(1, 2), "{1} {0} {name}".format("a", "b", name="n"), "{:>6.2f}".format(2.71828))
