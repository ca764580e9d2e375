# Generators resumed through every path: for loops, next(), builtins that consume them (sum,
# zip, list, sorted), send(), close(), a generator that raises, one that finishes with a
# return value, one re-entered while running, yield from, and deep recursion through them.
def count(n):
    for i in range(n):
        yield i
    return "done"


print(sum(count(5)), list(count(3)), sorted(count(4), reverse=True), max(count(6)))
print(list(zip(count(3), count(10))), sum(x * x for x in count(10) if x % 2))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value))
print(next(g, "exhausted"), list(g))


def echo():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            return got
        got.append(x)


e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
f = echo()
try:
    f.send(1)
except TypeError as t:
    print("TypeError:", t)
f.close()
print(list(f), next(f, "closed"))


def boom(n):
    yield 1
    raise ValueError(n)


b = boom(3)
print(next(b))
try:
    next(b)
except ValueError as v:
    print("ValueError", v)
print(next(b, "after"))


def selfish():
    yield next(me)


me = selfish()
try:
    next(me)
except ValueError as v:
    print("ValueError:", v)


def outer():
    r = yield from count(3)
    yield r


print(list(outer()))


def nest(d):
    if d == 0:
        yield d
        return
    yield from nest(d - 1)
    yield d


print(sum(nest(50)), list(nest(3)))


def deep(d):
    yield sum(deep(d + 1))


try:
    next(deep(0))
except RecursionError as r:
    print("RecursionError:", r)
print(sum(count(3)))


def relay():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def delegate():
    r = yield from relay()
    yield "relay returned %r" % (r,)


d = delegate()
print(next(d), d.send(5), d.send(7), d.send(None))


# a yield statement drops the value sent to it (the resume skips its POP_TOP); a yield
# expression keeps it
def statements():
    yield 1
    yield
    x = yield 3
    yield x
    (yield "in parentheses")
    yield [(yield "nested"), 5]


s = statements()
print(next(s), s.send("dropped"), s.send([1, 2]), s.send("kept"), s.send(9), s.send(None))
print(s.send("inner"), next(s, "end"), list(statements()))
