# Global and builtin names read inside functions while the module rebinds, deletes, shadows and
# restores them between and during calls (LOAD_GLOBAL remembers where it found a name).
import math

def show():
    return [x, len("abc"), math.floor(2.5), abs(-3)]

x = 1
print(show())
x = "rebound"
print(show())
len = lambda s: 42          # shadows the builtin
print(show())
del len                     # the builtin again
print(show())
globals()["abs"] = str       # shadow through the namespace dict
print(show())
del globals()["abs"]
print(show())
math.floor = lambda v: "patched"   # a module attribute, not a global: read afresh
print(show())

def counter():
    global total
    for i in range(5):
        total = total + i     # assigned and read in the same loop
    return total
total = 10
print(counter(), counter())

def reader():
    out = []
    for i in range(4):
        out.append(late if i >= 2 else "early")
        if i == 1:
            globals()["late"] = "defined mid-loop"
    return out
print(reader())
del late
try:
    reader()
    print(late)
    del late
    print(late)
except NameError as e:
    print("NameError:", e)

def many():
    return [str(n) for n in range(3)] + [type(v).__name__ for v in (1, 2.0, "s")]
for i in range(3):
    print(many())
    if i == 0:
        str = lambda v: "<" + repr(v) + ">"
    if i == 1:
        del str

def uses_missing():
    return missing_name
try:
    uses_missing()
except NameError as e:
    print("NameError:", e)
missing_name = "now here"
print(uses_missing())
for k in [k for k in globals() if k.startswith("zz")]:
    pass
for i in range(40):
    globals()["zz%d" % i] = i          # many inserts: the dict grows and rebuilds
print(show(), uses_missing(), zz39)

# module-level code reads and stores its names through the same cache
acc = 0
for i in range(10):
    acc += i
    last = len(str(acc))     # builtins read at module level
    if i == 4:
        len = lambda s: -1   # a module-level store shadows the builtin mid-loop
    if i == 7:
        del len
print(acc, last, len("four"))
y = 1
del y
try:
    print(y)
except NameError as e:
    print("NameError:", e)
y = [2]
y += [3]
class K:
    y = "class attr"         # a class body has its own namespace
    z = y + "!"
print(y, K.y, K.z, show())
