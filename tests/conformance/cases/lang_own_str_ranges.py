# str.find, rfind, index, rindex, count, startswith and endswith over their optional start and
# end (clamped as CPython clamps them, counted in code points), and the errors of each argument.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
s = "hello, héllo"
for args in [("l",), ("l", 3), ("l", 3, 8), ("l", -4), ("l", -100, -2), ("", 12), ("", 13), ("", 5, 2), ("llo", 8), ("h", None, 3), ("é",), ("é", 8, 9)]:
    print(args, attempt(lambda: s.find(*args)), attempt(lambda: s.rfind(*args)), attempt(lambda: s.count(*args)),
          attempt(lambda: s.startswith(*args)), attempt(lambda: s.endswith(*args)), attempt(lambda: s.index(*args)))
print(attempt(lambda: s.find(1)), attempt(lambda: s.count(None)), attempt(lambda: s.index(2)), attempt(lambda: s.find("l", "x")))
print(attempt(lambda: s.startswith(("x", 1))), attempt(lambda: s.startswith(("h", 1))), attempt(lambda: s.endswith(3)))
print(attempt(lambda: s.startswith(("x", "he"), 0, 4)), attempt(lambda: s.endswith(("o", "x"), 2, 5)), attempt(lambda: s.startswith("", 20)))
print(attempt(lambda: s.count("l", 2.5)), attempt(lambda: s.rindex("zz")), attempt(lambda: s.count("l", True)))
t = [1, 2, 3, 2, 1]
for args in [(2,), (2, 2), (2, -3), (2, 0, 2), (1, 1, -1), (1, -100, 100), (5,), (2, "x"), (2, 0, None)]:
    print(args, attempt(lambda: t.index(*args)), attempt(lambda: tuple(t).index(*args)))
