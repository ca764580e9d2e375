# Exceptions: messages of common errors, hierarchy, else/finally, custom exceptions, chaining
def show(thunk):
    try:
        thunk()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
show(lambda: [1][3])
show(lambda: (1,)[-5])
show(lambda: {}["missing"])
show(lambda: {1: 2}[(1, 2)])
show(lambda: "abc" + 1)
show(lambda: 1 + "abc")
show(lambda: [1] + (2,))
show(lambda: "x" * 2.5)
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: int("12x"))
show(lambda: int("  "))
show(lambda: float("abc"))
show(lambda: undefined_thing)
show(lambda: None.attr)
show(lambda: "s".nope)
show(lambda: len(3))
show(lambda: (lambda a, b: 0)(1, 2, 3))
show(lambda: (lambda a, b: 0)(1))
show(lambda: (lambda a, b, c: 0)())
show(lambda: (lambda a: 0)(b=1))
show(lambda: (lambda a: 0)(1, a=1))
show(lambda: [].pop())
show(lambda: [3, 4].index(9))
show(lambda: [3].remove(9))
show(lambda: "abc".index("z"))
show(lambda: next(iter(())))
show(lambda: int(None))
show(lambda: iter(5))
show(lambda: 5())
show(lambda: [][0:1:0])
show(lambda: {[1]: 2})
show(lambda: set([[1]]))
show(lambda: 1 < "a")
show(lambda: [1] < 1)
show(lambda: max([]))
show(lambda: chr(-1))
show(lambda: divmod(1, 0))
show(lambda: ord("ab"))
show(lambda: sorted([1, "a"]))
show(lambda: "".join([1]))
show(lambda: (1, 2).append(3))
show(lambda: {}.fromkeys(1))
show(lambda: range(1.5))
show(lambda: "a".split(""))
show(lambda: dict([(1, 2, 3)]))
show(lambda: 2 ** 10000 * 1.0)
show(lambda: round(float("inf")))
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
for exc in (NotFound(404, "missing page"), AppError(500, "boom"), ValueError("plain")):
    try:
        raise exc
    except NotFound as e:
        print("not found", e.code, e, e.args)
    except AppError as e:
        print("app error", e.code, repr(e))
    except (TypeError, ValueError) as e:
        print("builtin", repr(e))
    else:
        print("no error")
    finally:
        print("finally", type(exc).__name__)
def order():
    out = []
    try:
        out.append("try")
        return out
    finally:
        out.append("finally")
print(order())
def loop_finally():
    res = []
    for i in range(3):
        try:
            if i == 1:
                continue
            res.append(i)
        finally:
            res.append(f"f{i}")
    return res
print(loop_finally())
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("assert", repr(e))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), isinstance(NotFound(1, ""), Exception))
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
try:
    x = [0] * (10 ** 12)
except MemoryError:
    print("MemoryError caught")
def uses_before():
    print(val)
    val = 1
show(uses_before)
raise NotFound(410, "gone for good")
