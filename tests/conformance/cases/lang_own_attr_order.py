# An object's own attributes keep their assignment order (vars(), __dict__, copies), whatever
# their number, through deletion, re-assignment, setattr/delattr and method shadowing.
import copy
from dataclasses import dataclass


class Bag:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    def total(self):
        return sum(v for v in vars(self).values() if isinstance(v, int))


b = Bag(zeta=1, alpha=2, mid=3)
b.beta = 4
print(vars(b), b.__dict__, b.total())
b.alpha = 20  # re-assignment keeps the place
del b.zeta  # the others keep theirs
b.zeta = 100  # and a new one goes last
print(list(vars(b)), b.total())
delattr(b, "mid")
print(hasattr(b, "mid"), getattr(b, "mid", "gone"), list(b.__dict__))
try:
    del b.mid
except AttributeError as e:
    print("AttributeError", e)

many = Bag()
names = ["n%d" % ((i * 37) % 50) for i in range(50)]
for i, n in enumerate(names):
    setattr(many, n, i)
print(list(vars(many)) == names, many.n37, many.total())
for n in names[::3]:
    delattr(many, n)
print(len(vars(many)), list(vars(many))[:5], sum(vars(many).values()))

c = copy.copy(b)
d = copy.deepcopy(b)
c.extra = [1]
print(list(vars(c)), list(vars(d)), list(vars(b)))


class Shadow:
    def f(self):
        return "method"


s = Shadow()
print(s.f())
s.f = lambda: "instance"
print(s.f(), list(vars(s)))
del s.f
print(s.f())


def fn():
    pass


fn.b = 1
fn.a = 2
print(fn.b, fn.a, sorted(vars(fn).items()) if hasattr(fn, "__dict__") else "no dict")


@dataclass
class Point:
    y: int = 0
    x: int = 0


p = Point(1, 2)
p.z = 3
print(vars(p), p)


class Err(Exception):
    pass


e = Err("m")
e.code = 7
e.where = "here"
print(e.code, e.where, e.args)


class Counter:
    made = 0

    def __init__(self, a, b, c, d, e, f, g, h, i):
        Counter.made += 1
        self.vals = (a, b, c, d, e, f, g, h, i)


cs = [Counter(*range(k, k + 9)) for k in range(3)]
print(Counter.made, cs[2].vals, list(vars(cs[0])))
print(Bag(x=1).nothing)
