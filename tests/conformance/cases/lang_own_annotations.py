# Variable annotations: evaluated at module and class level (stored in __annotations__ for a
# simple name), not evaluated inside functions; an annotation may hold comprehensions,
# lambdas and generator expressions, which need their own scopes.
ys = [1, 2, 3]
a: [y * 2 for y in ys] = 5
b: {k: v for k, v in zip("ab", ys)}
c: (lambda q: q + 1)(41)
d: sum(y for y in ys if y > 1) = "d"
print(a, d, __annotations__)


class K:
    n: [i for i in range(3)] = 7
    m: (lambda: "m")()
    print(__annotations__)


print(K.n, K.__annotations__)


def f():
    x: [undefined_name for _ in range(1)] = 3  # not evaluated in a function
    z: (lambda: undefined_too)()
    return x


print(f())
e: [w for w in missing_name]
