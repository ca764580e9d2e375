# eval() and exec(): the caller's namespaces, explicit dicts, the NAME lookups of the text's
# top level, comprehension scopes, syntax errors with their location, the argument errors.
x = 10


def f(a):
    b = a * 2
    # a function's locals are visible to the text (a snapshot)
    return eval("a + b + x"), eval("  (a, b)")


print(f(4))
print(eval("x * 2"), eval("x", {"x": 5}), eval("x + y", {"x": 1}, {"y": 2}))
print(eval("len(s)", None, {"s": "abc"}))

g = {"x": 3}
exec("y = x * 2\ndef h():\n    return y + 1\n", g)
print(g["y"], g["h"](), "__builtins__" in g)

ns = {}
exec("import math\nr = math.sqrt(16)", ns)
print(ns["r"], sorted(k for k in ns if not k.startswith("__")))

# a separate locals dict receives the assignments; the globals are read through
glb, loc = {"k": 7}, {}
exec("m = k + 1\nk2 = m * 2", glb, loc)
print(sorted(loc.items()), sorted(k for k in glb if k != "__builtins__"))

# exec at module level writes this module's globals
exec("z = x + 5")
print(z)
print(exec("pass"), eval("None"))

# a comprehension in the text is a function: it sees globals, not the caller's locals
def g2(a):
    try:
        return eval("[c * a for c in range(3)]")
    except NameError as e:
        return "NameError: " + str(e)


print(g2(2))
print(eval("[c * x for c in range(3)]"))

for args in [(5,), ("1", 5), ("1", {}, 5), ("1 +",), ("x = 1",), ("(1,\n 2",)]:
    try:
        print(eval(*args))
    except (TypeError, SyntaxError) as e:
        print(type(e).__name__, e)
for args in [(5,), ("1", 5), ("1 +",), ("y = 1\nprint(y)",), ("if x:\nprint(1)",)]:
    try:
        print(exec(*args))
    except (TypeError, SyntaxError) as e:
        print(type(e).__name__, e)
try:
    eval("1", globals=None)
except TypeError as e:
    print(e)

# errors raised by the text carry its frame
try:
    eval("1 / 0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
exec("def boom():\n    return undefined_name\n")
boom()
