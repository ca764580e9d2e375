# A cell that defines its classes again: the old instances and subclasses keep the old class
# (tests/unit/class_lifetime_test.cpp checks the references themselves).
class Point:
    dims = 2


class Point3(Point):
    dims = 3


p = Point()
q = Point3()


class Point:  # redefined: p keeps the first Point
    dims = 20


filler = [[i] * 10 for i in range(200)]
print(type(p).__name__, p.dims, q.dims, Point.dims, isinstance(p, Point), type(p) is Point)
print(Point3.__mro__[1].dims, [c.__name__ for c in Point3.__mro__])
Point = Point3 = None
filler = [str(i) * 5 for i in range(500)]
print(type(p).__name__, p.dims, type(q).__name__, q.dims, isinstance(q, type(p)))


class Err(ValueError):
    pass


errs = [Err("a"), Err("b")]
Err = None
filler = {i: [i] for i in range(300)}
print([type(e).__name__ for e in errs], [str(e) for e in errs], isinstance(errs[0], ValueError))
