# Functions: defaults, keyword-only, *args/**kwargs, closures, decorators, generators, lambdas
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, f=10))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
total = 0
def add(v):
    global total
    total += v
add(5); add(7)
print(total)
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bo"), hello.__name__)
def repeat(n):
    def d(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return d
@repeat(3)
def one():
    return 1
print(one())
def gen(n):
    for i in range(n):
        yield i * i
    return "done"
print(list(gen(5)), sum(gen(4)), next(gen(3)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
it = fib()
print([next(it) for _ in range(10)])
def chain(*its):
    for i in its:
        yield from i
print(list(chain([1, 2], "ab", range(2))))
sq = (x * x for x in range(4))
print(type(sq).__name__, list(sq), list(sq))
print(sorted([3, 1, 2], key=lambda v: -v), (lambda: 42)(), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "a"])), list(zip("ab", [1, 2, 3])), list(enumerate("xy", 1)))
fs = [lambda i=i: i for i in range(3)]
print([h() for h in fs])
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(25))
def kwonly(*, a=1, b):
    return a, b
print(kwonly(b=2))
def outer():
    x = "enclosing"
    def mid():
        def inner():
            return x
        return inner()
    return mid()
print(outer())
print(dict(a=1, **{"b": 2}), max([1, 5, 3], key=lambda v: -v), min("bca"), max(3, 9, 4), min([], default="empty"))
gen_exp = sum(x for x in range(101) if x % 2)
print(gen_exp, any(x > 3 for x in [1, 5]), all([]), {k: v for k, v in zip("ab", (1, 2))}, {v % 3 for v in range(10)})
print([(i, j) for i in range(3) for j in range(i)], [[j for j in range(i)] for i in range(3)])
