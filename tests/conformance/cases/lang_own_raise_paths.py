# Raises the bytecode loop unwinds itself (raise, re-raise, a dict's missing key) beside
# those natives throw: handlers, context, cause, finally and with on every path.
from collections import defaultdict, Counter, OrderedDict


def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        return ("missing", e.args, str(e), repr(e))


plain = {1: "a", (2, 3): "b", "s": None}
print(lookup(plain, 1), lookup(plain, (2, 3)), lookup(plain, "s"))
print(lookup(plain, 4), lookup(plain, (4, 5)), lookup(plain, "t"), lookup(plain, 1.0))
print(lookup(plain, True), lookup(plain, ()))
try:
    plain[[1]]
except TypeError as e:
    print("TypeError", e)

dd = defaultdict(list)
dd["x"].append(1)
print(lookup(dd, "y"), sorted(dd.items()))
c = Counter("hello")
print(lookup(c, "l"), lookup(c, "z"))
od = OrderedDict(a=1)
print(lookup(od, "a"), lookup(od, "b"))


class Missing(dict):
    def __missing__(self, k):
        return k * 2


class Plain(dict):
    pass


print(lookup(Missing(a=1), "a"), lookup(Missing(), "q"), lookup(Plain(a=1), "b"))


class BadEq:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        raise ArithmeticError("eq")


class SevenHash:
    def __hash__(self):
        return 7


clash = {SevenHash(): 1}
try:
    clash[BadEq()]
except ArithmeticError as e:
    print("eq raised", e)


def thrower(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 3 == 1:
        raise KeyError
    return i


total = 0
kinds = []
for i in range(30):
    try:
        total += thrower(i)
    except ValueError as e:
        total -= e.args[0]
        kinds.append("V")
    except KeyError as e:
        kinds.append("K" + str(len(e.args)))
print(total, "".join(kinds))


def reraiser(n):
    try:
        return {}[n]
    except KeyError:
        raise


def chained(n):
    try:
        reraiser(n)
    except KeyError as e:
        raise RuntimeError("wrapped") from e


def context(n):
    try:
        {}[n]
    except KeyError:
        raise ValueError("during")


for f in (reraiser, chained, context):
    try:
        f("k")
    except Exception as e:
        print(f.__name__, type(e).__name__, e, type(e.__cause__).__name__,
              type(e.__context__).__name__, e.__suppress_context__)


def cleanup(log, depth):
    try:
        if depth == 0:
            raise IndexError("bottom")
        cleanup(log, depth - 1)
    finally:
        log.append(depth)


log = []
try:
    cleanup(log, 5)
except IndexError as e:
    print("cleanup", e, log)


class Ctx:
    def __init__(self, swallow, log):
        self.swallow, self.log = swallow, log

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        self.log.append((t.__name__ if t else None, str(v) if v else None))
        return self.swallow


log = []
for swallow in (False, True):
    try:
        with Ctx(swallow, log):
            with Ctx(False, log):
                {}["w"]
        log.append("after")
    except KeyError as e:
        log.append(("caught", str(e)))
print(log)


def bare_outside():
    raise


try:
    bare_outside()
except RuntimeError as e:
    print("RuntimeError", e)


def nested_handlers():
    out = []
    try:
        try:
            raise TypeError("inner")
        except TypeError:
            out.append("t")
            try:
                raise
            except TypeError as e2:
                out.append("again " + str(e2))
            raise LookupError("outer") from None
    except LookupError as e:
        out.append((str(e), e.__cause__, type(e.__context__).__name__, e.__suppress_context__))
    return out


print(nested_handlers())


def gen_raise():
    yield 1
    raise KeyError("in generator")


g = gen_raise()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("gen", e)


def deep(n):
    if n == 0:
        return {}[("deep", n)]
    return deep(n - 1)


hits = 0
for r in range(200):
    try:
        deep(r % 20)
    except KeyError as e:
        hits += e.args[0][1] == 0
print("deep", hits)

err = {"a": 1}
print(err["b"])
