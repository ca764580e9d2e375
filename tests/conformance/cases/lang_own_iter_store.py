# zip's fast paths (sequences stepped inline, the result tuple reused when nobody holds it),
# zip(strict=True)'s messages, and module-level names a loop stores without loading them
# (the global cache filled by the store).
print(list(zip([1, 2], [3, 4, 5])))
print(list(zip(range(3), "ab", (7, 8, 9))))
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, it)))


def gen():
    yield 1
    yield 2


print(list(zip(gen(), [5, 6, 7]), ), list(zip({1: 2, 3: 4}.items(), "xyz")))
z = zip([1, 2], [3, 4])
a = next(z)
b = next(z)
print(a, b, a is b)
kept = [t for t in zip("abc", range(3))]
print(kept, len({id(t) for t in kept}) == 3)
for args in [([1], [1, 2]), ([1, 2], [1]), ([1], [1], [1, 2]), ([1, 2], [1, 2], [1]),
             ([1, 2], [1], [1, 2]), ([1], [1, 2], [1]), ([], [], []), ([1, 2], (3, 4), "ab")]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
zs = zip([1, 2, 3], iter([4]), strict=True)
print(next(zs))
try:
    next(zs)
except ValueError as e:
    print("ValueError:", e)

# stored, never loaded inside the loop
for p, q in zip([1, 2, 3], "xyz"):
    pass
print(p, q)
for p in range(3):
    globals()["q"] = p * 10
print(p, q)
del p
try:
    print(p)
except NameError as e:
    print("NameError:", e)
for p in "ab":
    pass
print(p)
total = 0
for i in range(2000):
    last_i = i
    if i == 1000:
        del last_i
        last_i = "again"
        print(last_i)
print(last_i, globals()["last_i"])
exec("for r in range(4): pass\nprint(r)")
ns = {}
exec("for r in range(5): s = r * 2\nprint(r, s)", ns)
print(sorted(k for k in ns if k != "__builtins__"))
