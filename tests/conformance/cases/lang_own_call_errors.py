# Argument binding errors in CPython's order and words: keywords are bound before the count of
# positional arguments is checked, positional-only names passed as keywords are listed together.
def f(a, b, c=3, *, d, e=5):
    return a, b, c, d, e


def g(x, y=1):
    return x, y


def h(p, q, /, r, **kw):
    return p, q, r, kw


def k(p, q, /, r):
    return p, q, r


calls = [
    lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, d=4), lambda: f(1, 2, 3, 4, d=1),
    lambda: f(1, 2, x=1, d=1), lambda: f(1, 2, a=1, d=1), lambda: g(), lambda: g(1, 2, 3),
    lambda: g(1, y=2, z=3), lambda: k(p=1, q=2, r=3), lambda: k(1, q=2, r=3), lambda: g(1, 2, 3, y=4),
    lambda: f(b=2, d=1), lambda: h(1, 2, 3, p=4), lambda: h(1, 2, r=3, q=9), lambda: g(y=1, x=2, w=0),
    lambda: f(1, 2, 3, 4, 5, e=1), lambda: k(1, 2, 3, r=4),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
