# Calls of plain Python functions run inside the bytecode loop (no C++ recursion): results
# land on the caller's operand stack, exceptions unwind frame by frame to the handler that
# takes them, and the frame state (depth, the exception being handled, slots) is restored.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(fib(20), is_even(500), is_odd(501))


# the caller's operand stack holds partial results around the call
def g(x):
    return x * 10


def h():
    raise KeyError("h")


print([g(1), g(2), (g(3), g(4)), {g(5): g(6)}], g(1) + g(2) * g(3))
try:
    lst = [g(1), g(2), h()]
except KeyError as e:
    print("caught", repr(e))


# exceptions crossing several frames, handlers at different depths, finally blocks
def level3(n):
    if n < 0:
        raise ValueError("negative: %d" % n)
    return n


def level2(n):
    try:
        return level3(n) + 1
    finally:
        print("  level2 finally", n)


def level1(n):
    try:
        return level2(n) * 2
    except ZeroDivisionError:
        return -1


for n in (3, -2):
    try:
        print("level1 ->", level1(n))
    except ValueError as e:
        print("caught at top:", e)


def catcher(n):
    try:
        return level2(n)
    except ValueError as e:
        return "handled in catcher: " + str(e)


print(catcher(-7))


# a return from inside a loop, from an except block and from a with block
def first_big(xs):
    for x in xs:
        for y in (x, x + 1):
            if y > 5:
                return y
    return None


def swallow():
    try:
        raise IndexError("swallowed")
    except IndexError:
        return "swallowed"


print(first_big([1, 3, 5, 7]), first_big([]), swallow())
try:
    raise TypeError("fresh")
except TypeError as e:
    print("context after a return from except:", repr(e.__context__))


# methods (CALL_METHOD), class attributes, functions defined inside functions
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self

    def total(self):
        return self.n


c = Counter()
print(c.bump(2).bump(3).total(), Counter.total(c))


def make_adder(k):
    def add(x):
        return x + k

    return add


print(make_adder(5)(10), list(map(make_adder(1), [1, 2, 3])))


# calls that take the general path mixed with inline ones
def with_default(a, b=2, *rest, **kw):
    return (a, b, rest, sorted(kw))


def gen(n):
    for i in range(n):
        yield g(i)


print(with_default(1), with_default(1, 3, 4, x=1), list(gen(4)), sum(g(i) for i in range(4)))
print(sorted([3, 1, 2], key=lambda v: g(-v)), max(range(5), key=lambda v: fib(v) % 3))


# exceptions through C++ callers (sorted's key) out of inline frames
def bad_key(v):
    return level3(-v)


try:
    sorted([1, 2], key=bad_key)
except ValueError as e:
    print("through sorted:", e)


# the recursion limit: RecursionError, then everything works again, twice
def down(n):
    return down(n + 1)


for _ in range(2):
    try:
        down(0)
    except RecursionError as e:
        print("RecursionError:", e)
    print("after:", fib(15), level1(4))


# near the limit, many times (slices end every 1024 calls, deep inside the recursion)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print([depth(900) for _ in range(5)])


# functions of another globals dict; eval() and super() read the inline frame
ns = {}
exec("x = 42\ndef read_x():\n    return x\n", ns)
x = "module x"
print(ns["read_x"](), x)


def use_eval(a):
    b = 2
    return eval("a * 10 + b + len(x)")


class Base:
    def hello(self, who):
        return "Base hello " + who


class Child(Base):
    def hello(self, who):
        return "Child+" + super().hello(who)


print(use_eval(4), Child().hello("you"))
print(sys.getrecursionlimit() >= 1000)


# defaults fill the parameters past the arguments (evaluated once: a mutable default is shared)
def with_defaults(a, b=10, c=[]):
    c.append(a)
    return a + b, len(c)


def countdown(n, acc=0):
    return acc if n == 0 else countdown(n - 1, acc + n)


print(with_defaults(1), with_defaults(2, 3), with_defaults(4, 5, []), with_defaults(6))
print(countdown(100), countdown(5, 1000), with_defaults(7)[1])
try:
    with_defaults()
except TypeError as e:
    print("TypeError:", e)
try:
    with_defaults(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)


# functions with cells run inline too: their cells are made in the callee's frame
def scale_all(xs, k):
    offset = len(xs)
    return [x * k + offset for x in xs]


def counter_pair(start):
    n = start

    def bump(by):
        nonlocal n
        n += by
        return n

    def read():
        return n

    return bump, read


def nested_depth(n):
    inner = lambda: n
    return inner() if n == 0 else nested_depth(n - 1) + inner()


print(scale_all([1, 2, 3], 10), scale_all([], 5))
bump, read = counter_pair(100)
print(bump(1), bump(2), read(), counter_pair(0)[1]())
print(nested_depth(30))
try:
    scale_all([1, "a"], 2)
except TypeError as e:
    print("TypeError:", e)

# two functions made from one code share their first names, not later renames
adders = [make_adder(i) for i in range(2)]
adders[0].__name__ = "renamed"
print([a.__name__ for a in adders], adders[1].__qualname__, adders[0](1), adders[1](1))
