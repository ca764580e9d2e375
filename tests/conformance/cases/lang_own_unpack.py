# Unpacking assignment: exact tuples and lists take the loop's fast path, everything else the
# general one (at most n + 1 items taken, so a generator is not run to its end), and the
# errors name what went wrong as CPython's do.
def attempt(label, fn):
    try:
        print(label, fn())
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)


def gen(n):
    for i in range(n):
        print("  gen gives", i)
        yield i


def two(v):
    a, b = v
    return a, b


def star(v):
    a, *b, c = v
    return a, b, c


class Pair:
    def __iter__(self):
        return iter([7, 8])


class Seq(list):
    pass


for label, v in [("tuple", (1, 2)), ("list", [3, 4]), ("str", "xy"), ("dict", {"k": 1, "j": 2}),
                 ("range", range(5, 7)), ("user", Pair()), ("list sub", Seq([5, 6]))]:
    attempt(label, lambda: two(v))
attempt("set", lambda: sorted(two({3, 1})))
attempt("gen ok", lambda: two(gen(2)))
attempt("gen long", lambda: two(gen(10)))
attempt("gen short", lambda: two(gen(1)))
for bad in [5, 2.5, None, True]:
    attempt("scalar", lambda: two(bad))
    attempt("star scalar", lambda: star(bad))
attempt("long tuple", lambda: two((1, 2, 3)))
attempt("short list", lambda: two([1]))
attempt("empty", lambda: two(()))
attempt("star", lambda: star(range(6)))
attempt("star short", lambda: star([1]))
attempt("star gen", lambda: star(gen(3)))
attempt("for target", lambda: [a + b for a, b in [(1, 2), [3, 4], "56"]])
attempt("for bad", lambda: [a for a, b in [(1, 2), 3]])
attempt("nested", lambda: [(a, b, c) for a, (b, c) in zip("pq", [(1, 2), (3, 4)])])


def boom():
    yield 1
    raise ValueError("inside the second iterator")


z = zip([10, 20, 30], boom())
attempt("zip first", lambda: next(z))
attempt("zip raise", lambda: next(z))
attempt("zip after", lambda: next(z, "ended"))
kept = []
for t in zip("ab", "cd"):
    kept.append(t)
x, y = kept[0]
print(kept, x, y, kept[0] is kept[1])
print(list(zip()), list(zip([])), list(zip([1, 2], [])), list(zip([1, 2], gen(1))))


# in a function the stores after an unpack are fused with it: targets that repeat, swaps, a
# failed unpack that must leave the targets as they were, and nested targets
def stores():
    a, a = 1, 2
    p, q = 3, 4
    p, q = q, p
    r, s = 5, 6
    try:
        r, s = (7, 8, 9)
    except ValueError as e:
        print("kept", r, s, e)
    (t, u), v = "xy", [0]
    w, = [10]
    return a, p, q, t, u, v, w


print(stores())
