# Python 3's lazy builtins are iterators with names of their own: subscripting one or asking
# its length (a common slip when porting list-returning code) names it as CPython does.
def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, "TypeError:", e)


makers = {
    "zip": lambda: zip([1, 2], "ab"),
    "map": lambda: map(str, [1, 2]),
    "filter": lambda: filter(None, [0, 1, 2]),
    "enumerate": lambda: enumerate("xy"),
    "reversed": lambda: reversed((1, 2)),
}
for name, make in makers.items():
    attempt(name + "[0]", lambda: make()[0])
    attempt("len(" + name + ")", lambda: len(make()))
    attempt(name + " type", lambda: type(make()).__name__)
    attempt(name + " repr", lambda: repr(make()).split(" object at ")[0])
    attempt(name + " items", lambda: list(make()))
    it = make()
    attempt(name + " iter is itself", lambda: iter(it) is it)
pairs = zip([1, 2, 3], [4, 5, 6])
print(next(pairs), [a * b for a, b in pairs], list(pairs))
m = map(lambda x: x * 2, range(3))
print(sum(m), sum(m))
print(dict(enumerate(map(str.upper, filter(str.isalpha, "a1b2")))))
