# Classes derived from dict, list, Counter and defaultdict: construction with and without
# __init__ (super().__init__ included), __missing__, attributes, every builtin operation on
# them, overridden dunders winning, copies keeping the class and attributes, plain results.
import copy
class D(dict):
    pass
class L(list):
    pass
d = D(b=2, a=1)
l = L([3, 1, 2])
print(dict(d), list(l), ",".join(L(["x", "y"])), {**d}, [*l])
a, b, c = l
print(a, b, c, type(d.copy()).__name__, type(l.copy()).__name__, type(copy.copy(l)).__name__, copy.deepcopy(d))
print(sorted(d.items()), d.keys(), list(reversed(l)), l.sort() or l, type(l).__name__, len(D()), D([("k", 1)]))
d.x = 5
print(d.x, getattr(d, "x"), hasattr(l, "y"), d)
m = {d2: 1 for d2 in ["q"]}
print(str(l), repr(d), f"{l}", "%s" % (l,), l == L([1, 2, 3]), D(a=1) == D(a=1), D(a=1) != {"a": 1})
class S(list): pass
s = S([1, 2])
print(s * 2, 2 * s, type(2 * s).__name__, s * 0, [s] * 2, (s,) * 2)
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s[0], s[1:], type(s[1:]).__name__, 2 in s, bool(s), bool(Stack()), list(s), isinstance(s, list))
s[0] = 10
del s[1]
s += [7]
print(s, type(s).__name__, s == [10, 3, 7], s < [11], sorted(s), s + [1], [0] + s, s * 2, sum(s), max(s))
for x in s:
    print(x, end=" ")
print()
class Tokens(list):
    def __init__(self, text):
        super().__init__(text.split())
        self.text = text
    def __repr__(self):
        return f"Tokens({len(self)})"
t = Tokens("a b c")
print(t, t.text, t[1], str(t), [t], t.count("a"), t.index("c"))
class Seen(list):
    def __contains__(self, x):
        return True
    def __len__(self):
        return 42
print(5 in Seen(), len(Seen([1])), bool(Seen()))
class Pair(list):
    def __getitem__(self, i):
        return "item" + str(i)
print(Pair([1, 2])[0], list(Pair([1, 2])))
try:
    s + 1
except TypeError as e:
    print(e)
print(vars(t), Stack.__mro__ if False else Stack.__name__, Stack.__bases__[0].__name__)
from collections import Counter, defaultdict
class Vocab(dict):
    def __missing__(self, k):
        return -1
v = Vocab(a=1)
print(v["a"], v["zz"], isinstance(v, dict), len(v), v, type(v).__name__, "a" in v, list(v.items()))
class Index(dict):
    def __init__(self, words):
        super().__init__()
        self.name = "idx"
        for w in words:
            if w not in self:
                self[w] = len(self)
    def lookup(self, w):
        return self.get(w, -1)
ix = Index("the cat sat on the mat".split())
print(ix, ix.name, ix.lookup("cat"), ix.lookup("dog"), sorted(ix), ix == {"the": 0, "cat": 1, "sat": 2, "on": 3, "mat": 4})
print(vars(ix), Index(["a"]) | {"b": 9})
class Tally(Counter):
    def top(self):
        return self.most_common(1)[0]
t = Tally("abracadabra")
print(t.top(), t["z"], isinstance(t, Counter), t)
class DD(defaultdict):
    pass
d = DD(list)
d["k"].append(3)
print(d["k"], dict(d))
try:
    hash(v)
except TypeError as e:
    print(e)
class Bad(dict):
    pass
try:
    Bad(1)
except TypeError as e:
    print(e)
d2 = {}
d2.__init__(x=1)
d2.__init__([("y", 2)])
print(d2)
# copies keep the class and the attributes (deep copies copy the attributes too)
t2 = Tokens("x y")
t2.meta = {"n": [1]}
c1, c2 = copy.copy(t2), copy.deepcopy(t2)
t2.meta["n"].append(2)
print(type(c1).__name__, c1.text, c1.meta, c2.meta, list(c2), c2.text)
ix2 = copy.deepcopy(ix)
print(type(ix2).__name__, ix2.name, ix2 == ix, ix2 is ix)
# NumPy and random take them as lists
import numpy as np
import random
nl = L([3, 1, 2])
print(np.array(nl), np.mean(nl), np.array([nl, nl]).shape)
random.seed(1)
random.shuffle(nl)
np.random.seed(0)
np.random.shuffle(nl)
print(nl, type(nl).__name__)
