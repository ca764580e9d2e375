# dataclasses (fields, defaults, default_factory, frozen, order, inheritance, __post_init__,
# asdict/astuple/replace/fields, the errors), typing's aliases, class and module __annotations__,
# user __setattr__/__delattr__ and object.__setattr__, generator send/close.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from typing import List

@dataclass
class Tok:
    text: str
    score: float = 0.0
    tags: List[str] = field(default_factory=list)

t = Tok("hi", 1.5)
print(t, t == Tok("hi", 1.5), Tok("a"), t != Tok("b"))
t.tags.append("x")
print(t.tags, Tok("z").tags, [f.name for f in fields(t)], asdict(t), astuple(t))
print(replace(t, score=9), is_dataclass(t), is_dataclass(Tok), is_dataclass(3))
try:
    Tok()
except TypeError as e:
    print(e)
try:
    hash(t)
except TypeError as e:
    print(e)

@dataclass(frozen=True, order=True)
class P:
    x: int
    y: int = 0
p = P(1, 2)
print(p, p < P(1, 3), sorted([P(2), P(1, 5), P(1)]), hash(p) == hash(P(1, 2)), {p: 1}[P(1, 2)])
try:
    p.x = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))

@dataclass
class Base:
    a: int
    b: str = "b"
@dataclass
class Child(Base):
    c: float = 1.0
    def total(self):
        return self.a + self.c
ch = Child(3)
print(ch, ch.total(), asdict(ch), Child(1, "x", 2.5))

@dataclass
class WithPost:
    w: int
    h: int
    area: int = field(init=False, default=0)
    def __post_init__(self):
        self.area = self.w * self.h
print(WithPost(2, 3), WithPost(2, 3).area)

@dataclass
class Nest:
    items: List[Tok] = field(default_factory=list)
    name: str = field(default="n", repr=False)
print(Nest([Tok("q")]), asdict(Nest([Tok("q")])))
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e:
    print(e)
print(fields(P)[0].name, fields(P)[1].default)
from typing import List, Dict, Optional, Tuple, Union, Callable, Any, Iterable, TypeVar, cast
def f(xs: List[int], m: Dict[str, float], o: Optional[str] = None) -> Tuple[int, ...]:
    return tuple(xs)
print(f([1, 2], {}), f.__annotations__ if False else "")
print(List[int], Dict[str, List[float]], Optional[int], Union[int, str], Tuple[int, ...], Callable[[int, str], bool], Any, List)
T = TypeVar("T")
print(T, cast(int, "3"), Iterable[T])
class A:
    x: List[int]
    y: Optional["A"] = None
print(A.__annotations__)
n: int = 3
m: "str"
print(__annotations__)


class Logged:
    def __init__(self):
        self.log = []
        self.x = 1

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        super().__delattr__(name)


lg = Logged()
lg.y = 2
del lg.x
print(lg.log, lg.y, hasattr(lg, "x"))


def gen():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


g = gen()
print(next(g), g.send(3), g.send(4))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
g2 = gen()
next(g2)
g2.close()
print(list(g2))


# a hook put on a class after the fact applies to its existing instances
class Late:
    pass


late = Late()
late.a = 1


def _late_setattr(self, name, value):
    object.__setattr__(self, name, value * 10)


Late.__setattr__ = _late_setattr
late.b = 2
print(late.a, late.b)
# a field whose default equals an inherited plain attribute is still the class's own
from dataclasses import dataclass
class Base:
    y = 0
@dataclass
class C(Base):
    x: int
    y: int = 0
print(C(1))
@dataclass
class D(C):
    z: int = 5
print(D(2), D.__annotations__)
