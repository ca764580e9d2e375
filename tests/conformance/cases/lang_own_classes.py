# Classes: dunders, properties, class/static methods, inheritance, sorting and printing user objects
class Money:
    rate = 1.0
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __hash__(self):
        return hash(self.cents)
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    __radd__ = __add__
    def __mul__(self, k):
        return Money(self.cents * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Money(-self.cents)
    def __bool__(self):
        return self.cents != 0
    def __len__(self):
        return len(str(self.cents))
    def __contains__(self, d):
        return str(d) in str(self.cents)
    def __call__(self, extra):
        return self.cents + extra
    @property
    def dollars(self):
        return self.cents // 100
    @dollars.setter
    def dollars(self, v):
        self.cents = v * 100 + self.cents % 100
    @classmethod
    def zero(cls):
        return cls(0)
    @staticmethod
    def parse(s):
        return Money(int(s.replace(".", "")))
m = Money(250)
print(m, repr(m), [m, Money(5)], {"k": m}, (m,), str(m), f"{m}|{m!r}")
print(m + Money(50), m + 1, 1 + m, sum([Money(1), Money(2)], Money(0)), m * 2, 3 * m, -m)
print(m == Money(250), m != Money(1), m < Money(300), Money(400) > m, sorted([Money(3), Money(1), Money(2)]))
print(bool(Money(0)), bool(m), len(m), 5 in m, 9 in m, m(5), m.dollars)
m.dollars = 7
print(m.cents, Money.zero(), Money.parse("1.25"), Money.rate, m.rate, {Money(1), Money(1), Money(2)} == {Money(1), Money(2)})
print(max([Money(7), Money(9)]), min(Money(7), Money(3)), Money(1) in [Money(1)], [Money(2)].index(Money(2)))
class Seq:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
    def __len__(self):
        return self.n
print(list(Seq(3)), Seq(4)[2], 20 in Seq(3), len(Seq(5)))
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(4)), [x for x in Countdown(2)])
class Grid:
    def __init__(self):
        self.cells = {}
    def __setitem__(self, key, v):
        self.cells[key] = v
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __delitem__(self, key):
        del self.cells[key]
g = Grid()
g[0, 1] = "x"
g[2, 2] = "o"
del g[2, 2]
print(g[0, 1], g[2, 2], g.cells)
class Base:
    kind = "base"
    def __init__(self):
        self.log = ["base"]
    def who(self):
        return "Base"
    def describe(self):
        return f"{self.who()} ({self.kind})"
class Mid(Base):
    kind = "mid"
    def __init__(self):
        super().__init__()
        self.log.append("mid")
    def who(self):
        return "Mid<" + super().who() + ">"
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("leaf")
leaf = Leaf()
print(leaf.describe(), leaf.log, isinstance(leaf, Base), issubclass(Leaf, Mid), type(leaf).__name__, Leaf.__mro__[1].__name__)
print(type(leaf) is Leaf, Leaf.kind, hasattr(leaf, "log"), getattr(leaf, "nope", 0))
setattr(leaf, "extra", 1)
print(leaf.extra, vars(leaf)["extra"])
class Plain:
    pass
p = Plain()
print(type(p).__name__, str(p).startswith("<__main__.Plain object at 0x"), Plain.__name__, Plain.__qualname__)
