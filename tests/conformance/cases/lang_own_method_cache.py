# LOAD_METHOD remembers, per name, the method a builtin type's lookup found; one call site
# that meets several types (builtin, subclasses, user classes, instances with an attribute
# of the method's name, classes and modules) must still call each object's own method.
import math
from collections import deque


class Splitter:
    def split(self, sep=None):
        return ["Splitter.split", sep]


class MyList(list):
    def append(self, x):
        super().append(x * 10)


class Shadow:
    def append(self, x):
        return "method"


def call_split(o):
    return o.split(",")


def call_append(o, x):
    o.append(x)
    return o


sh = Shadow()
sh.append = lambda x: "instance attribute " + str(x)
for o in ["a,b", Splitter(), "c,d,e", "x,y", Splitter()]:
    print(call_split(o))
for o in [[], MyList(), deque(), [1], MyList([2])]:
    print(type(o).__name__, call_append(o, 3))
print(call_append.__name__, sh.append(1), Shadow().append(2))

# the same names on classes (unbound) and modules, at one site each time
for f in [str.upper, str.lower]:
    print(f("MiXed"))
for t in [str, "text"]:
    try:
        print(t.upper())
    except TypeError as e:
        print("TypeError:", e)
print([m.sqrt(16) for m in [math, math]], [t.fromkeys("ab") for t in [dict, dict]])

# ints, floats and None through one site
for v in [7, True, -3, 2**70]:
    print(v.bit_length(), v.__class__.__name__)
for v in [None, 1]:
    try:
        print(v.bit_length())
    except AttributeError as e:
        print("AttributeError:", e)
