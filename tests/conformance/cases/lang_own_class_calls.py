# Class calls: __init__ with defaults, super(), errors, recursion, cells, a rebound or
# returning __init__, classes reached through attributes; results, errors, lifetimes.
from dataclasses import dataclass


class Node:
    count = 0

    def __init__(self, value, left=None, right=None):
        Node.count += 1
        self.value = value
        self.left = left
        self.right = right

    def total(self):
        return self.value + (self.left.total() if self.left else 0) + (
            self.right.total() if self.right else 0)


def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid - 1), build(mid + 1, hi))


tree = build(1, 100)
print(tree.total(), Node.count, tree.value, tree.left.value, tree.right.right.value)
print([Node(i).value for i in range(5)], Node(7, right=Node(1)).total())


class Base:
    def __init__(self, name):
        self.name = name
        self.tags = []


class Child(Base):
    def __init__(self, name, *tags):
        super().__init__(name.upper())
        self.tags.extend(tags)


class Plain(Base):
    pass


print(vars(Child("a", 1, 2)), vars(Plain("p")), Plain("q").name)


class Returns:
    def __init__(self, x):
        if x:
            return x


print(type(Returns(0)).__name__)
for bad in (5, "s"):
    try:
        Returns(bad)
    except TypeError as e:
        print("TypeError", e)


class Raises:
    made = []

    def __init__(self, n):
        Raises.made.append(n)
        if n % 2:
            raise ValueError("odd %d" % n)
        self.n = n


ok = []
for i in range(6):
    try:
        ok.append(Raises(i).n)
    except ValueError as e:
        ok.append(str(e))
print(ok, Raises.made)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(50)
depth = 0
while d:
    d, depth = d.child, depth + 1
print("depth", depth)
try:
    Deep(10 ** 6)
except RecursionError as e:
    print("RecursionError", e)
print(Deep(3).child.child.child.child)


class Cells:
    def __init__(self, k):
        self.get = lambda: k * 2
        self.items = [k + j for j in range(3)]


c = Cells(5)
print(c.get(), c.items)


class NoInit:
    pass


print(type(NoInit()).__name__)
try:
    NoInit(1)
except TypeError as e:
    print("TypeError", e)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError", e)


class Holder:
    Inner = Node

    def __init__(self):
        self.factory = Base


h = Holder()
print(h.Inner(3).value, h.factory("f").name, Holder.Inner(4).total())


class Rebinds:
    def __init__(self, a=1):
        Rebinds.__init__ = None
        self.a = [i * a for i in range(3)]
        self.cls = type(self).__name__


r = Rebinds(2)
print(r.a, r.cls)
try:
    Rebinds()
except TypeError as e:
    print("TypeError", e)


class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


try:
    raise MyErr(3)
except MyErr as e:
    print(e, e.code, e.args)


class D(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.extra = 1


print(D(a=1), D(b=2).extra)


@dataclass
class P:
    x: int
    y: int = 0


print(P(1), P(2, 3) == P(2, 3))


def gen_nodes(n):
    for i in range(n):
        yield Node(i, Node(-i))


print([x.total() for x in gen_nodes(4)])
kw = Node(value=3, left=Node(1))
print(kw.total())
print(Node())
