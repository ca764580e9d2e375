# zip, enumerate and dict.items() hand out tuples; one that nothing else holds any more may be
# refilled for the next step (as in CPython), so every tuple that is kept must stay intact.
z = zip([1, 2, 3], "abc")
first = next(z)
second = next(z)
print(first, second, first is second, list(z))
print(list(zip(range(3), range(10, 13))), list(enumerate("xyz", 5)))
kept, seen = [], {}
for t in zip([1, 2, 3], [4, 5, 6]):
    kept.append(t)
    seen[t] = len(seen)
print(kept, seen)
total = 0
for p, q in zip([1, 2, 3], [4, 5, 6]):
    total += p * q
print(total, sum(a * b for a, b in zip(range(100), range(100, 200))))
d = {"a": 1, "b": 2, "c": 3}
items = [kv for kv in d.items()]
pairs = list(d.items())
last = None
for k, v in d.items():
    last = (k, v)
print(items, pairs, last, dict(zip("ab", [1, 2])), dict(enumerate("pq")))
print(sorted(enumerate("cab"), key=lambda t: t[1]), max(zip([3, 1, 2], "xyz")))
nested = list(zip(zip("ab", "cd"), enumerate("ef")))
print(nested, [e for e in enumerate(zip("gh", "ij"))])
g = (t for t in enumerate("abc"))
h = [next(g), next(g)]
print(h, list(g))
it = iter(d.items())
a1 = next(it)
a2 = next(it)
print(a1, a2, a1 == a2)
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
for i, (k, v) in enumerate(d.items()):
    d2 = {k: (i, v)}
print(d2, [x for x in zip(*[[1, 2], [3, 4], [5, 6]])])


# a zip stepped again by a generator it is itself stepping: the tuple being filled is neither
# refilled nor freed under it
def reenter():
    print("inner", next(z2, "done"))
    yield "a"
    print("inner again", next(z2, "done"))
    yield "b"


z2 = zip([1], reenter())
print(list(z2))
z3 = zip(iter([1, 2, 3]), (print("step", next(z3, "-")) or c for c in "xyz"))
try:
    print(list(z3))
except ValueError as e:
    print("ValueError:", e)
